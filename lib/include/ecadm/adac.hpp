#pragma once
// What the ADAC requires before it accepts a request: the firm's ADAC partner number
// and the accepted version of the ADAC Versicherung AG terms (AGB).
#include <optional>
#include <string>
#include <string_view>

#include "ecadm/change.hpp"
#include "ecadm/session.hpp"

namespace ecadm::adac {

/// The version of the ADAC terms this build asks firms to accept.
inline constexpr std::string_view k_current_agb_version = "2026-01";
/// The longest partner number and terms version accepted.
inline constexpr size_t k_max_partner_number = 50;
inline constexpr size_t k_max_agb_version = 20;

struct AdacInfo {
  std::optional<std::string> partner_number;
  std::optional<std::string> agb_version;      ///< the accepted version, if any
  std::optional<std::string> agb_accepted_by;  ///< login of who accepted
  std::optional<std::string> agb_accepted_at;  ///< RFC 3339 UTC
  /// True when the accepted version is k_current_agb_version.
  bool agb_current() const { return agb_version && *agb_version == k_current_agb_version; }
};

/// The ADAC settings. Read-only, no acting user needed.
AdacInfo show(Session& session);

/// Sets the partner number (trimmed, 1-50 characters). Throws InvalidData for a bad
/// number, NotPermitted when the plan or the acting user's permissions do not allow it.
Change set_partner_number(Session& session, const std::string& number);

/// Records that the acting user accepted the terms in `version` (default
/// k_current_agb_version), and when. Accepting the version already accepted changes
/// nothing. Throws InvalidData for a version other than the current one,
/// NotPermitted like set_partner_number.
Change accept_agb(Session& session, const std::optional<std::string>& version = std::nullopt);

}  // namespace ecadm::adac
