#include <doctest/doctest.h>

#include "domain_fixtures.hpp"
#include "ecadm/error.hpp"
#include "ecadm/license.hpp"

using namespace ecadm;
using namespace ecadm::test;

TEST_SUITE("domain::license") {
  TEST_CASE("show: a fresh firm has the one free seat, nobody holding it, no add-on") {
    TempDir dir;
    auto store = make_firm(dir);
    auto session = session_as(store);  // no acting user: read-only needs none
    auto info = license::show(*session);
    CHECK(info.plan == "professional");
    CHECK(info.total == 1);
    CHECK(info.booked == 0);
    CHECK(info.assigned == 0);
    CHECK(info.free == 1);
    CHECK(info.holders.empty());
    CHECK_FALSE(info.passivmandatierung);
  }

  TEST_CASE("show: works on a basic plan too") {
    TempDir dir;
    auto store = make_firm(dir, "basic");
    CHECK(license::show(*session_as(store)).plan == "basic");
  }

  TEST_CASE("assign: gives the free seat and audits it") {
    TempDir dir;
    auto store = make_firm(dir);
    auto before = snapshot(store);
    auto change = license::assign(*session_as(store, "chef"), {"chef"});
    CHECK(change.changed);
    CHECK(snapshot(store) != before);  // the snapshot sees the change
    CHECK(change.message == "assigned a seat to 'chef' (1 of 1 seats assigned)");
    auto info = license::show(*session_as(store));
    CHECK(info.assigned == 1);
    CHECK(info.free == 0);
    CHECK(info.holders == std::vector<std::string>{"chef"});
    CHECK(audit_count(store, "license.assign") == 1);
  }

  TEST_CASE("assign: a user who already holds a seat is left alone") {
    TempDir dir;
    auto store = make_firm(dir);
    license::assign(*session_as(store, "chef"), {"chef"});
    auto before = snapshot(store);
    auto change = license::assign(*session_as(store, "chef"), {"chef"});
    CHECK_FALSE(change.changed);
    CHECK(change.message == "already assigned: 'chef' already holds a seat");
    CHECK(snapshot(store) == before);
  }

  TEST_CASE("assign: refuses when no seat is free") {
    TempDir dir;
    auto store = make_firm(dir);
    add_user(store, "anna");
    license::assign(*session_as(store, "chef"), {"chef"});
    auto before = snapshot(store);
    auto e = thrown<NotPermitted>([&] { license::assign(*session_as(store, "chef"), {"anna"}); });
    CHECK(std::string(e.what()) == "cannot assign a seat to 'anna': no free seat (1 of 1 assigned)");
    CHECK(e.hint() == "ecadm license add-seats 1");
    CHECK(snapshot(store) == before);
  }

  TEST_CASE("assign: all or nothing when the seats do not suffice for everyone") {
    TempDir dir;
    auto store = make_firm(dir);
    add_user(store, "anna");
    add_user(store, "bob");
    auto before = snapshot(store);
    auto e = thrown<NotPermitted>([&] { license::assign(*session_as(store, "chef"), {"chef", "anna", "bob"}); });
    CHECK(std::string(e.what()) ==
          "cannot assign seats to 'chef', 'anna', 'bob': only 1 seat free for 3 users (0 of 1 assigned)");
    CHECK(e.hint() == "ecadm license add-seats 2");
    CHECK(snapshot(store) == before);

    license::add_seats(*session_as(store, "chef"), 2);
    auto change = license::assign(*session_as(store, "chef"), {"chef", "anna", "bob", "anna"});
    CHECK(change.changed);
    CHECK(license::show(*session_as(store)).holders == std::vector<std::string>{"anna", "bob", "chef"});
  }

  TEST_CASE("assign: an unknown user among several assigns nobody") {
    TempDir dir;
    auto store = make_firm(dir);
    license::add_seats(*session_as(store, "chef"), 1);
    auto before = snapshot(store);
    auto e = thrown<NotFound>([&] { license::assign(*session_as(store, "chef"), {"chef", "ghost"}); });
    CHECK(std::string(e.what()) == "user 'ghost' does not exist");
    CHECK(snapshot(store) == before);
  }

  TEST_CASE("assign: mixes new holders with existing ones and says so") {
    TempDir dir;
    auto store = make_firm(dir);
    add_user(store, "anna");
    license::add_seats(*session_as(store, "chef"), 1);
    license::assign(*session_as(store, "chef"), {"chef"});
    auto change = license::assign(*session_as(store, "chef"), {"chef", "anna"});
    CHECK(change.changed);
    CHECK(change.message == "assigned a seat to 'anna' (2 of 2 seats assigned); 'chef' already holds a seat");
  }

  TEST_CASE("assign: refuses a disabled user, a malformed login and an empty list") {
    TempDir dir;
    auto store = make_firm(dir);
    add_user(store, "gone", {}, false);
    auto before = snapshot(store);
    auto disabled = thrown<NotPermitted>([&] { license::assign(*session_as(store, "chef"), {"gone"}); });
    CHECK(std::string(disabled.what()) == "cannot assign a seat to 'gone': the user is disabled");
    CHECK(disabled.hint() == "ecadm user enable gone");
    auto bad = thrown<InvalidData>([&] { license::assign(*session_as(store, "chef"), {"Not A Login"}); });
    CHECK(bad.field() == "login");
    auto none = thrown<InvalidData>([&] { license::assign(*session_as(store, "chef"), {}); });
    CHECK(none.field() == "login");
    CHECK(snapshot(store) == before);
  }

  TEST_CASE("assign: refused on the basic plan, before the permission check") {
    TempDir dir;
    auto store = make_firm(dir, "basic");
    add_user(store, "anna");
    auto before = snapshot(store);
    auto e = thrown<NotPermitted>([&] { license::assign(*session_as(store, "anna"), {"anna"}); });
    CHECK(e.hint() == "ecadm firm set-plan professional");
    CHECK(snapshot(store) == before);
  }

  TEST_CASE("assign: needs admin, or both kanzleiverwaltung and benutzerverwaltung") {
    TempDir dir;
    auto store = make_firm(dir);
    add_user(store, "anna", {"kanzleiverwaltung"});
    add_user(store, "bert", {"kanzleiverwaltung", "benutzerverwaltung"});
    auto before = snapshot(store);
    auto e = thrown<NotPermitted>([&] { license::assign(*session_as(store, "anna"), {"chef"}); });
    CHECK(std::string(e.what()).find("'anna' may not assign a licence seat") != std::string::npos);
    CHECK(e.hint() == "ecadm --as chef user grant anna kanzleiverwaltung benutzerverwaltung");
    CHECK_THROWS_AS(license::assign(*session_as(store), {"chef"}), NotPermitted);  // no acting user
    CHECK(snapshot(store) == before);
    CHECK(license::assign(*session_as(store, "bert"), {"chef"}).changed);
  }

  TEST_CASE("assign: a dry run checks everything and changes nothing") {
    TempDir dir;
    auto store = make_firm(dir);
    auto before = snapshot(store);
    auto options = options_for(store, "chef");
    options.dry_run = true;
    Session session(options);
    auto change = license::assign(session, {"chef"});
    CHECK(change.changed);
    CHECK(snapshot(store) == before);
  }

  TEST_CASE("unassign: frees the seat, and a second call changes nothing") {
    TempDir dir;
    auto store = make_firm(dir);
    license::assign(*session_as(store, "chef"), {"chef"});
    auto change = license::unassign(*session_as(store, "chef"), {"chef"});
    CHECK(change.changed);
    CHECK(change.message == "took the seat from 'chef' (0 of 1 seats assigned)");
    CHECK(license::show(*session_as(store)).free == 1);
    CHECK(audit_count(store, "license.unassign") == 1);
    auto before = snapshot(store);
    auto again = license::unassign(*session_as(store, "chef"), {"chef"});
    CHECK_FALSE(again.changed);
    CHECK(again.message == "already unassigned: 'chef' holds no seat");
    CHECK(snapshot(store) == before);
    CHECK_THROWS_AS(license::unassign(*session_as(store, "chef"), {"ghost"}), NotFound);
  }

  TEST_CASE("add-seats: books seats on top of the free one and audits the total") {
    TempDir dir;
    auto store = make_firm(dir);
    auto change = license::add_seats(*session_as(store, "chef"), 2);
    CHECK(change.message == "booked 2 more seats: 3 seats in total (0 assigned, 3 free)");
    auto info = license::show(*session_as(store));
    CHECK(info.total == 3);
    CHECK(info.booked == 2);
    auto s = session_as(store);
    auto stmt = s->db().prepare("SELECT old_value, new_value, actor FROM audit_log WHERE action = 'license.add-seats'");
    REQUIRE(stmt.step());
    CHECK(stmt.column_text(0) == "seats=1");
    CHECK(stmt.column_text(1) == "seats=3");
    CHECK(stmt.column_text(2) == "chef");
  }

  TEST_CASE("add-seats: refuses zero, negative and absurd counts") {
    TempDir dir;
    auto store = make_firm(dir);
    auto before = snapshot(store);
    for (int n : {0, -1, license::k_max_seats_per_call + 1}) {
      auto e = thrown<InvalidData>([&] { license::add_seats(*session_as(store, "chef"), n); });
      CHECK(e.field() == "seats");
    }
    CHECK(snapshot(store) == before);
  }

  TEST_CASE("remove-seats: not more than booked, not below the assigned seats") {
    TempDir dir;
    auto store = make_firm(dir);
    add_user(store, "anna");
    license::add_seats(*session_as(store, "chef"), 2);
    license::assign(*session_as(store, "chef"), {"chef", "anna"});
    auto before = snapshot(store);

    auto too_many = thrown<InvalidData>([&] { license::remove_seats(*session_as(store, "chef"), 3); });
    CHECK(too_many.field() == "seats");
    CHECK(std::string(too_many.what()).find("only 2 are booked") != std::string::npos);

    auto below = thrown<NotPermitted>([&] { license::remove_seats(*session_as(store, "chef"), 2); });
    CHECK(std::string(below.what()) == "cannot remove 2 seats: 1 seat would remain for 2 holders (2 of 3 assigned)");
    CHECK(below.hint() == "ecadm license unassign LOGIN");
    CHECK_THROWS_AS(license::remove_seats(*session_as(store, "chef"), 0), InvalidData);
    CHECK(snapshot(store) == before);

    auto change = license::remove_seats(*session_as(store, "chef"), 1);
    CHECK(change.changed);
    auto info = license::show(*session_as(store));
    CHECK(info.total == 2);
    CHECK(info.free == 0);
    CHECK(audit_count(store, "license.remove-seats") == 1);
  }

  TEST_CASE("addon: enables and disables passivmandatierung, idempotently") {
    TempDir dir;
    auto store = make_firm(dir);
    auto on = license::set_addon(*session_as(store, "chef"), "passivmandatierung", true);
    CHECK(on.changed);
    CHECK(license::show(*session_as(store)).passivmandatierung);
    auto before = snapshot(store);
    auto again = license::set_addon(*session_as(store, "chef"), "passivmandatierung", true);
    CHECK_FALSE(again.changed);
    CHECK(again.message == "the add-on 'passivmandatierung' is already enabled");
    CHECK(snapshot(store) == before);
    CHECK(license::set_addon(*session_as(store, "chef"), "passivmandatierung", false).changed);
    CHECK_FALSE(license::show(*session_as(store)).passivmandatierung);
    CHECK(audit_count(store, "license.addon") == 2);
  }

  TEST_CASE("addon: an unknown add-on is invalid data; the basic plan is refused") {
    TempDir dir;
    auto store = make_firm(dir, "basic");
    auto before = snapshot(store);
    auto e = thrown<InvalidData>([&] { license::set_addon(*session_as(store, "chef"), "fax", true); });
    CHECK(e.field() == "add-on");
    CHECK(std::string(e.what()) == "invalid add-on: 'fax' is not one of passivmandatierung");
    CHECK_THROWS_AS(license::set_addon(*session_as(store, "chef"), "passivmandatierung", true), NotPermitted);
    CHECK(snapshot(store) == before);
  }
}
