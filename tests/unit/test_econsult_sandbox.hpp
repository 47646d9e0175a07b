#pragma once
// Helpers for the client <-> sandbox tests (test_econsult_sandbox*.cpp): a started
// sandbox with a real CurlTransport + Client on it, sample outbound messages built
// from the structs, and plain requests to the sandbox's control API.
#include <doctest/doctest.h>

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <typeinfo>
#include <vector>

#include "ecadm/econsult/client.hpp"
#include "ecadm/econsult/codec.hpp"
#include "ecadm/econsult/transport.hpp"
#include "ecadm/error.hpp"
#include "sandbox_process.hpp"
#include "test_support.hpp"

namespace ecadm::test {

inline constexpr const char* k_kanzlei = "K-104233";
inline constexpr const char* k_user = "a.berger";
inline constexpr const char* k_password = "geheim";
inline const econsult::ZentralrufCredentials k_zentralruf{"zr", "zrpw"};

/// The sandbox arguments every test uses (one firm account, one Zentralruf account),
/// followed by `extra`.
inline std::vector<std::string> sandbox_args(std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"--account", std::string(k_kanzlei) + ":" + k_user + ":" + k_password,
                                "--zentralruf-account", k_zentralruf.username + ":" + k_zentralruf.password};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

/// Transport settings for a loopback sandbox: production values, shorter timeouts.
inline econsult::TransportOptions sandbox_transport_options(const std::string& url) {
  econsult::TransportOptions o;
  o.base_url = url;
  o.connect_timeout = std::chrono::seconds(2);
  o.request_timeout = std::chrono::seconds(10);
  return o;
}

inline econsult::Credentials firm_credentials(const std::string& password = k_password) {
  return {k_kanzlei, k_user, password};
}

/// A started sandbox and a Client on it. Members are destroyed in reverse order: the
/// transport (and its kept-alive connection) goes before the sandbox is stopped.
struct SandboxClient {
  using Tweak = std::function<void(econsult::TransportOptions&)>;
  explicit SandboxClient(std::vector<std::string> extra = {}, const Tweak& tweak = {},
                         econsult::Credentials credentials = firm_credentials())
      : sandbox(sandbox_args(std::move(extra))),
        transport(options(sandbox.url(), tweak)),
        client(transport, std::move(credentials)) {}

  SandboxProcess sandbox;
  econsult::CurlTransport transport;
  econsult::Client client;

