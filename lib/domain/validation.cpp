#include "ecadm/validation.hpp"

#include <chrono>
#include <regex>

#include <fmt/format.h>

#include "ecadm/error.hpp"

namespace ecadm::validation {

std::string check_email(std::string_view input, std::string_view field) {
  static const std::regex k_email(R"([^@\s]+@[^@\s.]+(\.[^@\s.]+)+)");
  std::string value(input);
  if (!std::regex_match(value, k_email))
    throw InvalidData(std::string(field), fmt::format("'{}' is not a plausible e-mail address", value));
  return value;
}

std::string check_date(std::string_view input, std::string_view field, std::optional<std::string_view> not_after) {
  std::string value(input);
  static const std::regex k_date(R"(\d{4}-\d{2}-\d{2})");
  bool ok = std::regex_match(value, k_date);
  if (ok) {
    using namespace std::chrono;
    year_month_day ymd{year{std::stoi(value.substr(0, 4))}, month{static_cast<unsigned>(std::stoi(value.substr(5, 2)))},
                       day{static_cast<unsigned>(std::stoi(value.substr(8, 2)))}};
    ok = ymd.ok();
  }
  if (!ok) throw InvalidData(std::string(field), fmt::format("'{}' is not a date in the form YYYY-MM-DD", value));
  if (not_after && value > *not_after)
    throw InvalidData(std::string(field), fmt::format("'{}' lies in the future (after {})", value, *not_after));
  return value;
}

}  // namespace ecadm::validation
