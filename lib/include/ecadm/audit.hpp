#pragma once
// The audit log: every change an admin makes, in the same transaction as the change.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ecadm/session.hpp"

namespace ecadm::audit {

struct Entry {
  std::int64_t id = 0;
  std::string at;  ///< RFC 3339 UTC
  std::optional<std::string> actor;
  std::string action;  ///< "license.assign"
  std::string object;  ///< "user:anna"
  std::optional<std::string> old_value;
  std::optional<std::string> new_value;
};

/// Appends an entry for the acting user. Call it inside Session::write; pass
/// secrets::k_mask, never a secret, as a value.
void record(Session& session, std::string_view action, std::string_view object,
            const std::optional<std::string>& old_value, const std::optional<std::string>& new_value);

/// Entries at or after `since` (a date or RFC 3339 time), newest last, at most
/// `limit` of the newest. Throws InvalidData for a malformed date or limit.
std::vector<Entry> list(Session& session, const std::optional<std::string>& since, int limit);

}  // namespace ecadm::audit
