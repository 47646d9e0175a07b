#include "ecadm/doctor.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <ctime>

#include "ecadm/error.hpp"
#include "ecadm/policy.hpp"

namespace ecadm::doctor {
namespace {

void add(Report& report, std::string id, std::string status, std::string message, std::string fix = {}) {
  report.checks.push_back({std::move(id), std::move(status), std::move(message), std::move(fix)});
}

// Quoted for a POSIX shell when it holds anything but plain characters.
std::string shell_quote(const std::string& text) {
  bool plain = !text.empty() && text.find_first_not_of(
                                    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                    "0123456789/._-+:,=@") == std::string::npos;
  if (plain) return text;
  std::string quoted = "'";
  for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::int64_t count(Session& session, const char* sql) {
  auto stmt = session.db().prepare(sql);
  return stmt.step() ? stmt.column_int(0) : 0;
}

std::optional<std::string> first_text(Session& session, const char* sql) {
  auto stmt = session.db().prepare(sql);
  if (!stmt.step()) return std::nullopt;
  return stmt.column_optional_text(0);
}

std::string first_admin(Session& session) {
  return first_text(session,
                    "SELECT u.login FROM users u JOIN user_permissions p ON p.user_id = u.id "
                    "WHERE p.permission = 'admin' AND u.active = 1 ORDER BY u.id LIMIT 1")
      .value_or("LOGIN");
}

std::string first_seat_holder(Session& session) {
  return first_text(session,
                    "SELECT u.login FROM users u JOIN seat_assignments s ON s.user_id = u.id "
                    "WHERE u.active = 1 ORDER BY u.id LIMIT 1")
      .value_or("LOGIN");
}

std::string sync_fix(Session& session) {
  return fmt::format("ecadm --as {} insurer sync", shell_quote(first_seat_holder(session)));
}

// Group and others must not read a file that holds the firm's data or its key.
void check_mode(Report& report, const std::string& id, const std::filesystem::path& path, const char* what) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    add(report, id, "fail", fmt::format("{} '{}' is missing", what, path.string()),
        "restore it from a backup, or run ecadm init with the firm's name and admin to create a new key");
    return;
  }
  unsigned mode = st.st_mode & 07777;
  if ((mode & 0077) != 0)
    add(report, id, "fail", fmt::format("{} '{}' has mode {:04o}: readable by others", what, path.string(), mode),
        fmt::format("chmod 600 {}", shell_quote(path.string())));
  else
    add(report, id, "ok", fmt::format("{} '{}' has mode {:04o}", what, path.string(), mode));
}

void check_store(Session& session, Report& report) {
  auto result = first_text(session, "PRAGMA quick_check").value_or("no answer");
  if (result == "ok")
    add(report, "store", "ok", fmt::format("'{}' passes the integrity check", session.store_path().string()));
  else
    add(report, "store", "fail", fmt::format("'{}' is damaged: {}", session.store_path().string(), result),
        fmt::format("restore {} from a backup", shell_quote(session.store_path().string())));
  check_mode(report, "store-mode", session.store_path(), "store");
  auto key = session.key_path();
  struct stat st {};
  if (::stat(key.c_str(), &st) != 0)
    add(report, "key-file", "fail",
        fmt::format("key file '{}' is missing: stored passwords cannot be read", key.string()),
        fmt::format("ecadm init --firm {} --admin {}",
                    shell_quote(first_text(session, "SELECT name FROM firm WHERE id = 1").value_or("NAME")),
                    first_admin(session)));
  else
    check_mode(report, "key-file", key, "key file");
}

void check_firm(Session& session, Report& report) {
  auto plan = first_text(session, "SELECT plan FROM firm WHERE id = 1");
  if (!plan)
    add(report, "plan", "fail", "the store holds no firm", "ecadm init --firm NAME --admin LOGIN");
  else if (!policy::plan_includes_econsult(*plan))
    add(report, "plan", "fail", fmt::format("{}: e.Consult needs professional or higher", *plan),
        as_admin(session, "firm set-plan professional"));
  else
    add(report, "plan", "ok", *plan);

  auto admins = count(session,
                      "SELECT count(*) FROM users u JOIN user_permissions p ON p.user_id = u.id "
                      "WHERE p.permission = 'admin' AND u.active = 1");
  if (admins == 0)
    add(report, "admin", "fail", "no active user holds 'admin'", "ecadm user grant LOGIN admin");
  else
    add(report, "admin", "ok", fmt::format("{} active admin{}", admins, admins == 1 ? "" : "s"));

  auto total = 1 + count(session, "SELECT booked_seats FROM license WHERE id = 1");
  auto held =
      count(session, "SELECT count(*) FROM seat_assignments s JOIN users u ON u.id = s.user_id WHERE u.active = 1");
  if (held == 0)
    add(report, "seats", "fail", fmt::format("no active user holds a seat (0 of {} assigned)", total),
        fmt::format("ecadm --as {0} license assign {0}", shell_quote(first_admin(session))));
  else
    add(report, "seats", "ok", fmt::format("{} of {} assigned", held, total));
}

void check_postfach(Session& session, Report& report) {
  auto postfach = session.db().prepare("SELECT kanzlei_id, username FROM postfach_credentials WHERE id = 1");
  if (postfach.step())
    add(report, "postfach", "ok",
        fmt::format("Kanzlei-ID {}, user '{}'", postfach.column_text(0), postfach.column_text(1)));
  else
    add(report, "postfach", "fail", "no credentials",
        as_admin(session, "postfach set-credentials --kanzlei-id ID --username USER --password-stdin"));
}

void check_zentralruf(Session& session, Report& report) {
  auto zentralruf = first_text(session, "SELECT username FROM zentralruf_credentials WHERE id = 1");
  if (zentralruf)
    add(report, "zentralruf", "ok", fmt::format("user '{}'", *zentralruf));
  else
    add(report, "zentralruf", "warn", "no credentials: claims reports cannot look up a vehicle's insurer",
        as_admin(session, "settings set-zentralruf --username U --password-stdin"));
}

void check_settings(Session& session, Report& report) {
  auto stmt = session.db().prepare(
      "SELECT stamm_name, stamm_street, stamm_house_number, stamm_zip, stamm_city, stamm_country, stamm_email, "
      "endpoint FROM econsult_settings WHERE id = 1");
  bool found = stmt.step();
  static constexpr const char* k_fields[] = {"name", "street", "house number", "zip", "city", "country", "email"};
  std::string missing;
  for (int i = 0; i < 7; ++i)
    if (!found || stmt.column_optional_text(i).value_or("").empty())
      missing += (missing.empty() ? "" : ", ") + std::string(k_fields[i]);
  if (missing.empty()) {
    add(report, "stammdaten", "ok",
        fmt::format("{}, {} {}", stmt.column_text(0), stmt.column_text(3), stmt.column_text(4)));
  } else {
    auto location = first_text(session, "SELECT name FROM locations ORDER BY id LIMIT 1");
    add(report, "stammdaten", "fail", fmt::format("incomplete: missing {}", missing),
        as_admin(session, location ? "settings set-stammdaten --from-location"
                                   : "settings set-stammdaten --name NAME --street STREET --house-number NR "
                                     "--zip ZIP --city CITY --email EMAIL"));
  }
  auto endpoint = found ? stmt.column_optional_text(7).value_or("") : "";
  if (endpoint.empty())
    add(report, "endpoint", "fail", "no e.Consult endpoint set", as_admin(session, "settings set-endpoint URL"));
  else
    add(report, "endpoint", "ok", endpoint);
}

// "2026-12-03T19:00:00Z" as seconds since the epoch; nullopt when it is not that shape.
std::optional<std::time_t> parse_utc(const std::string& text) {
  std::tm tm{};
  char zulu = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                  &tm.tm_min, &tm.tm_sec, &zulu) != 7 ||
      zulu != 'Z')
    return std::nullopt;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return ::timegm(&tm);
}

