#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "ecadm/error.hpp"
#include "ecadm/secrets.hpp"
#include "ecadm/settings.hpp"
#include "test_support.hpp"

using namespace ecadm;
using ecadm::test::make_firm;
using ecadm::test::options_for;
using ecadm::test::session_as;
using ecadm::test::TempDir;

namespace {

constexpr const char* k_iban = "DE89 3704 0044 0532 0130 00";

std::int64_t count(Session& s, const std::string& sql) {
  auto stmt = s.db().prepare(sql);
  REQUIRE(stmt.step());
  return stmt.column_int(0);
}

std::int64_t audits(Session& s, const std::string& action) {
  auto stmt = s.db().prepare("SELECT count(*) FROM audit_log WHERE action = ?");
  stmt.bind(1, action);
  REQUIRE(stmt.step());
  return stmt.column_int(0);
}

// Adds a user with the given permissions (comma-free list) straight into the store.
void add_user(Session& s, const std::string& login, std::initializer_list<const char*> permissions) {
  s.db().prepare("INSERT INTO users (login, name, created_at) VALUES (?, ?, 'now')").bind_all(login, login).run();
  auto id = s.db().last_insert_rowid();
  for (const char* p : permissions)
    s.db().prepare("INSERT INTO user_permissions (user_id, permission) VALUES (?, ?)").bind_all(id, p).run();
}

void add_location(Session& s, const std::string& name, const std::string& city, std::optional<std::string> email) {
  s.db()
      .prepare(
          "INSERT INTO locations (name, street, house_number, zip, city, country, phone, email, created_at) "
          "VALUES (?, 'Hauptstrasse', '1', '04109', ?, 'DE', '+49 341 1', ?, 'now')")
      .bind_all(name, city, email)
      .run();
}

std::string whole_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

settings::Stammdaten berger() {
  settings::Stammdaten d;
  d.name = "Kanzlei Berger";
  d.street = "Hauptstrasse";
  d.house_number = "1";
  d.zip = "04109";
  d.city = "Leipzig";
  d.email = "info@berger.de";
  return d;
}

}  // namespace

