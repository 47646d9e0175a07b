// CurlTransport over TLS against a loopback httplib::SSLServer whose certificate comes
// from a CA made with openssl for this test: verification is always on.
#include <doctest/doctest.h>

#include "ecadm/econsult/transport.hpp"
#include "ecadm/error.hpp"
#include "test_econsult_transport_server.hpp"
#include "test_pki.hpp"
#include "test_support.hpp"

using namespace ecadm;
using namespace ecadm::econsult;
using ecadm::test::LocalServer;
using ecadm::test::TempDir;
using ecadm::test::TestPki;

namespace {

std::unique_ptr<httplib::Server> tls_server(const TestPki& pki) {
  auto server = std::make_unique<httplib::SSLServer>(pki.cert().c_str(), pki.key().c_str());
  REQUIRE(server->is_valid());
  server->Get("/ping",
              [](const httplib::Request&, httplib::Response& response) { response.set_content("pong", "text/plain"); });
  return server;
}

HttpRequest ping() {
  HttpRequest request;
  request.target = "/ping";
  return request;
}

TransportOptions options_for(const std::string& url, std::optional<std::string> cacert) {
  TransportOptions o;
  o.base_url = url;
  if (cacert) o.cacert = *cacert;
  o.connect_timeout = std::chrono::seconds(5);
  o.request_timeout = std::chrono::seconds(10);
  return o;
}

}  // namespace

TEST_SUITE("econsult::CurlTransport") {
  TEST_CASE("https: a certificate from the configured CA is verified, by IP and by name, on one connection") {
    TestPki pki;
    LocalServer server(tls_server(pki));
    server.start();
    CurlTransport by_ip(options_for(server.url("https"), pki.ca()));
    CHECK(by_ip.perform(ping()).body == "pong");
    CHECK(by_ip.perform(ping()).body == "pong");
    CurlTransport by_name(options_for("https://localhost:" + std::to_string(server.port()), pki.ca()));
    CHECK(by_name.perform(ping()).status == 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(server.connections() == 2);
  }

  TEST_CASE("https: without the CA the certificate is not trusted: Temporary, naming TLS") {
    TestPki pki;
    LocalServer server(tls_server(pki));
    server.start();
    CurlTransport transport(options_for(server.url("https"), std::nullopt));
    try {
      transport.perform(ping());
      FAIL("expected Temporary");
    } catch (const Temporary& e) {
      CHECK(std::string(e.what()).starts_with("TLS connection to e.Consult at 'https://127.0.0.1:"));
      CHECK(e.hint().find("certificate") != std::string::npos);
    }
  }

  TEST_CASE("https: a certificate for another host is refused even from the trusted CA") {
    TestPki pki;
    LocalServer server(tls_server(pki), "127.0.0.2");  // the certificate names 127.0.0.1 and localhost only
    server.start();
    CurlTransport transport(options_for(server.url("https"), pki.ca()));
    CHECK_THROWS_AS(transport.perform(ping()), Temporary);
  }

  TEST_CASE("https: a CA file that cannot be read is invalid data naming the CA file") {
    TestPki pki;
    LocalServer server(tls_server(pki));
    server.start();
    CurlTransport transport(options_for(server.url("https"), (pki.dir / "missing.pem").string()));
    try {
      transport.perform(ping());
      FAIL("expected InvalidData");
    } catch (const InvalidData& e) {
      CHECK(e.field() == "CA file");
    }
  }
}
