#include "ecadm/error.hpp"

namespace ecadm {

const char* exit_code_name(ExitCode code) {
  switch (code) {
    case ExitCode::ok:
      return "ok";
    case ExitCode::failure:
      return "failure";
    case ExitCode::usage:
      return "usage";
    case ExitCode::invalid:
      return "invalid_data";
    case ExitCode::not_permitted:
      return "not_permitted";
    case ExitCode::not_found:
      return "not_found";
    case ExitCode::not_ready:
      return "not_ready";
    case ExitCode::rejected:
      return "rejected";
    case ExitCode::temporary:
      return "temporary";
    case ExitCode::interrupted:
      return "interrupted";
  }
  return "failure";
}

}  // namespace ecadm
