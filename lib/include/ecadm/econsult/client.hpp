#pragma once
// The e.Consult client: one method per endpoint of protocol/ECONSULT.md. It builds the
// request (Basic auth, EC-Kanzlei-Id, Content-Type), sends it through a Transport,
// classifies the answer by the error table and parses a success with the codec.
#include <optional>
#include <string>
#include <string_view>

#include "ecadm/econsult/messages.hpp"
#include "ecadm/econsult/transport.hpp"

namespace ecadm::econsult {

/// The firm's e.Consult access (Postfach credentials).
struct Credentials {
  std::string kanzlei_id;
  std::string username;
  std::string password;
};

/// The firm's Zentralruf access, sent as HTTP Basic to /zentralruf/*.
struct ZentralrufCredentials {
  std::string username;
  std::string password;
};

/// Which service answered; selects the hints (e.g. which credentials to set).
enum class Service { econsult, zentralruf };

enum class Verdict { success, permanent, temporary };

/// What an answer means for the caller (ECONSULT.md "Errors"), with the error it
/// becomes when it is not a success.
struct Outcome {
  Verdict verdict = Verdict::success;
  long status = 0;
  std::string code;   ///< the server's Fehler code, or "" when the body held none
  std::string field;  ///< the server's `feld`, or ""
  std::string text;   ///< the server's Text, or ""
  std::optional<int> retry_after_seconds;
  std::string message;  ///< for Rejected / Temporary, in the style of STYLE.md rule 6
  std::string hint;
};

/// Classifies an answer: 2xx success; 408, 429, 500, 502, 503, 504 temporary (with
/// Retry-After in seconds when given); every other status permanent. `fehler` is the
/// parsed Fehler body, if the body was one. Pure: no I/O, never throws.
Outcome classify(const HttpResponse& response, const std::optional<Fehler>& fehler,
                 Service service = Service::econsult);

/// Throws the error an outcome stands for: Rejected (server code and field attached) for
/// a permanent one, Temporary (retry_after_seconds attached) for a temporary one.
/// Throws Failure when called with a success.
[[noreturn]] void raise(const Outcome& outcome);

/// Reads Retry-After given in seconds ("120"); nullopt for anything else.
std::optional<int> parse_retry_after(std::string_view value);

/// The answer to POST /nachrichten: the confirmation, and whether it is new (201) or
/// the repeat of an earlier delivery with the same Idempotency-Key (200).
struct Sendebestaetigung {
  Eingangsbestaetigung bestaetigung;
  bool wiederholt = false;
};

/// The client. Holds no connection itself (the Transport does); cheap to construct.
/// Every method throws Rejected for a permanent refusal, Temporary when e.Consult is
/// unreachable, throttled or failing or answered a 2xx that does not parse, and NotReady
/// (before sending) when a credential needed is empty.
class Client {
 public:
  Client(Transport& transport, Credentials credentials);

  /// GET /ping: checks credentials and endpoint.
  Pong ping();
  /// GET /versicherer: the directory of participating insurers.
  VersichererListe versicherer();
  /// POST /nachrichten with `Idempotency-Key: nachricht_id`; `xml` is the encoded
  /// Nachricht. Throws InvalidData when `xml` is over 20 MiB (nothing is sent).
  Sendebestaetigung post_nachricht(const std::string& nachricht_id, const std::string& xml);
  /// GET /postfach?nach=CURSOR&max=N. Throws InvalidData when max is not 1..500.
  Postfach postfach(const std::optional<std::string>& nach = std::nullopt, int max = 50);
  /// POST /postfach/{id}/quittung: acknowledges a mailbox entry (twice is fine).
  void quittung(const std::string& eintrag_id);
  /// POST /zentralruf/auskunft with the Zentralruf credentials (no e.Consult headers).
  /// Throws NotFound when the Zentralruf has no data for the plate and day (404).
  ZentralrufAuskunft zentralruf(const std::string& anfrage_xml, const ZentralrufCredentials& credentials);

 private:
  HttpRequest request(Method method, std::string target, std::string body = {}) const;
  /// Sends, and returns the response when it is a success; throws as classified.
  HttpResponse exchange(const HttpRequest& request, Service service, bool not_found_is_not_found = false);

  Transport& m_transport;
  Credentials m_credentials;
};

}  // namespace ecadm::econsult
