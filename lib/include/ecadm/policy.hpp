#pragma once
// The preconditions of SPEC.md, one table, enforced by the library for every caller.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ecadm/session.hpp"

namespace ecadm::policy {

/// The rows of SPEC.md "Preconditions".
enum class Operation {
  firm_settings,  ///< licences, e.Consult settings, ADAC, Postfach credentials
  users,          ///< users and permissions
  plan,           ///< the firm's plan
  locations,      ///< Standorte
  messaging,      ///< send, fetch, Zentralruf lookup
  mandates,       ///< Passivmandatierung
};

struct Actor {
  std::int64_t id = 0;
  std::string login;
  bool admin = false;
  bool kanzleiverwaltung = false;
  bool benutzerverwaltung = false;
  bool has_seat = false;
};

/// True for plans that include e.Consult (professional and enterprise).
bool plan_includes_econsult(std::string_view plan);

/// The acting user (--as / ECADM_USER), or nullopt when none is named. Throws
/// NotFound for an unknown login, NotPermitted for a disabled one.
std::optional<Actor> acting_user(Session& session);

/// Enforces op's row of the table for the acting user and returns them. `what` names
/// the operation in the error ("assign a licence seat"). Throws NotPermitted (exit 4)
/// naming the failed precondition, with the command that meets it as hint.
Actor require(Session& session, Operation op, std::string_view what);

}  // namespace ecadm::policy
