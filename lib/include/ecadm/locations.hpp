#pragma once
// The firm's locations (Standorte): address and contact data.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ecadm/change.hpp"
#include "ecadm/session.hpp"

namespace ecadm::locations {

struct Location {
  std::string name;
  std::string street;
  std::string house_number;
  std::string zip;
  std::string city;
  std::string country = "DE";  ///< ISO 3166-1 alpha-2
  std::optional<std::string> phone;
  std::optional<std::string> fax;
  std::optional<std::string> email;
  std::string created_at;  ///< set by the store; ignored by add()
};

/// Checks and normalises a location's fields (texts trimmed, country upper-cased,
/// zip for the country, phone/fax digits, e-mail plausible). Throws InvalidData
/// naming the field (`name`, `street`, `house-number`, `zip`, `city`, `country`,
/// `phone`, `fax`, `email`) and the rule.
Location normalize(const Location& input);

/// Adds a location (needs admin or kanzleiverwaltung). The first location whose
/// data land in an empty e.Consult master data (Stammdaten) is copied there, and the
/// message says so. Idempotent on the same name with the same data; throws
/// InvalidData for a name that exists with other data, NotPermitted when the acting
/// user may not add locations.
Change add(Session& session, const Location& location);

/// Every location, in the order they were added. Read-only, no acting user needed.
std::vector<Location> list(Session& session);

}  // namespace ecadm::locations
