// The /_sandbox control API (no authentication): inject mandates, read counters.
#include <sstream>

#include "fehler.hpp"
#include "replies.hpp"
#include "service.hpp"
#include "util.hpp"

namespace ecadm::sandbox {

namespace {

// The Mandat from the request body: valid, a Mandat, addressed to the firm. Returns its Vorgang
// (inserting a new one into the Kopf when it has none).
std::string prepare_mandat(pugi::xml_document& doc, const std::string& kanzlei, const std::string& new_vorgang) {
  pugi::xml_node nachricht = doc.document_element();
  pugi::xml_node kopf = nachricht.child("Kopf");
  if (std::string(kopf.child_value("Art")) != "Mandat" || !nachricht.child("Mandat"))
    refuse(422, "VALIDIERUNG", "Art", "Die Nachricht muss ein Mandat sein.");
  if (!kopf.child("Absender").child("Versicherer"))
    refuse(422, "VALIDIERUNG", "Absender", "Ein Mandat kommt von einem Versicherer.");
  if (std::string(kopf.child("Empfaenger").child_value("KanzleiId")) != kanzlei)
    refuse(422, "VALIDIERUNG", "KanzleiId", "Das Mandat ist nicht an die Kanzlei " + kanzlei + " adressiert.");
  check_attachments(nachricht);
  if (kopf.child("Vorgang")) return kopf.child_value("Vorgang");
  pugi::xml_node vorgang = kopf.child("BezugNachrichtId")
                               ? kopf.insert_child_before("Vorgang", kopf.child("BezugNachrichtId"))
                               : kopf.append_child("Vorgang");
  vorgang.text().set(new_vorgang.c_str());
  return new_vorgang;
}

}  // namespace

void Service::control_mandat(const httplib::Request& request, httplib::Response& response) {
  const std::string kanzlei = request.get_param_value("kanzlei");
  if (kanzlei.empty()) refuse(422, "VALIDIERUNG", "kanzlei", "Der Parameter kanzlei fehlt.");
  bool known = false;
  for (const auto& account : m_options.accounts) known = known || account.kanzlei == kanzlei;
  if (!known) refuse(404, "UNBEKANNT", "kanzlei", "Die Kanzlei " + kanzlei + " hat kein Konto in der Sandbox.");
  if (!m_options.passivmandatierung.count(kanzlei))
    refuse(403, "NICHT_FREIGESCHALTET", "kanzlei",
           "Die Kanzlei " + kanzlei + " ist nicht für die Passivmandatierung freigeschaltet.");

  pugi::xml_document doc;
  if (!request.body.empty()) parse_valid(request.body, "Nachricht", doc);
  std::lock_guard lock(m_mutex);
  const long long now = now_ms();
  Confirmation confirmation;
  std::string xml, bafin;
  if (request.body.empty()) {
    const Insurer* insurer = m_directory.find("5813");
    if (insurer == nullptr) insurer = &m_directory.insurers().at(0);
    ReplyContext context{next_nachricht_id(),
                         rfc3339(now),
                         kanzlei,
                         insurer,
                         "",
                         next_vorgang(),
                         "",
                         "",
                         "MA-" + insurer->bafin + "-" + std::to_string(m_state.next("mandat"))};
    confirmation = {context.nachricht_id, context.vorgang, context.erstellt};
    xml = sample_mandat_xml(context);
    bafin = insurer->bafin;
  } else {
    std::string vorgang = prepare_mandat(doc, kanzlei, next_vorgang());
    pugi::xml_node kopf = doc.document_element().child("Kopf");
    confirmation = {kopf.child_value("NachrichtId"), vorgang, rfc3339(now)};
    bafin = kopf.child("Absender").child("Versicherer").attribute("bafin").value();
    std::ostringstream out;
    doc.document_element().print(out, "", pugi::format_raw);
    xml = out.str();
  }
  m_state.add_vorgang(kanzlei, confirmation.vorgang, bafin);
  m_state.deliver(kanzlei, now, xml);
  send_xml(response, 201,
           "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Eingangsbestaetigung xmlns=\"urn:ecadm:econsult:1\" "
           "nachrichtId=\"" +
               confirmation.nachricht_id + "\" vorgang=\"" + xml_escape(confirmation.vorgang) + "\" empfangen=\"" +
               confirmation.empfangen + "\"/>\n");
}

void Service::control_stats(const httplib::Request&, httplib::Response& response) {
  nlohmann::json stats;
  {
    std::lock_guard lock(m_mutex);
    stats = m_state.stats(now_ms());
  }
  response.status = 200;
  response.set_content(stats.dump(2) + "\n", "application/json");
}

}  // namespace ecadm::sandbox
