#include "econsult/codec_values.hpp"

#include <fmt/format.h>

#include <chrono>
#include <limits>
#include <regex>

#include "ecadm/econsult/codec.hpp"

namespace ecadm::econsult::detail {
namespace {

[[noreturn]] void fail(std::string_view where, std::string_view text, std::string_view rule) {
  throw ProtocolError(fmt::format("invalid e.Consult body: '{}' in {} is not {}", text, where, rule));
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool digits(std::string_view text, std::size_t from, std::size_t count) {
  if (from + count > text.size()) return false;
  for (std::size_t i = from; i < from + count; ++i)
    if (!is_digit(text[i])) return false;
  return true;
}

int number(std::string_view text, std::size_t from, std::size_t count) {
  int value = 0;
  for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

bool valid_date(std::string_view t) {
  if (t.size() != 10 || !digits(t, 0, 4) || t[4] != '-' || !digits(t, 5, 2) || t[7] != '-' || !digits(t, 8, 2))
    return false;
  // the real calendar (month lengths, leap years), as validation::check_date has it
  const std::chrono::year_month_day date{std::chrono::year{number(t, 0, 4)},
                                         std::chrono::month{static_cast<unsigned>(number(t, 5, 2))},
                                         std::chrono::day{static_cast<unsigned>(number(t, 8, 2))}};
  return date.ok();
}

}  // namespace

std::string format_cents(std::int64_t cents) {
  // unsigned arithmetic so that INT64_MIN has a magnitude too
  const bool negative = cents < 0;
  const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  return fmt::format("{}{}.{:02}", negative ? "-" : "", magnitude / 100, magnitude % 100);
}

std::int64_t parse_cents(std::string_view text, std::string_view where) {
  constexpr std::string_view rule = "an amount with at most two decimals";
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  std::uint64_t cents = 0;
  constexpr std::uint64_t limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  std::size_t whole = 0, fraction = 0;
  for (; i < text.size() && is_digit(text[i]); ++i, ++whole) {
    cents = cents * 10 + static_cast<std::uint64_t>(text[i] - '0');
    if (cents >= limit / 100) fail(where, text, "an amount in range");
  }
  cents *= 100;
  if (i < text.size() && text[i] == '.') {
    for (++i; i < text.size() && is_digit(text[i]); ++i, ++fraction) {
      const auto digit = static_cast<std::uint64_t>(text[i] - '0');
      if (fraction == 0)
        cents += digit * 10;
      else if (fraction == 1)
        cents += digit;
      else if (digit != 0)
        fail(where, text, rule);
    }
  }
  if (i != text.size() || whole + fraction == 0) fail(where, text, rule);
  return negative ? -static_cast<std::int64_t>(cents) : static_cast<std::int64_t>(cents);
}

void check_date(std::string_view text, std::string_view where) {
  if (!valid_date(text)) fail(where, text, "a date YYYY-MM-DD");
}

void check_timestamp(std::string_view t, std::string_view where) {
  constexpr std::string_view rule = "an RFC 3339 timestamp";
  if (t.size() < 20 || !valid_date(t.substr(0, 10)) || t[10] != 'T' || !digits(t, 11, 2) || t[13] != ':' ||
      !digits(t, 14, 2) || t[16] != ':' || !digits(t, 17, 2))
    fail(where, t, rule);
  if (number(t, 11, 2) > 23 || number(t, 14, 2) > 59 || number(t, 17, 2) > 60) fail(where, t, rule);
  std::size_t i = 19;
  if (t[i] == '.') {
    const std::size_t start = ++i;
    while (i < t.size() && is_digit(t[i])) ++i;
    if (i == start) fail(where, t, rule);
  }
  const auto zone = t.substr(i);
  const bool offset = zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && digits(zone, 1, 2) && zone[3] == ':' &&
                      digits(zone, 4, 2);
  if (zone != "Z" && !offset) fail(where, t, rule);
}

void check_uuid(std::string_view text, std::string_view where) {
  bool ok = text.size() == 36;
  for (std::size_t i = 0; ok && i < text.size(); ++i) {
    const char c = text[i];
    ok = (i == 8 || i == 13 || i == 18 || i == 23) ? c == '-' : (is_digit(c) || (c >= 'a' && c <= 'f'));
  }
  if (!ok) fail(where, text, "a lower-case UUID");
}

void check_bafin(std::string_view text, std::string_view where) {
  if (text.size() != 4 || !digits(text, 0, 4)) fail(where, text, "a BaFin number (four digits)");
}

void check_one_of(std::string_view text, std::initializer_list<std::string_view> allowed, std::string_view where) {
  for (auto a : allowed)
    if (text == a) return;
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  fail(where, text, "one of " + list);
}

void check_pattern(std::string_view text, std::string_view where) {
  std::size_t characters = 0;
  for (char c : text) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  if (characters > k_max_pattern)
    throw ProtocolError(
        fmt::format("invalid e.Consult body: {} has {} characters, more than {}", where, characters, k_max_pattern));
  if (text.empty()) fail(where, text, "a non-empty regular expression");
  try {
    [[maybe_unused]] const std::regex compiled(text.begin(), text.end(), std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    std::string reason = e.what();
    if (!reason.empty() && reason.back() == '.') reason.pop_back();
    fail(where, text, fmt::format("an ECMAScript regular expression ({})", reason));
  }
}

std::uint64_t parse_size(std::string_view text, std::string_view where) {
  if (text.empty() || text.size() > 18 || !digits(text, 0, text.size())) fail(where, text, "a size in bytes");
  std::uint64_t value = 0;
  for (char c : text) value = value * 10 + static_cast<std::uint64_t>(c - '0');
  return value;
}

}  // namespace ecadm::econsult::detail
