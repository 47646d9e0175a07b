// Small helpers shared by the sandbox: time stamps, XML escaping, hashing, base64.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace ecadm::sandbox {

/// Milliseconds since the Unix epoch, now.
long long now_ms();

/// RFC 3339 UTC time stamp (`2026-12-03T19:00:00Z`) for a time in ms since the epoch.
std::string rfc3339(long long ms);

/// `YYYY-MM-DD` (UTC) for a time in ms since the epoch.
std::string iso_date(long long ms);

/// Escapes `&`, `<`, `>` and `"` for XML text and attribute values.
std::string xml_escape(std::string_view text);

/// Lower-case hex SHA-256 of the bytes.
std::string sha256_hex(std::string_view bytes);

/// Decodes standard base64, ignoring white space; nullopt when it is not base64.
std::optional<std::string> base64_decode(std::string_view text);

/// Parses a decimal integer that fills the whole string; nullopt otherwise.
std::optional<long long> parse_integer(std::string_view text);

}  // namespace ecadm::sandbox
