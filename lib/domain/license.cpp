#include "ecadm/license.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "ecadm/audit.hpp"
#include "ecadm/error.hpp"
#include "ecadm/firm.hpp"
#include "ecadm/policy.hpp"

namespace ecadm::license {
namespace {

struct User {
  std::int64_t id = 0;
  std::string login;
  bool active = false;
  bool has_seat = false;
};

std::string plural(int n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string quoted(const std::vector<std::string>& logins) {
  std::string out;
  for (const auto& login : logins) out += fmt::format("{}'{}'", out.empty() ? "" : ", ", login);
  return out;
}

// Validates every login and drops repeats, keeping the order they were given in.
std::vector<std::string> checked_logins(const std::vector<std::string>& logins) {
  if (logins.empty()) throw InvalidData("login", "name at least one user");
  std::vector<std::string> out;
  for (const auto& login : logins) {
    firm::check_login(login, "login");
    if (std::find(out.begin(), out.end(), login) == out.end()) out.push_back(login);
  }
  return out;
}

User find_user(Session& session, const std::string& login) {
  auto stmt = session.db().prepare(
      "SELECT id, active, EXISTS(SELECT 1 FROM seat_assignments s WHERE s.user_id = users.id) "
      "FROM users WHERE login = ?");
  stmt.bind(1, login);
  if (!stmt.step()) throw NotFound(fmt::format("user '{}' does not exist", login), "ecadm user list");
  return {stmt.column_int(0), login, stmt.column_int(1) != 0, stmt.column_int(2) != 0};
}

std::string seat_summary(const LicenseInfo& info) {
  return fmt::format("{} of {} assigned", info.assigned, info.total);
}

std::string check_seat_count(int n) {
  if (n < 1 || n > k_max_seats_per_call)
    throw InvalidData("seats", fmt::format("must be a whole number from 1 to {}, not {}", k_max_seats_per_call, n));
  return plural(n, "seat");
}

}  // namespace

LicenseInfo show(Session& session) {
  LicenseInfo info;
  info.plan = firm::show(session).plan;
  auto stmt = session.db().prepare(
      "SELECT booked_seats, passivmandatierung, (SELECT count(*) FROM seat_assignments) FROM license WHERE id = 1");
  if (!stmt.step()) throw Failure("the store has no licence row", "the store is damaged: restore it from a backup");
  info.booked = static_cast<int>(stmt.column_int(0));
  info.passivmandatierung = stmt.column_int(1) != 0;
  info.assigned = static_cast<int>(stmt.column_int(2));
  info.total = k_free_seats + info.booked;
  info.free = std::max(0, info.total - info.assigned);
  auto holders =
      session.db().prepare("SELECT u.login FROM seat_assignments s JOIN users u ON u.id = s.user_id ORDER BY u.login");
  while (holders.step()) info.holders.push_back(holders.column_text(0));
  return info;
}

Change add_seats(Session& session, int n) {
  check_seat_count(n);
  return session.write([&]() -> Change {
    policy::require(session, policy::Operation::firm_settings, "book licence seats");
    auto info = show(session);
    session.db().prepare("UPDATE license SET booked_seats = booked_seats + ? WHERE id = 1").bind_all(n).run();
    audit::record(session, "license.add-seats", "license", fmt::format("seats={}", info.total),
                  fmt::format("seats={}", info.total + n));
    return {true, fmt::format("booked {} more {}: {} in total ({} assigned, {} free)", n, n == 1 ? "seat" : "seats",
                              plural(info.total + n, "seat"), info.assigned, info.total + n - info.assigned)};
  });
}

Change remove_seats(Session& session, int n) {
  std::string seats = check_seat_count(n);
  return session.write([&]() -> Change {
    policy::require(session, policy::Operation::firm_settings, "remove licence seats");
    auto info = show(session);
    if (n > info.booked)
      throw InvalidData("seats",
                        fmt::format("cannot remove {}: {} (the free seat of the add-on cannot be removed)", seats,
                                    info.booked == 0   ? std::string("no seats are booked")
                                    : info.booked == 1 ? std::string("only 1 is booked")
                                                       : fmt::format("only {} are booked", info.booked)),
                        "ecadm license show");
    if (info.total - n < info.assigned)
      throw NotPermitted(fmt::format("cannot remove {}: {} would remain for {} holders ({})", seats,
                                     plural(info.total - n, "seat"), info.assigned, seat_summary(info)),
                         "ecadm license unassign LOGIN");
    session.db().prepare("UPDATE license SET booked_seats = booked_seats - ? WHERE id = 1").bind_all(n).run();
    audit::record(session, "license.remove-seats", "license", fmt::format("seats={}", info.total),
                  fmt::format("seats={}", info.total - n));
    return {true, fmt::format("removed {}: {} in total ({} assigned, {} free)", seats, plural(info.total - n, "seat"),
                              info.assigned, info.total - n - info.assigned)};
  });
}

Change assign(Session& session, const std::vector<std::string>& logins) {
  auto wanted = checked_logins(logins);
  return session.write([&]() -> Change {
    policy::require(session, policy::Operation::firm_settings, "assign a licence seat");
    std::vector<User> to_assign;
    std::vector<std::string> holding;
    for (const auto& login : wanted) {
      User user = find_user(session, login);
      if (user.has_seat) {
        holding.push_back(login);
        continue;
      }
      if (!user.active)
        throw NotPermitted(fmt::format("cannot assign a seat to '{}': the user is disabled", login),
                           fmt::format("ecadm user enable {}", login));
      to_assign.push_back(user);
    }
    if (to_assign.empty())
      return {false, fmt::format("already assigned: {} already {} a seat", quoted(holding),
                                 holding.size() == 1 ? "holds" : "hold")};

    auto info = show(session);
    int needed = static_cast<int>(to_assign.size());
    std::vector<std::string> names;
    for (const auto& user : to_assign) names.push_back(user.login);
    if (needed > info.free) {
      std::string free_text =
          info.free == 0 ? "no free seat" : fmt::format("only {} free for {} users", plural(info.free, "seat"), needed);
      throw NotPermitted(fmt::format("cannot assign {} to {}: {} ({})", needed == 1 ? "a seat" : "seats", quoted(names),
                                     free_text, seat_summary(info)),
                         fmt::format("ecadm license add-seats {}", needed - info.free));
    }
    std::string now = session.now_utc();
    for (const auto& user : to_assign) {
      session.db()
          .prepare("INSERT INTO seat_assignments (user_id, assigned_at) VALUES (?, ?)")
          .bind_all(user.id, now)
          .run();
      audit::record(session, "license.assign", "user:" + user.login, std::nullopt, "seat");
    }
    std::string message = fmt::format("assigned {} to {} ({} of {} seats assigned)", needed == 1 ? "a seat" : "seats",
                                      quoted(names), info.assigned + needed, info.total);
    if (!holding.empty())
      message += fmt::format("; {} already {} a seat", quoted(holding), holding.size() == 1 ? "holds" : "hold");
    return {true, message};
  });
}

Change unassign(Session& session, const std::vector<std::string>& logins) {
  auto wanted = checked_logins(logins);
  return session.write([&]() -> Change {
    policy::require(session, policy::Operation::firm_settings, "unassign a licence seat");
    std::vector<User> to_unassign;
    std::vector<std::string> without;
    for (const auto& login : wanted) {
      User user = find_user(session, login);
      if (user.has_seat)
        to_unassign.push_back(user);
      else
        without.push_back(login);
    }
    if (to_unassign.empty())
      return {false, fmt::format("already unassigned: {} {} no seat", quoted(without),
                                 without.size() == 1 ? "holds" : "hold")};
    std::vector<std::string> names;
    for (const auto& user : to_unassign) {
      session.db().prepare("DELETE FROM seat_assignments WHERE user_id = ?").bind_all(user.id).run();
      audit::record(session, "license.unassign", "user:" + user.login, "seat", std::nullopt);
      names.push_back(user.login);
    }
    auto info = show(session);
    std::string message = fmt::format("took the seat{} from {} ({} of {} seats assigned)", names.size() == 1 ? "" : "s",
                                      quoted(names), info.assigned, info.total);
    if (!without.empty())
      message += fmt::format("; {} {} no seat", quoted(without), without.size() == 1 ? "holds" : "hold");
    return {true, message};
  });
}

Change set_addon(Session& session, const std::string& addon, bool enabled) {
  if (addon != k_passivmandatierung)
    throw InvalidData("add-on", fmt::format("'{}' is not one of {}", addon, k_passivmandatierung));
  std::string state = enabled ? "enabled" : "disabled";
  return session.write([&]() -> Change {
    policy::require(session, policy::Operation::firm_settings,
                    fmt::format("{} the add-on '{}'", enabled ? "enable" : "disable", addon));
    if (show(session).passivmandatierung == enabled)
      return {false, fmt::format("the add-on '{}' is already {}", addon, state)};
    session.db().prepare("UPDATE license SET passivmandatierung = ? WHERE id = 1").bind_all(enabled).run();
    audit::record(session, "license.addon", "addon:" + addon, enabled ? "disabled" : "enabled", state);
    return {true, fmt::format("{} the add-on '{}'", state, addon)};
  });
}

}  // namespace ecadm::license
