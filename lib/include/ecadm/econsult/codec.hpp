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

std::string encode(const Nachricht& message);
std::string encode(const ZentralrufAnfrage& request);
std::string encode(const Eingangsbestaetigung& answer);
std::string encode(const Fehler& answer);
std::string encode(const Pong& answer);
std::string encode(const VersichererListe& answer);
std::string encode(const Postfach& answer);
std::string encode(const ZentralrufAuskunft& answer);

Nachricht parse_nachricht(std::string_view xml);
ZentralrufAnfrage parse_zentralruf_anfrage(std::string_view xml);
Eingangsbestaetigung parse_eingangsbestaetigung(std::string_view xml);
Fehler parse_fehler(std::string_view xml);
Pong parse_pong(std::string_view xml);
VersichererListe parse_versicherer_liste(std::string_view xml);
Postfach parse_postfach(std::string_view xml);
ZentralrufAuskunft parse_zentralruf_auskunft(std::string_view xml);

}  // namespace ecadm::econsult
