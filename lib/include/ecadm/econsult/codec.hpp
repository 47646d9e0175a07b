#pragma once
// The protocol codec (pugixml): builds every outbound body and parses every inbound
// one. Input is untrusted: parse_* refuse a DOCTYPE, more than one root, invalid
// UTF-8, nesting deeper than 64, a body over 20 MiB, and an attachment whose size or
// SHA-256 does not match, each with ProtocolError, never a crash.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "ecadm/econsult/messages.hpp"

namespace ecadm::econsult {

inline constexpr std::string_view k_namespace = "urn:ecadm:econsult:1";
inline constexpr std::size_t k_max_body = 20u * 1024 * 1024;
inline constexpr int k_max_depth = 64;

/// A body that is not what the protocol allows. what() says what and where.
class ProtocolError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Encoding. Each returns a complete UTF-8 document (`<?xml ...?>`, namespace
// k_namespace, elements in the schema's order). Money is written from cents with two
// places and waehrung="EUR"; attachments as base64 with groesse and sha256 computed.
// They throw ProtocolError when the struct cannot be expressed in the schema (a Person
// with neither Vorname+Nachname nor Bezeichnung, an empty element text, a Kopf/Art that
// contradicts the body, no Empfaenger, a string that is not valid UTF-8 or holds a
// control character, more repetitions than the schema allows, a body over k_max_body).
// Field formats (IBAN, dates, lengths, patterns) are the caller's to validate.

/// Encodes a `<Nachricht version="1">`; Kopf/Art may be empty (it is taken from the body).
std::string encode(const Nachricht& message);
/// Encodes a `<ZentralrufAnfrage>` (Kennzeichen, Schadentag, optional Unfallland).
std::string encode(const ZentralrufAnfrage& request);
/// Encodes an `<Eingangsbestaetigung nachrichtId vorgang empfangen/>` (sandbox, tests).
std::string encode(const Eingangsbestaetigung& answer);
/// Encodes a `<Fehler code feld><Text/></Fehler>` (sandbox, tests).
std::string encode(const Fehler& answer);
/// Encodes a `<Pong kanzleiId benutzer serverzeit/>` (sandbox, tests).
std::string encode(const Pong& answer);
/// Encodes a `<VersichererListe stand>` with one `<Versicherer>` per entry (sandbox, tests).
std::string encode(const VersichererListe& answer);
/// Encodes a `<Postfach naechster mehr>`; each Eintrag's Nachricht is encoded from
/// PostfachEintrag::nachricht (PostfachEintrag::xml is ignored) (sandbox, tests).
std::string encode(const Postfach& answer);
/// Encodes a `<ZentralrufAuskunft>` (sandbox, tests).
std::string encode(const ZentralrufAuskunft& answer);

// Parsing. Input is untrusted. Each parse_* first checks the raw bytes (size at most
// k_max_body, valid UTF-8 without control characters, no DOCTYPE or ENTITY), then the
// tree (well-formed, exactly one root element with the expected name in k_namespace,
// nesting at most k_max_depth, elements in the schema's order, required elements and
// attributes present, no unknown elements, enumerations, dates, UUIDs and amounts well
// formed, attachments whose decoded size and SHA-256 match groesse and sha256).
// Every failure is a ProtocolError naming the element or attribute.

/// Parses a `<Nachricht>` of any of the six kinds, Anlagen decoded and checked.
Nachricht parse_nachricht(std::string_view xml);
/// Parses a `<ZentralrufAnfrage>`.
ZentralrufAnfrage parse_zentralruf_anfrage(std::string_view xml);
/// Parses an `<Eingangsbestaetigung>` (the answer to POST /nachrichten).
Eingangsbestaetigung parse_eingangsbestaetigung(std::string_view xml);
/// Parses a `<Fehler>` (the body of every non-2xx answer).
Fehler parse_fehler(std::string_view xml);
/// Parses a `<Pong>` (the answer to GET /ping).
Pong parse_pong(std::string_view xml);
/// Parses a `<VersichererListe>` (the answer to GET /versicherer).
VersichererListe parse_versicherer_liste(std::string_view xml);
/// Parses a `<Postfach>`; each PostfachEintrag::xml holds that entry's Nachricht as a
/// standalone document (same content, namespace declared on it), ready to be stored
/// and parsed again with parse_nachricht.
Postfach parse_postfach(std::string_view xml);
/// Parses a `<ZentralrufAuskunft>` (the answer to POST /zentralruf/auskunft).
ZentralrufAuskunft parse_zentralruf_auskunft(std::string_view xml);

// Helpers, public for the store and the sandbox.

/// The element name of the body a Nachricht holds ("Deckungsanfrage", ... "Mandat").
std::string_view art_of(const Body& body);
/// Standard base64 (RFC 4648, with padding) of bytes.
std::string base64_encode(std::string_view bytes);
/// Decodes standard base64, ignoring whitespace. Throws ProtocolError when it is not base64.
std::string base64_decode(std::string_view text);
/// Lower-case hex SHA-256 of bytes.
std::string sha256_hex(std::string_view bytes);

}  // namespace ecadm::econsult