 private:
  static econsult::TransportOptions options(const std::string& url, const Tweak& tweak) {
    auto o = sandbox_transport_options(url);
    if (tweak) tweak(o);
    return o;
  }
};

/// A fresh random lower-case UUID (version 4), so that no two tests share an id.
inline std::string fresh_id() {
  static std::mt19937_64 random{std::random_device{}()};
  const unsigned long long high = (random() & 0xffffffffffff0fffULL) | 0x4000ULL;
  const unsigned long long low = (random() & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
  char text[37];
  std::snprintf(text, sizeof text, "%08llx-%04llx-%04llx-%04llx-%012llx", high >> 32, (high >> 16) & 0xffff,
                high & 0xffff, low >> 48, low & 0xffffffffffffULL);
  return text;
}

/// The sending firm as tests/data/examples/deckungsanfrage.xml has it (ADAC partner
/// number and accepted ADAC terms, no bank account).
inline econsult::Kopf sender_kopf(const std::string& id, const std::string& bafin) {
  econsult::Kopf k;
  k.nachricht_id = id;
  k.erstellt = "2026-12-03T09:15:00Z";
  k.absender.kanzlei_id = k_kanzlei;
  k.absender.benutzer = k_user;
  econsult::Kanzlei kanzlei;
  kanzlei.bezeichnung = "Kanzlei Berger & Kollegen";
  kanzlei.anschrift = {"Karl-Liebknecht-Straße", "12", "04107", "Leipzig", "DE"};
  kanzlei.telefon = "+49 341 1234567";
  kanzlei.email = "kanzlei@berger-kollegen.example";
  kanzlei.adac_partnernummer = "ADAC-778812";
  kanzlei.adac_agb_akzeptiert = econsult::AdacAgbAkzeptiert{"2026-01", "2026-11-20T10:02:11Z"};
  k.absender.kanzlei = kanzlei;
  k.empfaenger_bafin = bafin;
  k.aktenzeichen = "112/26";
  return k;
}

/// A valid Deckungsanfrage with id `id` to `bafin`, modelled on
/// tests/data/examples/deckungsanfrage.xml (policy number RS-4471-2290, one attachment).
inline econsult::Nachricht deckungsanfrage(const std::string& id, const std::string& bafin = "5826") {
  econsult::Deckungsanfrage b;
  b.struktur = "voll";
  b.versicherungsscheinnummer = "RS-4471-2290";
  b.versicherungsnehmer.vorname = "Jana";
  b.versicherungsnehmer.nachname = "Schulze";
  b.versicherungsnehmer.anschrift = econsult::Anschrift{"Lindenauer Markt", "3", "04177", "Leipzig", "DE"};
  b.rechtsgebiet = "arbeitsrecht";
  b.ereignisdatum = "2026-11-14";
  b.umfang = "aussergerichtlich";
  econsult::Person gegner;
  gegner.bezeichnung = "Muster Logistik GmbH";
  b.gegner = gegner;
  b.gegenstandswert_cents = 1050000;
  b.sachverhalt = "Ordentliche Kündigung vom 14.11.2026; Kündigungsschutzklage wird geprüft.";
  return {sender_kopf(id, bafin), b, {econsult::Anlage{"kuendigung.txt", "text/plain", "hello", {}}}};
}

/// A Nachreichung (documents sent later) with id `id` to `bafin`, naming `vorgang` if given.
inline econsult::Nachricht nachreichung(const std::string& id, std::optional<std::string> vorgang,
                                        const std::string& bafin = "5826") {
  econsult::Kopf k = sender_kopf(id, bafin);
  k.vorgang = std::move(vorgang);
  return {k, econsult::Nachreichung{"dokumente", std::nullopt, "Anbei das Kündigungsschreiben."}, {}};
}

/// A Schadenmeldung (the Zentralruf's answer for L-XY 4711 put to use) with id `id` to `bafin`,
/// modelled on tests/data/examples/schadenmeldung.xml.
inline econsult::Nachricht schadenmeldung(const std::string& id, const std::string& bafin = "5312") {
  econsult::Schadenmeldung b;
  b.schadentag = "2026-11-30";
  b.schadenort = "Leipzig, Jahnallee / Ecke Waldstraße";
  b.kennzeichen_gegner = "L-XY 4711";
  b.versicherungsscheinnummer = "KH-99812003";
  b.geschaedigter.vorname = "Tom";
  b.geschaedigter.nachname = "Richter";
  b.schadenpositionen = {{"reparaturkosten", 238050}, {"kostenpauschale", 2500}};
  b.sachverhalt = "Auffahrunfall an der Ampel.";
  return {sender_kopf(id, bafin), b, {}};
}

/// A plain request to the sandbox (no credentials), e.g. to its control API /_sandbox/*.
inline econsult::HttpResponse plain_request(const std::string& url, econsult::Method method, const std::string& target,
                                            std::string body = {}) {
  econsult::CurlTransport transport(sandbox_transport_options(url));
  econsult::HttpRequest request;
  request.method = method;
  request.target = target;
  request.body = std::move(body);
  return transport.perform(request);
}

/// GET /_sandbox/stats, parsed.
inline nlohmann::json sandbox_stats(const std::string& url) {
  const auto response = plain_request(url, econsult::Method::get, "/_sandbox/stats");
  REQUIRE(response.status == 200);
  return nlohmann::json::parse(response.body);
}

/// Whether `text` contains `part`.
inline bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace ecadm::test
