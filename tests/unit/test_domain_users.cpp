#include <doctest/doctest.h>
#include <fmt/format.h>

#include "ecadm/audit.hpp"
#include "ecadm/error.hpp"
#include "ecadm/users.hpp"
#include "store_dump.hpp"
#include "test_support.hpp"

using namespace ecadm;
using ecadm::test::contains;
using ecadm::test::session_as;
using ecadm::test::TempDir;

namespace {

void add(const std::filesystem::path& store, const std::string& login, std::vector<std::string> grants = {}) {
  auto change = users::add(*session_as(store, "chef"), {login, "Name " + login, std::nullopt, std::move(grants)});
  REQUIRE(change.changed);
}

std::int64_t count(const std::filesystem::path& store, const std::string& sql) {
  auto s = session_as(store);
  auto stmt = s->db().prepare(sql);
  stmt.step();
  return stmt.column_int(0);
}

void give_seat(const std::filesystem::path& store, const std::string& login) {
  session_as(store)->db().exec(fmt::format(
      "INSERT INTO seat_assignments (user_id, assigned_at) SELECT id, 'now' FROM users WHERE login = '{}'", login));
}

// Calls fn, which must throw E, and checks that the store did not change.
template <typename E, typename F>
E refuses_unchanged(const std::filesystem::path& store, F&& fn) {
  auto before = test::dump_store(store);
  std::optional<E> caught;
  try {
    fn();
  } catch (const E& e) {
    caught = e;
  }
  REQUIRE_MESSAGE(caught.has_value(), "expected a refusal");
  CHECK(test::dump_store(store) == before);
  return *caught;
}

}  // namespace

