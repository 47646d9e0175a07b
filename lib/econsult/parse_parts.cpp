// Readers for the shared types. Each takes its element's children in the schema's order
// and refuses what is missing, misplaced or unknown.
#include <fmt/format.h>

#include "ecadm/econsult/codec.hpp"
#include "econsult/codec_parts.hpp"
#include "econsult/codec_values.hpp"

namespace ecadm::econsult::detail {
namespace {

Kanzlei read_kanzlei(pugi::xml_node element, const std::string& path) {
  Reader r(element, path);
  Kanzlei k;
  k.bezeichnung = r.required_text("Bezeichnung");
  k.anschrift = read_anschrift(r.required("Anschrift"), r.path_of("Anschrift"));
  k.telefon = r.optional_text("Telefon");
  k.telefax = r.optional_text("Telefax");
  k.email = r.required_text("Email");
  if (auto bank = r.optional("Bankverbindung")) {
    Reader b(*bank, r.path_of("Bankverbindung"));
    k.bankverbindung = Bankverbindung{b.required_text("Kontoinhaber"), b.required_text("Iban"), b.optional_text("Bic")};
    b.finish();
  }
  k.adac_partnernummer = r.optional_text("AdacPartnernummer");
  if (auto agb = r.optional("AdacAgbAkzeptiert")) {
    Reader a(*agb, r.path_of("AdacAgbAkzeptiert"));
    k.adac_agb_akzeptiert = AdacAgbAkzeptiert{a.attribute("fassung"), a.attribute("am")};
    check_timestamp(k.adac_agb_akzeptiert->am, a.path() + "/@am");
    a.finish();
  }
  r.finish();
  return k;
}

void read_absender(pugi::xml_node element, const std::string& path, Absender& absender) {
  Reader r(element, path);
  if (auto id = r.optional_text("KanzleiId")) {
    absender.kanzlei_id = id;
    absender.benutzer = r.required_text("Benutzer");
    absender.kanzlei = read_kanzlei(r.required("Kanzlei"), r.path_of("Kanzlei"));
  } else if (auto v = r.optional("Versicherer")) {
    Reader insurer(*v, r.path_of("Versicherer"));
    absender.versicherer_bafin = insurer.attribute("bafin");
    check_bafin(*absender.versicherer_bafin, insurer.path() + "/@bafin");
    absender.versicherer_name = insurer.optional_attribute("name");
    insurer.finish();
  } else {
    fail(fmt::format("element 'KanzleiId' or 'Versicherer' missing in '{}'", path));
  }
  r.finish();
}

}  // namespace

Anschrift read_anschrift(pugi::xml_node element, const std::string& path) {
  Reader r(element, path);
  Anschrift a;
  a.strasse = r.required_text("Strasse");
  a.hausnummer = r.optional_text("Hausnummer");
  a.postleitzahl = r.required_text("Postleitzahl");
  a.ort = r.required_text("Ort");
  a.staat = r.required_text("Staat");
  r.finish();
  return a;
}

Person read_person(pugi::xml_node element, const std::string& path) {
  Reader r(element, path);
  Person p;
  if (auto vorname = r.optional_text("Vorname")) {
    p.vorname = vorname;
    p.nachname = r.required_text("Nachname");
    p.geburtsdatum = r.optional_text("Geburtsdatum");
    if (p.geburtsdatum) check_date(*p.geburtsdatum, r.path_of("Geburtsdatum"));
  } else if (auto bezeichnung = r.optional_text("Bezeichnung")) {
    p.bezeichnung = bezeichnung;
  } else {
    fail(fmt::format("element 'Vorname' or 'Bezeichnung' missing in '{}'", path));
  }
  if (auto anschrift = r.optional("Anschrift")) p.anschrift = read_anschrift(*anschrift, r.path_of("Anschrift"));
  p.telefon = r.optional_text("Telefon");
  p.email = r.optional_text("Email");
  r.finish();
  return p;
}

Kopf read_kopf(pugi::xml_node element, const std::string& path) {
  Reader r(element, path);
  Kopf k;
  k.nachricht_id = r.required_text("NachrichtId");
  check_uuid(k.nachricht_id, r.path_of("NachrichtId"));
  k.art = r.required_text("Art");
  check_one_of(k.art,
               {"Deckungsanfrage", "Schadenmeldung", "Nachreichung", "Deckungsentscheidung", "Rueckfrage", "Mandat"},
               r.path_of("Art"));
  k.erstellt = r.required_text("Erstellt");
  check_timestamp(k.erstellt, r.path_of("Erstellt"));
  read_absender(r.required("Absender"), r.path_of("Absender"), k.absender);
  Reader e(r.required("Empfaenger"), r.path_of("Empfaenger"));
  if (auto bafin = e.optional_text("Bafin")) {
    check_bafin(*bafin, e.path_of("Bafin"));
    k.empfaenger_bafin = bafin;
  } else if (auto kanzlei = e.optional_text("KanzleiId")) {
    k.empfaenger_kanzlei_id = kanzlei;
  } else {
    fail(fmt::format("element 'Bafin' or 'KanzleiId' missing in '{}'", e.path()));
  }
  e.finish();
  k.aktenzeichen = r.optional_text("Aktenzeichen");
  k.vorgang = r.optional_text("Vorgang");
  k.bezug_nachricht_id = r.optional_text("BezugNachrichtId");
  if (k.bezug_nachricht_id) check_uuid(*k.bezug_nachricht_id, r.path_of("BezugNachrichtId"));
  r.finish();
  return k;
}

std::vector<Anlage> read_anlagen(pugi::xml_node element, const std::string& path) {
  Reader r(element, path);
  std::vector<Anlage> anlagen;
  for (auto node : r.repeated("Anlage", 1, 50)) {
    const auto anlage_path = r.path_of("Anlage");
    Anlage anlage;
    anlage.dateiname = required_attribute(node, "dateiname", anlage_path);
    anlage.mimetyp = required_attribute(node, "mimetyp", anlage_path);
    const auto where = fmt::format("Anlage '{}'", anlage.dateiname);
    const auto groesse = parse_size(required_attribute(node, "groesse", anlage_path), where + " groesse");
    const auto sha256 = required_attribute(node, "sha256", anlage_path);
    try {
      anlage.inhalt = base64_decode(leaf_text(node, anlage_path));
    } catch (const ProtocolError&) {
      fail(where + ": content is not valid base64");
    }
    if (anlage.inhalt.size() != groesse)
      fail(fmt::format("{}: groesse says {} bytes but the content has {}", where, groesse, anlage.inhalt.size()));
    anlage.sha256 = sha256_hex(anlage.inhalt);
    if (anlage.sha256 != sha256)
      fail(
          fmt::format("{}: sha256 does not match the content (says {}, content has {})", where, sha256, anlage.sha256));
    anlagen.push_back(std::move(anlage));
  }
  r.finish();
  return anlagen;
}

void check_rechtsgebiet(std::string_view value, std::string_view where) {
  check_one_of(value,
               {"arbeitsrecht", "mietrecht", "verkehrsrecht", "vertragsrecht", "schadenersatzrecht", "sozialrecht",
                "verwaltungsrecht", "strafrecht", "ordnungswidrigkeitenrecht", "steuerrecht", "familienrecht",
                "erbrecht", "sonstiges"},
               where);
}

void check_umfang(std::string_view value, std::string_view where) {
  check_one_of(value, {"beratung", "aussergerichtlich", "erste-instanz", "zweite-instanz"}, where);
}

void check_rolle(std::string_view value, std::string_view where) {
  check_one_of(value, {"mandant", "versicherungsnehmer", "gegner", "fahrer", "halter", "zeuge", "sonstiger"}, where);
}

}  // namespace ecadm::econsult::detail
