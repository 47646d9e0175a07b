// Every row of SPEC.md "Preconditions", through policy::require.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "ecadm/error.hpp"
#include "ecadm/firm.hpp"
#include "ecadm/policy.hpp"
#include "ecadm/users.hpp"
#include "store_dump.hpp"
#include "test_support.hpp"

using namespace ecadm;
using ecadm::policy::Operation;
using ecadm::test::contains;
using ecadm::test::session_as;
using ecadm::test::TempDir;

namespace {

// Adds a user straight through SQL so that these cases test the policy alone.
void make_user(const std::filesystem::path& store, const std::string& login, std::vector<std::string> permissions,
               bool seat = false, bool active = true) {
  auto s = session_as(store);
  s->db().exec(fmt::format("INSERT INTO users (login, name, active, created_at) VALUES ('{}', '{}', {}, 'now')", login,
                           login, active ? 1 : 0));
  auto id = s->db().last_insert_rowid();
  for (const auto& p : permissions)
    s->db().exec(fmt::format("INSERT INTO user_permissions (user_id, permission) VALUES ({}, '{}')", id, p));
  if (seat) s->db().exec(fmt::format("INSERT INTO seat_assignments (user_id, assigned_at) VALUES ({}, 'now')", id));
}

// Runs require and returns the error it threw (or fails the case when it did not throw).
template <typename E>
E refused(const std::filesystem::path& store, std::optional<std::string> as, Operation op) {
  auto s = session_as(store, std::move(as));
  try {
    policy::require(*s, op, "do it");
  } catch (const E& e) {
    return e;
  }
  FAIL("expected a refusal");
  throw std::logic_error("unreachable");
}

void allowed(const std::filesystem::path& store, const std::string& as, Operation op) {
  auto s = session_as(store, as);
  auto actor = policy::require(*s, op, "do it");
  CHECK(actor.login == as);
}

}  // namespace

