#pragma once
// Plain structs for every XML body of the e.Consult interface (protocol/econsult-v1.xsd).
// The codec converts between these and XML; nothing else in ecadm sees XML.
// Names follow the schema's German element names. Money is in cents.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace ecadm::econsult {

struct Anschrift {
  std::string strasse;
  std::optional<std::string> hausnummer;
  std::string postleitzahl;
  std::string ort;
  std::string staat = "DE";
};

struct Bankverbindung {
  std::string kontoinhaber;
  std::string iban;
  std::optional<std::string> bic;
};

/// A natural person (vorname + nachname) or an organisation (bezeichnung).
struct Person {
  std::optional<std::string> vorname;
  std::optional<std::string> nachname;
  std::optional<std::string> geburtsdatum;
  std::optional<std::string> bezeichnung;
  std::optional<Anschrift> anschrift;
  std::optional<std::string> telefon;
  std::optional<std::string> email;
};

struct Beteiligter : Person {
  std::string rolle;  ///< mandant, versicherungsnehmer, gegner, fahrer, halter, zeuge, sonstiger
};

struct AdacAgbAkzeptiert {
  std::string fassung;
  std::string am;  ///< RFC 3339
};

/// The sender's master data (Stammdaten) as configured for e.Consult.
struct Kanzlei {
  std::string bezeichnung;
  Anschrift anschrift;
  std::optional<std::string> telefon;
  std::optional<std::string> telefax;
  std::string email;
  std::optional<Bankverbindung> bankverbindung;
  std::optional<std::string> adac_partnernummer;
  std::optional<AdacAgbAkzeptiert> adac_agb_akzeptiert;
};

/// A firm (kanzlei_id + benutzer + kanzlei) or an insurer (versicherer_bafin).
struct Absender {
  std::optional<std::string> kanzlei_id;
  std::optional<std::string> benutzer;
  std::optional<Kanzlei> kanzlei;
  std::optional<std::string> versicherer_bafin;
  std::optional<std::string> versicherer_name;
};

struct Kopf {
  std::string nachricht_id;  ///< lower-case UUID
  std::string art;           ///< Deckungsanfrage, Schadenmeldung, Nachreichung, Deckungsentscheidung, Rueckfrage, Mandat
  std::string erstellt;      ///< RFC 3339
  Absender absender;
  std::optional<std::string> empfaenger_bafin;
  std::optional<std::string> empfaenger_kanzlei_id;
  std::optional<std::string> aktenzeichen;
  std::optional<std::string> vorgang;
  std::optional<std::string> bezug_nachricht_id;
};

struct Deckungsanfrage {
  std::string struktur = "voll";  ///< voll | teil
  std::string versicherungsscheinnummer;
  std::optional<std::string> schadennummer;
  Person versicherungsnehmer;
  std::optional<Person> mandant;
  std::string rechtsgebiet;
  std::string ereignisdatum;
  std::string umfang;
  std::optional<Person> gegner;
  std::optional<std::int64_t> gegenstandswert_cents;
  std::string sachverhalt;
};

struct Schadenposition {
  std::string art;
  std::int64_t betrag_cents = 0;
};

struct Schadenmeldung {
  std::string risikoart = "erstmeldung";  ///< erstmeldung | folgekorrespondenz
  std::string schadentag;
  std::string schadenort;
  std::optional<std::string> kennzeichen_gegner;
  std::optional<std::string> versicherungsscheinnummer;
  std::optional<std::string> schadennummer;
  Person geschaedigter;
  std::vector<Schadenposition> schadenpositionen;
  std::string sachverhalt;
};

struct Nachreichung {
  std::string anlass;  ///< antwort-rueckfrage, dokumente, deckungserweiterung, sonstiges
  std::optional<std::string> umfang;
  std::string text;
};

struct Deckungsentscheidung {
  std::string ergebnis;  ///< zusage, teilzusage, ablehnung
  std::optional<std::string> schadennummer;
  std::optional<std::string> umfang;
  std::optional<std::int64_t> selbstbeteiligung_cents;
  std::optional<std::string> begruendung;
};

struct Rueckfrage {
  std::optional<std::string> schadennummer;
  std::string text;
  std::optional<std::string> antwort_bis;
};

struct Mandat {
  std::string schadennummer;
  std::optional<std::string> versicherungsscheinnummer;
  std::string rechtsgebiet;
  std::vector<Beteiligter> beteiligte;
  std::string sachverhalt;
};

struct Anlage {
  std::string dateiname;
  std::string mimetyp;
  std::string inhalt;  ///< the decoded bytes
};

using Body = std::variant<Deckungsanfrage, Schadenmeldung, Nachreichung, Deckungsentscheidung, Rueckfrage, Mandat>;

struct Nachricht {
  Kopf kopf;
  Body body;
  std::vector<Anlage> anlagen;
};

// service answers

struct Eingangsbestaetigung {
  std::string nachricht_id;
  std::string vorgang;
  std::string empfangen;
};

struct Fehler {
  std::string code;  ///< SCHEMA, ZUGANG, NICHT_FREIGESCHALTET, UNBEKANNT, IDEMPOTENZ, ZU_GROSS, VALIDIERUNG, ANFORDERUNG, DROSSELUNG, SERVER
  std::optional<std::string> feld;
  std::string text;
};

struct Pong {
  std::string kanzlei_id;
  std::string benutzer;
  std::string serverzeit;
};

struct Versicherer {
  std::string bafin;
  std::string name;
  bool rechtsschutz = false;
  bool schaden = false;
  std::string deckungsanfrage;  ///< voll, teil, keine
  std::optional<std::string> vsnr_muster;
  std::vector<std::string> anforderungen;  ///< bankverbindung, adac-partnernummer, adac-agb
};

struct VersichererListe {
  std::string stand;
  std::vector<Versicherer> versicherer;
};

struct PostfachEintrag {
  std::string id;
  Nachricht nachricht;
  std::string xml;  ///< the entry's Nachricht as received, to be stored verbatim
};

struct Postfach {
  std::string naechster;
  bool mehr = false;
  std::vector<PostfachEintrag> eintraege;
};

struct ZentralrufAnfrage {
  std::string kennzeichen;
  std::string schadentag;
  std::optional<std::string> unfallland;
};

struct ZentralrufAuskunft {
  std::string bafin;
  std::string name;
  std::string versicherungsscheinnummer;
  std::optional<std::string> vertragsende;
};

}  // namespace ecadm::econsult
