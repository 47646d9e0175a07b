// The e.Consult endpoint URL: the only place credentials travel, so plain http is
// allowed for loopback test services only.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>

#include "ecadm/error.hpp"
#include "ecadm/validation.hpp"

namespace ecadm::validation {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool is_loopback_ipv4(const std::string& host) {
  int octets[4];
  char tail = 0;
  if (std::sscanf(host.c_str(), "%d.%d.%d.%d%c", &octets[0], &octets[1], &octets[2], &octets[3], &tail) != 4)
    return false;
  if (std::any_of(host.begin(), host.end(),
                  [](char c) { return c != '.' && !std::isdigit(static_cast<unsigned char>(c)); }))
    return false;
  return octets[0] == 127 && std::all_of(octets + 1, octets + 4, [](int o) { return o >= 0 && o <= 255; });
}

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "[::1]" || host == "[0:0:0:0:0:0:0:1]" || is_loopback_ipv4(host);
}

}  // namespace

std::string normalize_endpoint(std::string_view input, std::string_view field) {
  const std::string f(field);
  std::string url(input);
  // The URL is echoed in refusals, but never a user:password part it might carry.
  std::string shown = url;
  if (auto at = shown.find('@'), start = shown.find("://");
      at != std::string::npos && start != std::string::npos && start < at && shown.find('/', start + 3) > at)
    shown.replace(start + 3, at - start - 3, "***");
  const char* hint = "write it like https://econsult.example.de/ec/v1";
  auto refuse = [&](std::string_view rule) { throw InvalidData(f, fmt::format("'{}' {}", shown, rule), hint); };
  if (url.empty()) throw InvalidData(f, "must not be empty", hint);
  if (std::any_of(url.begin(), url.end(), [](unsigned char c) { return c <= 0x20 || c >= 0x7F; }))
    refuse("must not contain spaces, control or non-ASCII characters");
  auto scheme_end = url.find("://");
  std::string scheme = scheme_end == std::string::npos ? "" : lower(url.substr(0, scheme_end));
  if (scheme != "https" && scheme != "http")
    refuse("must start with https:// (http:// only for a loopback host: 127.0.0.0/8, [::1], localhost)");
  std::string rest = url.substr(scheme_end + 3);
  if (rest.find_first_of("?#") != std::string::npos) refuse("must not have a query (?) or fragment (#)");
  auto path_start = rest.find('/');
  std::string authority = rest.substr(0, path_start);
  std::string path = path_start == std::string::npos ? "" : rest.substr(path_start);
  if (authority.find('@') != std::string::npos)
    refuse("must not contain user credentials (set them with ecadm postfach set-credentials)");

  std::string host, port;
  if (!authority.empty() && authority[0] == '[') {
    auto close = authority.find(']');
    if (close == std::string::npos) refuse("has an IPv6 host without its closing ']'");
    host = lower(authority.substr(0, close + 1));
    if (std::any_of(host.begin() + 1, host.end() - 1,
                    [](char c) { return !std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.'; }))
      refuse("has an IPv6 host with characters other than hex digits, ':' and '.'");
    std::string after = authority.substr(close + 1);
    if (!after.empty() && after[0] != ':') refuse("has characters after the IPv6 host");
    port = after.empty() ? "" : after.substr(1);
    if (after == ":") refuse("has an empty port");
  } else {
    auto colon = authority.find(':');
    host = lower(authority.substr(0, colon));
    if (colon != std::string::npos) {
      port = authority.substr(colon + 1);
      if (port.empty()) refuse("has an empty port");
    }
    if (std::any_of(host.begin(), host.end(),
                    [](char c) { return !std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-'; }))
      refuse("has a host name with characters other than letters, digits, '.' and '-'");
  }
  if (host.empty() || host == "[]") refuse("has no host");
  if (!port.empty()) {
    bool digits = port.size() <= 5 && std::all_of(port.begin(), port.end(),
                                                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    long value = digits ? std::stol(port) : 0;
    if (!digits || value < 1 || value > 65535) refuse(fmt::format("has port '{}'; a port is 1 to 65535", port));
    port = std::to_string(value);
  }
  if (scheme == "http" && !is_loopback(host))
    refuse(
        fmt::format("uses http:// with host '{}': e.Consult needs https://; http:// is allowed only for a "
                    "loopback host (127.0.0.0/8, [::1], localhost)",
                    host));
  while (!path.empty() && path.back() == '/') path.pop_back();
  return fmt::format("{}://{}{}{}", scheme, host, port.empty() ? "" : ":" + port, path);
}

}  // namespace ecadm::validation
