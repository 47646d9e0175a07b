// Encoding of every body, in the order of the schema's sequences.
#include <fmt/format.h>

#include "ecadm/econsult/codec.hpp"
#include "econsult/codec_parts.hpp"
#include "econsult/xml_writer.hpp"

namespace ecadm::econsult {
namespace detail {
namespace {

void write_body(pugi::xml_node node, const Deckungsanfrage& b) {
  set_attribute(node, "struktur", b.struktur);
  add_text(node, "Versicherungsscheinnummer", b.versicherungsscheinnummer);
  add_optional(node, "Schadennummer", b.schadennummer);
  write_person(node, "Versicherungsnehmer", b.versicherungsnehmer);
  if (b.mandant) write_person(node, "Mandant", *b.mandant);
  add_text(node, "Rechtsgebiet", b.rechtsgebiet);
  add_text(node, "Ereignisdatum", b.ereignisdatum);
  add_text(node, "Umfang", b.umfang);
  if (b.gegner) write_person(node, "Gegner", *b.gegner);
  if (b.gegenstandswert_cents) add_money(node, "Gegenstandswert", *b.gegenstandswert_cents);
  add_text(node, "Sachverhalt", b.sachverhalt);
}

void write_body(pugi::xml_node node, const Schadenmeldung& b) {
  add_text(node, "Risikoart", b.risikoart);
  add_text(node, "Schadentag", b.schadentag);
  add_text(node, "Schadenort", b.schadenort);
  add_optional(node, "KennzeichenGegner", b.kennzeichen_gegner);
  add_optional(node, "Versicherungsscheinnummer", b.versicherungsscheinnummer);
  add_optional(node, "Schadennummer", b.schadennummer);
  write_person(node, "Geschaedigter", b.geschaedigter);
  if (!b.schadenpositionen.empty()) {
    if (b.schadenpositionen.size() > 100)
      refuse(fmt::format("{} Schadenpositionen, at most 100 are allowed", b.schadenpositionen.size()));
    auto list = add(node, "Schadenpositionen");
    for (const auto& position : b.schadenpositionen) {
      auto p = add(list, "Position");
      add_text(p, "Art", position.art);
      add_money(p, "Betrag", position.betrag_cents);
    }
  }
  add_text(node, "Sachverhalt", b.sachverhalt);
}

void write_body(pugi::xml_node node, const Nachreichung& b) {
  add_text(node, "Anlass", b.anlass);
  add_optional(node, "Umfang", b.umfang);
  add_text(node, "Text", b.text);
}

void write_body(pugi::xml_node node, const Deckungsentscheidung& b) {
  add_text(node, "Ergebnis", b.ergebnis);
  add_optional(node, "Schadennummer", b.schadennummer);
  add_optional(node, "Umfang", b.umfang);
  if (b.selbstbeteiligung_cents) add_money(node, "Selbstbeteiligung", *b.selbstbeteiligung_cents);
  add_optional(node, "Begruendung", b.begruendung);
}

void write_body(pugi::xml_node node, const Rueckfrage& b) {
  add_optional(node, "Schadennummer", b.schadennummer);
  add_text(node, "Text", b.text);
  add_optional(node, "AntwortBis", b.antwort_bis);
}

void write_body(pugi::xml_node node, const Mandat& b) {
  add_text(node, "Schadennummer", b.schadennummer);
  add_optional(node, "Versicherungsscheinnummer", b.versicherungsscheinnummer);
  add_text(node, "Rechtsgebiet", b.rechtsgebiet);
  if (b.beteiligte.empty() || b.beteiligte.size() > 50)
    refuse(fmt::format("'Mandat' needs 1 to 50 Beteiligte, not {}", b.beteiligte.size()));
  auto list = add(node, "Beteiligte");
  for (const auto& beteiligter : b.beteiligte) {
    auto element = add(list, "Beteiligter");
    set_attribute(element, "rolle", beteiligter.rolle);
    write_person_content(element, beteiligter, "Beteiligter");
  }
  add_text(node, "Sachverhalt", b.sachverhalt);
}

}  // namespace

void write_nachricht(pugi::xml_node node, const Nachricht& message) {
  const auto art = art_of(message.body);
  set_attribute(node, "version", "1");
  write_kopf(node, message.kopf, art);
  auto body = add(node, std::string(art).c_str());
  std::visit([&](const auto& b) { write_body(body, b); }, message.body);
  write_anlagen(node, message.anlagen);
}

}  // namespace detail

using namespace detail;

std::string_view art_of(const Body& body) {
  static constexpr std::string_view names[] = {"Deckungsanfrage",      "Schadenmeldung", "Nachreichung",
                                               "Deckungsentscheidung", "Rueckfrage",     "Mandat"};
  static_assert(std::size(names) == std::variant_size_v<Body>);
  return names[body.index()];
}

std::string encode(const Nachricht& message) {
  pugi::xml_document doc;
  write_nachricht(new_root(doc, "Nachricht"), message);
  return to_string(doc);
}

std::string encode(const ZentralrufAnfrage& request) {
  pugi::xml_document doc;
  auto root = new_root(doc, "ZentralrufAnfrage");
  add_text(root, "Kennzeichen", request.kennzeichen);
  add_text(root, "Schadentag", request.schadentag);
  add_optional(root, "Unfallland", request.unfallland);
  return to_string(doc);
}

std::string encode(const ZentralrufAuskunft& answer) {
  pugi::xml_document doc;
  auto root = new_root(doc, "ZentralrufAuskunft");
  auto versicherer = add(root, "Versicherer");
  set_attribute(versicherer, "bafin", answer.bafin);
  set_attribute(versicherer, "name", answer.name);
  add_text(root, "Versicherungsscheinnummer", answer.versicherungsscheinnummer);
  add_optional(root, "Vertragsende", answer.vertragsende);
  return to_string(doc);
}

}  // namespace ecadm::econsult
