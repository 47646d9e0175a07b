// econsult::Client against a fake Transport (what it sends, how it reads answers) and
// once against the loopback server through CurlTransport. Answer bodies are XML as the
// service sends them, so these cases use the codec.
#include <doctest/doctest.h>

#include <deque>

#include "ecadm/econsult/client.hpp"
#include "ecadm/error.hpp"
#include "test_econsult_transport_server.hpp"

using namespace ecadm;
using namespace ecadm::econsult;

namespace {

constexpr const char* k_id = "0b6f3c52-8f1e-4c2a-9d7e-2f1a3b4c5d6e";

/// Records every request and answers from a queue.
class FakeTransport : public Transport {
 public:
  HttpResponse perform(const HttpRequest& request) override {
    requests.push_back(request);
    if (answers.empty()) throw std::logic_error("FakeTransport: no answer queued");
    HttpResponse answer = answers.front();
    answers.pop_front();
    return answer;
  }
  void answer(long status, std::string body, std::vector<std::pair<std::string, std::string>> headers = {}) {
    answers.push_back(HttpResponse{status, std::move(headers), std::move(body)});
  }
  std::optional<std::string> header(std::size_t index, const std::string& name) const {
    for (const auto& [key, value] : requests.at(index).headers)
      if (key == name) return value;
    return std::nullopt;
  }

  std::vector<HttpRequest> requests;
  std::deque<HttpResponse> answers;
};

Credentials credentials() {
  return {"K-104233", "anna", "geheim"};
}

std::string fehler(const std::string& code, const std::string& feld, const std::string& text) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Fehler xmlns=\"urn:ecadm:econsult:1\" code=\"" + code + "\"" +
         (feld.empty() ? "" : " feld=\"" + feld + "\"") + "><Text>" + text + "</Text></Fehler>";
}

}  // namespace

