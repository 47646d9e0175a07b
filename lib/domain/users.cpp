#include "ecadm/users.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>

#include "ecadm/audit.hpp"
#include "ecadm/error.hpp"
#include "ecadm/firm.hpp"
#include "ecadm/policy.hpp"
#include "ecadm/validation.hpp"

namespace ecadm::users {
namespace {

constexpr std::array<std::string_view, 3> k_permissions = {"admin", "benutzerverwaltung", "kanzleiverwaltung"};

struct Row {
  std::int64_t id = 0;
  User user;
};

std::optional<Row> find(Session& session, const std::string& login) {
  auto stmt = session.db().prepare(
      "SELECT id, login, name, email, active, created_at, "
      "EXISTS(SELECT 1 FROM seat_assignments s WHERE s.user_id = users.id) FROM users WHERE login = ?");
  stmt.bind(1, login);
  if (!stmt.step()) return std::nullopt;
  Row row;
  row.id = stmt.column_int(0);
  row.user = {stmt.column_text(1),     stmt.column_text(2), stmt.column_optional_text(3), stmt.column_int(4) != 0, {},
              stmt.column_int(6) != 0, stmt.column_text(5)};
  auto perms = session.db().prepare("SELECT permission FROM user_permissions WHERE user_id = ? ORDER BY permission");
  perms.bind(1, row.id);
  while (perms.step()) row.user.permissions.push_back(perms.column_text(0));
  return row;
}

Row require_user(Session& session, const std::string& login) {
  auto row = find(session, login);
  if (!row) throw NotFound(fmt::format("user '{}' does not exist", login), "ecadm user list");
  return *row;
}

bool holds(const std::vector<std::string>& permissions, std::string_view permission) {
  return std::find(permissions.begin(), permissions.end(), permission) != permissions.end();
}

std::string joined(const std::vector<std::string>& items) {
  return items.empty() ? std::string("none") : fmt::format("{}", fmt::join(items, ","));
}

// "permission 'admin'" or "permissions 'admin', 'kanzleiverwaltung'"
std::string permissions_phrase(const std::vector<std::string>& items) {
  std::vector<std::string> q;
  for (const auto& i : items) q.push_back("'" + i + "'");
  return fmt::format("permission{} {}", items.size() == 1 ? "" : "s", fmt::join(q, ", "));
}

// Giving or taking `admin` (directly, or by disabling/enabling an admin) is an admin's
// decision: a benutzerverwaltung user must not be able to make themselves or anyone
// else an admin, nor lock the admins out.
void require_admin_for(const policy::Actor& actor, Session& session, std::string_view what, std::string_view command) {
  if (actor.admin) return;
  auto stmt = session.db().prepare(
      "SELECT u.login FROM users u JOIN user_permissions p ON p.user_id = u.id "
      "WHERE p.permission = 'admin' AND u.active = 1 ORDER BY u.id LIMIT 1");
  std::string admin = stmt.step() ? stmt.column_text(0) : std::string("ADMIN");
  throw NotPermitted(fmt::format("'{}' may not {}: only an admin may give or take permission 'admin' "
                                 "('benutzerverwaltung' does not include it)",
                                 actor.login, what),
                     fmt::format("ecadm --as {} {}", admin, command));
}

// The rule "the last admin cannot lose admin": an active admin who is about to lose
// admin (by revoke or disable) must leave at least one other active admin behind.
void require_other_admin(Session& session, const Row& target, std::string_view what) {
  if (!target.user.active || !holds(target.user.permissions, "admin")) return;
  auto stmt = session.db().prepare(
      "SELECT count(*) FROM users u JOIN user_permissions p ON p.user_id = u.id "
      "WHERE p.permission = 'admin' AND u.active = 1 AND u.id <> ?");
  stmt.bind(1, target.id);
  stmt.step();
  if (stmt.column_int(0) == 0)
    throw NotPermitted(fmt::format("cannot {}: '{}' is the last active admin", what, target.user.login),
                       "grant 'admin' to another user first: ecadm user grant LOGIN admin");
}

void insert_permissions(Session& session, std::int64_t user_id, const std::vector<std::string>& permissions) {
  auto stmt = session.db().prepare("INSERT INTO user_permissions (user_id, permission) VALUES (?, ?)");
  for (const auto& p : permissions) {
    stmt.reset();
    stmt.bind_all(user_id, p).run();
  }
}

}  // namespace

std::vector<std::string> parse_permissions(const std::vector<std::string>& raw, bool allow_empty) {
  std::vector<std::string> result;
  for (const auto& entry : raw) {
    size_t start = 0;
    while (start <= entry.size()) {
      size_t comma = entry.find(',', start);
      std::string p = entry.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (std::find(k_permissions.begin(), k_permissions.end(), p) == k_permissions.end())
        throw InvalidData("permission",
                          fmt::format("'{}' is not one of admin, kanzleiverwaltung, benutzerverwaltung", p));
      result.push_back(p);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  if (result.empty() && !allow_empty) throw InvalidData("permission", "name at least one permission");
  std::sort(result.begin(), result.end());
  result.erase(std::unique(result.begin(), result.end()), result.end());
  return result;
}

Change add(Session& session, const AddRequest& request) {
  firm::check_login(request.login);
  std::string name = validation::check_text(request.name, "name");
  std::optional<std::string> email;
  if (request.email) email = validation::check_email(*request.email);
  auto grants = parse_permissions(request.grants, true);
  return session.write([&]() -> Change {
    auto actor = policy::require(session, policy::Operation::users, fmt::format("add user '{}'", request.login));
    if (auto existing = find(session, request.login)) {
      const User& u = existing->user;
      if (u.name != name || u.email != email)
        throw InvalidData("login",
                          fmt::format("user '{}' already exists with other data (name '{}', e-mail '{}')", u.login,
                                      u.name, u.email.value_or("")),
                          fmt::format("ecadm user show {}", u.login));
      std::vector<std::string> missing;
      for (const auto& p : grants)
        if (!holds(u.permissions, p)) missing.push_back(p);
      if (!missing.empty())
        throw InvalidData("login",
                          fmt::format("user '{}' already exists without {}", u.login, permissions_phrase(missing)),
                          fmt::format("ecadm user grant {} {}", u.login, fmt::join(missing, " ")));
      return {false, fmt::format("user '{}' already exists{}", u.login,
                                 u.active ? "" : " (disabled: ecadm user enable " + u.login + ")")};
    }
    if (holds(grants, "admin"))
      require_admin_for(actor, session, fmt::format("grant 'admin' to '{}'", request.login),
                        fmt::format("user add {} --name '{}' --grant {}", request.login, name, fmt::join(grants, ",")));
    session.db()
        .prepare("INSERT INTO users (login, name, email, created_at) VALUES (?, ?, ?, ?)")
        .bind_all(request.login, name, email, session.now_utc())
        .run();
    insert_permissions(session, session.db().last_insert_rowid(), grants);
    audit::record(session, "user.add", "user:" + request.login, std::nullopt,
                  fmt::format("name={}; email={}; permissions={}", name, email.value_or(""), joined(grants)));
    return {true, fmt::format("added user '{}' ({}){}", request.login, name,
                              grants.empty() ? "" : " with " + permissions_phrase(grants))};
  });
}

std::vector<User> list(Session& session) {
  std::vector<std::string> logins;
  auto stmt = session.db().prepare("SELECT login FROM users ORDER BY login");
  while (stmt.step()) logins.push_back(stmt.column_text(0));
  std::vector<User> result;
  for (const auto& login : logins) result.push_back(require_user(session, login).user);
  return result;
}

User show(Session& session, const std::string& login) {
  return require_user(session, login).user;
}

Change grant(Session& session, const std::string& login, const std::vector<std::string>& permissions) {
  auto wanted = parse_permissions(permissions, false);
  return session.write([&]() -> Change {
    auto actor =
        policy::require(session, policy::Operation::users, fmt::format("change the permissions of '{}'", login));
    Row target = require_user(session, login);
    std::vector<std::string> missing, held;
    for (const auto& p : wanted) (holds(target.user.permissions, p) ? held : missing).push_back(p);
    if (missing.empty()) return {false, fmt::format("'{}' already holds {}", login, permissions_phrase(held))};
    if (holds(missing, "admin"))
      require_admin_for(actor, session, fmt::format("grant 'admin' to '{}'", login),
                        fmt::format("user grant {} admin", login));
    insert_permissions(session, target.id, missing);
    auto after = find(session, login)->user.permissions;
    audit::record(session, "user.grant", "user:" + login, joined(target.user.permissions), joined(after));
    return {true, fmt::format("granted {} to '{}'{}", permissions_phrase(missing), login,
                              held.empty() ? "" : fmt::format(" (already held: {})", permissions_phrase(held)))};
  });
}

Change revoke(Session& session, const std::string& login, const std::vector<std::string>& permissions) {
  auto unwanted = parse_permissions(permissions, false);
  return session.write([&]() -> Change {
    auto actor =
        policy::require(session, policy::Operation::users, fmt::format("change the permissions of '{}'", login));
    Row target = require_user(session, login);
    std::vector<std::string> present, absent;
    for (const auto& p : unwanted) (holds(target.user.permissions, p) ? present : absent).push_back(p);
    if (present.empty()) return {false, fmt::format("'{}' does not hold {}", login, permissions_phrase(absent))};
    if (holds(present, "admin")) {
      require_admin_for(actor, session, fmt::format("revoke 'admin' from '{}'", login),
                        fmt::format("user revoke {} admin", login));
      require_other_admin(session, target, fmt::format("revoke 'admin' from '{}'", login));
    }
    auto del = session.db().prepare("DELETE FROM user_permissions WHERE user_id = ? AND permission = ?");
    for (const auto& p : present) {
      del.reset();
      del.bind_all(target.id, p).run();
    }
    auto after = find(session, login)->user.permissions;
    audit::record(session, "user.revoke", "user:" + login, joined(target.user.permissions), joined(after));
    return {true, fmt::format("revoked {} from '{}'{}", permissions_phrase(present), login,
                              absent.empty() ? "" : fmt::format(" (not held: {})", permissions_phrase(absent)))};
  });
}

Change disable(Session& session, const std::string& login) {
  return session.write([&]() -> Change {
    auto actor = policy::require(session, policy::Operation::users, fmt::format("disable user '{}'", login));
    Row target = require_user(session, login);
    if (!target.user.active) return {false, fmt::format("user '{}' is already disabled", login)};
    if (holds(target.user.permissions, "admin")) {
      require_admin_for(actor, session, fmt::format("disable admin '{}'", login),
                        fmt::format("user disable {}", login));
      require_other_admin(session, target, fmt::format("disable '{}'", login));
    }
    session.db().prepare("UPDATE users SET active = 0 WHERE id = ?").bind_all(target.id).run();
    audit::record(session, "user.disable", "user:" + login, "active", "disabled");
    if (target.user.has_seat) {
      session.db().prepare("DELETE FROM seat_assignments WHERE user_id = ?").bind_all(target.id).run();
      audit::record(session, "license.unassign", "user:" + login, "seat", std::nullopt);
      return {true, fmt::format("disabled user '{}' and released their licence seat", login)};
    }
    return {true, fmt::format("disabled user '{}'", login)};
  });
}

Change enable(Session& session, const std::string& login) {
  return session.write([&]() -> Change {
    auto actor = policy::require(session, policy::Operation::users, fmt::format("enable user '{}'", login));
    Row target = require_user(session, login);
    if (target.user.active) return {false, fmt::format("user '{}' is already active", login)};
    if (holds(target.user.permissions, "admin"))
      require_admin_for(actor, session, fmt::format("enable admin '{}'", login), fmt::format("user enable {}", login));
    session.db().prepare("UPDATE users SET active = 1 WHERE id = ?").bind_all(target.id).run();
    audit::record(session, "user.enable", "user:" + login, "disabled", "active");
    return {true, fmt::format("enabled user '{}' (assign a licence seat with: ecadm license assign {})", login, login)};
  });
}

}  // namespace ecadm::users
