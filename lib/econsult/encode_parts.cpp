// Writers for the shared types, in the order of the schema's sequences.
#include <fmt/format.h>

#include "ecadm/econsult/codec.hpp"
#include "econsult/codec_parts.hpp"
#include "econsult/xml_writer.hpp"

namespace ecadm::econsult::detail {

void write_anschrift(pugi::xml_node parent, const char* name, const Anschrift& anschrift) {
  auto node = add(parent, name);
  add_text(node, "Strasse", anschrift.strasse);
  add_optional(node, "Hausnummer", anschrift.hausnummer);
  add_text(node, "Postleitzahl", anschrift.postleitzahl);
  add_text(node, "Ort", anschrift.ort);
  add_text(node, "Staat", anschrift.staat);
}

void write_person_content(pugi::xml_node element, const Person& person, std::string_view where) {
  const bool named = person.vorname || person.nachname;
  if (named && person.bezeichnung) refuse(fmt::format("'{}' has both a name and a Bezeichnung", where));
  if (named) {
    if (!person.vorname || !person.nachname) refuse(fmt::format("'{}' needs both Vorname and Nachname", where));
    add_text(element, "Vorname", *person.vorname);
    add_text(element, "Nachname", *person.nachname);
    add_optional(element, "Geburtsdatum", person.geburtsdatum);
  } else if (person.bezeichnung) {
    if (person.geburtsdatum) refuse(fmt::format("'{}' is an organisation and cannot have a Geburtsdatum", where));
    add_text(element, "Bezeichnung", *person.bezeichnung);
  } else {
    refuse(fmt::format("'{}' needs Vorname and Nachname or a Bezeichnung", where));
  }
  if (person.anschrift) write_anschrift(element, "Anschrift", *person.anschrift);
  add_optional(element, "Telefon", person.telefon);
  add_optional(element, "Email", person.email);
}

void write_person(pugi::xml_node parent, const char* name, const Person& person) {
  write_person_content(add(parent, name), person, name);
}

namespace {

void write_kanzlei(pugi::xml_node parent, const Kanzlei& kanzlei) {
  auto node = add(parent, "Kanzlei");
  add_text(node, "Bezeichnung", kanzlei.bezeichnung);
  write_anschrift(node, "Anschrift", kanzlei.anschrift);
  add_optional(node, "Telefon", kanzlei.telefon);
  add_optional(node, "Telefax", kanzlei.telefax);
  add_text(node, "Email", kanzlei.email);
  if (const auto& bank = kanzlei.bankverbindung) {
    auto b = add(node, "Bankverbindung");
    add_text(b, "Kontoinhaber", bank->kontoinhaber);
    add_text(b, "Iban", bank->iban);
    add_optional(b, "Bic", bank->bic);
  }
  add_optional(node, "AdacPartnernummer", kanzlei.adac_partnernummer);
  if (const auto& agb = kanzlei.adac_agb_akzeptiert) {
    auto a = add(node, "AdacAgbAkzeptiert");
    set_attribute(a, "fassung", agb->fassung);
    set_attribute(a, "am", agb->am);
  }
}

void write_absender(pugi::xml_node parent, const Absender& absender) {
  auto node = add(parent, "Absender");
  const bool firm = absender.kanzlei_id || absender.benutzer || absender.kanzlei;
  if (firm && absender.versicherer_bafin) refuse("'Absender' is both a firm and an insurer");
  if (firm) {
    if (!absender.kanzlei_id || !absender.benutzer || !absender.kanzlei)
      refuse("'Absender' of a firm needs KanzleiId, Benutzer and Kanzlei");
    add_text(node, "KanzleiId", *absender.kanzlei_id);
    add_text(node, "Benutzer", *absender.benutzer);
    write_kanzlei(node, *absender.kanzlei);
  } else if (absender.versicherer_bafin) {
    auto v = add(node, "Versicherer");
    set_attribute(v, "bafin", *absender.versicherer_bafin);
    set_optional_attribute(v, "name", absender.versicherer_name);
  } else {
    refuse("'Absender' needs a firm (KanzleiId, Benutzer, Kanzlei) or an insurer (BaFin number)");
  }
}

}  // namespace

void write_kopf(pugi::xml_node parent, const Kopf& kopf, std::string_view art) {
  if (!kopf.art.empty() && kopf.art != art)
    refuse(fmt::format("'Kopf/Art' is '{}' but the body is a {}", kopf.art, art));
  auto node = add(parent, "Kopf");
  add_text(node, "NachrichtId", kopf.nachricht_id);
  add_text(node, "Art", art);
  add_text(node, "Erstellt", kopf.erstellt);
  write_absender(node, kopf.absender);
  if (kopf.empfaenger_bafin.has_value() == kopf.empfaenger_kanzlei_id.has_value())
    refuse("'Empfaenger' needs exactly one of a BaFin number and a KanzleiId");
  auto empfaenger = add(node, "Empfaenger");
  if (kopf.empfaenger_bafin)
    add_text(empfaenger, "Bafin", *kopf.empfaenger_bafin);
  else
    add_text(empfaenger, "KanzleiId", *kopf.empfaenger_kanzlei_id);
  add_optional(node, "Aktenzeichen", kopf.aktenzeichen);
  add_optional(node, "Vorgang", kopf.vorgang);
  add_optional(node, "BezugNachrichtId", kopf.bezug_nachricht_id);
}

void write_anlagen(pugi::xml_node parent, const std::vector<Anlage>& anlagen) {
  if (anlagen.empty()) return;
  if (anlagen.size() > 50) refuse(fmt::format("{} attachments, at most 50 are allowed", anlagen.size()));
  auto node = add(parent, "Anlagen");
  for (const auto& anlage : anlagen) {
    auto a = add(node, "Anlage");
    set_attribute(a, "dateiname", anlage.dateiname);
    set_attribute(a, "mimetyp", anlage.mimetyp);
    set_attribute(a, "groesse", std::to_string(anlage.inhalt.size()));
    set_attribute(a, "sha256", sha256_hex(anlage.inhalt));
    a.text().set(base64_encode(anlage.inhalt).c_str());
  }
}

}  // namespace ecadm::econsult::detail
