#include <doctest/doctest.h>

#include <chrono>

#include "domain_fixtures.hpp"
#include "ecadm/adac.hpp"
#include "ecadm/error.hpp"

using namespace ecadm;
using namespace ecadm::test;

namespace {

std::unique_ptr<Session> session_at(const std::filesystem::path& store, const std::string& as, int seconds) {
  auto options = options_for(store, as);
  options.clock = std::make_shared<FixedClock>(std::chrono::system_clock::time_point(std::chrono::seconds(seconds)));
  return std::make_unique<Session>(options);
}

}  // namespace

TEST_SUITE("domain::adac") {
  TEST_CASE("show: nothing set on a fresh firm") {
    TempDir dir;
    auto store = make_firm(dir);
    auto info = adac::show(*session_as(store));
    CHECK_FALSE(info.partner_number);
    CHECK_FALSE(info.agb_version);
    CHECK_FALSE(info.agb_current());
  }

  TEST_CASE("set-partner-number: trims, stores, audits; the same number again changes nothing") {
    TempDir dir;
    auto store = make_firm(dir);
    auto change = adac::set_partner_number(*session_as(store, "chef"), "  ADAC-4711 ");
    CHECK(change.changed);
    CHECK(change.message == "set the ADAC partner number to 'ADAC-4711'");
    CHECK(adac::show(*session_as(store)).partner_number == "ADAC-4711");
    CHECK(audit_count(store, "adac.set-partner-number") == 1);
    auto before = snapshot(store);
    auto again = adac::set_partner_number(*session_as(store, "chef"), "ADAC-4711");
    CHECK_FALSE(again.changed);
    CHECK(snapshot(store) == before);
    CHECK(adac::set_partner_number(*session_as(store, "chef"), "ADAC-4712").changed);
  }

  TEST_CASE("set-partner-number: refuses empty, overlong and control characters") {
    TempDir dir;
    auto store = make_firm(dir);
    auto before = snapshot(store);
    for (std::string bad : {std::string("   "), std::string(51, '1'), std::string("12\n34")}) {
      auto e = thrown<InvalidData>([&] { adac::set_partner_number(*session_as(store, "chef"), bad); });
      CHECK(e.field() == "partner number");
    }
    CHECK(snapshot(store) == before);
    CHECK(adac::set_partner_number(*session_as(store, "chef"), std::string(50, '1')).changed);
  }

  TEST_CASE("set-partner-number: the plan and the permissions are enforced") {
    TempDir dir;
    auto store = make_firm(dir, "basic");
    add_user(store, "anna", {"kanzleiverwaltung"});
    auto before = snapshot(store);
    auto plan = thrown<NotPermitted>([&] { adac::set_partner_number(*session_as(store, "chef"), "1"); });
    CHECK(plan.hint() == "ecadm firm set-plan professional");
    {
      auto s = session_as(store);
      s->db().exec("UPDATE firm SET plan = 'enterprise'");
    }
    before = snapshot(store);
    CHECK_THROWS_AS(adac::set_partner_number(*session_as(store, "anna"), "1"), NotPermitted);
    CHECK_THROWS_AS(adac::accept_agb(*session_as(store, "anna")), NotPermitted);
    CHECK_THROWS_AS(adac::set_partner_number(*session_as(store), "1"), NotPermitted);
    CHECK(snapshot(store) == before);
  }

  TEST_CASE("accept-agb: records the current version, who and when") {
    TempDir dir;
    auto store = make_firm(dir);
    auto change = adac::accept_agb(*session_at(store, "chef", 1'780'000'000));
    CHECK(change.changed);
    CHECK(change.message == "'chef' accepted the ADAC terms '2026-01'");
    auto info = adac::show(*session_as(store));
    CHECK(info.agb_version == std::string(adac::k_current_agb_version));
    CHECK(info.agb_accepted_by == "chef");
    CHECK(info.agb_accepted_at ==
          format_utc(std::chrono::system_clock::time_point(std::chrono::seconds(1'780'000'000))));
    CHECK(info.agb_current());
    CHECK(audit_count(store, "adac.accept-agb") == 1);
  }

  TEST_CASE("accept-agb: the same version again keeps who accepted it first") {
    TempDir dir;
    auto store = make_firm(dir);
    add_user(store, "bert", {"admin"});
    adac::accept_agb(*session_at(store, "chef", 1'780'000'000));
    auto before = snapshot(store);
    auto again = adac::accept_agb(*session_at(store, "bert", 1'790'000'000), std::string("2026-01"));
    CHECK_FALSE(again.changed);
    CHECK(again.message.find("already accepted (by 'chef'") != std::string::npos);
    CHECK(snapshot(store) == before);
  }

  TEST_CASE("accept-agb: refuses any version but the current one, and changes nothing") {
    TempDir dir;
    auto store = make_firm(dir);
    auto before = snapshot(store);
    for (const char* version : {"2025-07", "foo", " "}) {
      CAPTURE(version);
      try {
        adac::accept_agb(*session_as(store, "chef"), std::string(version));
        FAIL("expected InvalidData");
      } catch (const InvalidData& e) {
        CHECK(e.field() == "version");
      }
      CHECK(snapshot(store) == before);
    }
    CHECK(contains(
        thrown<InvalidData>([&] { adac::accept_agb(*session_as(store, "chef"), std::string("2025-07")); }).what(),
        "not the current version of the ADAC terms ('2026-01')"));
    CHECK(adac::accept_agb(*session_as(store, "chef"), std::string("2026-01")).changed);
    CHECK(adac::show(*session_as(store)).agb_current());
  }
}
