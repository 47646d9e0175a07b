#include "ecadm/clock.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace ecadm {

std::string format_utc(std::chrono::system_clock::time_point t) {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(t));
}

std::string format_date(std::chrono::system_clock::time_point t) {
  return fmt::format("{:%Y-%m-%d}", std::chrono::floor<std::chrono::seconds>(t));
}

}  // namespace ecadm
