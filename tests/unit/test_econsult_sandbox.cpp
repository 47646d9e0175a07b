// The e.Consult client against the real sandbox process (tests/sandbox): ping, the
// insurer directory, and POST /nachrichten through every refusal of the error table.
#include "test_econsult_sandbox.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace ecadm;
using namespace ecadm::econsult;
using namespace ecadm::test;

namespace {

/// Posts `message` (encoded with the codec) under its own NachrichtId.
Sendebestaetigung post(Client& client, const Nachricht& message) {
  return client.post_nachricht(message.kopf.nachricht_id, encode(message));
}

Rejected rejected_post(Client& client, const Nachricht& message) {
  return thrown<Rejected>([&] { post(client, message); });
}

}  // namespace

TEST_SUITE("econsult::Client against the sandbox") {
  TEST_CASE("ping: 200 with the caller's Kanzlei-ID, user and the server time") {
    SandboxClient s;
    CHECK(s.sandbox.url().starts_with("http://127.0.0.1:"));
    CHECK(s.sandbox.url().ends_with("/ec/v1"));
    const Pong pong = s.client.ping();
    CHECK(pong.kanzlei_id == k_kanzlei);
    CHECK(pong.benutzer == k_user);
    CHECK(pong.serverzeit.size() >= 20);
    CHECK(pong.serverzeit.ends_with("Z"));
  }

  TEST_CASE("ping: a wrong password or Kanzlei-ID is Rejected ZUGANG naming postfach set-credentials") {
    SandboxClient s({}, {}, firm_credentials("wrong-pw-4711"));
    const Rejected e = thrown<Rejected>([&] { s.client.ping(); });
    CHECK(e.code() == ExitCode::rejected);
    CHECK(e.server_code() == "ZUGANG");
    CHECK(has(e.what(), "e.Consult refused the request: ZUGANG"));
    CHECK(has(e.hint(), "ecadm postfach set-credentials"));
    CHECK(!has(e.what(), "wrong-pw-4711"));  // the password never appears

    Client other_firm(s.transport, Credentials{"K-999999", k_user, k_password});
    CHECK(thrown<Rejected>([&] { other_firm.ping(); }).server_code() == "ZUGANG");
  }

  TEST_CASE("a 401 names its scheme: WWW-Authenticate Basic, realm e.Consult (the Zentralruf its own)") {
    SandboxClient s;
    const HttpResponse ping = plain_request(s.sandbox.url(), Method::get, "/ping");
    CHECK(ping.status == 401);
    CHECK(ping.header("WWW-Authenticate") == std::optional<std::string>("Basic realm=\"e.Consult\""));
    CHECK(parse_fehler(ping.body).code == "ZUGANG");
    const HttpResponse zentralruf = plain_request(s.sandbox.url(), Method::post, "/zentralruf/auskunft", "<x/>");
    CHECK(zentralruf.status == 401);
    CHECK(zentralruf.header("WWW-Authenticate") == std::optional<std::string>("Basic realm=\"Zentralruf\""));
    CHECK(!plain_request(s.sandbox.url(), Method::get, "/_sandbox/stats").header("WWW-Authenticate"));
  }

  TEST_CASE("versicherer: the 24 insurers of the directory; ADAC 5826 with its pattern and requirements") {
    SandboxClient s;
    const VersichererListe liste = s.client.versicherer();
    CHECK(!liste.stand.empty());
    REQUIRE(liste.versicherer.size() == 24);
    auto adac = std::find_if(liste.versicherer.begin(), liste.versicherer.end(),
                             [](const Versicherer& v) { return v.bafin == "5826"; });
    REQUIRE(adac != liste.versicherer.end());
    CHECK(adac->name == "ADAC Rechtsschutzversicherungs-AG");
    CHECK(adac->rechtsschutz);
    CHECK(!adac->schaden);
    CHECK(adac->deckungsanfrage == "voll");
    CHECK(adac->vsnr_muster == std::optional<std::string>("^RS-[0-9]{4}-[0-9]{4}$"));
    CHECK(adac->anforderungen == std::vector<std::string>{"adac-partnernummer", "adac-agb"});
    auto rv = std::find_if(liste.versicherer.begin(), liste.versicherer.end(),
                           [](const Versicherer& v) { return v.bafin == "5836"; });
    REQUIRE(rv != liste.versicherer.end());
    CHECK(rv->anforderungen == std::vector<std::string>{"bankverbindung"});
    CHECK(!rv->vsnr_muster);
  }

  TEST_CASE("post_nachricht: a new Deckungsanfrage is 201 with a Vorgang; the same again is 200, same Vorgang") {
    SandboxClient s;
    const Nachricht message = deckungsanfrage(fresh_id());
    const Sendebestaetigung first = post(s.client, message);
    CHECK(!first.wiederholt);
    CHECK(first.bestaetigung.nachricht_id == message.kopf.nachricht_id);
    CHECK(first.bestaetigung.vorgang.starts_with("EC-"));
    CHECK(!first.bestaetigung.empfangen.empty());

    const Sendebestaetigung again = post(s.client, message);
    CHECK(again.wiederholt);
    CHECK(again.bestaetigung == first.bestaetigung);

    const auto stats = sandbox_stats(s.sandbox.url());
    const auto& entry = stats["messages"][message.kopf.nachricht_id];
    CHECK(entry["posted"] == 2);
    CHECK(entry["accepted"] == true);
    CHECK(stats["counters"]["vorgang"] == 1);  // one Vorgang: nothing was taken in twice
  }

  TEST_CASE("post_nachricht: the same id with another body is Rejected IDEMPOTENZ") {
    SandboxClient s;
    Nachricht message = deckungsanfrage(fresh_id());
    post(s.client, message);
    message.kopf.aktenzeichen = "113/26";
    const Rejected e = rejected_post(s.client, message);
    CHECK(e.server_code() == "IDEMPOTENZ");
    CHECK(has(e.hint(), "create the message anew"));
  }

  TEST_CASE("post_nachricht: an unknown insurer is Rejected UNBEKANNT on Empfaenger") {
    SandboxClient s;
    const Rejected e = rejected_post(s.client, deckungsanfrage(fresh_id(), "5999"));
    CHECK(e.server_code() == "UNBEKANNT");
    CHECK(e.field() == "Empfaenger");
    CHECK(has(e.hint(), "ecadm insurer sync"));
  }

  TEST_CASE("post_nachricht: a policy number off the insurer's pattern is VALIDIERUNG on Versicherungsscheinnummer") {
    SandboxClient s;
    Nachricht message = deckungsanfrage(fresh_id());
    std::get<Deckungsanfrage>(message.body).versicherungsscheinnummer = "RS-447-2290";
    const Rejected e = rejected_post(s.client, message);
    CHECK(e.server_code() == "VALIDIERUNG");
    CHECK(e.field() == "Versicherungsscheinnummer");
    CHECK(has(e.hint(), "correct Versicherungsscheinnummer"));
  }

  TEST_CASE("post_nachricht: ADAC without partner number or accepted terms is Rejected ANFORDERUNG") {
    SandboxClient s;
    Nachricht message = deckungsanfrage(fresh_id());
    message.kopf.absender.kanzlei->adac_partnernummer.reset();
    Rejected e = rejected_post(s.client, message);
    CHECK(e.server_code() == "ANFORDERUNG");
    CHECK(e.field() == "AdacPartnernummer");
    CHECK(has(e.hint(), "ecadm doctor"));

    message = deckungsanfrage(fresh_id());
    message.kopf.absender.kanzlei->adac_agb_akzeptiert.reset();
    e = rejected_post(s.client, message);
    CHECK(e.server_code() == "ANFORDERUNG");
    CHECK(e.field() == "AdacAgbAkzeptiert");
  }

  TEST_CASE("post_nachricht: R+V without bank account is ANFORDERUNG; with one it is accepted") {
    SandboxClient s;
    Nachricht message = deckungsanfrage(fresh_id(), "5836");
    const Rejected e = rejected_post(s.client, message);
    CHECK(e.server_code() == "ANFORDERUNG");
    CHECK(e.field() == "Bankverbindung");

    message = deckungsanfrage(fresh_id(), "5836");
    message.kopf.absender.kanzlei->bankverbindung = Bankverbindung{"Kanzlei Berger", "DE02120300000000202051", {}};
    CHECK(!post(s.client, message).wiederholt);
  }

  TEST_CASE("post_nachricht: a Nachreichung needs a Vorgang the firm knows; with one it joins that Vorgang") {
    SandboxClient s;
    Rejected e = rejected_post(s.client, nachreichung(fresh_id(), std::nullopt));
    CHECK(e.server_code() == "VALIDIERUNG");
    CHECK(e.field() == "Vorgang");

    e = rejected_post(s.client, nachreichung(fresh_id(), "EC-2026-999999"));
    CHECK(e.server_code() == "VALIDIERUNG");  // ECONSULT.md "Messages": 422, not 404
    CHECK(e.field() == "Vorgang");
    CHECK(has(e.hint(), "correct Vorgang"));

    const std::string vorgang = post(s.client, deckungsanfrage(fresh_id())).bestaetigung.vorgang;
    const Sendebestaetigung sent = post(s.client, nachreichung(fresh_id(), vorgang));
    CHECK(!sent.wiederholt);
    CHECK(sent.bestaetigung.vorgang == vorgang);
  }

  TEST_CASE("post_nachricht: a Nachreichung to another insurer than its Vorgang's is VALIDIERUNG on Empfaenger") {
    SandboxClient s;
    const std::string vorgang = post(s.client, deckungsanfrage(fresh_id())).bestaetigung.vorgang;  // ADAC 5826
    const Rejected e = rejected_post(s.client, nachreichung(fresh_id(), vorgang, "5801"));
    CHECK(e.server_code() == "VALIDIERUNG");
    CHECK(e.field() == "Empfaenger");
    CHECK(has(e.what(), vorgang));
    CHECK(sandbox_stats(s.sandbox.url())["counters"]["vorgang"] == 1);
  }

  TEST_CASE("post_nachricht: another firm's Vorgang is VALIDIERUNG on Vorgang, as an unknown one") {
    SandboxClient s({"--account", "K-2:b:pw2"});
    const std::string vorgang = post(s.client, deckungsanfrage(fresh_id())).bestaetigung.vorgang;
    Client other_firm(s.transport, Credentials{"K-2", "b", "pw2"});
    Nachricht message = nachreichung(fresh_id(), vorgang);
    message.kopf.absender.kanzlei_id = "K-2";
    const Rejected e = rejected_post(other_firm, message);
    CHECK(e.server_code() == "VALIDIERUNG");
    CHECK(e.field() == "Vorgang");
  }

  TEST_CASE("post_nachricht: an answer to a Rueckfrage without BezugNachrichtId is VALIDIERUNG on it") {
    SandboxClient s;
    const std::string vorgang = post(s.client, deckungsanfrage(fresh_id())).bestaetigung.vorgang;
    Nachricht antwort = nachreichung(fresh_id(), vorgang);
    std::get<Nachreichung>(antwort.body).anlass = "antwort-rueckfrage";
    const Rejected e = rejected_post(s.client, antwort);
    CHECK(e.server_code() == "VALIDIERUNG");
    CHECK(e.field() == "BezugNachrichtId");

    antwort.kopf.bezug_nachricht_id = fresh_id();
    CHECK(post(s.client, antwort).bestaetigung.vorgang == vorgang);
  }

  TEST_CASE("post_nachricht: struktur voll to an insurer that takes only teil is VALIDIERUNG on struktur") {
    SandboxClient s;
    Nachricht message = deckungsanfrage(fresh_id(), "5801");  // AUXILIA: deckungsanfrage teil
    REQUIRE(std::get<Deckungsanfrage>(message.body).struktur == "voll");
    const Rejected e = rejected_post(s.client, message);
    CHECK(e.server_code() == "VALIDIERUNG");
    CHECK(e.field() == "struktur");

    std::get<Deckungsanfrage>(message.body).struktur = "teil";
    message.kopf.nachricht_id = fresh_id();
    CHECK(!post(s.client, message).wiederholt);
    Nachricht to_voll = deckungsanfrage(fresh_id());  // ADAC takes voll, and teil as well
    std::get<Deckungsanfrage>(to_voll.body).struktur = "teil";
    CHECK(!post(s.client, to_voll).wiederholt);
  }

  TEST_CASE("post_nachricht: a Schadenmeldung to a liability insurer is taken in; to ADAC it is VALIDIERUNG") {
    SandboxClient s;
    const Sendebestaetigung sent = post(s.client, schadenmeldung(fresh_id()));
    CHECK(!sent.wiederholt);
    CHECK(sent.bestaetigung.vorgang.starts_with("EC-"));

    const Rejected e = rejected_post(s.client, schadenmeldung(fresh_id(), "5826"));
    CHECK(e.server_code() == "VALIDIERUNG");
    CHECK(e.field() == "Empfaenger");
  }

  TEST_CASE("post_nachricht: a message in another firm's name is VALIDIERUNG on KanzleiId") {
    SandboxClient s;
    Nachricht message = deckungsanfrage(fresh_id());
    message.kopf.absender.kanzlei_id = "K-999999";
    const Rejected e = rejected_post(s.client, message);
    CHECK(e.server_code() == "VALIDIERUNG");
    CHECK(e.field() == "KanzleiId");
  }

  TEST_CASE("post_nachricht: a body the schema refuses is Rejected SCHEMA (400)") {
    SandboxClient s;
    const Nachricht message = deckungsanfrage(fresh_id());
    std::string xml = encode(message);
    const std::string good = "<Rechtsgebiet>arbeitsrecht</Rechtsgebiet>";
    REQUIRE(has(xml, good));
    xml.replace(xml.find(good), good.size(), "<Rechtsgebiet>kein-gebiet</Rechtsgebiet>");
    const Rejected e = thrown<Rejected>([&] { s.client.post_nachricht(message.kopf.nachricht_id, xml); });
    CHECK(e.server_code() == "SCHEMA");
    CHECK(has(e.hint(), "ecadm --version"));
    CHECK(sandbox_stats(s.sandbox.url())["messages"][message.kopf.nachricht_id]["accepted"] == false);
  }

  TEST_CASE("a body over 20 MiB is 413 ZU_GROSS, which the client classifies as Rejected") {
    SandboxClient s;
    HttpRequest request;
    request.method = Method::post;
    request.target = "/nachrichten";
    request.headers = {
        {"Content-Type", "application/xml"}, {"EC-Kanzlei-Id", k_kanzlei}, {"Idempotency-Key", fresh_id()}};
    request.auth = BasicAuth{k_user, k_password};
    request.body.assign(k_max_body + 1, ' ');
    const HttpResponse response = s.transport.perform(request);
    CHECK(response.status == 413);
    const Fehler fehler = parse_fehler(response.body);
    CHECK(fehler.code == "ZU_GROSS");
    const Rejected e = thrown<Rejected>([&] { raise(classify(response, fehler)); });
    CHECK(e.server_code() == "ZU_GROSS");
    CHECK(has(e.hint(), "20 MiB"));
  }

  TEST_CASE("--throttle: requests beyond the limit are 429 DROSSELUNG, Temporary with Retry-After") {
    SandboxClient s({"--throttle", "1"});
    std::optional<Temporary> throttled;
    // two requests may straddle a second boundary; three cannot all pass
    for (int i = 0; i < 3 && !throttled; ++i) {
      try {
        s.client.ping();
      } catch (const Temporary& e) {
        throttled = e;
      }
    }
    REQUIRE(throttled);
    CHECK(throttled->code() == ExitCode::temporary);
    CHECK(throttled->retry_after_seconds() == 1);
    CHECK(has(throttled->what(), "throttling"));
    CHECK(has(throttled->what(), "DROSSELUNG"));
  }
}
