#pragma once
// Fixtures for the domain tests of licences, ADAC and Postfach: users written
// straight into the store, a snapshot of every table, and catching an expected error.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "ecadm/session.hpp"
#include "store_dump.hpp"
#include "test_support.hpp"

namespace ecadm::test {

/// Adds a user with the given permissions directly (not through the users domain).
inline void add_user(const std::filesystem::path& store, const std::string& login,
                     const std::vector<std::string>& permissions = {}, bool active = true) {
  auto session = session_as(store);
  auto& db = session->db();
  db.prepare("INSERT INTO users (login, name, active, created_at) VALUES (?, ?, ?, '2026-01-01T00:00:00Z')")
      .bind_all(login, "Name of " + login, active)
      .run();
  auto id = db.last_insert_rowid();
  for (const auto& p : permissions)
    db.prepare("INSERT INTO user_permissions (user_id, permission) VALUES (?, ?)").bind_all(id, p).run();
}

/// Every row of every table as text, to prove that a refused call changed nothing.
inline std::string snapshot(const std::filesystem::path& store) {
  return dump_store(store);
}

/// The number of audit entries with this action.
inline long audit_count(const std::filesystem::path& store, const std::string& action) {
  auto session = session_as(store);
  auto stmt = session->db().prepare("SELECT count(*) FROM audit_log WHERE action = ?");
  stmt.bind(1, action);
  stmt.step();
  return static_cast<long>(stmt.column_int(0));
}

}  // namespace ecadm::test
