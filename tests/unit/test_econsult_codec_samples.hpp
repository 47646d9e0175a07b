#pragma once
// Sample messages for the codec tests: every body kind, with every optional field set
// (full) or none (minimal), so round trips cover both.
#include <string>
#include <vector>

#include "ecadm/econsult/messages.hpp"

namespace ecadm::test {

using namespace ecadm::econsult;

inline Anschrift sample_anschrift() {
  return {"Karl-Liebknecht-Straße", "12", "04107", "Leipzig", "DE"};
}

inline Person sample_person() {
  Person p;
  p.vorname = "Jana";
  p.nachname = "Schulze";
  p.geburtsdatum = "1985-04-02";
  p.anschrift = sample_anschrift();
  p.telefon = "+49 341 555";
  p.email = "jana@example.org";
  return p;
}

inline Person sample_firma(const std::string& name = "Muster Logistik GmbH") {
  Person p;
  p.bezeichnung = name;
  return p;
}

inline Kopf firm_kopf(const std::string& art) {
  Kopf k;
  k.nachricht_id = "3f1c2a9e-7b4d-4c1a-9e2f-0a1b2c3d4e5f";
  k.art = art;
  k.erstellt = "2026-12-03T09:15:00Z";
  k.absender.kanzlei_id = "K-104233";
  k.absender.benutzer = "a.berger";
  Kanzlei kanzlei;
  kanzlei.bezeichnung = "Kanzlei Berger & Kollegen <Leipzig>";
  kanzlei.anschrift = sample_anschrift();
  kanzlei.telefon = "+49 341 1234567";
  kanzlei.telefax = "+49 341 1234568";
  kanzlei.email = "kanzlei@berger.example";
  kanzlei.bankverbindung = Bankverbindung{"Kanzlei Berger", "DE02120300000000202051", "BYLADEM1001"};
  kanzlei.adac_partnernummer = "ADAC-778812";
  kanzlei.adac_agb_akzeptiert = AdacAgbAkzeptiert{"2026-01", "2026-11-20T10:02:11Z"};
  k.absender.kanzlei = kanzlei;
  k.empfaenger_bafin = "5826";
  k.aktenzeichen = "112/26";
  return k;
}

inline Kopf insurer_kopf(const std::string& art) {
  Kopf k;
  k.nachricht_id = "c0ffee00-1111-4222-8333-444455556666";
  k.art = art;
  k.erstellt = "2026-12-04T08:00:00+01:00";
  k.absender.versicherer_bafin = "5826";
  k.absender.versicherer_name = "ADAC Rechtsschutzversicherungs-AG";
  k.empfaenger_kanzlei_id = "K-104233";
  k.aktenzeichen = "112/26";
  k.vorgang = "EC-2026-000481";
  k.bezug_nachricht_id = "3f1c2a9e-7b4d-4c1a-9e2f-0a1b2c3d4e5f";
  return k;
}

inline std::vector<Anlage> sample_anlagen() {
  Anlage text{"kuendigung.txt", "text/plain", "hello", {}};
  Anlage binary{"scan \"1\".pdf", "application/pdf", std::string("\x00\x01\xff\xfe%PDF", 8), {}};
  return {text, binary};
}

inline Nachricht sample_deckungsanfrage() {
  Deckungsanfrage b;
  b.struktur = "voll";
  b.versicherungsscheinnummer = "RS-4471-2290";
  b.schadennummer = "S-1";
  b.versicherungsnehmer = sample_person();
  b.mandant = sample_person();
  b.rechtsgebiet = "arbeitsrecht";
  b.ereignisdatum = "2026-11-14";
  b.umfang = "aussergerichtlich";
  b.gegner = sample_firma();
  b.gegenstandswert_cents = 1050005;
  b.sachverhalt = "Kündigung vom 14.11.2026;\nKlage wird geprüft & bewertet.";
  return {firm_kopf("Deckungsanfrage"), b, sample_anlagen()};
}

inline Nachricht sample_schadenmeldung() {
  Schadenmeldung b;
  b.risikoart = "folgekorrespondenz";
  b.schadentag = "2026-11-30";
  b.schadenort = "Leipzig, Jahnallee";
  b.kennzeichen_gegner = "L-XY 4711";
  b.versicherungsscheinnummer = "KH-99812003";
  b.schadennummer = "AZ-77";
  b.geschaedigter = sample_person();
  b.schadenpositionen = {{"reparaturkosten", 238050}, {"kostenpauschale", 2500}, {"sonstiges", 5}};
  b.sachverhalt = "Auffahrunfall an der Ampel.";
  auto kopf = firm_kopf("Schadenmeldung");
  kopf.empfaenger_bafin = "5312";
  return {kopf, b, {}};
}

inline Nachricht sample_nachreichung() {
  Nachreichung b{"deckungserweiterung", "erste-instanz", "Bitte erweitern Sie die Deckung."};
  auto kopf = firm_kopf("Nachreichung");
  kopf.vorgang = "EC-2026-000490";
  kopf.bezug_nachricht_id = "d1d2d3d4-e5e6-4f7f-8a8a-b9b9c0c0d1d1";
  return {kopf, b, sample_anlagen()};
}

inline Nachricht sample_deckungsentscheidung() {
  Deckungsentscheidung b{"teilzusage", "ADAC-RS-26-118822", "aussergerichtlich", 15000, "Nur außergerichtlich."};
  return {insurer_kopf("Deckungsentscheidung"), b, {}};
}

inline Nachricht sample_rueckfrage() {
  Rueckfrage b{"ADAC-RS-26-118822", "Bitte reichen Sie das Kündigungsschreiben nach.", "2026-12-18"};
  return {insurer_kopf("Rueckfrage"), b, {}};
}

inline Nachricht sample_mandat() {
  Mandat b;
  b.schadennummer = "OERAG-26-55120";
  b.versicherungsscheinnummer = "OE-7719-0032";
  b.rechtsgebiet = "mietrecht";
  Beteiligter mandant;
  static_cast<Person&>(mandant) = sample_person();
  mandant.rolle = "mandant";
  Beteiligter gegner;
  static_cast<Person&>(gegner) = sample_firma("Wohnbau Nord GmbH");
  gegner.rolle = "gegner";
  b.beteiligte = {mandant, gegner};
  b.sachverhalt = "Mieterhöhungsverlangen vom 01.11.2026.";
  auto kopf = insurer_kopf("Mandat");
  kopf.bezug_nachricht_id.reset();
  return {kopf, b, sample_anlagen()};
}

/// One sample of each of the six Nachricht kinds.
inline std::vector<Nachricht> all_nachrichten() {
  return {sample_deckungsanfrage(),      sample_schadenmeldung(), sample_nachreichung(),
          sample_deckungsentscheidung(), sample_rueckfrage(),     sample_mandat()};
}

/// The same six kinds with only what the schema requires.
inline std::vector<Nachricht> minimal_nachrichten() {
  Kopf firm = firm_kopf("");
  firm.aktenzeichen.reset();
  firm.absender.kanzlei =
      Kanzlei{"Kanzlei", {"Markt", std::nullopt, "04109", "Leipzig", "DE"}, {}, {}, "k@x.example", {}, {}, {}};
  Kopf insurer;
  insurer.nachricht_id = "aa11bb22-cc33-4d44-8e55-ff6677889900";
  insurer.erstellt = "2026-12-04T08:30:00.123Z";
  insurer.absender.versicherer_bafin = "5813";
  insurer.empfaenger_kanzlei_id = "K-1";
  Deckungsanfrage d;
  d.struktur = "teil";
  d.versicherungsscheinnummer = "1";
  d.versicherungsnehmer = sample_firma();
  d.rechtsgebiet = "sonstiges";
  d.ereignisdatum = "2026-01-01";
  d.umfang = "beratung";
  d.sachverhalt = "x";
  Schadenmeldung s;
  s.schadentag = "2026-01-01";
  s.schadenort = "Ort";
  s.geschaedigter = sample_firma();
  s.sachverhalt = "y";
  Mandat m;
  m.schadennummer = "S";
  m.rechtsgebiet = "strafrecht";
  Beteiligter only;
  only.bezeichnung = "Firma";
  only.rolle = "sonstiger";
  m.beteiligte = {only};
  m.sachverhalt = "z";
  return {{firm, d, {}},
          {firm, s, {}},
          {firm, Nachreichung{"dokumente", std::nullopt, "t"}, {}},
          {insurer, Deckungsentscheidung{"ablehnung", {}, {}, {}, {}}, {}},
          {insurer, Rueckfrage{{}, "Frage", {}}, {}},
          {insurer, m, {}}};
}

inline VersichererListe sample_versicherer_liste() {
  VersichererListe l;
  l.stand = "2026-12-01";
  l.versicherer.push_back(
      {"5826", "ADAC Rechtsschutz", true, false, "voll", "^RS-[0-9]{4}$", {"adac-partnernummer", "adac-agb"}});
  l.versicherer.push_back({"5312", "Allianz", true, true, "teil", std::nullopt, {}});
  l.versicherer.push_back({"5999", "Nur Schaden AG", false, true, "keine", std::nullopt, {"bankverbindung"}});
  return l;
}

inline Postfach sample_postfach() {
  Postfach p;
  p.naechster = "c-0002";
  p.mehr = true;
  p.eintraege.push_back({"pf-0001", sample_rueckfrage(), {}});
  p.eintraege.push_back({"pf-0002", sample_mandat(), {}});
  return p;
}

}  // namespace ecadm::test
