#pragma once
// e.Consult licences: the add-on's seats (one free, more booked), who holds them, and
// the firm-wide Passivmandatierung add-on.
#include <string>
#include <string_view>
#include <vector>

#include "ecadm/change.hpp"
#include "ecadm/session.hpp"

namespace ecadm::license {

/// The seat that comes with the e.Consult add-on; booked seats are added on top.
inline constexpr int k_free_seats = 1;
/// The most seats one add-seats call may book (a guard against typos).
inline constexpr int k_max_seats_per_call = 1000;
/// The only add-on there is.
inline constexpr std::string_view k_passivmandatierung = "passivmandatierung";

struct LicenseInfo {
  std::string plan;
  int total = 0;   ///< k_free_seats + booked
  int booked = 0;  ///< seats bought on top of the free one
  int assigned = 0;
  int free = 0;                      ///< total - assigned (never negative)
  std::vector<std::string> holders;  ///< logins holding a seat, sorted
  bool passivmandatierung = false;
};

/// The licence: seats, holders, add-ons. Read-only, no acting user needed.
/// Throws NotReady when the store holds no firm.
LicenseInfo show(Session& session);

/// Books n more seats (1 <= n <= k_max_seats_per_call). Throws InvalidData for a bad
/// n, NotPermitted when the plan or the acting user's permissions do not allow it.
Change add_seats(Session& session, int n);

/// Cancels n booked seats. Throws InvalidData when n < 1 or more than the booked
/// seats (the free seat cannot be removed), NotPermitted when fewer seats than are
/// assigned would remain (hint: unassign first) or the policy refuses.
Change remove_seats(Session& session, int n);

/// Assigns a seat to each login, all or nothing. Logins that already hold one are
/// left alone (changed=false when all do). Throws InvalidData for a malformed or no
/// login, NotFound for an unknown user, NotPermitted for a disabled user, for too
/// few free seats (hint: `ecadm license add-seats N`) or when the policy refuses.
Change assign(Session& session, const std::vector<std::string>& logins);

/// Takes the seat from each login, all or nothing; logins holding none are left
/// alone. Throws InvalidData, NotFound or NotPermitted like assign.
Change unassign(Session& session, const std::vector<std::string>& logins);

/// Books (enabled) or cancels an add-on. Throws InvalidData for an add-on other than
/// "passivmandatierung", NotPermitted when the policy refuses.
Change set_addon(Session& session, const std::string& addon, bool enabled);

}  // namespace ecadm::license
