#pragma once
// The e.Consult Postfach credentials (Zugangsdaten): Kanzlei-ID, user name and a
// password stored only as a libsodium secretbox under the store's key file.
#include <string>

#include "ecadm/change.hpp"
#include "ecadm/econsult/client.hpp"
#include "ecadm/session.hpp"

namespace ecadm::postfach {

/// The longest Kanzlei-ID, user name and password accepted.
inline constexpr size_t k_max_field = 100;
inline constexpr size_t k_max_password = 1024;

/// What `postfach show` may reveal: never the password, only secrets::k_mask.
struct CredentialsInfo {
  bool set = false;
  std::string kanzlei_id;
  std::string username;
  std::string password;  ///< secrets::k_mask when set, else empty
  std::string updated_at;
};

/// The credentials in clear, for the e.Consult client only. Never print them.
using Credentials = econsult::Credentials;

/// Stores the credentials, the password sealed with a fresh nonce. Identical stored
/// credentials change nothing. Throws InvalidData for an empty or overlong value
/// (never quoting the password), NotPermitted when the plan or the acting user's
/// permissions do not allow it, NotReady when the key file is missing.
Change set_credentials(Session& session, const std::string& kanzlei_id, const std::string& username,
                       const std::string& password);

/// The stored credentials with the password masked. Read-only, no acting user
/// needed, does not need the key file.
CredentialsInfo show(Session& session);

/// The stored credentials with the password decrypted, for the e.Consult client.
/// Throws NotReady when none are set or the key file is missing, Failure when the
/// password does not match the key file.
Credentials load_credentials(Session& session);

}  // namespace ecadm::postfach
