#pragma once
// Validation of input per SPEC.md "Validation of input". Every function throws
// InvalidData naming the field and the rule it broke, and returns the normalised value.
#include <optional>
#include <string>
#include <string_view>

namespace ecadm::validation {

/// ISO 13616: strips spaces, upper-cases, checks the country's length and mod 97 = 1.
std::string normalize_iban(std::string_view input, std::string_view field = "iban");

/// ISO 9362: 8 or 11 characters, [A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?; its country
/// (characters 5-6) must equal iban_country when given.
std::string normalize_bic(std::string_view input, std::optional<std::string_view> iban_country = std::nullopt,
                          std::string_view field = "bic");

/// A plausible e-mail address: one '@', a non-empty local part, a domain with a dot, no spaces.
std::string check_email(std::string_view input, std::string_view field = "email");

/// ISO YYYY-MM-DD, a real calendar day; with not_after (YYYY-MM-DD) not later than it.
std::string check_date(std::string_view input, std::string_view field,
                       std::optional<std::string_view> not_after = std::nullopt);

/// A German plate ("L-XY 4711", optional suffix E or H): normalised to "L-XY 4711".
std::string normalize_plate(std::string_view input, std::string_view field = "kennzeichen");

/// Two upper-case letters (ISO 3166-1 alpha-2); lower case is accepted and raised.
std::string check_country(std::string_view input, std::string_view field = "country");

/// A postal code: five digits for DE, else 2-10 letters, digits, spaces or dashes.
std::string check_zip(std::string_view input, std::string_view country, std::string_view field = "zip");

/// Non-empty after trimming, at most max_length characters (UTF-8 code points).
std::string check_text(std::string_view input, std::string_view field, size_t max_length = 200);

}  // namespace ecadm::validation
