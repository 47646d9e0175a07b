#pragma once
// Simple values of the schema: money, dates, timestamps, UUIDs, enumerations, patterns.
// Internal to the codec; parse failures are ProtocolError naming the element.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace ecadm::econsult::detail {

/// Formats cents as the schema's decimal with two places ("10500.00", "-1.05").
std::string format_cents(std::int64_t cents);
/// Parses a decimal amount of euros into cents; more than two non-zero decimals,
/// anything but digits, sign and one point, or an overflow throw ProtocolError naming where.
std::int64_t parse_cents(std::string_view text, std::string_view where);
/// Checks a date YYYY-MM-DD that exists in the calendar (2026-02-30 does not).
void check_date(std::string_view text, std::string_view where);
/// Checks an RFC 3339 timestamp YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM).
void check_timestamp(std::string_view text, std::string_view where);
/// Checks a lower-case UUID (8-4-4-4-12 hex digits).
void check_uuid(std::string_view text, std::string_view where);
/// Checks a BaFin number (four digits).
void check_bafin(std::string_view text, std::string_view where);
/// Checks that text is one of allowed.
void check_one_of(std::string_view text, std::initializer_list<std::string_view> allowed, std::string_view where);
/// The longest pattern check_pattern accepts: the schema's Text limit, which also
/// bounds what compiling and running an untrusted pattern can cost.
inline constexpr std::size_t k_max_pattern = 200;
/// Checks a non-empty ECMAScript regular expression (as std::regex compiles it) of at
/// most k_max_pattern characters (UTF-8 code points).
void check_pattern(std::string_view text, std::string_view where);
/// Parses a non-negative decimal integer (an attachment's groesse).
std::uint64_t parse_size(std::string_view text, std::string_view where);

}  // namespace ecadm::econsult::detail
