// Parsing of a Nachricht and its six bodies.
#include <fmt/format.h>

#include "ecadm/econsult/codec.hpp"
#include "econsult/codec_parts.hpp"
#include "econsult/codec_values.hpp"
#include "econsult/xml_guard.hpp"

namespace ecadm::econsult {
namespace detail {
namespace {

std::optional<std::string> optional_umfang(Reader& r) {
  auto umfang = r.optional_text("Umfang");
  if (umfang) check_umfang(*umfang, r.path_of("Umfang"));
  return umfang;
}

std::optional<std::int64_t> optional_money(Reader& r, const char* name) {
  auto node = r.optional(name);
  if (!node) return std::nullopt;
  const auto path = r.path_of(name);
  if (auto waehrung = required_attribute(*node, "waehrung", path); waehrung != "EUR")
    fail(fmt::format("'{}' must be in waehrung EUR, not '{}'", path, waehrung));
  return parse_cents(leaf_text(*node, path), path);
}

std::string required_date(Reader& r, const char* name) {
  auto date = r.required_text(name);
  check_date(date, r.path_of(name));
  return date;
}

Deckungsanfrage read_deckungsanfrage(Reader& r) {
  Deckungsanfrage b;
  b.struktur = r.attribute("struktur");
  check_one_of(b.struktur, {"voll", "teil"}, r.path() + "/@struktur");
  b.versicherungsscheinnummer = r.required_text("Versicherungsscheinnummer");
  b.schadennummer = r.optional_text("Schadennummer");
  b.versicherungsnehmer = read_person(r.required("Versicherungsnehmer"), r.path_of("Versicherungsnehmer"));
  if (auto mandant = r.optional("Mandant")) b.mandant = read_person(*mandant, r.path_of("Mandant"));
  b.rechtsgebiet = r.required_text("Rechtsgebiet");
  check_rechtsgebiet(b.rechtsgebiet, r.path_of("Rechtsgebiet"));
  b.ereignisdatum = required_date(r, "Ereignisdatum");
  b.umfang = r.required_text("Umfang");
  check_umfang(b.umfang, r.path_of("Umfang"));
  if (auto gegner = r.optional("Gegner")) b.gegner = read_person(*gegner, r.path_of("Gegner"));
  b.gegenstandswert_cents = optional_money(r, "Gegenstandswert");
  b.sachverhalt = r.required_text("Sachverhalt");
  return b;
}

Schadenmeldung read_schadenmeldung(Reader& r) {
  Schadenmeldung b;
  b.risikoart = r.required_text("Risikoart");
  check_one_of(b.risikoart, {"erstmeldung", "folgekorrespondenz"}, r.path_of("Risikoart"));
  b.schadentag = required_date(r, "Schadentag");
  b.schadenort = r.required_text("Schadenort");
  b.kennzeichen_gegner = r.optional_text("KennzeichenGegner");
  b.versicherungsscheinnummer = r.optional_text("Versicherungsscheinnummer");
  b.schadennummer = r.optional_text("Schadennummer");
  b.geschaedigter = read_person(r.required("Geschaedigter"), r.path_of("Geschaedigter"));
  if (auto list = r.optional("Schadenpositionen")) {
    Reader positions(*list, r.path_of("Schadenpositionen"));
    for (auto node : positions.repeated("Position", 1, 100)) {
      Reader p(node, positions.path_of("Position"));
      Schadenposition position;
      position.art = p.required_text("Art");
      check_one_of(position.art,
                   {"reparaturkosten", "wertminderung", "sachverstaendigenkosten", "nutzungsausfall", "mietwagenkosten",
                    "abschleppkosten", "kostenpauschale", "schmerzensgeld", "sonstiges"},
                   p.path_of("Art"));
      auto betrag = optional_money(p, "Betrag");
      if (!betrag) p.required("Betrag");  // throws: missing
      position.betrag_cents = *betrag;
      p.finish();
      b.schadenpositionen.push_back(std::move(position));
    }
    positions.finish();
  }
  b.sachverhalt = r.required_text("Sachverhalt");
  return b;
}

Nachreichung read_nachreichung(Reader& r) {
  Nachreichung b;
  b.anlass = r.required_text("Anlass");
  check_one_of(b.anlass, {"antwort-rueckfrage", "dokumente", "deckungserweiterung", "sonstiges"}, r.path_of("Anlass"));
  b.umfang = optional_umfang(r);
  b.text = r.required_text("Text");
  return b;
}

Deckungsentscheidung read_deckungsentscheidung(Reader& r) {
  Deckungsentscheidung b;
  b.ergebnis = r.required_text("Ergebnis");
  check_one_of(b.ergebnis, {"zusage", "teilzusage", "ablehnung"}, r.path_of("Ergebnis"));
  b.schadennummer = r.optional_text("Schadennummer");
  b.umfang = optional_umfang(r);
  b.selbstbeteiligung_cents = optional_money(r, "Selbstbeteiligung");
  b.begruendung = r.optional_text("Begruendung");
  return b;
}

Rueckfrage read_rueckfrage(Reader& r) {
  Rueckfrage b;
  b.schadennummer = r.optional_text("Schadennummer");
  b.text = r.required_text("Text");
  b.antwort_bis = r.optional_text("AntwortBis");
  if (b.antwort_bis) check_date(*b.antwort_bis, r.path_of("AntwortBis"));
  return b;
}

Mandat read_mandat(Reader& r) {
  Mandat b;
  b.schadennummer = r.required_text("Schadennummer");
  b.versicherungsscheinnummer = r.optional_text("Versicherungsscheinnummer");
  b.rechtsgebiet = r.required_text("Rechtsgebiet");
  check_rechtsgebiet(b.rechtsgebiet, r.path_of("Rechtsgebiet"));
  Reader list(r.required("Beteiligte"), r.path_of("Beteiligte"));
  for (auto node : list.repeated("Beteiligter", 1, 50)) {
    const auto path = list.path_of("Beteiligter");
    Beteiligter beteiligter;
    static_cast<Person&>(beteiligter) = read_person(node, path);
    beteiligter.rolle = required_attribute(node, "rolle", path);
    check_rolle(beteiligter.rolle, path + "/@rolle");
    b.beteiligte.push_back(std::move(beteiligter));
  }
  list.finish();
  b.sachverhalt = r.required_text("Sachverhalt");
  return b;
}

Body read_body(pugi::xml_node element, const std::string& path) {
  Reader r(element, path);
  const std::string_view name = element.name();
  Body body;
  if (name == "Deckungsanfrage")
    body = read_deckungsanfrage(r);
  else if (name == "Schadenmeldung")
    body = read_schadenmeldung(r);
  else if (name == "Nachreichung")
    body = read_nachreichung(r);
  else if (name == "Deckungsentscheidung")
    body = read_deckungsentscheidung(r);
  else if (name == "Rueckfrage")
    body = read_rueckfrage(r);
  else if (name == "Mandat")
    body = read_mandat(r);
  r.finish();
  return body;
}

}  // namespace

Nachricht read_nachricht(pugi::xml_node element, const std::string& path) {
  Reader r(element, path);
  if (auto version = r.attribute("version"); version != "1")
    fail(fmt::format("'{}' has version '{}', only version 1 is understood", path, version));
  Nachricht message;
  message.kopf = read_kopf(r.required("Kopf"), r.path_of("Kopf"));
  const auto& art = message.kopf.art;  // one of the six names, checked by read_kopf
  auto body = r.peek();
  if (!body || art != body.name()) {
    fail(fmt::format("element '{}' missing in '{}' (Kopf/Art is '{}'{}{}{})", art, path, art, body ? ", found '" : "",
                     body ? body.name() : "", body ? "'" : ""));
  }
  message.body = read_body(r.required(art.c_str()), r.path_of(art));
  if (auto anlagen = r.optional("Anlagen")) message.anlagen = read_anlagen(*anlagen, r.path_of("Anlagen"));
  r.finish();
  return message;
}

}  // namespace detail

Nachricht parse_nachricht(std::string_view xml) {
  pugi::xml_document doc;
  return detail::read_nachricht(detail::load_untrusted(xml, doc, "Nachricht"), "Nachricht");
}

}  // namespace ecadm::econsult
