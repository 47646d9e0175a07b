// One method per endpoint. The codec is used only at the edges: parse_fehler for error
// bodies and one parse_* per successful answer.
#include "ecadm/econsult/client.hpp"

#include <fmt/format.h>

#include <cctype>

#include "ecadm/econsult/codec.hpp"
#include "ecadm/error.hpp"

namespace ecadm::econsult {

namespace {

constexpr const char* k_xml = "application/xml";

/// The Fehler in an error body, or nullopt when the body is empty or not one (a proxy's
/// HTML page, say): the status alone then classifies the answer.
std::optional<Fehler> fehler_of(const HttpResponse& response) {
  if (response.body.empty()) return std::nullopt;
  try {
    return parse_fehler(response.body);
  } catch (const ProtocolError&) {
    return std::nullopt;
  }
}

/// Parses a 2xx body; one that does not parse is a temporary failure (ECONSULT.md: the
/// message may or may not have arrived, and the Idempotency-Key makes the retry safe).
template <typename Parse>
auto parse_answer(const HttpResponse& response, Parse parse, std::string_view what) {
  try {
    return parse(response.body);
  } catch (const ProtocolError& e) {
    throw Temporary(fmt::format("e.Consult sent an unreadable {} (HTTP {}): {}", what, response.status, e.what()),
                    "try again later; a resend is safe");
  }
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
std::string encode_component(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~')
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

bool is_lower_uuid(std::string_view id) {
  if (id.size() != 36) return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    const char c = id[i];
    if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

Client::Client(Transport& transport, Credentials credentials)
    : m_transport(transport), m_credentials(std::move(credentials)) {}

HttpRequest Client::request(Method method, std::string target, std::string body) const {
  if (m_credentials.kanzlei_id.empty() || m_credentials.username.empty() || m_credentials.password.empty())
    throw NotReady("the e.Consult credentials are not set",
                   "ecadm postfach set-credentials --kanzlei-id ID --username USER --password-stdin");
  HttpRequest r;
  r.method = method;
  r.target = std::move(target);
  r.body = std::move(body);
  r.headers = {{"Content-Type", k_xml}, {"Accept", k_xml}, {"EC-Kanzlei-Id", m_credentials.kanzlei_id}};
  r.auth = BasicAuth{m_credentials.username, m_credentials.password};
  return r;
}

HttpResponse Client::exchange(const HttpRequest& request, Service service, bool not_found_is_not_found) {
  HttpResponse response = m_transport.perform(request);
  if (response.status >= 200 && response.status < 300) return response;
  const Outcome outcome = classify(response, fehler_of(response), service);
  if (not_found_is_not_found && response.status == 404)
    throw NotFound("the Zentralruf has no data for this plate on this day", "check the plate and the accident date");
  raise(outcome);
}

Pong Client::ping() {
  return parse_answer(exchange(request(Method::get, "/ping"), Service::econsult), parse_pong, "ping answer");
}

VersichererListe Client::versicherer() {
  return parse_answer(exchange(request(Method::get, "/versicherer"), Service::econsult), parse_versicherer_liste,
                      "insurer directory");
}

Sendebestaetigung Client::post_nachricht(const std::string& nachricht_id, const std::string& xml) {
  if (!is_lower_uuid(nachricht_id)) throw InvalidData("NachrichtId", "must be a lower-case UUID");
  if (xml.size() > k_max_body)
    throw InvalidData("message", fmt::format("is {} bytes, over the limit of 20 MiB", xml.size()),
                      "send fewer or smaller attachments");
  HttpRequest r = request(Method::post, "/nachrichten", xml);
  r.headers.emplace_back("Idempotency-Key", nachricht_id);
  const HttpResponse response = exchange(r, Service::econsult);
  Sendebestaetigung sent;
  sent.bestaetigung = parse_answer(response, parse_eingangsbestaetigung, "confirmation");
  sent.wiederholt = response.status == 200;
  if (sent.bestaetigung.nachricht_id != nachricht_id)
    throw Temporary(
        fmt::format("e.Consult confirmed message '{}' instead of '{}'", sent.bestaetigung.nachricht_id, nachricht_id),
        "try again later; a resend is safe");
  return sent;
}

Postfach Client::postfach(const std::optional<std::string>& nach, int max) {
  if (max < 1 || max > 500) throw InvalidData("max", fmt::format("must be 1 to 500, not {}", max));
  std::string target = "/postfach?";
  if (nach) target += "nach=" + encode_component(*nach) + "&";
  target += fmt::format("max={}", max);
  return parse_answer(exchange(request(Method::get, target), Service::econsult), parse_postfach, "mailbox");
}

void Client::quittung(const std::string& eintrag_id) {
  if (eintrag_id.empty()) throw InvalidData("Eintrag id", "must not be empty");
  exchange(request(Method::post, "/postfach/" + encode_component(eintrag_id) + "/quittung"), Service::econsult);
}

ZentralrufAuskunft Client::zentralruf(const std::string& anfrage_xml, const ZentralrufCredentials& credentials) {
  if (credentials.username.empty() || credentials.password.empty())
    throw NotReady("the Zentralruf credentials are not set",
                   "ecadm settings set-zentralruf --username USER --password-stdin");
  HttpRequest r;
  r.method = Method::post;
  r.target = "/zentralruf/auskunft";
  r.body = anfrage_xml;
  r.headers = {{"Content-Type", k_xml}, {"Accept", k_xml}};
  r.auth = BasicAuth{credentials.username, credentials.password};
  return parse_answer(exchange(r, Service::zentralruf, true), parse_zentralruf_auskunft, "Zentralruf answer");
}

}  // namespace ecadm::econsult