void check_directory(Session& session, Report& report) {
  constexpr int k_max_age_days = 7;
  auto stmt = session.db().prepare("SELECT stand, synced_at FROM insurer_directory WHERE id = 1");
  if (!stmt.step()) {
    add(report, "directory", "warn", "the insurer directory was never synced", sync_fix(session));
    return;
  }
  std::string stand = stmt.column_text(0), synced_at = stmt.column_text(1);
  auto synced = parse_utc(synced_at);
  if (!synced) {
    add(report, "directory", "warn", fmt::format("stand {}, sync time '{}' unreadable", stand, synced_at),
        sync_fix(session));
    return;
  }
  auto now = std::chrono::system_clock::to_time_t(session.clock().now());
  auto days = (now - *synced) / 86400;
  auto message = fmt::format("stand {}, synced {} ({} day{} ago)", stand, synced_at, days, days == 1 ? "" : "s");
  if (days > k_max_age_days)
    add(report, "directory", "warn", message + fmt::format(": older than {} days", k_max_age_days), sync_fix(session));
  else
    add(report, "directory", "ok", message);
}

void check_addon(Session& session, Report& report) {
  if (count(session, "SELECT passivmandatierung FROM license WHERE id = 1") != 0)
    add(report, "passivmandatierung", "info", "add-on booked: mandates can be fetched");
  else
    add(report, "passivmandatierung", "info", "add-on not booked: mandates cannot be fetched or accepted");
}

// The messages table belongs to the outbox; older stores (and builds) have none.
void check_messages(Session& session, Report& report) {
  if (!table_exists(session, "messages") ||
      count(session, "SELECT count(*) FROM pragma_table_info('messages') WHERE name = 'state'") == 0) {
    add(report, "messages", "ok", "none queued or failed");
    return;
  }
  auto queued = count(session, "SELECT count(*) FROM messages WHERE state = 'queued'");
  auto failed = count(session, "SELECT count(*) FROM messages WHERE state = 'failed'");
  if (failed > 0)
    add(report, "messages", "warn", fmt::format("{} failed, {} queued", failed, queued),
        "ecadm outbox list --state failed");
  else if (queued > 0)
    add(report, "messages", "warn", fmt::format("{} queued, not sent yet", queued), "ecadm outbox flush");
  else
    add(report, "messages", "ok", "none queued or failed");
}

}  // namespace

// Doctor runs without an acting user, but most fixes need one: each fix names the user
// who may run it, so that it works as printed.
std::string as_admin(Session& session, std::string_view command) {
  return fmt::format("ecadm --as {} {}", shell_quote(first_admin(session)), command);
}

bool table_exists(Session& session, const std::string& table) {
  auto stmt = session.db().prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  stmt.bind(1, table);
  return stmt.step();
}

Report run(Session& session, const Options& options) {
  Report report;
  check_store(session, report);
  check_firm(session, report);
  check_postfach(session, report);
  check_settings(session, report);
  check_directory(session, report);
  check_insurers(session, options, report);
  check_zentralruf(session, report);
  check_addon(session, report);
  check_messages(session, report);
  if (options.online) {
    auto checks = options.online_check ? options.online_check(session) : online_checks(session);
    for (auto& check : checks) report.checks.push_back(std::move(check));
  }
  for (const auto& check : report.checks)
    if (check.status == "fail" || (options.strict && check.status == "warn")) report.ready = false;
  return report;
}

}  // namespace ecadm::doctor
