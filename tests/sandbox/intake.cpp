#include "intake.hpp"

#include "fehler.hpp"
#include "util.hpp"

namespace ecadm::sandbox {

namespace {

std::string text_of(const pugi::xml_node& node) {
  return node.child_value();
}

void check_kind(const Intake& intake, const pugi::xml_node& body) {
  const Insurer& insurer = *intake.insurer;
  if (intake.art == "Deckungsanfrage" && (!insurer.takes("rechtsschutz") || insurer.deckungsanfrage == "keine"))
    refuse(422, "VALIDIERUNG", "Empfaenger", insurer.name + " nimmt keine Deckungsanfragen über e.Consult an.");
  // the directory's deckungsanfrage="teil": the insurer takes only partly structured requests
  if (intake.art == "Deckungsanfrage" && insurer.deckungsanfrage == "teil" &&
      std::string(body.attribute("struktur").value()) == "voll")
    refuse(422, "VALIDIERUNG", "struktur",
           insurer.name + " nimmt nur teilstrukturierte Deckungsanfragen an (struktur=\"teil\").");
  if (intake.art == "Schadenmeldung" && !insurer.takes("schaden"))
    refuse(422, "VALIDIERUNG", "Empfaenger", insurer.name + " nimmt keine Schadenmeldungen über e.Consult an.");
}

void check_policy_number(const pugi::xml_node& body, const Insurer& insurer) {
  pugi::xml_node vsnr = body.child("Versicherungsscheinnummer");
  if (!vsnr || !insurer.vsnr_regex) return;
  if (!std::regex_search(std::string(vsnr.child_value()), *insurer.vsnr_regex))
    refuse(422, "VALIDIERUNG", "Versicherungsscheinnummer",
           "Die Versicherungsscheinnummer passt nicht zum Muster des Versicherers (" + insurer.vsnr_muster + ").");
}

void check_requirements(const pugi::xml_node& kanzlei, const Insurer& insurer) {
  for (const auto& anforderung : insurer.anforderungen) {
    if (anforderung == "bankverbindung" && !kanzlei.child("Bankverbindung"))
      refuse(422, "ANFORDERUNG", "Bankverbindung", insurer.name + " verlangt eine Bankverbindung des Absenders.");
    if (anforderung == "adac-partnernummer" && !kanzlei.child("AdacPartnernummer"))
      refuse(422, "ANFORDERUNG", "AdacPartnernummer",
             insurer.name + " verlangt eine ADAC-Partnernummer des Absenders.");
    if (anforderung == "adac-agb" && !kanzlei.child("AdacAgbAkzeptiert"))
      refuse(422, "ANFORDERUNG", "AdacAgbAkzeptiert",
             insurer.name + " verlangt, dass der Absender die ADAC-AGB akzeptiert hat.");
  }
}

// A Nachreichung continues a case of this firm with its insurer (ECONSULT.md "Messages"); an answer
// names the Rueckfrage it answers.
void check_follow_up(const Intake& intake, const pugi::xml_node& kopf, const pugi::xml_node& body,
                     const std::string& kanzlei, State& state) {
  if (intake.vorgang.empty()) refuse(422, "VALIDIERUNG", "Vorgang", "Eine Nachreichung muss den Vorgang nennen.");
  auto bafin = state.vorgang_insurer(kanzlei, intake.vorgang);
  if (!bafin) refuse(422, "VALIDIERUNG", "Vorgang", "Der Vorgang " + intake.vorgang + " ist nicht bekannt.");
  if (!bafin->empty() && *bafin != intake.insurer->bafin)
    refuse(422, "VALIDIERUNG", "Empfaenger",
           "Der Vorgang " + intake.vorgang + " wird von einem anderen Versicherer (BaFin " + *bafin +
               ") geführt als dem Empfänger.");
  if (text_of(body.child("Anlass")) == "antwort-rueckfrage" && !kopf.child("BezugNachrichtId"))
    refuse(422, "VALIDIERUNG", "BezugNachrichtId",
           "Eine Antwort auf eine Rückfrage muss die Rückfrage in BezugNachrichtId nennen.");
}

}  // namespace

void check_attachments(const pugi::xml_node& nachricht) {
  for (pugi::xml_node anlage : nachricht.child("Anlagen").children("Anlage")) {
    std::string name = anlage.attribute("dateiname").value();
    auto content = base64_decode(anlage.child_value());
    if (!content) refuse(422, "VALIDIERUNG", "Anlage", "Die Anlage '" + name + "' ist nicht base64-kodiert.");
    auto groesse = parse_integer(anlage.attribute("groesse").value());
    if (!groesse || static_cast<size_t>(*groesse) != content->size())
      refuse(422, "VALIDIERUNG", "Anlage",
             "Die Anlage '" + name + "' hat " + std::to_string(content->size()) + " Bytes, angegeben sind " +
                 anlage.attribute("groesse").value() + ".");
    if (sha256_hex(*content) != anlage.attribute("sha256").value())
      refuse(422, "VALIDIERUNG", "Anlage", "Die SHA-256-Prüfsumme der Anlage '" + name + "' stimmt nicht.");
  }
}

Intake check_outbound(const pugi::xml_document& doc, const std::string& kanzlei, const std::string& idempotency_key,
                      const Directory& directory, State& state) {
  pugi::xml_node nachricht = doc.child("Nachricht");
  pugi::xml_node kopf = nachricht.child("Kopf");
  Intake intake;
  intake.nachricht_id = text_of(kopf.child("NachrichtId"));
  intake.art = text_of(kopf.child("Art"));
  intake.aktenzeichen = text_of(kopf.child("Aktenzeichen"));
  intake.vorgang = text_of(kopf.child("Vorgang"));

  if (intake.art != "Deckungsanfrage" && intake.art != "Schadenmeldung" && intake.art != "Nachreichung")
    refuse(422, "VALIDIERUNG", "Art", "Eine Kanzlei kann keine Nachricht der Art " + intake.art + " senden.");
  pugi::xml_node body = nachricht.child(intake.art.c_str());
  if (!body) refuse(422, "VALIDIERUNG", "Art", "Die Art im Kopf passt nicht zum Inhalt der Nachricht.");
  intake.umfang = text_of(body.child("Umfang"));
  if (intake.nachricht_id != idempotency_key)
    refuse(422, "VALIDIERUNG", "NachrichtId", "Der Idempotency-Key muss der NachrichtId entsprechen.");

  pugi::xml_node absender = kopf.child("Absender");
  if (!absender.child("KanzleiId") || text_of(absender.child("KanzleiId")) != kanzlei)
    refuse(422, "VALIDIERUNG", "KanzleiId", "Die KanzleiId des Absenders entspricht nicht der angemeldeten Kanzlei.");

  pugi::xml_node bafin = kopf.child("Empfaenger").child("Bafin");
  if (!bafin) refuse(422, "VALIDIERUNG", "Empfaenger", "Empfänger muss ein Versicherer (BaFin-Nummer) sein.");
  intake.insurer = directory.find(bafin.child_value());
  if (intake.insurer == nullptr)
    refuse(404, "UNBEKANNT", "Empfaenger",
           std::string("Kein Versicherer mit der BaFin-Nummer ") + bafin.child_value() + " nimmt an e.Consult teil.");
  check_kind(intake, body);
  check_policy_number(body, *intake.insurer);
  check_requirements(absender.child("Kanzlei"), *intake.insurer);

  if (intake.art == "Nachreichung") check_follow_up(intake, kopf, body, kanzlei, state);
  check_attachments(nachricht);
  return intake;
}

}  // namespace ecadm::sandbox
