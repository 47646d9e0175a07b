#include "service.hpp"

#include <iostream>

#include "fehler.hpp"
#include "util.hpp"

namespace ecadm::sandbox {

void send_xml(httplib::Response& response, int status, const std::string& body) {
  response.status = status;
  response.set_content(body, "application/xml");
}

Service::Service(const Options& options, const Directory& directory, const Schema& schema, State& state)
    : m_options(options), m_directory(directory), m_schema(schema), m_state(state), m_faults(options) {}

httplib::Server::Handler Service::wrap(Handler handler) {
  return [this, handler](const httplib::Request& request, httplib::Response& response) {
    try {
      handler(request, response);
    } catch (const Refused& refused) {
      // RFC 9110 section 11.6.1: a 401 names its scheme (the Zentralruf sets its own realm)
      if (refused.fehler().status == 401 && !response.has_header("WWW-Authenticate"))
        response.set_header("WWW-Authenticate", "Basic realm=\"e.Consult\"");
      send_xml(response, refused.fehler().status, fehler_xml(refused.fehler()));
    } catch (const std::exception& e) {
      std::cerr << "ecadm-sandbox: error: " << request.method << " " << request.path << ": " << e.what() << "\n";
      send_xml(response, 500, fehler_xml({500, "SERVER", "", "Interner Fehler der Sandbox."}));
    }
  };
}

namespace {

// The default text for answers httplib generates itself (unknown path, body too large, bad request).
Fehler generated_fehler(int status) {
  switch (status) {
    case 400:
      return {400, "SCHEMA", "", "Die Anfrage ist fehlerhaft."};
    case 404:
      return {404, "UNBEKANNT", "", "Unbekannter Pfad."};
    case 413:
      return {413, "ZU_GROSS", "", "Die Anfrage ist größer als 20 MiB."};
    default:
      return {status, "SERVER", "", "Fehler der Sandbox."};
  }
}

bool is_control(const httplib::Request& request) {
  return request.path.rfind(std::string(k_base) + "/_sandbox/", 0) == 0;
}

}  // namespace

void Service::install(httplib::Server& server) {
  const std::string base = k_base;
  server.set_payload_max_length(k_max_body);
  server.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
    if (is_control(request))
      return dispatch_bodiless(request, response) ? httplib::Server::HandlerResponse::Handled
                                                  : httplib::Server::HandlerResponse::Unhandled;
    m_faults.delay();
    if (m_faults.throttled()) {
      response.set_header("Retry-After", "1");
      send_xml(response, 429, fehler_xml({429, "DROSSELUNG", "", "Zu viele Anfragen; bitte später erneut."}));
      return httplib::Server::HandlerResponse::Handled;
    }
    return dispatch_bodiless(request, response) ? httplib::Server::HandlerResponse::Handled
                                                : httplib::Server::HandlerResponse::Unhandled;
  });
  server.set_error_handler(
      httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& response) {
        if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        send_xml(response, response.status, fehler_xml(generated_fehler(response.status)));
        return httplib::Server::HandlerResponse::Handled;
      }));
  if (m_options.verbose) {
    server.set_logger([](const httplib::Request& request, const httplib::Response& response) {
      std::cerr << request.method << " " << request.path << " -> " << response.status << "\n";
    });
  }
  auto bind = [this](void (Service::*method)(const httplib::Request&, httplib::Response&)) {
    return wrap([this, method](const httplib::Request& request, httplib::Response& response) {
      (this->*method)(request, response);
    });
  };
  auto post = [&](const std::string& pattern, httplib::Server::Handler handler) {
    server.Post(pattern, handler);
    m_post_routes.emplace_back(std::regex(pattern), std::move(handler));
  };
  server.Get(base + "/ping", bind(&Service::ping));
  server.Get(base + "/versicherer", bind(&Service::versicherer));
  post(base + "/nachrichten", bind(&Service::post_nachricht));
  server.Get(base + "/postfach", bind(&Service::postfach));
  post(base + R"(/postfach/([^/]+)/quittung)", bind(&Service::quittung));
  post(base + "/zentralruf/auskunft", bind(&Service::zentralruf));
  post(base + "/_sandbox/mandat", bind(&Service::control_mandat));
  server.Get(base + "/_sandbox/stats", bind(&Service::control_stats));
}

