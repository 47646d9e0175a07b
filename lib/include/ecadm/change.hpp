#pragma once
// What every write operation of libecadm returns: whether it changed the store (an
// idempotent call whose end state already held did not) and one line saying what.
#include <string>

namespace ecadm {

struct Change {
  bool changed = false;
  /// "assigned a seat to 'anna'" / "'anna' already holds a seat"; under --dry-run the
  /// same text describes what would have happened.
  std::string message;
};

}  // namespace ecadm
