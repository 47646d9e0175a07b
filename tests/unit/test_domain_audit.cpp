#include <doctest/doctest.h>

#include "ecadm/audit.hpp"
#include "ecadm/error.hpp"
#include "test_support.hpp"

using namespace ecadm;
using ecadm::test::TempDir;

namespace {

std::chrono::system_clock::time_point at(const char* utc) {
  std::tm tm{};
  strptime(utc, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

struct Fixture {
  TempDir dir;
  std::filesystem::path store = test::make_firm(dir);
  std::shared_ptr<FixedClock> clock = std::make_shared<FixedClock>(at("2026-12-01T10:00:00Z"));
  std::unique_ptr<Session> session = [&] {
    auto options = test::options_for(store, "chef");
    options.clock = clock;
    return std::make_unique<Session>(options);
  }();

  void record(const char* when, const char* action) {
    clock->set(at(when));
    session->write([&] { audit::record(*session, action, "user:anna", std::nullopt, std::string("x")); });
  }
};

}  // namespace

TEST_SUITE("domain::audit") {
  TEST_CASE("record: an entry holds actor, action, object and values; list returns them oldest first") {
    Fixture f;
    f.record("2026-12-02T09:00:00Z", "user.add");
    f.session->write(
        [&] { audit::record(*f.session, "postfach.set-credentials", "postfach", "a", std::string("********")); });
    auto entries = audit::list(*f.session, std::nullopt, 100);
    REQUIRE(entries.size() == 3);  // firm.init from make_firm first
    CHECK(entries[0].action == "firm.init");
    CHECK(entries[1].at == "2026-12-02T09:00:00Z");
    CHECK(entries[1].actor == std::optional<std::string>("chef"));
    CHECK(entries[1].object == "user:anna");
    CHECK_FALSE(entries[1].old_value.has_value());
    CHECK(entries[2].old_value == std::optional<std::string>("a"));
    CHECK(entries[2].new_value == std::optional<std::string>("********"));
    CHECK(entries[1].id < entries[2].id);
  }

  TEST_CASE("record: a dry run records nothing") {
    TempDir dir;
    auto store = test::make_firm(dir);
    auto options = test::options_for(store, "chef");
    options.dry_run = true;
    Session s(options);
    s.write([&] { audit::record(s, "user.add", "user:x", std::nullopt, std::string("x")); });
    CHECK(audit::list(s, std::nullopt, 100).size() == 1);
  }

  TEST_CASE("list: --since takes a date or a UTC time") {
    Fixture f;
    f.record("2027-02-02T09:00:00Z", "a.one");
    f.record("2027-02-03T09:00:00Z", "a.two");
    f.record("2027-02-03T18:00:00Z", "a.three");
    auto from_date = audit::list(*f.session, std::string("2027-02-03"), 100);
    REQUIRE(from_date.size() == 2);
    CHECK(from_date[0].action == "a.two");
    auto from_time = audit::list(*f.session, std::string("2027-02-03T10:00:00Z"), 100);
    REQUIRE(from_time.size() == 1);
    CHECK(from_time[0].action == "a.three");
    CHECK(audit::list(*f.session, std::string("2027-03-01"), 100).empty());
  }

  TEST_CASE("list: --limit keeps the newest entries") {
    Fixture f;
    f.record("2026-12-02T09:00:00Z", "a.one");
    f.record("2026-12-02T10:00:00Z", "a.two");
    f.record("2026-12-02T11:00:00Z", "a.three");
    auto entries = audit::list(*f.session, std::nullopt, 2);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].action == "a.two");
    CHECK(entries[1].action == "a.three");
  }

  TEST_CASE("list: a malformed since or a limit below 1 is InvalidData") {
    Fixture f;
    CHECK_THROWS_AS(audit::list(*f.session, std::string("yesterday"), 100), InvalidData);
    CHECK_THROWS_AS(audit::list(*f.session, std::string("2026-02-30"), 100), InvalidData);
    CHECK_THROWS_AS(audit::list(*f.session, std::string("2026-12-03T10:00:00+01:00"), 100), InvalidData);
    CHECK_THROWS_AS(audit::list(*f.session, std::nullopt, 0), InvalidData);
    try {
      audit::list(*f.session, std::string("yesterday"), 100);
    } catch (const InvalidData& e) {
      CHECK(e.field() == "since");
    }
  }
}
