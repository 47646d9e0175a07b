// The insurer part of `ecadm doctor`: does the firm meet what each insurer requires?
#include <fmt/format.h>

#include "ecadm/adac.hpp"
#include "ecadm/doctor.hpp"
#include "ecadm/error.hpp"

namespace ecadm::doctor {
namespace {

struct Insurer {
  std::string bafin;
  std::string name;
  bool requires_bank = false;
  bool requires_adac_partner_number = false;
  bool requires_adac_agb = false;
};

// Before the first sync the directory is empty, but a firm that cannot reach R+V or
// the ADAC must hear so anyway: their requirements are public and stable.
const std::vector<Insurer>& well_known() {
  static const std::vector<Insurer> k_insurers = {
      {"5826", "ADAC Rechtsschutzversicherungs-AG", false, true, true},
      {"5836", "R+V Rechtsschutzversicherung AG", true, false, false},
  };
  return k_insurers;
}

std::vector<Insurer> directory(Session& session) {
  auto stmt = session.db().prepare(
      "SELECT bafin, name, requires_bank, requires_adac_partner_number, requires_adac_agb "
      "FROM insurers ORDER BY bafin");
  std::vector<Insurer> insurers;
  while (stmt.step())
    insurers.push_back({stmt.column_text(0), stmt.column_text(1), stmt.column_int(2) != 0, stmt.column_int(3) != 0,
                        stmt.column_int(4) != 0});
  return insurers;
}

struct Firm {
  bool bank = false;
  bool adac_partner_number = false;
  bool adac_agb = false;         ///< the current version of the terms is accepted
  std::string adac_agb_version;  ///< the version accepted, if any
};

Firm firm_data(Session& session) {
  auto stmt = session.db().prepare(
      "SELECT coalesce(bank_iban, '') <> '' AND coalesce(bank_holder, '') <> '', "
      "coalesce(adac_partner_number, '') <> '', coalesce(adac_agb_version, '') "
      "FROM econsult_settings WHERE id = 1");
  if (!stmt.step()) return {};
  return {stmt.column_int(0) != 0, stmt.column_int(1) != 0, stmt.column_text(2) == adac::k_current_agb_version,
          stmt.column_text(2)};
}

struct Requirement {
  const char* key;
  const char* what;
  const char* fix;
};

constexpr Requirement k_bank{"bankverbindung", "a bank account (IBAN and holder)",
                             "settings set-bank --iban IBAN --holder NAME"};
constexpr Requirement k_partner{"adac-partnernummer", "the ADAC partner number", "adac set-partner-number NR"};
constexpr Requirement k_agb{"adac-agb", "the accepted ADAC terms", "adac accept-agb"};

}  // namespace

void check_insurers(Session& session, const Options& options, Report& report) {
  auto insurers = directory(session);
  bool fallback = insurers.empty();
  if (fallback) insurers = well_known();
  if (options.insurer) {
    std::erase_if(insurers, [&](const Insurer& i) { return i.bafin != *options.insurer; });
    if (insurers.empty())
      throw NotFound(fmt::format("insurer '{}' is not in the directory", *options.insurer),
                     fallback ? "ecadm insurer sync" : "ecadm insurer list");
  }
  Firm firm = firm_data(session);
  int failures = 0;
  for (const auto& insurer : insurers) {
    InsurerReadiness readiness{insurer.bafin, insurer.name, true, {}};
    auto need = [&](bool required, bool met, const Requirement& requirement, std::string_view state = "not set") {
      if (!required || met) return;
      readiness.ready = false;
      readiness.missing.emplace_back(requirement.key);
      report.checks.push_back(
          {fmt::format("insurer.{}.{}", insurer.bafin, requirement.key), "fail",
           fmt::format("{} ({}) requires {}: {}", insurer.name, insurer.bafin, requirement.what, state),
           as_admin(session, requirement.fix)});
      ++failures;
    };
    need(insurer.requires_bank, firm.bank, k_bank);
    need(insurer.requires_adac_partner_number, firm.adac_partner_number, k_partner);
    need(insurer.requires_adac_agb, firm.adac_agb, k_agb,
         firm.adac_agb_version.empty() ? std::string("not set")
                                       : fmt::format("version '{}' accepted, but '{}' is current",
                                                     firm.adac_agb_version, adac::k_current_agb_version));
    report.insurers.push_back(std::move(readiness));
  }
  if (failures == 0) {
    std::string scope = insurers.size() == 1 ? fmt::format("{} ({})", insurers[0].name, insurers[0].bafin)
                                             : fmt::format("all {} insurers", insurers.size());
    report.checks.push_back({"insurers", "ok",
                             fmt::format("requirements of {} met{}", scope,
                                         fallback ? " (well-known requirements; directory not synced)" : ""),
                             ""});
  }
}

}  // namespace ecadm::doctor
