#include "ecadm/validation.hpp"

#include <fmt/format.h>

#include <chrono>
#include <regex>

#include "ecadm/error.hpp"

namespace ecadm::validation {

std::string check_email(std::string_view input, std::string_view field) {
  static const std::regex k_email(R"([^@\s]+@[^@\s.]+(\.[^@\s.]+)+)");
  std::string value(input);
  if (!std::regex_match(value, k_email))
    throw InvalidData(std::string(field), fmt::format("'{}' is not a plausible e-mail address", value),
                      "write it like kanzlei@example.de");
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
  if (!ok)
    throw InvalidData(std::string(field), fmt::format("'{}' is not a date in the form YYYY-MM-DD", value),
                      "write it like 2026-03-31, a day that exists");
  if (not_after && value > *not_after)
    throw InvalidData(std::string(field), fmt::format("'{}' lies in the future (after {})", value, *not_after),
                      fmt::format("give a day up to {}", *not_after));
  return value;
}

}  // namespace ecadm::validation

namespace ecadm::validation {

std::string check_country(std::string_view input, std::string_view field) {
  std::string value(input);
  for (auto& c : value) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (value.size() != 2 || !std::isalpha(static_cast<unsigned char>(value[0])) ||
      !std::isalpha(static_cast<unsigned char>(value[1])))
    throw InvalidData(std::string(field), fmt::format("'{}' is not a two-letter country code (ISO 3166-1)", input),
                      "write it like DE, AT or CH");
  return value;
}

std::string check_zip(std::string_view input, std::string_view country, std::string_view field) {
  std::string value(input);
  static const std::regex k_de(R"(\d{5})");
  static const std::regex k_other(R"([A-Za-z0-9][A-Za-z0-9 -]{0,8}[A-Za-z0-9])");
  if (country == "DE" ? !std::regex_match(value, k_de) : !std::regex_match(value, k_other))
    throw InvalidData(std::string(field),
                      country == "DE" ? fmt::format("'{}' is not a German postal code (five digits)", value)
                                      : fmt::format("'{}' is not a postal code", value),
                      country == "DE" ? "write it like 04107" : "2 to 10 letters, digits, spaces or '-'");
  return value;
}

std::string check_text(std::string_view input, std::string_view field, size_t max_length) {
  auto begin = input.find_first_not_of(" \t\r\n");
  auto end = input.find_last_not_of(" \t\r\n");
  std::string value =
      begin == std::string_view::npos ? std::string() : std::string(input.substr(begin, end - begin + 1));
  if (value.empty()) throw InvalidData(std::string(field), "must not be empty", "give a value that is not blank");
  size_t code_points = 0;
  for (unsigned char c : value) code_points += (c & 0xC0) != 0x80;
  if (code_points > max_length)
    throw InvalidData(std::string(field),
                      fmt::format("is {} characters long, at most {} are allowed", code_points, max_length),
                      fmt::format("shorten it to {} characters", max_length));
  for (unsigned char c : value)
    if (c < 0x20)
      throw InvalidData(std::string(field), "must not contain control characters",
                        "write it on one line, without tabs or line breaks");
  return value;
}

}  // namespace ecadm::validation

namespace ecadm::validation {

std::string check_phone(std::string_view input, std::string_view field) {
  std::string value = check_text(input, field, 30);
  int digits = 0;
  bool ok = true;
  for (char c : value) {
    digits += std::isdigit(static_cast<unsigned char>(c)) ? 1 : 0;
    ok = ok &&
         (std::isdigit(static_cast<unsigned char>(c)) || std::string_view(" +-/().").find(c) != std::string_view::npos);
  }
  if (!ok || digits < 3)
    throw InvalidData(std::string(field),
                      fmt::format("'{}' is not a phone number (digits, spaces and + - / ( ) ., "
                                  "at least 3 digits)",
                                  value),
                      "write it like +49 341 123456");
  return value;
}

}  // namespace ecadm::validation
