#pragma once
// Validation of input per SPEC.md "Validation of input". Every function throws
// InvalidData naming the field and the rule it broke, and returns the normalised value.
#include <optional>
#include <string>
#include <string_view>

namespace ecadm::validation {

/// ISO 13616: strips spaces, upper-cases, checks the characters (A-Z, 0-9), the
/// country (SWIFT IBAN registry: every SEPA country and the other registered ones),
/// its exact length and mod 97 = 1. Throws InvalidData naming field and the rule.
std::string normalize_iban(std::string_view input, std::string_view field = "iban");

/// The IBAN length of a country (ISO 3166-1 alpha-2, upper case), nullopt when the
/// country has no IBAN in the registry.
std::optional<size_t> iban_length(std::string_view country);

/// ISO 9362: strips spaces, upper-cases; 8 or 11 characters, [A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?;
/// its country (characters 5-6) must equal iban_country when given (a territory's BIC,
/// e.g. JE with a GB IBAN, is accepted). Throws InvalidData naming field and the rule.
std::string normalize_bic(std::string_view input, std::optional<std::string_view> iban_country = std::nullopt,
                          std::string_view field = "bic");

/// A plausible e-mail address: one '@', a non-empty local part, a domain with a dot, no spaces.
std::string check_email(std::string_view input, std::string_view field = "email");

/// ISO YYYY-MM-DD, a real calendar day; with not_after (YYYY-MM-DD) not later than it.
std::string check_date(std::string_view input, std::string_view field,
                       std::optional<std::string_view> not_after = std::nullopt);

/// A German plate: district 1-3 letters (A-Z, Ä, Ö, Ü), '-' or ' ', 1-2 letters,
/// optional space, 1-4 digits not starting with 0, optional suffix E or H, at most
/// 8 characters without separators; lower case is raised. Normalised to
/// "DISTRICT-LETTERS DIGITS[SUFFIX]" ("l xy4711" -> "L-XY 4711"), which matches the
/// XSD pattern Kennzeichen. Throws InvalidData naming field and the broken rule.
std::string normalize_plate(std::string_view input, std::string_view field = "kennzeichen");

/// Two upper-case letters (ISO 3166-1 alpha-2); lower case is accepted and raised.
std::string check_country(std::string_view input, std::string_view field = "country");

/// A postal code: five digits for DE, else 2-10 letters, digits, spaces or dashes.
std::string check_zip(std::string_view input, std::string_view country, std::string_view field = "zip");

/// A phone or fax number: digits, spaces and + - / ( ) ., at least 3 digits, at most
/// 30 characters; returned trimmed. Throws InvalidData naming field.
std::string check_phone(std::string_view input, std::string_view field);

/// An e.Consult endpoint URL: https://, or http:// only when the host is loopback
/// (127.0.0.0/8, [::1], localhost); no user info, query or fragment. Returned with
/// scheme and host in lower case and without trailing slash. Throws InvalidData.
std::string normalize_endpoint(std::string_view input, std::string_view field = "endpoint");

/// Non-empty after trimming, at most max_length characters (UTF-8 code points).
std::string check_text(std::string_view input, std::string_view field, size_t max_length = 200);

}  // namespace ecadm::validation
