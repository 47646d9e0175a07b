#include <doctest/doctest.h>

#include <algorithm>

#include "ecadm/doctor.hpp"
#include "ecadm/error.hpp"
#include "ecadm/firm.hpp"
#include "ecadm/postfach.hpp"
#include "test_support.hpp"

using namespace ecadm;
using ecadm::test::TempDir;

namespace {

const doctor::Check* find(const doctor::Report& report, const std::string& id) {
  auto it = std::find_if(report.checks.begin(), report.checks.end(), [&](const auto& c) { return c.id == id; });
  return it == report.checks.end() ? nullptr : &*it;
}

std::string status(const doctor::Report& report, const std::string& id) {
  const auto* check = find(report, id);
  return check ? check->status : "absent";
}

const doctor::InsurerReadiness* insurer(const doctor::Report& report, const std::string& bafin) {
  for (const auto& i : report.insurers)
    if (i.bafin == bafin) return &i;
  return nullptr;
}

// Everything the firm needs to send, set directly in the store.
void make_ready(const std::filesystem::path& store) {
  firm::set_plan(*test::session_as(store, "chef"), "professional");
  auto s = test::session_as(store);
  s->db().exec(
      "INSERT INTO seat_assignments (user_id, assigned_at) SELECT id, '2026-12-01T00:00:00Z' FROM users "
      "WHERE login = 'chef';"
      "INSERT INTO postfach_credentials (id, kanzlei_id, username, password_box, updated_at) "
      "VALUES (1, 'K-1', 'chef', X'0011', '2026-12-01T00:00:00Z');"
      "UPDATE econsult_settings SET stamm_name = 'Kanzlei Test', stamm_street = 'Markt', stamm_house_number = '1', "
      "stamm_zip = '04109', stamm_city = 'Leipzig', stamm_country = 'DE', stamm_email = 'k@test.example', "
      "endpoint = 'http://127.0.0.1:9/ec/v1', bank_holder = 'Kanzlei Test', bank_iban = 'DE89370400440532013000', "
      "adac_partner_number = 'ADAC-1', adac_agb_version = '2026-01' WHERE id = 1;");
}

std::unique_ptr<Session> session_at(const std::filesystem::path& store, const std::string& utc) {
  auto options = test::options_for(store);
  std::tm tm{};
  strptime(utc.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  options.clock = std::make_shared<FixedClock>(std::chrono::system_clock::from_time_t(timegm(&tm)));
  return std::make_unique<Session>(options);
}

}  // namespace

TEST_SUITE("domain::doctor") {
  TEST_CASE("run: a fresh basic firm fails with the fix for each missing item") {
    TempDir dir;
    auto store = test::make_firm(dir, "basic");
    auto report = doctor::run(*test::session_as(store), {});
    CHECK_FALSE(report.ready);
    CHECK(status(report, "store") == "ok");
    CHECK(status(report, "store-mode") == "ok");
    CHECK(status(report, "key-file") == "ok");
    CHECK(status(report, "admin") == "ok");
    CHECK(status(report, "plan") == "fail");
    CHECK(find(report, "plan")->fix == "ecadm --as chef firm set-plan professional");
    CHECK(find(report, "seats")->fix == "ecadm --as chef license assign chef");
    CHECK(status(report, "postfach") == "fail");
    CHECK(find(report, "postfach")->message == "no credentials");
    CHECK(find(report, "postfach")->fix ==
          "ecadm --as chef postfach set-credentials --kanzlei-id ID --username USER --password-stdin");
    CHECK(status(report, "stammdaten") == "fail");
    CHECK(find(report, "stammdaten")->fix.find("--name NAME --street STREET") != std::string::npos);
    CHECK(find(report, "endpoint")->fix == "ecadm --as chef settings set-endpoint URL");
    CHECK(status(report, "directory") == "warn");
    CHECK(find(report, "directory")->fix == "ecadm --as LOGIN insurer sync");  // nobody holds a seat yet
    CHECK(status(report, "zentralruf") == "warn");
    CHECK(status(report, "passivmandatierung") == "info");
    CHECK(find(report, "passivmandatierung")->fix.empty());
    CHECK(find(report, "messages")->message == "none queued or failed");  // no outbox table yet
    CHECK(status(report, "online") == "absent");
  }

  TEST_CASE("run: before any sync the well-known R+V and ADAC requirements are checked") {
    TempDir dir;
    auto store = test::make_firm(dir);
    auto report = doctor::run(*test::session_as(store), {});
    REQUIRE(report.insurers.size() == 2);
    const auto* adac = insurer(report, "5826");
    REQUIRE(adac);
    CHECK_FALSE(adac->ready);
    CHECK(adac->missing == std::vector<std::string>{"adac-partnernummer", "adac-agb"});
    const auto* rv = insurer(report, "5836");
    REQUIRE(rv);
    CHECK(rv->missing == std::vector<std::string>{"bankverbindung"});
    CHECK(find(report, "insurer.5826.adac-partnernummer")->fix == "ecadm --as chef adac set-partner-number NR");
    CHECK(find(report, "insurer.5826.adac-agb")->fix == "ecadm --as chef adac accept-agb");
    CHECK(find(report, "insurer.5836.bankverbindung")->fix ==
          "ecadm --as chef settings set-bank --iban IBAN --holder NAME");
  }

  TEST_CASE("run: a firm with everything set is ready; strict turns warnings into not ready") {
    TempDir dir;
    auto store = test::make_firm(dir, "basic");
    make_ready(store);
    auto report = doctor::run(*test::session_as(store), {});
    for (const auto& c : report.checks) CHECK_MESSAGE(c.status != "fail", c.id << ": " << c.message);
    CHECK(report.ready);
    CHECK(status(report, "insurers") == "ok");
    CHECK(find(report, "plan")->fix.empty());
    CHECK(status(report, "zentralruf") == "warn");

    doctor::Options strict;
    strict.strict = true;
    CHECK_FALSE(doctor::run(*test::session_as(store), strict).ready);

    auto s = test::session_as(store);
    s->db().exec(
        "INSERT INTO zentralruf_credentials (id, username, password_box, updated_at) "
        "VALUES (1, 'z', X'00', '2026-12-01T00:00:00Z');"
        "INSERT INTO insurer_directory (id, stand, synced_at) VALUES (1, '2026-12-01', '2026-12-03T00:00:00Z')");
    auto now = session_at(store, "2026-12-04T12:00:00Z");
    CHECK(doctor::run(*now, strict).ready);
  }

  TEST_CASE("run: a synced directory fails only the insurers that require the missing item") {
    TempDir dir;
    auto store = test::make_firm(dir);
    auto s = test::session_as(store);
    s->db().exec(
        "INSERT INTO insurers (bafin, name, rechtsschutz, schaden, deckungsanfrage, requires_bank, "
        "requires_adac_partner_number, requires_adac_agb) VALUES "
        "('5836', 'R+V Rechtsschutzversicherung AG', 1, 0, 'voll', 1, 0, 0), "
        "('5826', 'ADAC Rechtsschutzversicherungs-AG', 1, 0, 'voll', 0, 1, 1), "
        "('5512', 'ARAG SE', 1, 0, 'voll', 0, 0, 0);"
        "INSERT INTO insurer_directory (id, stand, synced_at) VALUES (1, '2026-12-01', '2026-12-02T00:00:00Z');"
        "UPDATE econsult_settings SET bank_iban = 'DE89370400440532013000', bank_holder = 'K' WHERE id = 1");
    auto report = doctor::run(*session_at(store, "2026-12-03T00:00:00Z"), {});
    REQUIRE(report.insurers.size() == 3);
    CHECK(insurer(report, "5836")->ready);
    CHECK(insurer(report, "5512")->ready);
    CHECK(insurer(report, "5826")->missing.size() == 2);
    CHECK(status(report, "insurer.5836.bankverbindung") == "absent");
    CHECK(status(report, "insurer.5826.adac-agb") == "fail");
    CHECK(status(report, "directory") == "ok");

    SUBCASE("a bank account without holder does not count") {
      s->db().exec("UPDATE econsult_settings SET bank_holder = NULL WHERE id = 1");
      auto again = doctor::run(*test::session_as(store), {});
      CHECK(status(again, "insurer.5836.bankverbindung") == "fail");
      CHECK(status(again, "insurer.5512.bankverbindung") == "absent");
    }
  }

  TEST_CASE("run: --insurer narrows the insurer part; an unknown one is NotFound") {
    TempDir dir;
    auto store = test::make_firm(dir);
    doctor::Options options;
    options.insurer = "5836";
    auto report = doctor::run(*test::session_as(store), options);
    REQUIRE(report.insurers.size() == 1);
    CHECK(report.insurers[0].name == "R+V Rechtsschutzversicherung AG");
    CHECK(status(report, "insurer.5836.bankverbindung") == "fail");
    CHECK(status(report, "insurer.5826.adac-agb") == "absent");
    options.insurer = "9999";
    CHECK_THROWS_AS(doctor::run(*test::session_as(store), options), NotFound);
  }

  TEST_CASE("run: a directory older than 7 days warns") {
    TempDir dir;
    auto store = test::make_firm(dir);
    test::session_as(store)->db().exec(
        "INSERT INTO insurer_directory (id, stand, synced_at) VALUES (1, '2026-11-01', '2026-11-20T08:00:00Z')");
    auto fresh = doctor::run(*session_at(store, "2026-11-25T08:00:00Z"), {});
    CHECK(status(fresh, "directory") == "ok");
    CHECK(find(fresh, "directory")->message.find("5 days ago") != std::string::npos);
    // the fix names a seat holder: only a seat holder may sync
    test::session_as(store)->db().exec(
        "INSERT INTO seat_assignments (user_id, assigned_at) SELECT id, '2026-11-20T08:00:00Z' FROM users "
        "WHERE login = 'chef'");
    auto stale = doctor::run(*session_at(store, "2026-12-01T08:00:00Z"), {});
    CHECK(status(stale, "directory") == "warn");
    CHECK(find(stale, "directory")->fix == "ecadm --as chef insurer sync");
  }

  TEST_CASE("run: master data fix points at --from-location once a location exists") {
    TempDir dir;
    auto store = test::make_firm(dir);
    test::session_as(store)->db().exec(
        "INSERT INTO locations (name, street, house_number, zip, city, created_at) "
        "VALUES ('Hauptsitz', 'Markt', '1', '04109', 'Leipzig', '2026-12-01T00:00:00Z')");
    auto report = doctor::run(*test::session_as(store), {});
    CHECK(find(report, "stammdaten")->fix == "ecadm --as chef settings set-stammdaten --from-location");
  }

  TEST_CASE("run: a store or key file readable by others fails with chmod as fix") {
    TempDir dir;
    auto store = test::make_firm(dir);
    namespace fs = std::filesystem;
    fs::permissions(store,
                    fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
    auto report = doctor::run(*test::session_as(store), {});
    CHECK(status(report, "store-mode") == "fail");
    CHECK(find(report, "store-mode")->message.find("0644") != std::string::npos);
    CHECK(find(report, "store-mode")->fix == "chmod 600 " + store.string());
    CHECK(status(report, "key-file") == "ok");

    fs::permissions(store.string() + ".key", fs::perms::group_read, fs::perm_options::add);
    auto again = doctor::run(*test::session_as(store), {});
    CHECK(status(again, "key-file") == "fail");
    CHECK(find(again, "key-file")->fix == "chmod 600 " + store.string() + ".key");

    fs::remove(store.string() + ".key");
    CHECK(status(doctor::run(*test::session_as(store), {}), "key-file") == "fail");
  }

  TEST_CASE("run: no active admin and disabled seat holders fail") {
    TempDir dir;
    auto store = test::make_firm(dir);
    test::session_as(store)->db().exec(
        "INSERT INTO seat_assignments (user_id, assigned_at) SELECT id, 'x' FROM users;"
        "UPDATE users SET active = 0");
    auto report = doctor::run(*test::session_as(store), {});
    CHECK(status(report, "admin") == "fail");
    CHECK(status(report, "seats") == "fail");
  }

  TEST_CASE("run: --online asks the endpoint (here: nobody listens) or the check it is given") {
    TempDir dir;
    auto store = test::make_firm(dir);
    make_ready(store);
    postfach::set_credentials(*test::session_as(store, "chef"), "K-1", "chef", "pw");  // a real sealed password
    doctor::Options options;
    options.online = true;
    auto report = doctor::run(*test::session_as(store), options);
    CHECK(status(report, "online") == "fail");
    CHECK(find(report, "online")->message.find("not reachable") != std::string::npos);
    CHECK(find(report, "online")->fix.find("ecadm settings set-endpoint") != std::string::npos);
    CHECK_FALSE(report.ready);
    options.online_check = [](Session&) {
      return std::vector<doctor::Check>{{"online", "fail", "credentials refused", "ecadm postfach set-credentials"}};
    };
    auto online = doctor::run(*test::session_as(store), options);
    CHECK(status(online, "online") == "fail");
    CHECK_FALSE(online.ready);
  }

  TEST_CASE("run: queued and failed messages warn once a messages table exists") {
    TempDir dir;
    auto store = test::make_firm(dir);
    auto s = test::session_as(store);
    s->db().exec("CREATE TABLE messages (id INTEGER PRIMARY KEY, state TEXT NOT NULL)");
    CHECK(status(doctor::run(*s, {}), "messages") == "ok");
    s->db().exec("INSERT INTO messages (state) VALUES ('queued'), ('sent')");
    auto queued = doctor::run(*s, {});
    CHECK(status(queued, "messages") == "warn");
    CHECK(find(queued, "messages")->fix == "ecadm outbox flush");
    s->db().exec("INSERT INTO messages (state) VALUES ('failed')");
    CHECK(find(doctor::run(*s, {}), "messages")->message == "1 failed, 1 queued");
  }

  TEST_CASE("run: never writes and needs no acting user") {
    TempDir dir;
    auto store = test::make_firm(dir);
    auto s = test::session_as(store);
    auto changes = [&] {
      auto stmt = s->db().prepare("SELECT total_changes()");
      stmt.step();
      return stmt.column_int(0);
    };
    auto before = changes();
    doctor::run(*s, {});
    CHECK(changes() == before);
  }
}
