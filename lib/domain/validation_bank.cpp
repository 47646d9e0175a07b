// IBAN (ISO 13616) and BIC (ISO 9362), per SPEC.md "Validation of input".
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string_view>
#include <utility>

#include "ecadm/error.hpp"
#include "ecadm/validation.hpp"

namespace ecadm::validation {
namespace {

// The SWIFT IBAN registry: country code and total IBAN length. Every SEPA country
// (EU, EEA, CH, GB, MC, SM, VA, AD, GI) and the other registered countries.
constexpr std::pair<std::string_view, size_t> k_iban_lengths[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22}, {"BH", 22},
    {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DJ", 27},
    {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FK", 18}, {"FO", 18}, {"FR", 27},
    {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HN", 28}, {"HR", 21}, {"HU", 28},
    {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28},
    {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22},
    {"MK", 19}, {"MN", 20}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23},
    {"PK", 24}, {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24},
    {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25}, {"SV", 28},
    {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30},
};

// Territories without IBANs of their own: their banks' BICs carry the territory's
// code while the accounts carry the parent country's IBAN (GB for the Channel
// Islands and Man, FR for the overseas departments, FI for Åland).
constexpr std::pair<std::string_view, std::string_view> k_bic_territories[] = {
    {"GG", "GB"}, {"JE", "GB"}, {"IM", "GB"}, {"AX", "FI"}, {"GF", "FR"}, {"GP", "FR"}, {"MQ", "FR"}, {"RE", "FR"},
    {"YT", "FR"}, {"PM", "FR"}, {"BL", "FR"}, {"MF", "FR"}, {"NC", "FR"}, {"PF", "FR"}, {"WF", "FR"},
};

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Upper-cases ASCII letters and drops every space and tab.
std::string compact_upper(std::string_view input) {
  std::string value;
  for (char c : input) {
    if (c == ' ' || c == '\t') continue;
    value.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return value;
}

// The character at pos, whole even when it is a multi-byte UTF-8 sequence.
std::string char_at(const std::string& value, size_t pos) {
  size_t end = pos + 1;
  while (end < value.size() && (static_cast<unsigned char>(value[end]) & 0xC0) == 0x80) ++end;
  return value.substr(pos, end - pos);
}

// ISO 7064 MOD 97-10 over the IBAN with its first four characters moved to the end
// and letters replaced by 10..35, computed digit by digit so no big integer is needed.
int iban_mod97(const std::string& iban) {
  std::string rearranged = iban.substr(4) + iban.substr(0, 4);
  int remainder = 0;
  for (char c : rearranged) {
    int v = is_digit(c) ? c - '0' : c - 'A' + 10;
    remainder = (v >= 10 ? remainder * 100 : remainder * 10) + v;
    remainder %= 97;
  }
  return remainder;
}

}  // namespace

std::optional<size_t> iban_length(std::string_view country) {
  for (const auto& [code, length] : k_iban_lengths)
    if (code == country) return length;
  return std::nullopt;
}

namespace {

// A refusal of an IBAN or BIC always shows the right shape: most are typing errors.
struct BankRefusal {
  std::string field;
  const char* hint;
  [[noreturn]] void operator()(std::string rule) const { throw InvalidData(field, std::move(rule), hint); }
};

}  // namespace

std::string normalize_iban(std::string_view input, std::string_view field) {
  const BankRefusal refuse{std::string(field), "copy the IBAN from a bank statement, e.g. DE89 3704 0044 0532 0130 00"};
  std::string iban = compact_upper(input);
  if (iban.empty()) refuse("must not be empty");
  auto bad = std::find_if(iban.begin(), iban.end(), [](char c) { return !is_upper(c) && !is_digit(c); });
  if (bad != iban.end())
    refuse(fmt::format("'{}' contains '{}': only letters A-Z, digits and spaces are allowed", std::string(input),
                       char_at(iban, static_cast<size_t>(bad - iban.begin()))));
  if (iban.size() < 2 || !is_upper(iban[0]) || !is_upper(iban[1]))
    refuse(fmt::format("'{}' must start with a two-letter country code (e.g. DE)", std::string(input)));
  std::string country = iban.substr(0, 2);
  auto length = iban_length(country);
  if (!length) refuse(fmt::format("unknown country code '{}'", country));
  if (iban.size() != *length) refuse(fmt::format("a {} IBAN has {} characters, not {}", country, *length, iban.size()));
  if (!is_digit(iban[2]) || !is_digit(iban[3]))
    refuse(fmt::format("check digits '{}' (characters 3-4) must be two digits", iban.substr(2, 2)));
  std::string check = iban.substr(2, 2);
  if (check == "00" || check == "01" || check == "99")
    refuse(fmt::format("check digits '{}' are impossible (02 to 98)", check));
  if (iban_mod97(iban) != 1) refuse("checksum is wrong (mod 97 must be 1)");
  return iban;
}

std::string normalize_bic(std::string_view input, std::optional<std::string_view> iban_country,
                          std::string_view field) {
  const BankRefusal refuse{std::string(field), "give the BIC of the IBAN's bank, e.g. COBADEFFXXX, or leave it out"};
  std::string bic = compact_upper(input);
  if (bic.empty()) refuse("must not be empty");
  if (bic.size() != 8 && bic.size() != 11)
    refuse(fmt::format("'{}' has {} characters; a BIC has 8 or 11 (ISO 9362)", std::string(input), bic.size()));
  bool ok = true;
  for (size_t i = 0; i < bic.size(); ++i) ok = ok && (i < 6 ? is_upper(bic[i]) : is_upper(bic[i]) || is_digit(bic[i]));
  if (!ok)
    refuse(
        fmt::format("'{}' does not match ISO 9362: 4 letters bank, 2 letters country, "
                    "2 letters or digits location, optional 3 letters or digits branch",
                    std::string(input)));
  std::string country = bic.substr(4, 2);
  if (iban_country && country != *iban_country) {
    bool territory = std::any_of(std::begin(k_bic_territories), std::end(k_bic_territories),
                                 [&](const auto& t) { return t.first == country && t.second == *iban_country; });
    if (!territory)
      refuse(fmt::format("the BIC's country '{}' (characters 5-6) does not match the IBAN's country '{}'", country,
                         *iban_country));
  }
  return bic;
}

}  // namespace ecadm::validation