TEST_SUITE("policy::require") {
  TEST_CASE("firm_settings: refused on plan basic even for an admin, hint names set-plan") {
    TempDir dir;
    auto store = test::make_firm(dir, "basic");
    auto e = refused<NotPermitted>(store, "chef", Operation::firm_settings);
    CHECK(e.code() == ExitCode::not_permitted);
    CHECK(contains(e.what(), "professional"));
    CHECK(e.hint() == "ecadm firm set-plan professional");
  }

  TEST_CASE("firm_settings: admin ok; kanzleiverwaltung alone refused; with benutzerverwaltung ok") {
    TempDir dir;
    auto store = test::make_firm(dir, "professional");
    make_user(store, "kv", {"kanzleiverwaltung"});
    make_user(store, "bv", {"benutzerverwaltung"});
    make_user(store, "both", {"kanzleiverwaltung", "benutzerverwaltung"});
    allowed(store, "chef", Operation::firm_settings);
    allowed(store, "both", Operation::firm_settings);
    auto e = refused<NotPermitted>(store, "kv", Operation::firm_settings);
    CHECK(e.code() == ExitCode::not_permitted);
    CHECK(contains(e.what(), "'kv' may not do it"));
    CHECK(contains(e.hint(), "ecadm --as chef user grant kv"));
    CHECK(refused<NotPermitted>(store, "bv", Operation::firm_settings).code() == ExitCode::not_permitted);
  }

  TEST_CASE("firm_settings: enterprise counts as professional or higher") {
    TempDir dir;
    auto store = test::make_firm(dir, "enterprise");
    allowed(store, "chef", Operation::firm_settings);
  }

  TEST_CASE("users: admin or benutzerverwaltung, on any plan; kanzleiverwaltung refused") {
    TempDir dir;
    auto store = test::make_firm(dir, "basic");
    make_user(store, "bv", {"benutzerverwaltung"});
    make_user(store, "kv", {"kanzleiverwaltung"});
    allowed(store, "chef", Operation::users);
    allowed(store, "bv", Operation::users);
    auto e = refused<NotPermitted>(store, "kv", Operation::users);
    CHECK(contains(e.what(), "'admin' or 'benutzerverwaltung'"));
    CHECK(e.hint() == "ecadm --as chef user grant kv benutzerverwaltung");
  }

  TEST_CASE("plan: admin only, on any plan") {
    TempDir dir;
    auto store = test::make_firm(dir, "basic");
    make_user(store, "both", {"kanzleiverwaltung", "benutzerverwaltung"});
    allowed(store, "chef", Operation::plan);
    auto e = refused<NotPermitted>(store, "both", Operation::plan);
    CHECK(e.hint() == "ecadm --as chef user grant both admin");
  }

  TEST_CASE("locations: admin or kanzleiverwaltung, on any plan; benutzerverwaltung refused") {
    TempDir dir;
    auto store = test::make_firm(dir, "basic");
    make_user(store, "kv", {"kanzleiverwaltung"});
    make_user(store, "bv", {"benutzerverwaltung"});
    allowed(store, "chef", Operation::locations);
    allowed(store, "kv", Operation::locations);
    auto e = refused<NotPermitted>(store, "bv", Operation::locations);
    CHECK(e.hint() == "ecadm --as chef user grant bv kanzleiverwaltung");
  }

  TEST_CASE("messaging: needs a seat, not a permission; refused without seat, hint names license assign") {
    TempDir dir;
    auto store = test::make_firm(dir, "professional");
    make_user(store, "anna", {}, true);
    allowed(store, "anna", Operation::messaging);
    auto e = refused<NotPermitted>(store, "chef", Operation::messaging);
    CHECK(contains(e.what(), "licence seat"));
    CHECK(e.hint() == "ecadm --as chef license assign chef");
  }

  TEST_CASE("messaging: refused on plan basic even with a seat") {
    TempDir dir;
    auto store = test::make_firm(dir, "basic");
    make_user(store, "anna", {}, true);
    auto e = refused<NotPermitted>(store, "anna", Operation::messaging);
    CHECK(e.hint() == "ecadm firm set-plan professional");
  }

  TEST_CASE("mandates: refused while the add-on is off, ok once booked; seat and plan still needed") {
    TempDir dir;
    auto store = test::make_firm(dir, "professional");
    make_user(store, "anna", {}, true);
    auto e = refused<NotPermitted>(store, "anna", Operation::mandates);
    CHECK(contains(e.what(), "passivmandatierung"));
    CHECK(e.hint() == "ecadm license addon enable passivmandatierung");
    session_as(store)->db().exec("UPDATE license SET passivmandatierung = 1");
    allowed(store, "anna", Operation::mandates);
    CHECK(contains(refused<NotPermitted>(store, "chef", Operation::mandates).hint(), "license assign chef"));
    session_as(store)->db().exec("UPDATE firm SET plan = 'basic'");
    CHECK(refused<NotPermitted>(store, "anna", Operation::mandates).hint() == "ecadm firm set-plan professional");
  }

  TEST_CASE("no acting user: refused for every operation, hint names --as") {
    TempDir dir;
    auto store = test::make_firm(dir, "professional");
    for (auto op : {Operation::firm_settings, Operation::users, Operation::plan, Operation::locations,
                    Operation::messaging, Operation::mandates}) {
      auto e = refused<NotPermitted>(store, std::nullopt, op);
      CHECK(contains(e.what(), "no acting user"));
      CHECK(contains(e.hint(), "--as LOGIN"));
    }
  }

  TEST_CASE("unknown acting user: not found (exit 5), hint names user list") {
    TempDir dir;
    auto store = test::make_firm(dir, "professional");
    auto e = refused<NotFound>(store, "ghost", Operation::users);
    CHECK(e.code() == ExitCode::not_found);
    CHECK(contains(e.what(), "'ghost' does not exist"));
    CHECK(e.hint() == "ecadm user list");
  }

  TEST_CASE("disabled acting user: refused even with admin and a seat") {
    TempDir dir;
    auto store = test::make_firm(dir, "professional");
    make_user(store, "old", {"admin"}, true, false);
    for (auto op : {Operation::users, Operation::plan, Operation::messaging}) {
      auto e = refused<NotPermitted>(store, "old", op);
      CHECK(e.code() == ExitCode::not_permitted);
      CHECK(contains(e.what(), "'old' is disabled"));
    }
  }

  TEST_CASE("acting_user: none named is nullopt; permissions and seat are read") {
    TempDir dir;
    auto store = test::make_firm(dir, "professional");
    make_user(store, "both", {"kanzleiverwaltung", "benutzerverwaltung"}, true);
    CHECK_FALSE(policy::acting_user(*session_as(store)).has_value());
    auto a = policy::acting_user(*session_as(store, "both"));
    REQUIRE(a);
    CHECK_FALSE(a->admin);
    CHECK(a->kanzleiverwaltung);
    CHECK(a->benutzerverwaltung);
    CHECK(a->has_seat);
  }

  TEST_CASE("a refused write leaves the store unchanged") {
    TempDir dir;
    auto store = test::make_firm(dir, "basic");
    make_user(store, "kv", {"kanzleiverwaltung"});
    auto before = test::dump_store(store);
    CHECK_THROWS_AS(firm::set_plan(*session_as(store, "kv"), "professional"), NotPermitted);
    CHECK_THROWS_AS(users::add(*session_as(store, "kv"), {"anna", "Anna", std::nullopt, {}}), NotPermitted);
    CHECK_THROWS_AS(users::grant(*session_as(store), "kv", {"admin"}), NotPermitted);
    CHECK_THROWS_AS(users::add(*session_as(store, "ghost"), {"anna", "Anna", std::nullopt, {}}), NotFound);
    CHECK(test::dump_store(store) == before);
  }
}
