// Parsing of the service's answers and of the Zentralruf request.
#include <fmt/format.h>

#include "ecadm/econsult/codec.hpp"
#include "econsult/codec_parts.hpp"
#include "econsult/codec_values.hpp"
#include "econsult/xml_guard.hpp"
#include "econsult/xml_writer.hpp"

namespace ecadm::econsult {

using namespace detail;

Eingangsbestaetigung parse_eingangsbestaetigung(std::string_view xml) {
  pugi::xml_document doc;
  Reader r(load_untrusted(xml, doc, "Eingangsbestaetigung"), "Eingangsbestaetigung");
  Eingangsbestaetigung answer{r.attribute("nachrichtId"), r.attribute("vorgang"), r.attribute("empfangen")};
  check_uuid(answer.nachricht_id, "Eingangsbestaetigung/@nachrichtId");
  check_timestamp(answer.empfangen, "Eingangsbestaetigung/@empfangen");
  r.finish();
  return answer;
}

Fehler parse_fehler(std::string_view xml) {
  pugi::xml_document doc;
  Reader r(load_untrusted(xml, doc, "Fehler"), "Fehler");
  Fehler answer;
  answer.code = r.attribute("code");
  check_one_of(answer.code,
               {"SCHEMA", "ZUGANG", "NICHT_FREIGESCHALTET", "UNBEKANNT", "IDEMPOTENZ", "ZU_GROSS", "VALIDIERUNG",
                "ANFORDERUNG", "DROSSELUNG", "SERVER"},
               "Fehler/@code");
  answer.feld = r.optional_attribute("feld");
  answer.text = r.required_text("Text");
  r.finish();
  return answer;
}

Pong parse_pong(std::string_view xml) {
  pugi::xml_document doc;
  Reader r(load_untrusted(xml, doc, "Pong"), "Pong");
  Pong answer{r.attribute("kanzleiId"), r.attribute("benutzer"), r.attribute("serverzeit")};
  check_timestamp(answer.serverzeit, "Pong/@serverzeit");
  r.finish();
  return answer;
}

VersichererListe parse_versicherer_liste(std::string_view xml) {
  pugi::xml_document doc;
  Reader r(load_untrusted(xml, doc, "VersichererListe"), "VersichererListe");
  VersichererListe answer;
  answer.stand = r.attribute("stand");
  check_date(answer.stand, "VersichererListe/@stand");
  for (auto node : r.repeated("Versicherer", 0, SIZE_MAX)) {
    Reader v(node, r.path_of("Versicherer"));
    Versicherer entry;
    entry.bafin = v.attribute("bafin");
    check_bafin(entry.bafin, v.path() + "/@bafin");
    entry.name = v.attribute("name");
    const auto where = fmt::format("Versicherer '{}'", entry.bafin);
    const std::string sparten = v.attribute("sparten");
    std::size_t start = 0;
    while (start < sparten.size()) {
      auto end = sparten.find_first_of(" \t\r\n", start);
      if (end == std::string::npos) end = sparten.size();
      if (end > start) {
        const auto sparte = sparten.substr(start, end - start);
        check_one_of(sparte, {"rechtsschutz", "schaden"}, where + " sparten");
        (sparte == "rechtsschutz" ? entry.rechtsschutz : entry.schaden) = true;
      }
      start = end + 1;
    }
    entry.deckungsanfrage = v.attribute("deckungsanfrage");
    check_one_of(entry.deckungsanfrage, {"voll", "teil", "keine"}, where + " deckungsanfrage");
    entry.vsnr_muster = v.optional_attribute("vsnrMuster");
    // refused here rather than when a policy number is checked against it
    if (entry.vsnr_muster) check_pattern(*entry.vsnr_muster, where + " vsnrMuster");
    for (auto a : v.repeated("Anforderung", 0, 3)) {
      auto anforderung = leaf_text(a, v.path_of("Anforderung"));
      check_one_of(anforderung, {"bankverbindung", "adac-partnernummer", "adac-agb"}, where + " Anforderung");
      entry.anforderungen.push_back(std::move(anforderung));
    }
    v.finish();
    answer.versicherer.push_back(std::move(entry));
  }
  r.finish();
  return answer;
}

Postfach parse_postfach(std::string_view xml) {
  pugi::xml_document doc;
  Reader r(load_untrusted(xml, doc, "Postfach"), "Postfach");
  Postfach answer;
  answer.naechster = r.attribute("naechster");
  const auto mehr = r.attribute("mehr");
  check_one_of(mehr, {"true", "false", "1", "0"}, "Postfach/@mehr");
  answer.mehr = mehr == "true" || mehr == "1";
  for (auto node : r.repeated("Eintrag", 0, 500)) {
    Reader e(node, r.path_of("Eintrag"));
    PostfachEintrag eintrag;
    eintrag.id = e.attribute("id");
    const auto path = fmt::format("Postfach/Eintrag[@id='{}']/Nachricht", eintrag.id);
    auto nachricht = e.required("Nachricht");
    eintrag.nachricht = read_nachricht(nachricht, path);
    e.finish();
    // The entry as a document of its own: load_untrusted left the namespace declared on
    // the Postfach root only, so the copy declares it again.
    pugi::xml_document entry;
    auto declaration = entry.append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "UTF-8";
    auto copy = entry.append_copy(nachricht);
    copy.prepend_attribute("xmlns") = std::string(k_namespace).c_str();
    eintrag.xml = to_string(entry);
    answer.eintraege.push_back(std::move(eintrag));
  }
  r.finish();
  return answer;
}

ZentralrufAnfrage parse_zentralruf_anfrage(std::string_view xml) {
  pugi::xml_document doc;
  Reader r(load_untrusted(xml, doc, "ZentralrufAnfrage"), "ZentralrufAnfrage");
  ZentralrufAnfrage request;
  request.kennzeichen = r.required_text("Kennzeichen");
  request.schadentag = r.required_text("Schadentag");
  check_date(request.schadentag, r.path_of("Schadentag"));
  request.unfallland = r.optional_text("Unfallland");
  r.finish();
  return request;
}

ZentralrufAuskunft parse_zentralruf_auskunft(std::string_view xml) {
  pugi::xml_document doc;
  Reader r(load_untrusted(xml, doc, "ZentralrufAuskunft"), "ZentralrufAuskunft");
  Reader v(r.required("Versicherer"), r.path_of("Versicherer"));
  ZentralrufAuskunft answer;
  answer.bafin = v.attribute("bafin");
  check_bafin(answer.bafin, v.path() + "/@bafin");
  answer.name = v.attribute("name");
  v.finish();
  answer.versicherungsscheinnummer = r.required_text("Versicherungsscheinnummer");
  answer.vertragsende = r.optional_text("Vertragsende");
  if (answer.vertragsende) check_date(*answer.vertragsende, r.path_of("Vertragsende"));
  r.finish();
  return answer;
}

}  // namespace ecadm::econsult
