// German vehicle registration plates (Kennzeichen), per SPEC.md "Validation of input"
// and the XSD type Kennzeichen.
#include <fmt/format.h>

#include <regex>
#include <string>
#include <vector>

#include "ecadm/error.hpp"
#include "ecadm/validation.hpp"

namespace ecadm::validation {
namespace {

// One character of the input: a byte, or a whole UTF-8 sequence.
std::vector<std::string> split_utf8(std::string_view input) {
  std::vector<std::string> chars;
  for (size_t i = 0; i < input.size();) {
    size_t end = i + 1;
    while (end < input.size() && (static_cast<unsigned char>(input[end]) & 0xC0) == 0x80) ++end;
    chars.emplace_back(input.substr(i, end - i));
    i = end;
  }
  return chars;
}

// Upper case for ASCII letters and the umlauts a district may hold.
std::string upper(const std::string& c) {
  if (c.size() == 1) return std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(c[0]))));
  if (c == "ä") return "Ä";
  if (c == "ö") return "Ö";
  if (c == "ü") return "Ü";
  return c;
}

bool is_letter(const std::string& c) {
  return c.size() == 1 && c[0] >= 'A' && c[0] <= 'Z';
}
bool is_district_letter(const std::string& c) {
  return is_letter(c) || c == "Ä" || c == "Ö" || c == "Ü";
}
bool is_digit(const std::string& c) {
  return c.size() == 1 && c[0] >= '0' && c[0] <= '9';
}

}  // namespace

std::string normalize_plate(std::string_view input, std::string_view field) {
  const std::string f(field);
  const std::string shown(input);
  auto refuse = [&](std::string_view rule) {
    throw InvalidData(f, fmt::format("'{}' is not a German plate: {}", shown, rule), "write it like L-XY 4711");
  };
  std::vector<std::string> chars;
  for (auto& c : split_utf8(input)) chars.push_back(upper(c));
  // surrounding blanks go; inner runs of blanks count as one separator
  while (!chars.empty() && chars.front() == " ") chars.erase(chars.begin());
  while (!chars.empty() && chars.back() == " ") chars.pop_back();
  if (chars.empty()) throw InvalidData(f, "must not be empty", "write it like L-XY 4711");

  size_t i = 0;
  auto take = [&](auto pred, size_t max) {
    std::string part;
    size_t n = 0;
    for (; i < chars.size() && n < max && pred(chars[i]); ++i, ++n) part += chars[i];
    return std::make_pair(part, n);
  };
  auto skip_blanks = [&] {
    size_t n = 0;
    for (; i < chars.size() && chars[i] == " "; ++i) ++n;
    return n;
  };

  auto [district, district_n] = take(is_district_letter, 3);
  if (district_n == 0) refuse("it must start with the district (1-3 letters)");
  size_t blanks = skip_blanks();
  bool dash = i < chars.size() && chars[i] == "-";
  if (dash) {
    ++i;
    skip_blanks();
  }
  if (!dash && blanks == 0) {
    if (i < chars.size() && is_district_letter(chars[i])) refuse("the district has at most 3 letters");
    refuse("the district and the letters must be separated by '-' or a space");
  }
  auto [letters, letters_n] = take(is_letter, 2);
  if (letters_n == 0) refuse("1-2 letters A-Z must follow the district");
  skip_blanks();
  if (i < chars.size() && is_letter(chars[i])) refuse("at most 2 letters may follow the district");
  auto [digits, digits_n] = take(is_digit, 4);
  if (digits_n == 0) refuse("1-4 digits must follow the letters");
  if (digits[0] == '0') refuse("the number must not start with 0");
  if (i < chars.size() && is_digit(chars[i])) refuse("the number has at most 4 digits");
  skip_blanks();
  std::string suffix;
  if (i < chars.size() && (chars[i] == "E" || chars[i] == "H")) suffix = chars[i++];
  if (i < chars.size())
    refuse(fmt::format("unexpected '{}' after the number (only the suffix E or H may follow)", chars[i]));
  size_t total = district_n + letters_n + digits_n + suffix.size();
  if (total > 8) refuse(fmt::format("it has {} characters without separators, at most 8 are allowed", total));

  std::string plate = fmt::format("{}-{} {}{}", district, letters, digits, suffix);
  // the protocol's pattern (XSD Kennzeichen) must hold for what we store and send
  static const std::regex k_xsd("(?:[A-Z]|Ä|Ö|Ü){1,3}[- ][A-Z]{1,2} ?[0-9]{1,4}[EH]?");
  if (!std::regex_match(plate, k_xsd)) refuse("it does not match the e.Consult pattern");
  return plate;
}

}  // namespace ecadm::validation
