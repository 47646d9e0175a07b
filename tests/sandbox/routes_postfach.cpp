// GET /postfach and POST /postfach/{id}/quittung: at-least-once delivery to the firm.
#include <cstdio>

#include "fehler.hpp"
#include "service.hpp"
#include "util.hpp"

namespace ecadm::sandbox {

namespace {

std::string entry_id(long long id) {
  char text[32];
  std::snprintf(text, sizeof text, "pf-%06lld", id);
  return text;
}

// Parses "PREFIX<number>" (e.g. "c-12", "pf-000012"); nullopt when the text is anything else.
std::optional<long long> parse_prefixed(const std::string& text, const std::string& prefix) {
  if (text.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  auto number = parse_integer(std::string_view(text).substr(prefix.size()));
  if (!number || *number < 0) return std::nullopt;
  return number;
}

}  // namespace

void Service::postfach(const httplib::Request& request, httplib::Response& response) {
  const Caller caller = authenticate(request);
  long long max = 50;
  if (request.has_param("max")) {
    auto value = parse_integer(request.get_param_value("max"));
    if (!value || *value < 1 || *value > 500)
      refuse(422, "VALIDIERUNG", "max", "max muss eine ganze Zahl von 1 bis 500 sein.");
    max = *value;
  }
  long long after = 0;
  std::string naechster = "c-0";
  if (request.has_param("nach")) {
    naechster = request.get_param_value("nach");
    auto cursor = parse_prefixed(naechster, "c-");
    if (!cursor) refuse(422, "VALIDIERUNG", "nach", "Der Cursor '" + naechster + "' ist ungültig.");
    after = *cursor;
  }
  bool more = false;
  std::vector<MailboxEntry> entries;
  {
    std::lock_guard lock(m_mutex);
    entries = m_state.mailbox(caller.kanzlei, after, static_cast<int>(max), now_ms(), more);
  }
  if (!entries.empty()) naechster = "c-" + std::to_string(entries.back().id);
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Postfach xmlns=\"urn:ecadm:econsult:1\" naechster=\"" +
      xml_escape(naechster) + "\" mehr=\"" + (more ? "true" : "false") + "\">\n";
  for (const auto& entry : entries)
    xml += "<Eintrag id=\"" + entry_id(entry.id) + "\">" + entry.nachricht_xml + "</Eintrag>\n";
  xml += "</Postfach>\n";
  send_xml(response, 200, xml);
}

void Service::quittung(const httplib::Request& request, httplib::Response& response) {
  const Caller caller = authenticate(request);
  const std::string id = request.matches[1];
  auto number = parse_prefixed(id, "pf-");
  bool known = false;
  if (number) {
    std::lock_guard lock(m_mutex);
    known = m_state.acknowledge(caller.kanzlei, *number, now_ms());
  }
  if (!known) refuse(404, "UNBEKANNT", "id", "Der Postfacheintrag '" + id + "' ist nicht bekannt.");
  response.status = 204;
}

}  // namespace ecadm::sandbox