TEST_SUITE("domain::settings") {
  TEST_CASE("show: a fresh firm has no settings") {
    TempDir dir;
    auto s = session_as(make_firm(dir));
    auto all = settings::show(*s);
    CHECK_FALSE(all.stammdaten.complete());
    CHECK_FALSE(all.stammdaten.name.has_value());
    CHECK_FALSE(all.bank.has_value());
    CHECK_FALSE(all.zentralruf.has_value());
    CHECK_FALSE(all.endpoint.has_value());
    CHECK_FALSE(all.adac.partner_number.has_value());
    CHECK_FALSE(settings::load_zentralruf(*s).has_value());
    CHECK_FALSE(settings::load_endpoint(*s).has_value());
  }

  TEST_CASE("set_bank: stored normalised, audited, idempotent") {
    TempDir dir;
    auto store = make_firm(dir);
    auto s = session_as(store, "chef");
    auto change = settings::set_bank(*s, k_iban, "Kanzlei Berger", std::string("cobadeffxxx"));
    CHECK(change.changed);
    auto again = settings::set_bank(*s, "de89370400440532013000", " Kanzlei Berger ", std::string("COBADEFFXXX"));
    CHECK_FALSE(again.changed);
    CHECK(again.message.find("already") != std::string::npos);
    auto reopened = session_as(store);
    auto bank = settings::show(*reopened).bank;
    REQUIRE(bank.has_value());
    CHECK(bank->iban == "DE89370400440532013000");
    CHECK(bank->holder == "Kanzlei Berger");
    CHECK(bank->bic == "COBADEFFXXX");
    CHECK(audits(*reopened, "settings.set-bank") == 1);
    // without a BIC the stored one goes
    CHECK(settings::set_bank(*s, k_iban, "Kanzlei Berger").changed);
    CHECK_FALSE(settings::show(*s).bank->bic.has_value());
  }

  TEST_CASE("set_bank: a bad IBAN or BIC is refused and changes nothing") {
    TempDir dir;
    auto s = session_as(make_firm(dir), "chef");
    settings::set_bank(*s, k_iban, "Kanzlei Berger");
    try {
      settings::set_bank(*s, "DE89 3704 0044 0532 0130 01", "X");
      FAIL("expected InvalidData");
    } catch (const InvalidData& e) {
      CHECK(e.field() == "iban");
      CHECK(std::string(e.what()) == "invalid iban: checksum is wrong (mod 97 must be 1)");
    }
    try {
      settings::set_bank(*s, "AT61 1904 3002 3457 3201", "X", std::string("COBADEFFXXX"));
      FAIL("expected InvalidData");
    } catch (const InvalidData& e) {
      CHECK(e.field() == "bic");
      CHECK(std::string(e.what()).find("does not match the IBAN's country 'AT'") != std::string::npos);
    }
    CHECK_THROWS_AS(settings::set_bank(*s, k_iban, "  "), InvalidData);
    CHECK(settings::show(*s).bank->iban == "DE89370400440532013000");
    CHECK(settings::show(*s).bank->holder == "Kanzlei Berger");
    CHECK(audits(*s, "settings.set-bank") == 1);
  }

  TEST_CASE("preconditions: plan, permissions and an acting user are enforced for every write") {
    TempDir dir;
    auto store = make_firm(dir, "basic");
    {
      auto s = session_as(store, "chef");
      CHECK_THROWS_AS(settings::set_bank(*s, k_iban, "X"), NotPermitted);
      CHECK_THROWS_AS(settings::set_endpoint(*s, "https://ec.example.com"), NotPermitted);
      s->db().exec("UPDATE firm SET plan = 'professional'");
      add_user(*s, "anna", {"kanzleiverwaltung"});
      add_user(*s, "bert", {"kanzleiverwaltung", "benutzerverwaltung"});
    }
    auto anna = session_as(store, "anna");
    try {
      settings::set_bank(*anna, k_iban, "X");
      FAIL("expected NotPermitted");
    } catch (const NotPermitted& e) {
      CHECK(std::string(e.what()).find("'anna' may not") != std::string::npos);
    }
    CHECK_THROWS_AS(settings::set_zentralruf(*anna, "u", "p"), NotPermitted);
    CHECK_THROWS_AS(settings::set_stammdaten(*anna, berger()), NotPermitted);
    CHECK_THROWS_AS(settings::set_stammdaten_from_location(*anna, std::nullopt), NotPermitted);
    CHECK_THROWS_AS(settings::clear_bank(*anna), NotPermitted);
    auto nobody = session_as(store);
    CHECK_THROWS_AS(settings::set_bank(*nobody, k_iban, "X"), NotPermitted);
    CHECK_FALSE(settings::show(*nobody).bank.has_value());
    auto bert = session_as(store, "bert");
    CHECK(settings::set_bank(*bert, k_iban, "X").changed);
  }

  TEST_CASE("dry run: goes through every check and changes nothing") {
    TempDir dir;
    auto store = make_firm(dir);
    auto options = options_for(store, "chef");
    options.dry_run = true;
    Session s(options);
    auto change = settings::set_bank(s, k_iban, "Kanzlei Berger");
    CHECK(change.changed);
    CHECK_FALSE(settings::show(s).bank.has_value());
    CHECK(audits(s, "settings.set-bank") == 0);
  }

  TEST_CASE("clear_bank: removes the account once, then says none is set") {
    TempDir dir;
    auto s = session_as(make_firm(dir), "chef");
    CHECK_FALSE(settings::clear_bank(*s).changed);
    settings::set_bank(*s, k_iban, "Kanzlei Berger");
    CHECK(settings::clear_bank(*s).changed);
    CHECK_FALSE(settings::show(*s).bank.has_value());
    CHECK(count(*s, "SELECT count(*) FROM econsult_settings WHERE bank_holder IS NULL AND bank_bic IS NULL") == 1);
    CHECK(audits(*s, "settings.clear-bank") == 1);
  }

  TEST_CASE("set_zentralruf: sealed, readable by the client, masked in the audit log, idempotent") {
    TempDir dir;
    auto store = make_firm(dir);
    auto s = session_as(store, "chef");
    CHECK(settings::set_zentralruf(*s, "zr-berger", "Geheim-Passwort-42").changed);
    CHECK_FALSE(settings::set_zentralruf(*s, "zr-berger", "Geheim-Passwort-42").changed);
    auto creds = settings::load_zentralruf(*s);
    REQUIRE(creds.has_value());
    CHECK(creds->username == "zr-berger");
    CHECK(creds->password == "Geheim-Passwort-42");
    auto info = settings::show(*s).zentralruf;
    REQUIRE(info.has_value());
    CHECK(info->password_set);
    CHECK(settings::set_zentralruf(*s, "zr-berger", "Neues-Passwort-43").changed);
    CHECK(settings::load_zentralruf(*s)->password == "Neues-Passwort-43");
    CHECK(audits(*s, "settings.set-zentralruf") == 2);
    CHECK(
        count(*s, "SELECT count(*) FROM audit_log WHERE new_value LIKE '%Passwort%' OR old_value LIKE '%Passwort%'") ==
        0);
    CHECK(count(*s, "SELECT count(*) FROM audit_log WHERE new_value LIKE '%password=********%'") == 2);
    s.reset();
    auto db = whole_file(store) + whole_file(store.string() + "-wal");
    CHECK(db.find("Passwort") == std::string::npos);
    CHECK_THROWS_AS(settings::set_zentralruf(*session_as(store, "chef"), "zr-berger", ""), InvalidData);
    CHECK_THROWS_AS(settings::set_zentralruf(*session_as(store, "chef"), " ", "x"), InvalidData);
    CHECK_THROWS_AS(settings::set_zentralruf(*session_as(store, "chef"), "zr:berger", "x"), InvalidData);
  }

  TEST_CASE("set_zentralruf: a missing key file is 'not ready'") {
    TempDir dir;
    auto store = make_firm(dir);
    std::filesystem::remove(store.string() + ".key");
    auto s = session_as(store, "chef");
    CHECK_THROWS_AS(settings::set_zentralruf(*s, "zr", "pw"), NotReady);
    CHECK_FALSE(settings::show(*s).zentralruf.has_value());
  }

  TEST_CASE("set_endpoint: https, or http on loopback only; normalised; idempotent") {
    TempDir dir;
    auto s = session_as(make_firm(dir), "chef");
    try {
      settings::set_endpoint(*s, "http://example.com");
      FAIL("expected InvalidData");
    } catch (const InvalidData& e) {
      CHECK(e.field() == "endpoint");
      CHECK(std::string(e.what()).find("loopback") != std::string::npos);
    }
    CHECK_FALSE(settings::load_endpoint(*s).has_value());
    CHECK(settings::set_endpoint(*s, "http://127.0.0.1:8080/ec/v1/").changed);
    CHECK(settings::load_endpoint(*s)->url == "http://127.0.0.1:8080/ec/v1");
    CHECK_FALSE(settings::set_endpoint(*s, "http://127.0.0.1:8080/ec/v1").changed);
    CHECK(settings::set_endpoint(*s, "https://EC.example.com/v1").changed);
    CHECK(settings::show(*s).endpoint->url == "https://ec.example.com/v1");
    CHECK(audits(*s, "settings.set-endpoint") == 2);
  }

  TEST_CASE("set_endpoint: the CA file must be a readable PEM file and is stored absolute") {
    TempDir dir;
    auto s = session_as(make_firm(dir), "chef");
    auto pem = dir / "ca.pem";
    std::ofstream(pem) << "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    auto junk = dir / "junk.txt";
    std::ofstream(junk) << "not a certificate\n";
    auto relative = std::filesystem::relative(pem);
    REQUIRE(relative.is_relative());
    CHECK(settings::set_endpoint(*s, "https://ec.example.com", relative).changed);
    auto ep = settings::load_endpoint(*s);
    REQUIRE(ep->cacert.has_value());
    CHECK(std::filesystem::path(*ep->cacert).is_absolute());
    CHECK(std::filesystem::equivalent(*ep->cacert, pem));
    CHECK_FALSE(settings::set_endpoint(*s, "https://ec.example.com", pem).changed);
    for (const auto& bad : {dir / "missing.pem", junk, dir.path()}) {
      CAPTURE(bad);
      try {
        settings::set_endpoint(*s, "https://ec.example.com", bad);
        FAIL("expected InvalidData");
      } catch (const InvalidData& e) {
        CHECK(e.field() == "cacert");
      }
    }
    CHECK_THROWS_AS(settings::set_endpoint(*s, "http://127.0.0.1:1", pem), InvalidData);
    CHECK(settings::load_endpoint(*s)->cacert.has_value());
    // no --cacert: back to the system's CAs
    CHECK(settings::set_endpoint(*s, "https://ec.example.com").changed);
    CHECK_FALSE(settings::load_endpoint(*s)->cacert.has_value());
  }

  TEST_CASE("set_stammdaten: validated, country DE by default, idempotent, audited with old and new") {
    TempDir dir;
    auto s = session_as(make_firm(dir), "chef");
    auto data = berger();
    data.phone = "+49 341 123456";
    CHECK(settings::set_stammdaten(*s, data).changed);
    CHECK_FALSE(settings::set_stammdaten(*s, data).changed);
    auto st = settings::show(*s).stammdaten;
    CHECK(st.complete());
    CHECK(st.country == "DE");
    CHECK(st.phone == "+49 341 123456");
    CHECK_FALSE(st.fax.has_value());
    data.city = "Berlin";
    data.zip = "10115";
    CHECK(settings::set_stammdaten(*s, data).changed);
    auto entry = s->db().prepare(
        "SELECT old_value, new_value FROM audit_log WHERE action = 'settings.set-stammdaten' ORDER BY id DESC LIMIT 1");
    REQUIRE(entry.step());
    CHECK(entry.column_text(0).find("city=Leipzig") != std::string::npos);
    CHECK(entry.column_text(1).find("city=Berlin") != std::string::npos);

    auto refused = [&](settings::Stammdaten d, const std::string& field) {
      try {
        settings::set_stammdaten(*s, d);
        FAIL("expected InvalidData for " << field);
      } catch (const InvalidData& e) {
        CHECK(e.field() == field);
      }
    };
    auto d = berger();
    d.zip = "4109";
    refused(d, "zip");
    d = berger();
    d.email = "info-at-berger";
    refused(d, "email");
    d = berger();
    d.email.reset();
    refused(d, "email");
    d = berger();
    d.country = "Deutschland";
    refused(d, "country");
    d = berger();
    d.fax = "fax me";
    refused(d, "fax");
    d = berger();
    d.house_number = "";
    refused(d, "house-number");
    CHECK(settings::show(*s).stammdaten.city == "Berlin");
    d = berger();
    d.country = "at";
    d.zip = "1010";
    CHECK(settings::set_stammdaten(*s, d).changed);
    CHECK(settings::show(*s).stammdaten.country == "AT");
  }

  TEST_CASE("set_stammdaten_from_location: the named or the first location; missing ones are 'not found'") {
    TempDir dir;
    auto s = session_as(make_firm(dir), "chef");
    try {
      settings::set_stammdaten_from_location(*s, std::nullopt);
      FAIL("expected NotFound");
    } catch (const NotFound& e) {
      CHECK(e.hint().find("ecadm location add") == 0);
    }
    add_location(*s, "Zentrale", "Leipzig", std::string("info@berger.de"));
    add_location(*s, "Filiale", "Berlin", std::nullopt);
    try {
      settings::set_stammdaten_from_location(*s, std::string("Nirgendwo"));
      FAIL("expected NotFound");
    } catch (const NotFound& e) {
      CHECK(std::string(e.what()).find("'Nirgendwo'") != std::string::npos);
    }
    CHECK_FALSE(settings::show(*s).stammdaten.name.has_value());

    auto first = settings::set_stammdaten_from_location(*s, std::nullopt);
    CHECK(first.changed);
    CHECK(first.message.find("'Zentrale'") != std::string::npos);
    auto st = settings::show(*s).stammdaten;
    CHECK(st.name == "Kanzlei Test");
    CHECK(st.city == "Leipzig");
    CHECK(st.complete());
    CHECK_FALSE(settings::set_stammdaten_from_location(*s, std::string("Zentrale")).changed);

    auto named = settings::set_stammdaten_from_location(*s, std::string("Filiale"));
    CHECK(named.changed);
    CHECK(named.message.find("still missing: email") != std::string::npos);
    CHECK(settings::show(*s).stammdaten.city == "Berlin");
    CHECK(audits(*s, "settings.set-stammdaten") == 2);
  }
}