bool Service::dispatch_bodiless(const httplib::Request& request, httplib::Response& response) const {
  if (request.has_header("Content-Length") || request.has_header("Transfer-Encoding")) return false;
  if (request.method == "PUT" || request.method == "PATCH") {
    // no route takes them; without this httplib would answer 400 (not the path's fault: the method's)
    send_xml(response, 404, fehler_xml(generated_fehler(404)));
    return true;
  }
  if (request.method != "POST") return false;
  httplib::Request copy = request;  // its own path, so that matches point into it
  for (const auto& [pattern, handler] : m_post_routes) {
    if (!std::regex_match(copy.path, copy.matches, pattern)) continue;
    handler(copy, response);
    return true;
  }
  send_xml(response, 404, fehler_xml(generated_fehler(404)));
  return true;
}

Caller Service::authenticate(const httplib::Request& request) const {
  const std::string kanzlei = request.get_header_value("EC-Kanzlei-Id");
  const std::string authorization = request.get_header_value("Authorization");
  const std::string prefix = "Basic ";
  if (kanzlei.empty() || authorization.compare(0, prefix.size(), prefix) != 0)
    refuse(401, "ZUGANG", "", "Anmeldung mit Benutzer, Passwort und EC-Kanzlei-Id erforderlich.");
  auto decoded = base64_decode(authorization.substr(prefix.size()));
  auto colon = decoded ? decoded->find(':') : std::string::npos;
  if (colon != std::string::npos) {
    std::string user = decoded->substr(0, colon), password = decoded->substr(colon + 1);
    for (const auto& account : m_options.accounts)
      if (account.kanzlei == kanzlei && account.user == user && account.password == password) return {kanzlei, user};
  }
  refuse(401, "ZUGANG", "", "Zugangsdaten oder Kanzlei-ID sind falsch.");
}

void Service::ping(const httplib::Request& request, httplib::Response& response) {
  Caller caller = authenticate(request);
  send_xml(response, 200,
           "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Pong xmlns=\"urn:ecadm:econsult:1\" kanzleiId=\"" +
               xml_escape(caller.kanzlei) + "\" benutzer=\"" + xml_escape(caller.user) + "\" serverzeit=\"" +
               rfc3339(now_ms()) + "\"/>\n");
}

void Service::versicherer(const httplib::Request& request, httplib::Response& response) {
  authenticate(request);
  send_xml(response, 200, m_directory.to_xml());
}

void Service::parse_valid(const std::string& body, const char* root, pugi::xml_document& doc,
                          std::initializer_list<const char*> validierung_fields) const {
  SchemaResult result = m_schema.validate(body);
  if (!result.well_formed) refuse(400, "SCHEMA", "", "Die Anfrage ist kein wohlgeformtes XML: " + result.message);
  if (!result.valid) {
    for (const char* field : validierung_fields)
      if (result.element == field)
        refuse(422, "VALIDIERUNG", field, "Das Feld " + result.element + " ist ungültig: " + result.message);
    refuse(400, "SCHEMA", result.element, "Die Anfrage entspricht nicht dem Schema: " + result.message);
  }
  if (!doc.load_buffer(body.data(), body.size(), pugi::parse_default))
    refuse(400, "SCHEMA", "", "Die Anfrage ist kein wohlgeformtes XML.");
  if (std::string(doc.document_element().name()) != root)
    refuse(400, "SCHEMA", root, std::string("Erwartet wird ein Dokument <") + root + ">.");
}

}  // namespace ecadm::sandbox
