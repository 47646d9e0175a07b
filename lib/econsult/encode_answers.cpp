// Encoding of the service's answers (used by the sandbox and the tests).
#include <fmt/format.h>

#include "ecadm/econsult/codec.hpp"
#include "econsult/codec_parts.hpp"
#include "econsult/xml_writer.hpp"

namespace ecadm::econsult {

using namespace detail;

std::string encode(const Eingangsbestaetigung& answer) {
  pugi::xml_document doc;
  auto root = new_root(doc, "Eingangsbestaetigung");
  set_attribute(root, "nachrichtId", answer.nachricht_id);
  set_attribute(root, "vorgang", answer.vorgang);
  set_attribute(root, "empfangen", answer.empfangen);
  return to_string(doc);
}

std::string encode(const Fehler& answer) {
  pugi::xml_document doc;
  auto root = new_root(doc, "Fehler");
  set_attribute(root, "code", answer.code);
  set_optional_attribute(root, "feld", answer.feld);
  add_text(root, "Text", answer.text);
  return to_string(doc);
}

std::string encode(const Pong& answer) {
  pugi::xml_document doc;
  auto root = new_root(doc, "Pong");
  set_attribute(root, "kanzleiId", answer.kanzlei_id);
  set_attribute(root, "benutzer", answer.benutzer);
  set_attribute(root, "serverzeit", answer.serverzeit);
  return to_string(doc);
}

std::string encode(const VersichererListe& answer) {
  pugi::xml_document doc;
  auto root = new_root(doc, "VersichererListe");
  set_attribute(root, "stand", answer.stand);
  for (const auto& v : answer.versicherer) {
    auto node = add(root, "Versicherer");
    set_attribute(node, "bafin", v.bafin);
    set_attribute(node, "name", v.name);
    std::string sparten = v.rechtsschutz ? "rechtsschutz" : "";
    if (v.schaden) sparten += sparten.empty() ? "schaden" : " schaden";
    set_attribute(node, "sparten", sparten);
    set_attribute(node, "deckungsanfrage", v.deckungsanfrage);
    set_optional_attribute(node, "vsnrMuster", v.vsnr_muster);
    if (v.anforderungen.size() > 3)
      refuse(
          fmt::format("Versicherer '{}' has {} Anforderungen, at most 3 are allowed", v.bafin, v.anforderungen.size()));
    for (const auto& anforderung : v.anforderungen) add_text(node, "Anforderung", anforderung);
  }
  return to_string(doc);
}

std::string encode(const Postfach& answer) {
  if (answer.eintraege.size() > 500)
    refuse(fmt::format("{} Postfach entries, at most 500 are allowed", answer.eintraege.size()));
  pugi::xml_document doc;
  auto root = new_root(doc, "Postfach");
  set_attribute(root, "naechster", answer.naechster);
  set_attribute(root, "mehr", answer.mehr ? "true" : "false");
  for (const auto& eintrag : answer.eintraege) {
    auto node = add(root, "Eintrag");
    set_attribute(node, "id", eintrag.id);
    write_nachricht(add(node, "Nachricht"), eintrag.nachricht);
  }
  return to_string(doc);
}

}  // namespace ecadm::econsult
