#pragma once
// Zentralruf der Autoversicherer: which liability insurer covered a vehicle on a day.
#include <optional>
#include <string>

#include "ecadm/econsult/messages.hpp"
#include "ecadm/session.hpp"

namespace ecadm::zentralruf {

struct Lookup {
  std::string kennzeichen;  ///< normalised plate
  std::string datum;        ///< the day asked about
  econsult::ZentralrufAuskunft auskunft;
  /// The insurer's name in the synced directory, when it is there.
  std::optional<std::string> directory_name;
  /// Whether that insurer takes Schadenmeldungen through e.Consult (directory: sparte schaden).
  bool takes_schadenmeldung = false;
};

/// Asks the Zentralruf. Needs a seat holder (messaging preconditions) and the Zentralruf
/// credentials. Throws InvalidData for a bad plate or a date that is malformed or in the
/// future, NotReady when credentials or endpoint are missing, NotFound when the
/// Zentralruf knows no insurer for plate and day, Rejected (7) or Temporary (75) for
/// other answers.
Lookup lookup(Session& session, const std::string& kennzeichen, const std::string& datum);

}  // namespace ecadm::zentralruf
