#include <doctest/doctest.h>

#include "ecadm/audit.hpp"
#include "ecadm/error.hpp"
#include "ecadm/locations.hpp"
#include "ecadm/users.hpp"
#include "store_dump.hpp"
#include "test_support.hpp"

using namespace ecadm;
using ecadm::test::contains;
using ecadm::test::session_as;
using ecadm::test::TempDir;

namespace {

locations::Location hauptsitz() {
  locations::Location l;
  l.name = "Hauptsitz";
  l.street = "Marktplatz";
  l.house_number = "1a";
  l.zip = "04109";
  l.city = "Leipzig";
  l.phone = "+49 341 123456";
  l.email = "info@kanzlei.de";
  return l;
}

std::string stamm(const std::filesystem::path& store, const std::string& column) {
  auto s = session_as(store);
  auto stmt = s->db().prepare("SELECT coalesce(" + column + ", '') FROM econsult_settings WHERE id = 1");
  stmt.step();
  return stmt.column_text(0);
}

}  // namespace

TEST_SUITE("domain::locations") {
  TEST_CASE("add: the first location fills the empty master data and says so; audited") {
    TempDir dir;
    auto store = test::make_firm(dir);
    auto s = session_as(store, "chef");
    auto change = locations::add(*s, hauptsitz());
    CHECK(change.changed);
    CHECK(contains(change.message, "added location 'Hauptsitz'"));
    CHECK(contains(change.message, "master data (Stammdaten)"));
    CHECK(stamm(store, "stamm_name") == "Kanzlei Test");
    CHECK(stamm(store, "stamm_street") == "Marktplatz");
    CHECK(stamm(store, "stamm_zip") == "04109");
    CHECK(stamm(store, "stamm_email") == "info@kanzlei.de");
    auto log = audit::list(*s, std::nullopt, 10);
    REQUIRE(log.size() >= 2);
    CHECK(log[log.size() - 2].action == "location.add");
    CHECK(log[log.size() - 2].object == "location:Hauptsitz");
  }

  TEST_CASE("add: a second location leaves the master data alone") {
    TempDir dir;
    auto store = test::make_firm(dir);
    auto s = session_as(store, "chef");
    locations::add(*s, hauptsitz());
    auto zweig = hauptsitz();
    zweig.name = "Zweigstelle";
    zweig.street = "Hauptstrasse";
    auto change = locations::add(*s, zweig);
    CHECK(change.changed);
    CHECK_FALSE(contains(change.message, "Stammdaten"));
    CHECK(stamm(store, "stamm_street") == "Marktplatz");
    auto all = locations::list(*s);
    REQUIRE(all.size() == 2);
    CHECK(all[0].name == "Hauptsitz");
    CHECK(all[1].name == "Zweigstelle");
    CHECK(all[1].street == "Hauptstrasse");
    CHECK(all[1].country == "DE");
    CHECK(all[1].phone == "+49 341 123456");
    CHECK_FALSE(all[1].fax.has_value());
  }

  TEST_CASE("add: the same location again is unchanged; the same name with other data is invalid") {
    TempDir dir;
    auto store = test::make_firm(dir);
    auto s = session_as(store, "chef");
    locations::add(*s, hauptsitz());
    auto again = locations::add(*s, hauptsitz());
    CHECK_FALSE(again.changed);
    CHECK(again.message == "location 'Hauptsitz' already exists");
    auto before = test::dump_store(store);
    auto other = hauptsitz();
    other.city = "Halle";
    try {
      locations::add(*s, other);
      FAIL("expected InvalidData");
    } catch (const InvalidData& e) {
      CHECK(e.field() == "name");
      CHECK(e.code() == ExitCode::invalid);
      CHECK(e.hint() == "ecadm location list");
    }
    CHECK(test::dump_store(store) == before);
  }

  TEST_CASE("add: each bad field is invalid data naming it, and nothing is stored") {
    TempDir dir;
    auto store = test::make_firm(dir);
    auto s = session_as(store, "chef");
    auto before = test::dump_store(store);
    auto field = [&](auto mutate) {
      auto l = hauptsitz();
      mutate(l);
      try {
        locations::add(*s, l);
      } catch (const InvalidData& e) {
        return e.field();
      }
      return std::string("accepted");
    };
    using L = locations::Location;
    CHECK(field([](L& l) { l.name = " "; }) == "name");
    CHECK(field([](L& l) { l.street = ""; }) == "street");
    CHECK(field([](L& l) { l.house_number = std::string(21, '1'); }) == "house-number");
    CHECK(field([](L& l) { l.zip = "4109"; }) == "zip");
    CHECK(field([](L& l) { l.city = "\t"; }) == "city");
    CHECK(field([](L& l) { l.country = "DEU"; }) == "country");
    CHECK(field([](L& l) { l.phone = "call me"; }) == "phone");
    CHECK(field([](L& l) { l.fax = "12"; }) == "fax");
    CHECK(field([](L& l) { l.email = "info@"; }) == "email");
    CHECK(test::dump_store(store) == before);
  }

  TEST_CASE("add: the country is raised to upper case and picks the zip rule") {
    TempDir dir;
    auto store = test::make_firm(dir);
    auto s = session_as(store, "chef");
    auto wien = hauptsitz();
    wien.name = "Wien";
    wien.country = "at";
    wien.zip = "1010";
    CHECK(locations::add(*s, wien).changed);
    CHECK(locations::list(*s).front().country == "AT");
  }

  TEST_CASE("add: kanzleiverwaltung may; benutzerverwaltung alone and no acting user may not") {
    TempDir dir;
    auto store = test::make_firm(dir);
    users::add(*session_as(store, "chef"), {"kv", "KV", std::nullopt, {"kanzleiverwaltung"}});
    users::add(*session_as(store, "chef"), {"hr", "HR", std::nullopt, {"benutzerverwaltung"}});
    auto before = test::dump_store(store);
    try {
      locations::add(*session_as(store, "hr"), hauptsitz());
      FAIL("expected NotPermitted");
    } catch (const NotPermitted& e) {
      CHECK(e.code() == ExitCode::not_permitted);
      CHECK(e.hint() == "ecadm --as chef user grant hr kanzleiverwaltung");
    }
    CHECK_THROWS_AS(locations::add(*session_as(store), hauptsitz()), NotPermitted);
    CHECK(test::dump_store(store) == before);
    CHECK(locations::add(*session_as(store, "kv"), hauptsitz()).changed);
  }

  TEST_CASE("add: a dry run stores neither the location nor the master data") {
    TempDir dir;
    auto store = test::make_firm(dir);
    auto before = test::dump_store(store);
    auto options = test::options_for(store, "chef");
    options.dry_run = true;
    Session s(options);
    CHECK(locations::add(s, hauptsitz()).changed);
    CHECK(test::dump_store(store) == before);
  }
}
