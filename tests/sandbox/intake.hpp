// The semantic checks of POST /nachrichten (after the body passed the XSD).
#pragma once

#include <pugixml.hpp>
#include <string>

#include "directory.hpp"
#include "state.hpp"

namespace ecadm::sandbox {

/// What the checks learnt about an acceptable outbound message.
struct Intake {
  std::string nachricht_id;
  std::string art;  ///< Deckungsanfrage, Schadenmeldung or Nachreichung
  const Insurer* insurer = nullptr;
  std::string aktenzeichen;  ///< empty when the Kopf has none
  std::string vorgang;       ///< the Kopf's Vorgang (required for a Nachreichung)
  std::string umfang;        ///< Deckungsanfrage/Umfang, if any
};

/// Checks an XSD-valid `<Nachricht>` sent by firm `kanzlei` under `idempotency_key`, in the order
/// ECONSULT.md gives: kind, NachrichtId = key, Absender = firm, Empfaenger exists and takes the kind
/// (and the Deckungsanfrage's struktur), policy number pattern, the insurer's requirements, for a
/// Nachreichung the Vorgang (the firm's, with this insurer) and the BezugNachrichtId of an answer,
/// attachments. Throws Refused (422 VALIDIERUNG/ANFORDERUNG, 404 UNBEKANNT for an unknown insurer)
/// naming the field.
Intake check_outbound(const pugi::xml_document& doc, const std::string& kanzlei, const std::string& idempotency_key,
                      const Directory& directory, State& state);

/// Checks every `Anlage` of the message: decoded size = groesse, SHA-256 = sha256; throws 422 feld=Anlage.
void check_attachments(const pugi::xml_node& nachricht);

}  // namespace ecadm::sandbox
