#pragma once
// HTTP behind a seam (STYLE rule 12): the e.Consult client talks to a Transport, tests
// may fake it, and CurlTransport is the real thing (libcurl, wrapped once, RAII). No
// CURL type leaves lib/econsult/transport_curl.cpp.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ecadm/econsult/codec.hpp"

namespace ecadm::econsult {

/// HTTP Basic credentials for one request. Never logged, never part of an error message.
struct BasicAuth {
  std::string username;
  std::string password;
};

enum class Method { get, post };

/// One request. `target` is the path (and query) relative to the base URL, e.g. "/ping"
/// or "/postfach?max=50"; it must start with '/'.
struct HttpRequest {
  Method method = Method::get;
  std::string target;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::optional<BasicAuth> auth;
};

/// One answer: status, headers (of the final response; names as sent) and body.
struct HttpResponse {
  long status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  /// The value of the first header named `name` (case-insensitive), if any.
  std::optional<std::string> header(std::string_view name) const;
};

/// The seam: performs one request and returns whatever status the server answered.
/// Throws Temporary when no answer arrived (refused, reset, timeout, TLS failure) or the
/// answer was too large; never throws for an HTTP status.
class Transport {
 public:
  virtual ~Transport() = default;
  virtual HttpResponse perform(const HttpRequest& request) = 0;
};

/// Settings of CurlTransport. The defaults are the production values; tests shorten them.
struct TransportOptions {
  std::string base_url;                         ///< e.g. https://host/ec/v1
  std::optional<std::filesystem::path> cacert;  ///< trust this CA file instead of the system's
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds request_timeout{60'000};  ///< the whole request, body included
  long low_speed_limit = 1;                           ///< abort when slower than this (bytes/s) ...
  std::chrono::seconds low_speed_time{30};            ///< ... for this long
  std::size_t max_body = k_max_body;                  ///< largest answer read
  std::string user_agent = std::string("ecadm/") + ECADM_VERSION;
};

/// Checks that `url` may be used as the e.Consult endpoint: `https://`, or `http://` to a
/// loopback host (127.0.0.0/8, ::1, localhost); no user name or password in it.
/// Throws InvalidData("endpoint", rule) with a hint naming `ecadm settings set-endpoint`.
void check_endpoint(std::string_view url);

/// The libcurl transport. Owns one easy handle, reused for every request so that the
/// connection to e.Consult is kept alive. Certificate verification is always on; only
/// http and https are spoken; redirects are not followed. Not thread-safe: one per thread.
class CurlTransport final : public Transport {
 public:
  /// Checks the endpoint (check_endpoint) before anything connects; throws InvalidData.
  explicit CurlTransport(TransportOptions options);
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  /// Performs `request` against base_url + target. Throws Temporary when no complete
  /// answer arrived or it exceeded max_body, InvalidData when the CA file is unusable,
  /// Failure on a libcurl fault.
  HttpResponse perform(const HttpRequest& request) override;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace ecadm::econsult