TEST_SUITE("domain::users") {
  TEST_CASE("add: stores the user with sorted permissions and audits it") {
    TempDir dir;
    auto store = test::make_firm(dir);
    auto s = session_as(store, "chef");
    auto change =
        users::add(*s, {"anna", " Anna Muster ", "anna@kanzlei.de", {"kanzleiverwaltung,benutzerverwaltung"}});
    CHECK(change.changed);
    CHECK(contains(change.message, "added user 'anna'"));
    auto u = users::show(*s, "anna");
    CHECK(u.name == "Anna Muster");
    CHECK(u.email == "anna@kanzlei.de");
    CHECK(u.active);
    CHECK_FALSE(u.has_seat);
    CHECK(u.permissions == std::vector<std::string>{"benutzerverwaltung", "kanzleiverwaltung"});
    CHECK_FALSE(u.created_at.empty());
    auto log = audit::list(*s, std::nullopt, 1);
    REQUIRE(log.size() == 1);
    CHECK(log[0].action == "user.add");
    CHECK(log[0].object == "user:anna");
    CHECK(log[0].actor == "chef");
  }

  TEST_CASE("add: the same user again is unchanged; other data is invalid and names user show") {
    TempDir dir;
    auto store = test::make_firm(dir);
    add(store, "anna", {"kanzleiverwaltung"});
    auto again = users::add(*session_as(store, "chef"), {"anna", "Name anna", std::nullopt, {"kanzleiverwaltung"}});
    CHECK_FALSE(again.changed);
    CHECK(again.message == "user 'anna' already exists");
    auto e = refuses_unchanged<InvalidData>(store, [&] {
      users::add(*session_as(store, "chef"), {"anna", "Anna Other", std::nullopt, {}});
    });
    CHECK(e.code() == ExitCode::invalid);
    CHECK(e.hint() == "ecadm user show anna");
    auto more = refuses_unchanged<InvalidData>(store, [&] {
      users::add(*session_as(store, "chef"), {"anna", "Name anna", std::nullopt, {"admin"}});
    });
    CHECK(more.hint() == "ecadm user grant anna admin");
  }

  TEST_CASE("add: bad login, name, e-mail and permission are invalid data naming the field") {
    TempDir dir;
    auto store = test::make_firm(dir);
    auto s = session_as(store, "chef");
    auto field = [&](users::AddRequest r) {
      return refuses_unchanged<InvalidData>(store, [&] { users::add(*s, r); }).field();
    };
    CHECK(field({"Anna", "Anna", std::nullopt, {}}) == "login");
    CHECK(field({"-anna", "Anna", std::nullopt, {}}) == "login");
    CHECK(field({"anna", "  ", std::nullopt, {}}) == "name");
    CHECK(field({"anna", "Anna", "anna-at-kanzlei", {}}) == "email");
    CHECK(field({"anna", "Anna", std::nullopt, {"root"}}) == "permission");
    CHECK(field({"anna", "Anna", std::nullopt, {"admin,"}}) == "permission");
  }

  TEST_CASE("add: kanzleiverwaltung alone may not add users") {
    TempDir dir;
    auto store = test::make_firm(dir);
    add(store, "kv", {"kanzleiverwaltung"});
    auto e = refuses_unchanged<NotPermitted>(store, [&] {
      users::add(*session_as(store, "kv"), {"anna", "Anna", std::nullopt, {}});
    });
    CHECK(e.code() == ExitCode::not_permitted);
    CHECK(contains(e.hint(), "user grant kv benutzerverwaltung"));
  }

  TEST_CASE("add: benutzerverwaltung may add users but not admins") {
    TempDir dir;
    auto store = test::make_firm(dir);
    add(store, "hr", {"benutzerverwaltung"});
    CHECK(users::add(*session_as(store, "hr"), {"anna", "Anna", std::nullopt, {"kanzleiverwaltung"}}).changed);
    auto e = refuses_unchanged<NotPermitted>(store, [&] {
      users::add(*session_as(store, "hr"), {"boss", "Boss", std::nullopt, {"admin"}});
    });
    CHECK(contains(e.what(), "only an admin may give or take permission 'admin'"));
    CHECK(contains(e.hint(), "ecadm --as chef user add boss"));
  }

  TEST_CASE("list and show: every user ordered by login, seat shown; unknown user not found") {
    TempDir dir;
    auto store = test::make_firm(dir);
    add(store, "zoe");
    add(store, "anna");
    give_seat(store, "anna");
    auto s = session_as(store);
    auto all = users::list(*s);
    REQUIRE(all.size() == 3);
    CHECK(all[0].login == "anna");
    CHECK(all[0].has_seat);
    CHECK(all[1].login == "chef");
    CHECK(all[1].permissions == std::vector<std::string>{"admin"});
    CHECK(all[2].login == "zoe");
    try {
      users::show(*s, "ghost");
      FAIL("expected NotFound");
    } catch (const NotFound& e) {
      CHECK(e.code() == ExitCode::not_found);
      CHECK(e.hint() == "ecadm user list");
    }
  }

  TEST_CASE("grant: adds what is missing, reports what was held, audits old and new") {
    TempDir dir;
    auto store = test::make_firm(dir);
    add(store, "anna", {"kanzleiverwaltung"});
    auto s = session_as(store, "chef");
    auto held = users::grant(*s, "anna", {"kanzleiverwaltung"});
    CHECK_FALSE(held.changed);
    CHECK(held.message == "'anna' already holds permission 'kanzleiverwaltung'");
    auto change = users::grant(*s, "anna", {"benutzerverwaltung", "kanzleiverwaltung"});
    CHECK(change.changed);
    CHECK(contains(change.message, "already held: permission 'kanzleiverwaltung'"));
    CHECK(users::show(*s, "anna").permissions == std::vector<std::string>{"benutzerverwaltung", "kanzleiverwaltung"});
    auto log = audit::list(*s, std::nullopt, 1);
    CHECK(log[0].action == "user.grant");
    CHECK(log[0].old_value == "kanzleiverwaltung");
    CHECK(log[0].new_value == "benutzerverwaltung,kanzleiverwaltung");
  }

  TEST_CASE("grant: unknown user is not found; no permission named is invalid") {
    TempDir dir;
    auto store = test::make_firm(dir);
    auto e = refuses_unchanged<NotFound>(store, [&] { users::grant(*session_as(store, "chef"), "ghost", {"admin"}); });
    CHECK(e.hint() == "ecadm user list");
    CHECK(refuses_unchanged<InvalidData>(store, [&] {
            users::grant(*session_as(store, "chef"), "chef", {});
          }).field() == "permission");
  }

  TEST_CASE("grant: benutzerverwaltung cannot escalate to admin, for others or itself; admin can") {
    TempDir dir;
    auto store = test::make_firm(dir);
    add(store, "hr", {"benutzerverwaltung"});
    add(store, "anna");
    for (std::string target : {"anna", "hr"}) {
      auto e =
          refuses_unchanged<NotPermitted>(store, [&] { users::grant(*session_as(store, "hr"), target, {"admin"}); });
      CHECK(contains(e.what(), "only an admin may give or take permission 'admin'"));
      CHECK(e.hint() == fmt::format("ecadm --as chef user grant {} admin", target));
    }
    CHECK(users::grant(*session_as(store, "hr"), "anna", {"kanzleiverwaltung"}).changed);
    CHECK(users::grant(*session_as(store, "chef"), "anna", {"admin"}).changed);
  }

  TEST_CASE("revoke: the last active admin cannot lose admin; with a second admin it works") {
    TempDir dir;
    auto store = test::make_firm(dir);
    auto e =
        refuses_unchanged<NotPermitted>(store, [&] { users::revoke(*session_as(store, "chef"), "chef", {"admin"}); });
    CHECK(e.code() == ExitCode::not_permitted);
    CHECK(contains(e.what(), "'chef' is the last active admin"));
    CHECK(contains(e.hint(), "ecadm user grant LOGIN admin"));
    // a disabled admin does not count
    add(store, "old", {"admin"});
    CHECK(users::disable(*session_as(store, "chef"), "old").changed);
    refuses_unchanged<NotPermitted>(store, [&] { users::revoke(*session_as(store, "chef"), "chef", {"admin"}); });
    add(store, "anna", {"admin"});
    auto change = users::revoke(*session_as(store, "chef"), "chef", {"admin"});
    CHECK(change.changed);
    CHECK(users::show(*session_as(store), "chef").permissions.empty());
  }

  TEST_CASE("revoke: a permission not held is unchanged; benutzerverwaltung may not take admin") {
    TempDir dir;
    auto store = test::make_firm(dir);
    add(store, "anna", {"admin"});
    add(store, "hr", {"benutzerverwaltung"});
    auto none = users::revoke(*session_as(store, "chef"), "anna", {"kanzleiverwaltung"});
    CHECK_FALSE(none.changed);
    CHECK(none.message == "'anna' does not hold permission 'kanzleiverwaltung'");
    auto e =
        refuses_unchanged<NotPermitted>(store, [&] { users::revoke(*session_as(store, "hr"), "anna", {"admin"}); });
    CHECK(e.hint() == "ecadm --as chef user revoke anna admin");
    CHECK(users::revoke(*session_as(store, "hr"), "hr", {"benutzerverwaltung"}).changed);
  }

  TEST_CASE("disable: releases the seat and says so; the user can no longer act; twice is unchanged") {
    TempDir dir;
    auto store = test::make_firm(dir);
    add(store, "anna", {"benutzerverwaltung"});
    give_seat(store, "anna");
    auto change = users::disable(*session_as(store, "chef"), "anna");
    CHECK(change.changed);
    CHECK(change.message == "disabled user 'anna' and released their licence seat");
    CHECK(count(store, "SELECT count(*) FROM seat_assignments") == 0);
    auto u = users::show(*session_as(store), "anna");
    CHECK_FALSE(u.active);
    CHECK_FALSE(u.has_seat);
    auto e = refuses_unchanged<NotPermitted>(store, [&] {
      users::add(*session_as(store, "anna"), {"x", "X", {}, {}});
    });
    CHECK(contains(e.what(), "'anna' is disabled"));
    CHECK_FALSE(users::disable(*session_as(store, "chef"), "anna").changed);
    CHECK(count(store, "SELECT count(*) FROM audit_log WHERE action = 'license.unassign'") == 1);
  }

  TEST_CASE("disable: the last active admin is refused; only an admin may disable an admin") {
    TempDir dir;
    auto store = test::make_firm(dir);
    auto e = refuses_unchanged<NotPermitted>(store, [&] { users::disable(*session_as(store, "chef"), "chef"); });
    CHECK(contains(e.what(), "last active admin"));
    add(store, "anna", {"admin"});
    add(store, "hr", {"benutzerverwaltung"});
    refuses_unchanged<NotPermitted>(store, [&] { users::disable(*session_as(store, "hr"), "anna"); });
    CHECK(users::disable(*session_as(store, "chef"), "anna").changed);
  }

  TEST_CASE("enable: the inverse of disable; active already is unchanged; admins need an admin") {
    TempDir dir;
    auto store = test::make_firm(dir);
    add(store, "anna", {"admin"});
    add(store, "hr", {"benutzerverwaltung"});
    CHECK_FALSE(users::enable(*session_as(store, "chef"), "anna").changed);
    CHECK(users::disable(*session_as(store, "chef"), "anna").changed);
    refuses_unchanged<NotPermitted>(store, [&] { users::enable(*session_as(store, "hr"), "anna"); });
    CHECK(users::enable(*session_as(store, "chef"), "anna").changed);
    CHECK(users::show(*session_as(store), "anna").active);
    CHECK(count(store, "SELECT count(*) FROM audit_log WHERE action = 'user.enable'") == 1);
  }

  TEST_CASE("dry run: add and disable are checked, described and not stored") {
    TempDir dir;
    auto store = test::make_firm(dir);
    auto before = test::dump_store(store);
    auto options = test::options_for(store, "chef");
    options.dry_run = true;
    Session s(options);
    CHECK(users::add(s, {"anna", "Anna", std::nullopt, {"admin"}}).changed);
    CHECK_THROWS_AS(users::disable(s, "chef"), NotPermitted);
    CHECK(test::dump_store(store) == before);
  }
}
