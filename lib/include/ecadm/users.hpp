#pragma once
// The firm's users and their permissions (admin, kanzleiverwaltung, benutzerverwaltung).
#include <optional>
#include <string>
#include <vector>

#include "ecadm/change.hpp"
#include "ecadm/session.hpp"

namespace ecadm::users {

struct User {
  std::string login;
  std::string name;
  std::optional<std::string> email;
  bool active = true;
  std::vector<std::string> permissions;  ///< sorted
  bool has_seat = false;                 ///< holds an e.Consult licence seat
  std::string created_at;
};

struct AddRequest {
  std::string login;
  std::string name;
  std::optional<std::string> email;
  /// Permissions to grant; entries may hold several separated by commas.
  std::vector<std::string> grants;
};

/// The permissions in `raw` (entries may be comma-separated lists), checked, sorted
/// and without duplicates. Throws InvalidData (field `permission`) for an unknown one
/// or an empty list when `allow_empty` is false.
std::vector<std::string> parse_permissions(const std::vector<std::string>& raw, bool allow_empty);

/// Adds a user (needs admin or benutzerverwaltung; granting admin needs admin).
/// Idempotent: a user with the same name, e-mail and at least these permissions is
/// left alone. Throws InvalidData for bad input or a user that exists with other data,
/// NotPermitted when the acting user may not do it.
Change add(Session& session, const AddRequest& request);

/// Every user, ordered by login. Read-only, no acting user needed.
std::vector<User> list(Session& session);

/// One user. Throws NotFound for an unknown login.
User show(Session& session, const std::string& login);

/// Grants permissions (needs admin or benutzerverwaltung; `admin` needs admin).
/// Permissions already held are reported, not an error. Throws NotFound, NotPermitted, InvalidData.
Change grant(Session& session, const std::string& login, const std::vector<std::string>& permissions);

/// Revokes permissions. Refuses (NotPermitted) to take `admin` from the last active
/// admin, and lets only an admin take `admin`. Permissions not held are reported, not an error.
Change revoke(Session& session, const std::string& login, const std::vector<std::string>& permissions);

/// Disables a user and releases their licence seat. Refuses (NotPermitted) to
/// disable the last active admin; only an admin may disable an admin.
Change disable(Session& session, const std::string& login);

/// Enables a disabled user again (the seat is not given back). Only an admin may enable an admin.
Change enable(Session& session, const std::string& login);

}  // namespace ecadm::users
