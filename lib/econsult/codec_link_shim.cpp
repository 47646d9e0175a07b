// TEMPORARY link shim until the codec branch lands: DELETE before the final commit.
#include "ecadm/econsult/codec.hpp"

namespace ecadm::econsult {
namespace {
[[noreturn]] void missing() { throw ProtocolError("codec not linked (shim)"); }
}  // namespace
Fehler parse_fehler(std::string_view) { missing(); }
Pong parse_pong(std::string_view) { missing(); }
VersichererListe parse_versicherer_liste(std::string_view) { missing(); }
Eingangsbestaetigung parse_eingangsbestaetigung(std::string_view) { missing(); }
Postfach parse_postfach(std::string_view) { missing(); }
ZentralrufAuskunft parse_zentralruf_auskunft(std::string_view) { missing(); }
}  // namespace ecadm::econsult
