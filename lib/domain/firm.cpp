#include "ecadm/firm.hpp"

#include <fmt/format.h>

#include "ecadm/audit.hpp"
#include "ecadm/error.hpp"
#include "ecadm/policy.hpp"
#include "ecadm/secrets.hpp"
#include "ecadm/validation.hpp"

namespace ecadm::firm {

void check_plan(const std::string& plan, const char* field) {
  if (plan != "basic" && plan != "professional" && plan != "enterprise")
    throw InvalidData(field, fmt::format("'{}' is not one of basic, professional, enterprise", plan));
}

void check_login(const std::string& login, const char* field) {
  bool ok = !login.empty() && login.size() <= 64 && std::isalnum(static_cast<unsigned char>(login[0]));
  for (char c : login) {
    ok = ok && (std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) ||
                c == '.' || c == '_' || c == '-');
  }
  if (!ok)
    throw InvalidData(field, fmt::format("'{}' must be 1 to 64 characters of a-z, 0-9, '.', '_' or '-', "
                                         "starting with a letter or digit",
                                         login));
}

Change init(const SessionOptions& options, const InitRequest& request) {
  if (request.firm_name.empty()) throw InvalidData("firm", "must not be empty");
  check_login(request.admin_login, "admin");
  const std::string plan = request.plan.value_or("basic");
  check_plan(plan);
  if (request.email) validation::check_email(*request.email, "email");

  std::error_code ec;
  bool exists = std::filesystem::exists(options.store, ec);
  if (!exists && options.dry_run)
    return {true, fmt::format("would create store '{}' for firm '{}' with admin '{}' (plan {})", options.store.string(),
                              request.firm_name, request.admin_login, plan)};
  SessionOptions create = options;
  create.create = true;
  Session session(create);
  return session.write([&]() -> Change {
    auto existing = session.db().prepare("SELECT name, plan FROM firm WHERE id = 1");
    if (existing.step()) {
      std::string name = existing.column_text(0), old_plan = existing.column_text(1);
      auto admin = session.db().prepare(
          "SELECT u.name, u.email FROM users u JOIN user_permissions p ON p.user_id = u.id "
          "WHERE u.login = ? AND p.permission = 'admin'");
      admin.bind(1, request.admin_login);
      if (name != request.firm_name || !admin.step())
        throw InvalidData("firm", fmt::format("store '{}' already holds firm '{}'", options.store.string(), name),
                          "pass another --store, or use the existing firm");
      // "already holds" may only be said of the end state asked for: a value given
      // that differs is named with the command that changes it
      auto differs = [&](const char* field, const std::string& held, const std::string& given, std::string hint) {
        throw InvalidData(field,
                          fmt::format("store '{}' already holds firm '{}', whose {} is '{}', not '{}'",
                                      options.store.string(), name, field, held, given),
                          std::move(hint));
      };
      if (request.plan && *request.plan != old_plan)
        differs("plan", old_plan, *request.plan,
                fmt::format("ecadm --as {} firm set-plan {}", request.admin_login, *request.plan));
      const std::string admin_name = admin.column_text(0), admin_email = admin.column_optional_text(1).value_or("");
      if (request.admin_name && *request.admin_name != admin_name)
        differs("admin name", admin_name, *request.admin_name,
                "leave out --admin-name: a user's name is not changed by init");
      if (request.email && *request.email != admin_email)
        differs("email", admin_email, *request.email, "leave out --email: a user's e-mail is not changed by init");
      return {false, fmt::format("store '{}' already holds firm '{}' with admin '{}'", options.store.string(), name,
                                 request.admin_login)};
    }
    // only a new firm gets a new key: for an existing one a missing key file must be restored,
    // since a fresh key could not read the secrets stored under the old one
    if (!session.dry_run()) secrets::ensure_key_file(session.key_path());
    std::string now = session.now_utc();
    session.db()
        .prepare("INSERT INTO firm (id, name, plan, created_at) VALUES (1, ?, ?, ?)")
        .bind_all(request.firm_name, plan, now)
        .run();
    session.db()
        .prepare("INSERT INTO users (login, name, email, created_at) VALUES (?, ?, ?, ?)")
        .bind_all(request.admin_login, request.admin_name.value_or(request.admin_login), request.email, now)
        .run();
    session.db()
        .prepare("INSERT INTO user_permissions (user_id, permission) VALUES (?, 'admin')")
        .bind_all(session.db().last_insert_rowid())
        .run();
    audit::record(session, "firm.init", "firm", std::nullopt,
                  fmt::format("name={}; plan={}; admin={}", request.firm_name, plan, request.admin_login));
    return {true, fmt::format("created firm '{}' with admin '{}' (plan {}) in '{}'", request.firm_name,
                              request.admin_login, plan, options.store.string())};
  });
}

Firm show(Session& session) {
  auto stmt = session.db().prepare(
      "SELECT name, plan, created_at, (SELECT count(*) FROM users), (SELECT count(*) FROM locations) "
      "FROM firm WHERE id = 1");
  if (!stmt.step()) throw NotReady("the store holds no firm", "ecadm init --firm NAME --admin LOGIN");
  return {stmt.column_text(0), stmt.column_text(1), stmt.column_text(2), static_cast<int>(stmt.column_int(3)),
          static_cast<int>(stmt.column_int(4))};
}

Change set_plan(Session& session, const std::string& plan) {
  check_plan(plan);
  return session.write([&]() -> Change {
    policy::require(session, policy::Operation::plan, "change the plan");
    std::string old = show(session).plan;
    if (old == plan) return {false, fmt::format("the firm already has plan '{}'", plan)};
    session.db().prepare("UPDATE firm SET plan = ? WHERE id = 1").bind_all(plan).run();
    audit::record(session, "firm.set-plan", "firm", old, plan);
    return {true, fmt::format("changed the plan from '{}' to '{}'", old, plan)};
  });
}

}  // namespace ecadm::firm
