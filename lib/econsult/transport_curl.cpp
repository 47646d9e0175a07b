// The only file that sees libcurl. One easy handle per CurlTransport, reset and set up
// anew for each request: curl_easy_reset keeps the connection cache, so consecutive
// requests to e.Consult reuse one TCP/TLS connection.
#include <arpa/inet.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "curl_api.hpp"
#include "ecadm/econsult/transport.hpp"
#include "ecadm/error.hpp"
#include "ecadm/interrupt.hpp"

namespace ecadm::econsult {

namespace {

constexpr const char* k_endpoint_hint = "ecadm settings set-endpoint https://HOST/PATH";

struct EasyDeleter {
  void operator()(CURL* handle) const { curl().easy_cleanup(handle); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl().slist_free_all(list); }
};
struct UrlDeleter {
  void operator()(CURLU* url) const { curl().url_cleanup(url); }
};
struct CurlFree {
  void operator()(char* text) const { curl().free(text); }
};
using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;
using CurlText = std::unique_ptr<char, CurlFree>;

template <typename T>
void set(CURL* handle, CURLoption option, T value) {
  if (CURLcode rc = curl().easy_setopt(handle, option, value); rc != CURLE_OK)
    throw Failure(fmt::format("libcurl refused option {}: {}", static_cast<int>(option), curl().easy_strerror(rc)));
}

/// A part of a parsed URL, or nullopt when the URL has none.
std::optional<std::string> url_part(CURLU* url, CURLUPart part) {
  char* raw = nullptr;
  if (curl().url_get(url, part, &raw, 0) != CURLUE_OK || raw == nullptr) return std::nullopt;
  CurlText text(raw);
  return std::string(text.get());
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

bool is_loopback(std::string host) {
  host = lower(std::move(host));
  if (host == "localhost") return true;
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    in6_addr address{};
    return ::inet_pton(AF_INET6, host.substr(1, host.size() - 2).c_str(), &address) == 1 &&
           IN6_IS_ADDR_LOOPBACK(&address);
  }
  in_addr address{};
  return ::inet_pton(AF_INET, host.c_str(), &address) == 1 && (ntohl(address.s_addr) >> 24) == 127;
}

/// The scheme of a URL that check_endpoint accepted ("https" or "http").
std::string scheme_of(const std::string& url) {
  return lower(url.substr(0, url.find(':')));
}

}  // namespace

namespace {

struct CheckedEndpoint {
  std::string url;  ///< as libcurl normalised it: requests are built from exactly what was checked
  bool loopback = false;
};

/// check_endpoint, returning the URL and whether its host is a loopback one.
CheckedEndpoint checked_endpoint(std::string_view url) {
  // The URL itself is never echoed: it might carry a password in its user part.
  auto refuse = [](std::string rule) { throw InvalidData("endpoint", std::move(rule), k_endpoint_hint); };
  std::unique_ptr<CURLU, UrlDeleter> parsed(curl().url());
  if (!parsed) throw Failure("cannot parse the endpoint: out of memory");
  const std::string text(url);
  if (text.empty()) refuse("no URL given");
  if (curl().url_set(parsed.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK)
    refuse("not an absolute URL (expected https://HOST/PATH)");
  const std::string scheme = lower(url_part(parsed.get(), CURLUPART_SCHEME).value_or(""));
  const std::string host = url_part(parsed.get(), CURLUPART_HOST).value_or("");
  if (scheme != "https" && scheme != "http") refuse(fmt::format("scheme '{}' is not allowed (use https://)", scheme));
  if (host.empty()) refuse("no host given");
  if (url_part(parsed.get(), CURLUPART_USER) || url_part(parsed.get(), CURLUPART_PASSWORD))
    refuse("must not contain a user name or password (credentials are set with ecadm postfach set-credentials)");
  if (url_part(parsed.get(), CURLUPART_QUERY) || url_part(parsed.get(), CURLUPART_FRAGMENT))
    refuse("must not contain a query or fragment");
  if (scheme_of(text) != scheme) refuse("not an absolute URL (expected https://HOST/PATH)");
  if (scheme == "http" && !is_loopback(host))
    refuse(fmt::format("http:// is allowed only for loopback hosts (127.0.0.0/8, ::1, localhost), not '{}'", host));
  auto normalised = url_part(parsed.get(), CURLUPART_URL);
  if (!normalised) refuse("not an absolute URL (expected https://HOST/PATH)");
  return {*normalised, is_loopback(host)};
}

}  // namespace

void check_endpoint(std::string_view url) {
  checked_endpoint(url);
}

struct CurlTransport::Impl {
  TransportOptions options;
  std::string base;    // base URL without trailing '/'
  std::string scheme;  // the only protocol this transport speaks
  bool loopback = false;
  EasyHandle easy;
  char error[CURL_ERROR_SIZE] = {};
  HttpResponse response;
  bool too_large = false;

