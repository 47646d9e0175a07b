// POST /zentralruf/auskunft: the Zentralruf der Autoversicherer, with its own credentials.
#include "fehler.hpp"
#include "service.hpp"
#include "util.hpp"
#include "zentralruf.hpp"

namespace ecadm::sandbox {

void Service::zentralruf(const httplib::Request& request, httplib::Response& response) {
  const std::string authorization = request.get_header_value("Authorization");
  const std::string prefix = "Basic ";
  bool allowed = false;
  if (authorization.compare(0, prefix.size(), prefix) == 0) {
    auto decoded = base64_decode(authorization.substr(prefix.size()));
    for (const auto& account : m_options.zentralruf_accounts)
      if (decoded && *decoded == account.user + ":" + account.password) allowed = true;
  }
  if (!allowed) {
    response.set_header("WWW-Authenticate", "Basic realm=\"Zentralruf\"");
    refuse(401, "ZUGANG", "", "Die Zugangsdaten für den Zentralruf sind falsch.");
  }

  pugi::xml_document doc;
  parse_valid(request.body, "ZentralrufAnfrage", doc, {"Kennzeichen", "Schadentag", "Unfallland"});
  pugi::xml_node anfrage = doc.document_element();
  const std::string kennzeichen = anfrage.child_value("Kennzeichen");
  const std::string schadentag = anfrage.child_value("Schadentag");
  // xs:date admits time zones and years beyond 9999; the Zentralruf wants a plain past day.
  if (schadentag.size() != 10) refuse(422, "VALIDIERUNG", "Schadentag", "Der Schadentag muss JJJJ-MM-TT sein.");
  if (schadentag > iso_date(now_ms()))
    refuse(422, "VALIDIERUNG", "Schadentag", "Der Schadentag " + schadentag + " liegt in der Zukunft.");

  ZentralrufAnswer answer = zentralruf_lookup(kennzeichen, schadentag);
  if (answer.status == 403)
    refuse(403, "NICHT_FREIGESCHALTET", "Kennzeichen",
           "Der Versicherer des Fahrzeugs " + kennzeichen + " hat die Daten nicht freigegeben.");
  if (answer.status != 200)
    refuse(404, "UNBEKANNT", "Kennzeichen", "Für " + kennzeichen + " am " + schadentag + " liegen keine Daten vor.");
  send_xml(response, 200, zentralruf_xml(answer));
}

}  // namespace ecadm::sandbox
