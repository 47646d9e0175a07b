#pragma once
// The e.Consult master data (Stammdaten) and where they come from.
#include <cstdint>

#include "ecadm/session.hpp"

namespace ecadm::stammdaten {

/// Copies a location's address and contact data (and the firm's name) into the
/// e.Consult master data. Call inside Session::write; audits the change.
/// Throws NotFound when the location does not exist.
void copy_from_location(Session& session, std::int64_t location_id);

/// True when no master data have been set yet (stamm_name is empty).
bool empty(Session& session);

}  // namespace ecadm::stammdaten
