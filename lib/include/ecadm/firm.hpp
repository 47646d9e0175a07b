#pragma once
// The firm (Kanzlei): creating the store with it, showing it, changing its plan.
#include <optional>
#include <string>

#include "ecadm/change.hpp"
#include "ecadm/session.hpp"

namespace ecadm::firm {

struct InitRequest {
  std::string firm_name;
  std::string admin_login;
  std::optional<std::string> admin_name;
  std::optional<std::string> email;
  std::optional<std::string> plan;  ///< default "basic"
};

/// Creates the store (0600), its key file (0600) and the firm with its first admin.
/// Idempotent: a store that already holds this firm and admin, with the plan, admin
/// name and e-mail given (where given), is left as it is. Throws InvalidData for bad
/// input, a store that holds another firm, or one whose firm differs in a value given.
Change init(const SessionOptions& options, const InitRequest& request);

struct Firm {
  std::string name;
  std::string plan;
  std::string created_at;
  int users = 0;
  int locations = 0;
};

/// The firm. Read-only, no acting user needed.
Firm show(Session& session);

/// Sets the plan (admin only). Throws InvalidData for an unknown plan.
Change set_plan(Session& session, const std::string& plan);

/// Throws InvalidData naming field unless plan is basic, professional or enterprise.
void check_plan(const std::string& plan, const char* field = "plan");

/// Throws InvalidData unless login is 1-64 characters of [a-z0-9._-], starting with a letter or digit.
void check_login(const std::string& login, const char* field = "login");

}  // namespace ecadm::firm
