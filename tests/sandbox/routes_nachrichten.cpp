// POST /nachrichten: idempotent intake of outbound messages, and the insurer's automatic reply.
#include <cstdio>
#include <iostream>

#include "connections.hpp"
#include "fehler.hpp"
#include "replies.hpp"
#include "service.hpp"
#include "util.hpp"

namespace ecadm::sandbox {

namespace {

std::string confirmation_xml(const Confirmation& confirmation) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Eingangsbestaetigung xmlns=\"urn:ecadm:econsult:1\" "
         "nachrichtId=\"" +
         confirmation.nachricht_id + "\" vorgang=\"" + xml_escape(confirmation.vorgang) + "\" empfangen=\"" +
         confirmation.empfangen + "\"/>\n";
}

}  // namespace

std::string Service::next_vorgang() {
  char text[32];
  std::snprintf(text, sizeof text, "EC-%s-%06lld", iso_date(now_ms()).substr(0, 4).c_str(), m_state.next("vorgang"));
  return text;
}

std::string Service::next_nachricht_id() {
  return make_uuid(m_faults.id_seed(), m_state.next("nachricht_id"));
}

Confirmation Service::accept(const Intake& intake, const Caller& caller, const std::string& body) {
  const long long now = now_ms();
  Confirmation confirmation{intake.nachricht_id, intake.art == "Nachreichung" ? intake.vorgang : next_vorgang(),
                            rfc3339(now)};
  m_state.accept(StoredMessage{caller.kanzlei, sha256_hex(body), confirmation}, body, intake.insurer->bafin);
  if (intake.art == "Deckungsanfrage" && m_options.reply_after_ms >= 0) {
    const long long number = m_state.next("deckungsanfrage");
    char schadennummer[48];
    std::snprintf(schadennummer, sizeof schadennummer, "SB-%s-%06lld", intake.insurer->bafin.c_str(),
                  m_state.next("schadennummer"));
    ReplyContext context{next_nachricht_id(), rfc3339(now + m_options.reply_after_ms),
                         caller.kanzlei,      intake.insurer,
                         intake.aktenzeichen, confirmation.vorgang,
                         intake.nachricht_id, intake.umfang,
                         schadennummer};
    const std::string reply =
        number % 5 == 0 ? rueckfrage_xml(context, iso_date(now + 14LL * 24 * 3600 * 1000)) : zusage_xml(context);
    m_state.deliver(caller.kanzlei, now + m_options.reply_after_ms, reply);
  }
  return confirmation;
}

void Service::post_nachricht(const httplib::Request& request, httplib::Response& response) {
  const Caller caller = authenticate(request);
  const std::string key = request.get_header_value("Idempotency-Key");
  if (!key.empty()) {
    std::lock_guard lock(m_mutex);
    m_state.count_post(key);  // every attempt counts, also those answered 503 below
  }
  if (m_faults.fail_now()) {
    response.set_header("Retry-After", "1");
    if (m_options.fail_status == 429) refuse(429, "DROSSELUNG", "", "Zu viele Anfragen; bitte später erneut.");
    refuse(m_options.fail_status, "SERVER", "", "Der Dienst ist vorübergehend nicht verfügbar.");
  }
  if (request.body.size() > k_max_body) refuse(413, "ZU_GROSS", "", "Die Anfrage ist größer als 20 MiB.");
  if (key.empty()) refuse(422, "VALIDIERUNG", "Idempotency-Key", "Der Header Idempotency-Key fehlt.");
  const std::string body_sha256 = sha256_hex(request.body);

  // A repeat is answered before validation: the first copy passed it already.
  auto repeat = [&](const StoredMessage& prior) {
    if (prior.kanzlei != caller.kanzlei || prior.body_sha256 != body_sha256)
      refuse(409, "IDEMPOTENZ", "Idempotency-Key",
             "Der Idempotency-Key " + key + " wurde bereits für eine andere Nachricht verwendet.");
    send_xml(response, 200, confirmation_xml(prior.confirmation));
  };
  {
    std::lock_guard lock(m_mutex);
    if (auto prior = m_state.find_message(key)) return repeat(*prior);
  }

  pugi::xml_document doc;
  parse_valid(request.body, "Nachricht", doc);

  Confirmation confirmation;
  {
    std::lock_guard lock(m_mutex);
    if (auto prior = m_state.find_message(key)) return repeat(*prior);  // a concurrent copy won the race
    Intake intake = check_outbound(doc, caller.kanzlei, key, m_directory, m_state);
    confirmation = accept(intake, caller, request.body);
  }
  if (m_faults.drop_now()) {
    if (drop_connection(request)) return;
    std::cerr << "ecadm-sandbox: warning: cannot find the connection to drop; answering instead\n";
  }
  send_xml(response, 201, confirmation_xml(confirmation));
}

}  // namespace ecadm::sandbox
