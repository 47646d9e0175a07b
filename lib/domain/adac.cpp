#include "ecadm/adac.hpp"

#include <fmt/format.h>

#include "ecadm/audit.hpp"
#include "ecadm/error.hpp"
#include "ecadm/policy.hpp"
#include "ecadm/validation.hpp"

namespace ecadm::adac {

AdacInfo show(Session& session) {
  auto stmt = session.db().prepare(
      "SELECT adac_partner_number, adac_agb_version, adac_agb_accepted_by, adac_agb_accepted_at "
      "FROM econsult_settings WHERE id = 1");
  if (!stmt.step())
    throw Failure("the store has no e.Consult settings row", "the store is damaged: restore it from a backup");
  return {stmt.column_optional_text(0), stmt.column_optional_text(1), stmt.column_optional_text(2),
          stmt.column_optional_text(3)};
}

Change set_partner_number(Session& session, const std::string& number) {
  std::string value = validation::check_text(number, "partner number", k_max_partner_number);
  return session.write([&]() -> Change {
    policy::require(session, policy::Operation::firm_settings, "set the ADAC partner number");
    auto old = show(session).partner_number;
    if (old == value) return {false, fmt::format("the ADAC partner number is already '{}'", value)};
    session.db().prepare("UPDATE econsult_settings SET adac_partner_number = ? WHERE id = 1").bind_all(value).run();
    audit::record(session, "adac.set-partner-number", "adac", old, value);
    return {true, fmt::format("set the ADAC partner number to '{}'", value)};
  });
}

Change accept_agb(Session& session, const std::optional<std::string>& version) {
  std::string value =
      validation::check_text(version.value_or(std::string(k_current_agb_version)), "version", k_max_agb_version);
  // Only the terms in force can be accepted: the ADAC refuses a firm that accepted
  // outdated ones, and a made-up version would pass for accepted terms.
  if (value != k_current_agb_version)
    throw InvalidData(
        "version",
        fmt::format("'{}' is not the current version of the ADAC terms ('{}')", value, k_current_agb_version),
        "ecadm adac accept-agb");
  return session.write([&]() -> Change {
    auto actor = policy::require(session, policy::Operation::firm_settings, "accept the ADAC terms");
    auto old = show(session);
    if (old.agb_version == value)
      return {false, fmt::format("the ADAC terms '{}' are already accepted (by '{}' at {})", value,
                                 old.agb_accepted_by.value_or("?"), old.agb_accepted_at.value_or("?"))};
    std::string now = session.now_utc();
    session.db()
        .prepare(
            "UPDATE econsult_settings SET adac_agb_version = ?, adac_agb_accepted_by = ?, "
            "adac_agb_accepted_at = ? WHERE id = 1")
        .bind_all(value, actor.login, now)
        .run();
    audit::record(session, "adac.accept-agb", "adac", old.agb_version, value);
    return {true, fmt::format("'{}' accepted the ADAC terms '{}'", actor.login, value)};
  });
}

}  // namespace ecadm::adac
