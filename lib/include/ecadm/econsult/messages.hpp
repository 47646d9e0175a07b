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

  bool operator==(const Anschrift&) const = default;
};

struct Bankverbindung {
  std::string kontoinhaber;
  std::string iban;
  std::optional<std::string> bic;

  bool operator==(const Bankverbindung&) const = default;
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

  bool operator==(const Person&) const = default;
};

struct Beteiligter : Person {
  std::string rolle;  ///< mandant, versicherungsnehmer, gegner, fahrer, halter, zeuge, sonstiger

  bool operator==(const Beteiligter&) const = default;
};

struct AdacAgbAkzeptiert {
  std::string fassung;
  std::string am;  ///< RFC 3339

  bool operator==(const AdacAgbAkzeptiert&) const = default;
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

  bool operator==(const Kanzlei&) const = default;
};

/// A firm (kanzlei_id + benutzer + kanzlei) or an insurer (versicherer_bafin).
struct Absender {
  std::optional<std::string> kanzlei_id;
  std::optional<std::string> benutzer;
  std::optional<Kanzlei> kanzlei;
  std::optional<std::string> versicherer_bafin;
  std::optional<std::string> versicherer_name;

  bool operator==(const Absender&) const = default;
};

struct Kopf {
  std::string nachricht_id;  ///< lower-case UUID
  std::string art;       ///< Deckungsanfrage, Schadenmeldung, Nachreichung, Deckungsentscheidung, Rueckfrage, Mandat
  std::string erstellt;  ///< RFC 3339
  Absender absender;
  std::optional<std::string> empfaenger_bafin;
  std::optional<std::string> empfaenger_kanzlei_id;
  std::optional<std::string> aktenzeichen;
  std::optional<std::string> vorgang;
  std::optional<std::string> bezug_nachricht_id;

  bool operator==(const Kopf&) const = default;
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

  bool operator==(const Deckungsanfrage&) const = default;
};

struct Schadenposition {
  std::string art;
  std::int64_t betrag_cents = 0;

  bool operator==(const Schadenposition&) const = default;
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

  bool operator==(const Schadenmeldung&) const = default;
};

struct Nachreichung {
  std::string anlass;  ///< antwort-rueckfrage, dokumente, deckungserweiterung, sonstiges
  std::optional<std::string> umfang;
  std::string text;

  bool operator==(const Nachreichung&) const = default;
};

struct Deckungsentscheidung {
  std::string ergebnis;  ///< zusage, teilzusage, ablehnung
  std::optional<std::string> schadennummer;
  std::optional<std::string> umfang;
  std::optional<std::int64_t> selbstbeteiligung_cents;
  std::optional<std::string> begruendung;

  bool operator==(const Deckungsentscheidung&) const = default;
};

struct Rueckfrage {
  std::optional<std::string> schadennummer;
  std::string text;
  std::optional<std::string> antwort_bis;

  bool operator==(const Rueckfrage&) const = default;
};

struct Mandat {
  std::string schadennummer;
  std::optional<std::string> versicherungsscheinnummer;
  std::string rechtsgebiet;
  std::vector<Beteiligter> beteiligte;
  std::string sachverhalt;

  bool operator==(const Mandat&) const = default;
};

struct Anlage {
  std::string dateiname;  ///< as the sender named it: untrusted, never use it as a path
  std::string mimetyp;
  std::string inhalt;  ///< the decoded bytes
  /// Lower-case hex SHA-256 of inhalt: filled by parse (after checking it against the
  /// bytes); encode ignores it and always computes groesse and sha256 from inhalt.
  std::string sha256;

  bool operator==(const Anlage&) const = default;
};

using Body = std::variant<Deckungsanfrage, Schadenmeldung, Nachreichung, Deckungsentscheidung, Rueckfrage, Mandat>;

struct Nachricht {
  Kopf kopf;
  Body body;
  std::vector<Anlage> anlagen;

  bool operator==(const Nachricht&) const = default;
};

// service answers

struct Eingangsbestaetigung {
  std::string nachricht_id;
  std::string vorgang;
  std::string empfangen;

  bool operator==(const Eingangsbestaetigung&) const = default;
};

struct Fehler {
  std::string code;  ///< SCHEMA, ZUGANG, NICHT_FREIGESCHALTET, UNBEKANNT, IDEMPOTENZ, ZU_GROSS, VALIDIERUNG,
                     ///< ANFORDERUNG, DROSSELUNG, SERVER
  std::optional<std::string> feld;
  std::string text;

  bool operator==(const Fehler&) const = default;
};

struct Pong {
  std::string kanzlei_id;
  std::string benutzer;
  std::string serverzeit;

  bool operator==(const Pong&) const = default;
};

struct Versicherer {
  std::string bafin;
  std::string name;
  bool rechtsschutz = false;
  bool schaden = false;
  std::string deckungsanfrage;  ///< voll, teil, keine
  std::optional<std::string> vsnr_muster;
  std::vector<std::string> anforderungen;  ///< bankverbindung, adac-partnernummer, adac-agb

  bool operator==(const Versicherer&) const = default;
};

struct VersichererListe {
  std::string stand;
  std::vector<Versicherer> versicherer;

  bool operator==(const VersichererListe&) const = default;
};

struct PostfachEintrag {
  std::string id;
  Nachricht nachricht;
  std::string xml;  ///< the entry's Nachricht as received, to be stored verbatim

  bool operator==(const PostfachEintrag&) const = default;
};

struct Postfach {
  std::string naechster;
  bool mehr = false;
  std::vector<PostfachEintrag> eintraege;

  bool operator==(const Postfach&) const = default;
};

struct ZentralrufAnfrage {
  std::string kennzeichen;
  std::string schadentag;
  std::optional<std::string> unfallland;

  bool operator==(const ZentralrufAnfrage&) const = default;
};

struct ZentralrufAuskunft {
  std::string bafin;
  std::string name;
  std::string versicherungsscheinnummer;
  std::optional<std::string> vertragsende;

  bool operator==(const ZentralrufAuskunft&) const = default;
};

}  // namespace ecadm::econsult