  static size_t on_body(char* data, size_t size, size_t count, void* user) {
    auto* self = static_cast<Impl*>(user);
    const size_t length = size * count;
    if (self->response.body.size() + length > self->options.max_body) {
      self->too_large = true;
      return 0;  // anything but `length` makes libcurl abort with CURLE_WRITE_ERROR
    }
    self->response.body.append(data, length);
    return length;
  }

  static size_t on_header(char* data, size_t size, size_t count, void* user) {
    auto* self = static_cast<Impl*>(user);
    const size_t length = size * count;
    std::string_view line(data, length);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    if (line.starts_with("HTTP/")) {
      self->response.headers.clear();  // a new response (after 1xx): keep the final one's headers only
    } else if (auto colon = line.find(':'); colon != std::string_view::npos && colon > 0) {
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
      while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
      self->response.headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
    }
    return length;
  }

  // aborts a transfer when the process is interrupted (SIGINT, SIGTERM)
  static int on_progress(void*, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    return interrupt_requested() ? 1 : 0;
  }

  std::string detail(CURLcode rc) const { return error[0] != '\0' ? std::string(error) : curl().easy_strerror(rc); }

  [[noreturn]] void fail(CURLcode rc) const {
    if (rc == CURLE_ABORTED_BY_CALLBACK && interrupt_requested())
      throw Interrupted(fmt::format("interrupted while talking to e.Consult at '{}'", base));
    if (too_large || rc == CURLE_FILESIZE_EXCEEDED)
      throw Temporary(fmt::format("e.Consult at '{}' answered with more than {} bytes", base, options.max_body),
                      "try again later; if it persists, report it to e.Consult");
    if (rc == CURLE_SSL_CACERT_BADFILE && options.cacert)
      throw InvalidData("CA file", fmt::format("'{}' cannot be used: {}", options.cacert->string(), detail(rc)));
    switch (rc) {
      case CURLE_UNSUPPORTED_PROTOCOL:
      case CURLE_URL_MALFORMAT:
        throw InvalidData("endpoint", detail(rc), k_endpoint_hint);
      case CURLE_OUT_OF_MEMORY:
      case CURLE_BAD_FUNCTION_ARGUMENT:
      case CURLE_UNKNOWN_OPTION:
      case CURLE_NOT_BUILT_IN:
      case CURLE_FAILED_INIT:
        throw Failure(fmt::format("libcurl failed: {}", detail(rc)));
      case CURLE_SSL_CACERT_BADFILE:  // the system's CA bundle is missing
      case CURLE_PEER_FAILED_VERIFICATION:
      case CURLE_SSL_CONNECT_ERROR:
      case CURLE_SSL_CERTPROBLEM:
      case CURLE_SSL_CIPHER:
      case CURLE_SSL_ISSUER_ERROR:
      case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
      case CURLE_SSL_INVALIDCERTSTATUS:
        throw Temporary(fmt::format("TLS connection to e.Consult at '{}' failed: {}", base, detail(rc)),
                        "the endpoint's certificate must be valid for its host and issued by a trusted CA");
      case CURLE_OPERATION_TIMEDOUT:
        throw Temporary(fmt::format("no answer in time from e.Consult at '{}': {}", base, detail(rc)),
                        "try again later; queued messages stay queued");
      default:
        throw Temporary(fmt::format("cannot reach e.Consult at '{}': {}", base, detail(rc)),
                        "check the network and the endpoint (ecadm settings show), then try again");
    }
  }
};

CurlTransport::CurlTransport(TransportOptions options) : m_impl(std::make_unique<Impl>()) {
  auto endpoint = checked_endpoint(options.base_url);
  m_impl->base = std::move(endpoint.url);
  m_impl->loopback = endpoint.loopback;
  while (!m_impl->base.empty() && m_impl->base.back() == '/') m_impl->base.pop_back();
  m_impl->scheme = scheme_of(m_impl->base);
  m_impl->options = std::move(options);
  m_impl->easy.reset(curl().easy_init());
  if (!m_impl->easy) throw Failure("cannot create a libcurl handle");
}

CurlTransport::~CurlTransport() = default;

HttpResponse CurlTransport::perform(const HttpRequest& request) {
  if (!request.target.starts_with('/'))
    throw Failure(fmt::format("request target '{}' does not start with '/'", request.target));
  Impl& impl = *m_impl;
  const TransportOptions& o = impl.options;
  CURL* h = impl.easy.get();
  curl().easy_reset(h);
  impl.response = HttpResponse{};
  impl.too_large = false;
  impl.error[0] = '\0';

  const std::string url = impl.base + request.target;
  set(h, CURLOPT_URL, url.c_str());
  set(h, CURLOPT_PROTOCOLS_STR, impl.scheme.c_str());
  set(h, CURLOPT_REDIR_PROTOCOLS_STR, impl.scheme.c_str());
  set(h, CURLOPT_FOLLOWLOCATION, 0L);
  // A proxy from the environment (http_proxy, ALL_PROXY) would see a plain-http request
  // to a loopback service, Basic auth and all: loopback is always reached directly.
  if (impl.loopback) set(h, CURLOPT_PROXY, "");
  set(h, CURLOPT_SSL_VERIFYPEER, 1L);
  set(h, CURLOPT_SSL_VERIFYHOST, 2L);
  if (o.cacert) set(h, CURLOPT_CAINFO, o.cacert->c_str());
  set(h, CURLOPT_NOSIGNAL, 1L);
  set(h, CURLOPT_TCP_KEEPALIVE, 1L);
  set(h, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o.connect_timeout.count()));
  set(h, CURLOPT_TIMEOUT_MS, static_cast<long>(o.request_timeout.count()));
  set(h, CURLOPT_LOW_SPEED_LIMIT, o.low_speed_limit);
  set(h, CURLOPT_LOW_SPEED_TIME, static_cast<long>(o.low_speed_time.count()));
  set(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(o.max_body));
  set(h, CURLOPT_USERAGENT, o.user_agent.c_str());
  set(h, CURLOPT_ERRORBUFFER, impl.error);
  set(h, CURLOPT_WRITEFUNCTION, &Impl::on_body);
  set(h, CURLOPT_WRITEDATA, static_cast<void*>(&impl));
  set(h, CURLOPT_HEADERFUNCTION, &Impl::on_header);
  set(h, CURLOPT_HEADERDATA, static_cast<void*>(&impl));
  set(h, CURLOPT_NOPROGRESS, 0L);
  set(h, CURLOPT_XFERINFOFUNCTION, &Impl::on_progress);
  if (request.auth) {
    set(h, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
    set(h, CURLOPT_USERNAME, request.auth->username.c_str());
    set(h, CURLOPT_PASSWORD, request.auth->password.c_str());
  }
  if (request.method == Method::post) {
    set(h, CURLOPT_POST, 1L);
    set(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    set(h, CURLOPT_POSTFIELDS, request.body.data());
  } else {
    set(h, CURLOPT_HTTPGET, 1L);
  }

  Slist headers;
  auto add_header = [&](const std::string& line) {
    curl_slist* grown = curl().slist_append(headers.get(), line.c_str());
    if (!grown) throw Failure("cannot build request headers: out of memory");
    headers.release();
    headers.reset(grown);
  };
  for (const auto& [name, value] : request.headers) {
    if (name.find_first_of(":\r\n") != std::string::npos || value.find_first_of("\r\n") != std::string::npos)
      throw Failure(fmt::format("request header '{}' contains a line break or colon", name));
    add_header(name + ": " + value);
  }
  add_header("Expect:");  // no 100-continue round trip before a body
  set(h, CURLOPT_HTTPHEADER, headers.get());

  const CURLcode rc = curl().easy_perform(h);
  set(h, CURLOPT_HTTPHEADER, static_cast<curl_slist*>(nullptr));  // `headers` dies now
  if (rc != CURLE_OK) impl.fail(rc);
  long status = 0;
  curl().easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  impl.response.status = status;
  return std::move(impl.response);
}

}  // namespace ecadm::econsult