TEST_SUITE("econsult::Client") {
  TEST_CASE("ping: GET /ping with Basic auth, EC-Kanzlei-Id and Content-Type; returns the Pong") {
    FakeTransport transport;
    transport.answer(
        200,
        R"(<Pong xmlns="urn:ecadm:econsult:1" kanzleiId="K-104233" benutzer="anna" serverzeit="2026-12-03T19:00:00Z"/>)");
    Client client(transport, credentials());
    Pong pong = client.ping();
    CHECK(pong.kanzlei_id == "K-104233");
    CHECK(pong.benutzer == "anna");
    REQUIRE(transport.requests.size() == 1);
    const HttpRequest& r = transport.requests[0];
    CHECK(r.method == Method::get);
    CHECK(r.target == "/ping");
    REQUIRE(r.auth.has_value());
    CHECK(r.auth->username == "anna");
    CHECK(r.auth->password == "geheim");
    CHECK(transport.header(0, "EC-Kanzlei-Id") == "K-104233");
    CHECK(transport.header(0, "Content-Type") == "application/xml");
  }

  TEST_CASE("post_nachricht: Idempotency-Key is the NachrichtId; 201 is new, 200 a repeat") {
    FakeTransport transport;
    const std::string confirmation =
        std::string(R"(<Eingangsbestaetigung xmlns="urn:ecadm:econsult:1" nachrichtId=")") + k_id +
        R"(" vorgang="EC-2026-000491" empfangen="2026-12-03T19:00:00Z"/>)";
    transport.answer(201, confirmation);
    transport.answer(200, confirmation);
    Client client(transport, credentials());
    Sendebestaetigung first = client.post_nachricht(k_id, "<Nachricht/>");
    CHECK(first.bestaetigung.vorgang == "EC-2026-000491");
    CHECK_FALSE(first.wiederholt);
    CHECK(client.post_nachricht(k_id, "<Nachricht/>").wiederholt);
    CHECK(transport.requests[0].method == Method::post);
    CHECK(transport.requests[0].target == "/nachrichten");
    CHECK(transport.requests[0].body == "<Nachricht/>");
    CHECK(transport.header(0, "Idempotency-Key") == k_id);
    CHECK(transport.header(0, "EC-Kanzlei-Id") == "K-104233");
  }

  TEST_CASE("post_nachricht: refuses a malformed id and a body over 20 MiB without sending") {
    FakeTransport transport;
    Client client(transport, credentials());
    CHECK_THROWS_AS(client.post_nachricht("0B6F3C52-8F1E-4C2A-9D7E-2F1A3B4C5D6E", "<Nachricht/>"), InvalidData);
    CHECK_THROWS_AS(client.post_nachricht("no-uuid", "<Nachricht/>"), InvalidData);
    CHECK_THROWS_AS(client.post_nachricht(k_id, std::string(k_max_body + 1, 'x')), InvalidData);
    CHECK(transport.requests.empty());
  }

  TEST_CASE("post_nachricht: 422 VALIDIERUNG is Rejected with the server's code, field and text") {
    FakeTransport transport;
    transport.answer(422, fehler("VALIDIERUNG", "Versicherungsscheinnummer",
                                 "Die Versicherungsscheinnummer passt nicht zum Muster des Versicherers."));
    Client client(transport, credentials());
    try {
      client.post_nachricht(k_id, "<Nachricht/>");
      FAIL("expected Rejected");
    } catch (const Rejected& e) {
      CHECK(e.server_code() == "VALIDIERUNG");
      CHECK(e.field() == "Versicherungsscheinnummer");
      CHECK(std::string(e.what()) ==
            "e.Consult refused the request: VALIDIERUNG (Versicherungsscheinnummer): Die Versicherungsscheinnummer "
            "passt nicht zum Muster des Versicherers");
    }
  }

  TEST_CASE("post_nachricht: a 2xx whose body does not parse is Temporary") {
    FakeTransport transport;
    transport.answer(201, "<Eingangsbestaetigung");
    Client client(transport, credentials());
    CHECK_THROWS_AS(client.post_nachricht(k_id, "<Nachricht/>"), Temporary);
  }

  TEST_CASE("versicherer: 429 with Retry-After is Temporary with the delay; 401 names set-credentials") {
    FakeTransport transport;
    transport.answer(429, fehler("DROSSELUNG", "", "Zu viele Anfragen."), {{"Retry-After", "30"}});
    transport.answer(401, fehler("ZUGANG", "", "Unbekannte Kanzlei-ID."));
    Client client(transport, credentials());
    try {
      client.versicherer();
      FAIL("expected Temporary");
    } catch (const Temporary& e) {
      CHECK(e.retry_after_seconds() == 30);
    }
    try {
      client.versicherer();
      FAIL("expected Rejected");
    } catch (const Rejected& e) {
      CHECK(e.server_code() == "ZUGANG");
      CHECK(e.hint().find("ecadm postfach set-credentials") != std::string::npos);
    }
    CHECK(transport.requests[0].target == "/versicherer");
  }

  TEST_CASE("postfach: cursor and max in the query; max outside 1..500 is refused") {
    FakeTransport transport;
    transport.answer(200, R"(<Postfach xmlns="urn:ecadm:econsult:1" naechster="c-0002" mehr="true"/>)");
    transport.answer(200, R"(<Postfach xmlns="urn:ecadm:econsult:1" naechster="c-0002" mehr="false"/>)");
    Client client(transport, credentials());
    Postfach first = client.postfach(std::nullopt, 50);
    CHECK(first.mehr);
    CHECK(first.naechster == "c-0002");
    CHECK(client.postfach("c 2&x", 500).eintraege.empty());
    CHECK(transport.requests[0].target == "/postfach?max=50");
    CHECK(transport.requests[1].target == "/postfach?nach=c%202%26x&max=500");
    CHECK_THROWS_AS(client.postfach(std::nullopt, 0), InvalidData);
    CHECK_THROWS_AS(client.postfach(std::nullopt, 501), InvalidData);
    CHECK(transport.requests.size() == 2);
  }

  TEST_CASE("quittung: POST /postfach/{id}/quittung; 204 is success, 404 Rejected") {
    FakeTransport transport;
    transport.answer(204, "");
    transport.answer(404, fehler("UNBEKANNT", "", "Kein solcher Eintrag."));
    Client client(transport, credentials());
    client.quittung("pf-0001");
    CHECK(transport.requests[0].method == Method::post);
    CHECK(transport.requests[0].target == "/postfach/pf-0001/quittung");
    CHECK_THROWS_AS(client.quittung("pf/../x"), Rejected);
    CHECK(transport.requests[1].target == "/postfach/pf%2F..%2Fx/quittung");
  }

  TEST_CASE("zentralruf: Zentralruf credentials, no e.Consult header; 404 is NotFound; 401 names set-zentralruf") {
    FakeTransport transport;
    transport.answer(
        200,
        R"(<ZentralrufAuskunft xmlns="urn:ecadm:econsult:1"><Versicherer bafin="5312" name="Allianz Versicherungs-AG"/><Versicherungsscheinnummer>KH-99812003</Versicherungsscheinnummer></ZentralrufAuskunft>)");
    transport.answer(404, fehler("UNBEKANNT", "", "Keine Daten."));
    transport.answer(401, fehler("ZUGANG", "", "Falsch."));
    Client client(transport, credentials());
    const ZentralrufCredentials zr{"zr-user", "zr-pass"};
    ZentralrufAuskunft auskunft = client.zentralruf("<ZentralrufAnfrage/>", zr);
    CHECK(auskunft.bafin == "5312");
    CHECK(auskunft.versicherungsscheinnummer == "KH-99812003");
    const HttpRequest& r = transport.requests[0];
    CHECK(r.target == "/zentralruf/auskunft");
    CHECK(r.body == "<ZentralrufAnfrage/>");
    CHECK(r.auth->username == "zr-user");
    CHECK(r.auth->password == "zr-pass");
    CHECK_FALSE(transport.header(0, "EC-Kanzlei-Id").has_value());
    CHECK_THROWS_AS(client.zentralruf("<ZentralrufAnfrage/>", zr), NotFound);
    try {
      client.zentralruf("<ZentralrufAnfrage/>", zr);
      FAIL("expected Rejected");
    } catch (const Rejected& e) {
      CHECK(e.hint().find("ecadm settings set-zentralruf") != std::string::npos);
    }
  }

  TEST_CASE("credentials: an empty one is NotReady naming the command that sets it, nothing is sent") {
    FakeTransport transport;
    Client client(transport, Credentials{"K-104233", "anna", ""});
    try {
      client.ping();
      FAIL("expected NotReady");
    } catch (const NotReady& e) {
      CHECK(e.hint().find("ecadm postfach set-credentials") != std::string::npos);
    }
    Client zentralruf_only(transport, Credentials{});
    try {
      zentralruf_only.zentralruf("<ZentralrufAnfrage/>", ZentralrufCredentials{"zr-user", ""});
      FAIL("expected NotReady");
    } catch (const NotReady& e) {
      CHECK(e.hint().find("ecadm settings set-zentralruf") != std::string::npos);
    }
    CHECK(transport.requests.empty());
  }

  TEST_CASE("Client over CurlTransport: the server sees Basic auth and EC-Kanzlei-Id") {
    ecadm::test::LocalServer server;
    httplib::Request seen;
    server->Post("/ec/v1/postfach/pf-7/quittung", [&](const httplib::Request& request, httplib::Response& response) {
      seen = request;
      response.status = 204;
    });
    server.start();
    TransportOptions options;
    options.base_url = server.url() + "/ec/v1";
    CurlTransport transport(options);
    Client client(transport, credentials());
    client.quittung("pf-7");
    CHECK(seen.get_header_value("Authorization") == "Basic YW5uYTpnZWhlaW0=");  // anna:geheim
    CHECK(seen.get_header_value("EC-Kanzlei-Id") == "K-104233");
    CHECK(seen.get_header_value("Content-Type") == "application/xml");
  }
}
