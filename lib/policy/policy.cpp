#include "ecadm/policy.hpp"

#include <fmt/format.h>

#include "ecadm/error.hpp"

namespace ecadm::policy {
namespace {

std::string firm_plan(Session& session) {
  auto stmt = session.db().prepare("SELECT plan FROM firm WHERE id = 1");
  if (!stmt.step()) throw NotReady("the store holds no firm", "ecadm init --firm NAME --admin LOGIN");
  return stmt.column_text(0);
}

void require_plan(Session& session, std::string_view what) {
  std::string plan = firm_plan(session);
  if (!plan_includes_econsult(plan))
    throw NotPermitted(
        fmt::format("cannot {}: e.Consult needs plan 'professional' or higher (the firm has '{}')", what, plan),
        "ecadm firm set-plan professional");
}

// An admin to name in hints: a command the acting user cannot run themselves
// must be run by someone who can.
std::string admin_hint_login(Session& session) {
  auto stmt = session.db().prepare(
      "SELECT u.login FROM users u JOIN user_permissions p ON p.user_id = u.id "
      "WHERE p.permission = 'admin' AND u.active = 1 ORDER BY u.id LIMIT 1");
  return stmt.step() ? stmt.column_text(0) : std::string("ADMIN");
}

}  // namespace

bool plan_includes_econsult(std::string_view plan) {
  return plan == "professional" || plan == "enterprise";
}

std::optional<Actor> acting_user(Session& session) {
  const auto& login = session.acting_login();
  if (!login) return std::nullopt;
  auto stmt = session.db().prepare(
      "SELECT id, active, EXISTS(SELECT 1 FROM seat_assignments s WHERE s.user_id = users.id) FROM users WHERE login = "
      "?");
  stmt.bind(1, *login);
  if (!stmt.step()) throw NotFound(fmt::format("acting user '{}' does not exist", *login), "ecadm user list");
  Actor actor;
  actor.id = stmt.column_int(0);
  actor.login = *login;
  if (stmt.column_int(1) == 0)
    throw NotPermitted(fmt::format("acting user '{}' is disabled", *login), "act as an active user with --as LOGIN");
  actor.has_seat = stmt.column_int(2) != 0;
  auto perms = session.db().prepare("SELECT permission FROM user_permissions WHERE user_id = ?");
  perms.bind(1, actor.id);
  while (perms.step()) {
    std::string p = perms.column_text(0);
    actor.admin |= p == "admin";
    actor.kanzleiverwaltung |= p == "kanzleiverwaltung";
    actor.benutzerverwaltung |= p == "benutzerverwaltung";
  }
  return actor;
}

Actor require(Session& session, Operation op, std::string_view what) {
  auto actor = acting_user(session);
  if (!actor) throw NotPermitted(fmt::format("cannot {}: no acting user", what), "pass --as LOGIN or set ECADM_USER");
  const Actor& a = *actor;
  auto refuse = [&](std::string_view needs, std::string_view grant) {
    throw NotPermitted(fmt::format("'{}' may not {}: needs {}", a.login, what, needs),
                       fmt::format("ecadm --as {} user grant {} {}", admin_hint_login(session), a.login, grant));
  };
  switch (op) {
    case Operation::firm_settings:
      require_plan(session, what);
      if (!a.admin && !(a.kanzleiverwaltung && a.benutzerverwaltung))
        refuse("permission 'admin', or both 'kanzleiverwaltung' and 'benutzerverwaltung'",
               "kanzleiverwaltung benutzerverwaltung");
      break;
    case Operation::users:
      if (!a.admin && !a.benutzerverwaltung) refuse("permission 'admin' or 'benutzerverwaltung'", "benutzerverwaltung");
      break;
    case Operation::plan:
      if (!a.admin) refuse("permission 'admin'", "admin");
      break;
    case Operation::locations:
      if (!a.admin && !a.kanzleiverwaltung) refuse("permission 'admin' or 'kanzleiverwaltung'", "kanzleiverwaltung");
      break;
    case Operation::messaging:
    case Operation::mandates:
      require_plan(session, what);
      if (!a.has_seat)
        throw NotPermitted(fmt::format("'{}' may not {}: holds no e.Consult licence seat", a.login, what),
                           fmt::format("ecadm --as {} license assign {}", admin_hint_login(session), a.login));
      if (op == Operation::mandates) {
        auto stmt = session.db().prepare("SELECT passivmandatierung FROM license WHERE id = 1");
        if (!stmt.step() || stmt.column_int(0) == 0)
          throw NotPermitted(fmt::format("cannot {}: the add-on 'passivmandatierung' is not booked", what),
                             "ecadm license addon enable passivmandatierung");
      }
      break;
  }
  return a;
}

}  // namespace ecadm::policy
