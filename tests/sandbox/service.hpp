// The sandbox's HTTP service: every endpoint of protocol/ECONSULT.md plus the /_sandbox control API.
#pragma once

#include <httplib.h>

#include <functional>
#include <mutex>
#include <regex>
#include <string>

#include "directory.hpp"
#include "faults.hpp"
#include "intake.hpp"
#include "options.hpp"
#include "schema.hpp"
#include "state.hpp"

namespace ecadm::sandbox {

/// The base path every endpoint lives under.
inline constexpr const char* k_base = "/ec/v1";

/// Largest request body (ECONSULT.md "Transport"): 20 MiB.
inline constexpr size_t k_max_body = 20u * 1024 * 1024;

/// The authenticated e.Consult caller.
struct Caller {
  std::string kanzlei;
  std::string user;
};

/// Routes requests to handlers; owns no socket. Handlers may run concurrently: state access is
/// serialised by one mutex.
class Service {
 public:
  Service(const Options& options, const Directory& directory, const Schema& schema, State& state);

  /// Registers every route, the error handler, latency/throttling and logging on the server.
  void install(httplib::Server& server);

  /// On shutdown: ends the injected latency of requests in flight.
  void stop() { m_faults.stop(); }

 private:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;

  /// Runs the handler, rendering a thrown Refused as its Fehler and anything else as 500 SERVER.
  httplib::Server::Handler wrap(Handler handler);

  /// Answers a POST that has neither Content-Length nor Transfer-Encoding (an empty body, RFC 9112
  /// section 6.3) from m_post_routes: httplib 0.11 would wait for the peer to close and answer 400.
  /// A PUT or PATCH like that (no route takes them) is 404 UNBEKANNT, as with a body.
  bool dispatch_bodiless(const httplib::Request& request, httplib::Response& response) const;

  /// Checks HTTP Basic + EC-Kanzlei-Id against --account; throws 401 ZUGANG.
  Caller authenticate(const httplib::Request& request) const;

  void ping(const httplib::Request& request, httplib::Response& response);
  void versicherer(const httplib::Request& request, httplib::Response& response);
  void post_nachricht(const httplib::Request& request, httplib::Response& response);
  void postfach(const httplib::Request& request, httplib::Response& response);
  void quittung(const httplib::Request& request, httplib::Response& response);
  void zentralruf(const httplib::Request& request, httplib::Response& response);
  void control_mandat(const httplib::Request& request, httplib::Response& response);
  void control_stats(const httplib::Request& request, httplib::Response& response);

  /// Validates the body against the XSD and parses it; throws 400 SCHEMA (or, for fields listed in
  /// `validierung_fields`, 422 VALIDIERUNG naming the field). `root` is the required document element.
  void parse_valid(const std::string& body, const char* root, pugi::xml_document& doc,
                   std::initializer_list<const char*> validierung_fields = {}) const;

  /// Accepts a checked message: stores it, answers later if asked to. Caller holds m_mutex.
  Confirmation accept(const Intake& intake, const Caller& caller, const std::string& body);

  /// A new case reference `EC-YYYY-NNNNNN`. Caller holds m_mutex.
  std::string next_vorgang();

  /// A new NachrichtId for a message the sandbox writes (reproducible under --seed, never repeated
  /// on the same --state). Caller holds m_mutex.
  std::string next_nachricht_id();

  const Options& m_options;
  const Directory& m_directory;
  const Schema& m_schema;
  State& m_state;
  Faults m_faults;
  std::mutex m_mutex;
  std::vector<std::pair<std::regex, httplib::Server::Handler>> m_post_routes;
};

/// Sets status and an `application/xml` body.
void send_xml(httplib::Response& response, int status, const std::string& body);

}  // namespace ecadm::sandbox
