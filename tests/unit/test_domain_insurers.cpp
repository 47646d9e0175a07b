#include <doctest/doctest.h>

#include "ecadm/audit.hpp"
#include "ecadm/error.hpp"
#include "ecadm/insurers.hpp"
#include "test_support.hpp"

using namespace ecadm;
using ecadm::test::TempDir;

namespace {

econsult::VersichererListe sample() {
  econsult::VersichererListe list;
  list.stand = "2026-12-01";
  list.versicherer.push_back({"5826",
                              "ADAC Rechtsschutzversicherungs-AG",
                              true,
                              false,
                              "voll",
                              "^RS-[0-9]{4}-[0-9]{4}$",
                              {"adac-partnernummer", "adac-agb"}});
  list.versicherer.push_back(
      {"5836", "R+V Rechtsschutzversicherung AG", true, false, "voll", std::nullopt, {"bankverbindung"}});
  list.versicherer.push_back({"5312", "Allianz Versicherungs-AG", true, true, "teil", std::nullopt, {}});
  return list;
}

}  // namespace

TEST_SUITE("domain::insurers") {
  TEST_CASE("store_directory: replaces the cache, keeps requirements, and is audited") {
    TempDir dir;
    auto store = test::make_firm(dir);
    auto session = test::session_as(store, "chef");
    auto change = insurers::store_directory(*session, sample());
    CHECK(change.changed);
    auto all = insurers::list(*session);
    REQUIRE(all.items.size() == 3);
    CHECK(all.stand == "2026-12-01");
    CHECK(all.synced_at.has_value());
    auto adac = insurers::show(*session, "5826");
    CHECK(adac.vsnr_muster == "^RS-[0-9]{4}-[0-9]{4}$");
    CHECK(adac.anforderungen == std::vector<std::string>{"adac-partnernummer", "adac-agb"});
    CHECK(insurers::show(*session, "5836").anforderungen == std::vector<std::string>{"bankverbindung"});

    auto smaller = sample();
    smaller.versicherer.pop_back();
    insurers::store_directory(*session, smaller);
    CHECK(insurers::list(*session).items.size() == 2);
    auto log = audit::list(*session, std::nullopt, 100);
    CHECK(log.back().action == "insurer.sync");
    CHECK(log.back().old_value == "stand=2026-12-01 insurers=3");
  }

  TEST_CASE("list: filters by sparte and search text") {
    TempDir dir;
    auto session = test::session_as(test::make_firm(dir));
    insurers::store_directory(*session, sample());
    CHECK(insurers::list(*session, {"schaden", std::nullopt}).items.size() == 1);
    CHECK(insurers::list(*session, {std::nullopt, "r+v"}).items.size() == 1);
    CHECK(insurers::list(*session, {std::nullopt, "5826"}).items.front().bafin == "5826");
    CHECK(insurers::list(*session, {"rechtsschutz", "allianz"}).items.size() == 1);
    CHECK_THROWS_AS(insurers::list(*session, {"leben", std::nullopt}), InvalidData);
  }

  TEST_CASE("list: search ignores the case of umlauts; umlauts sort with their base letter") {
    TempDir dir;
    auto session = test::session_as(test::make_firm(dir));
    auto list = sample();
    list.versicherer.push_back({"5813", "ÖRAG Rechtsschutz-Versicherungs-AG", true, false, "voll", std::nullopt, {}});
    list.versicherer.push_back({"5810", "Zürich Versicherung", true, true, "teil", std::nullopt, {}});
    list.versicherer.push_back({"5800", "ARAG SE", true, false, "voll", std::nullopt, {}});
    list.versicherer.push_back({"5850", "Örtliche Straßen AG", false, true, "keine", std::nullopt, {}});
    list.versicherer.push_back({"5851", "Ortliche Strasse AG", false, true, "keine", std::nullopt, {}});
    insurers::store_directory(*session, list);

    for (const auto* needle : {"örag", "ÖRAG", "Örag", "öRaG"}) {
      auto found = insurers::list(*session, {std::nullopt, needle}).items;
      REQUIRE_MESSAGE(found.size() == 1, needle);
      CHECK(found.front().bafin == "5813");
    }
    CHECK(insurers::list(*session, {std::nullopt, "ZÜRICH"}).items.front().bafin == "5810");
    CHECK(insurers::list(*session, {std::nullopt, "STRASSE"}).items.size() == 1);  // ß is not folded in a search

    std::vector<std::string> names;
    for (const auto& v : insurers::list(*session).items) names.push_back(v.name);
    CHECK(names == std::vector<std::string>{"ADAC Rechtsschutzversicherungs-AG", "Allianz Versicherungs-AG", "ARAG SE",
                                            "ÖRAG Rechtsschutz-Versicherungs-AG", "Ortliche Strasse AG",
                                            "Örtliche Straßen AG", "R+V Rechtsschutzversicherung AG",
                                            "Zürich Versicherung"});
  }

  TEST_CASE("show: an unknown insurer is not found, with a hint to sync first") {
    TempDir dir;
    auto session = test::session_as(test::make_firm(dir));
    try {
      insurers::show(*session, "9999");
      FAIL("expected NotFound");
    } catch (const NotFound& e) {
      CHECK(e.hint() == "ecadm insurer sync");
    }
    insurers::store_directory(*session, sample());
    try {
      insurers::show(*session, "9999");
      FAIL("expected NotFound");
    } catch (const NotFound& e) {
      CHECK(e.hint().find("insurer list") != std::string::npos);
    }
  }
}
