// The e.Consult client against a misbehaving sandbox: 5xx and 429 with Retry-After, a dropped
// connection after intake (and the safe retry across a restart), a server that stalls,
// an answer over the size cap, and HTTPS with a CA made at test time. Also the
// SandboxProcess fixture itself.
#include <doctest/doctest.h>
#include <signal.h>

#include <cerrno>

#include "test_econsult_sandbox.hpp"
#include "test_pki.hpp"
#include "test_support.hpp"

using namespace ecadm;
using namespace ecadm::econsult;
using namespace ecadm::test;

TEST_SUITE("econsult::Client against the sandbox") {
  TEST_CASE("--fail-rate 1: 503 SERVER is Temporary with Retry-After 1; nothing is taken in") {
    SandboxClient s({"--fail-rate", "1"});
    const Nachricht message = deckungsanfrage(fresh_id());
    const Temporary e = thrown<Temporary>([&] { s.client.post_nachricht(message.kopf.nachricht_id, encode(message)); });
    CHECK(e.code() == ExitCode::temporary);
    CHECK(e.retry_after_seconds() == 1);
    CHECK(has(e.what(), "temporarily unavailable"));
    CHECK(has(e.hint(), "try again in 1 second;"));
    const auto stats = sandbox_stats(s.sandbox.url());
    CHECK(stats["messages"][message.kopf.nachricht_id]["posted"] == 1);
    CHECK(stats["messages"][message.kopf.nachricht_id]["accepted"] == false);
  }

  TEST_CASE("--fail-status 500, 502, 504: the --fail-rate answer is Temporary SERVER with Retry-After 1") {
    for (const char* status : {"500", "502", "504"}) {
      CAPTURE(status);
      SandboxClient s({"--fail-rate", "1", "--fail-status", status});
      const Nachricht message = deckungsanfrage(fresh_id());
      const Temporary e =
          thrown<Temporary>([&] { s.client.post_nachricht(message.kopf.nachricht_id, encode(message)); });
      CHECK(e.code() == ExitCode::temporary);
      CHECK(e.retry_after_seconds() == 1);
      CHECK(has(e.what(), "temporarily unavailable: SERVER"));
      CHECK(has(e.hint(), "try again in 1 second;"));
      CHECK(sandbox_stats(s.sandbox.url())["messages"][message.kopf.nachricht_id]["accepted"] == false);
    }
  }

  TEST_CASE("--fail-status 429: the --fail-rate answer is DROSSELUNG, Temporary with Retry-After 1") {
    SandboxClient s({"--fail-rate", "1", "--fail-status", "429"});
    const Nachricht message = deckungsanfrage(fresh_id());
    const Temporary e = thrown<Temporary>([&] { s.client.post_nachricht(message.kopf.nachricht_id, encode(message)); });
    CHECK(e.retry_after_seconds() == 1);
    CHECK(has(e.what(), "throttling requests: DROSSELUNG"));
    CHECK(s.client.ping().kanzlei_id == k_kanzlei);  // only POST /nachrichten fails
  }

  TEST_CASE("--drop-rate 1: no answer is Temporary though the message arrived; the retry is 200 with its Vorgang") {
    TempDir dir;
    const std::string state = (dir / "sandbox.db").string();
    const Nachricht message = deckungsanfrage(fresh_id());
    const std::string& id = message.kopf.nachricht_id;
    const std::string xml = encode(message);
    std::string vorgang;
    {
      SandboxClient s({"--drop-rate", "1", "--state", state});
      const Temporary e = thrown<Temporary>([&] { s.client.post_nachricht(id, xml); });
      CHECK(!e.retry_after_seconds());
      CHECK(has(e.what(), "e.Consult at 'http://127.0.0.1:"));
      const auto stats = sandbox_stats(s.sandbox.url());
      CHECK(stats["messages"][id]["posted"] == 1);
      CHECK(stats["messages"][id]["accepted"] == true);
      vorgang = stats["messages"][id]["vorgang"].get<std::string>();
      CHECK(vorgang.starts_with("EC-"));
    }
    SandboxClient s({"--state", state});  // restarted on the same state, no longer dropping
    const Sendebestaetigung sent = s.client.post_nachricht(id, xml);
    CHECK(sent.wiederholt);
    CHECK(sent.bestaetigung.vorgang == vorgang);
    const auto stats = sandbox_stats(s.sandbox.url());
    CHECK(stats["messages"][id]["posted"] == 2);
    CHECK(stats["messages"][id]["accepted"] == true);
    CHECK(stats["counters"]["vorgang"] == 1);  // taken in once, not delivered twice
  }

  TEST_CASE("--drop-rate 1 on a kept-alive connection: libcurl's one resend is a 200 repeat, taken in once") {
    SandboxClient s({"--drop-rate", "1"});
    s.client.ping();  // the POST below reuses this connection
    const Nachricht message = deckungsanfrage(fresh_id());
    // the dropped reused connection makes libcurl resend on a fresh one; the Idempotency-Key
    // turns that into a repeat, which the sandbox answers (it drops new messages only)
    const Sendebestaetigung sent = s.client.post_nachricht(message.kopf.nachricht_id, encode(message));
    CHECK(sent.wiederholt);
    const auto stats = sandbox_stats(s.sandbox.url());
    CHECK(stats["messages"][message.kopf.nachricht_id]["posted"] == 2);
    CHECK(stats["messages"][message.kopf.nachricht_id]["vorgang"] == sent.bestaetigung.vorgang);
    CHECK(stats["counters"]["vorgang"] == 1);
  }

  TEST_CASE("a server that stalls: --latency-ms beyond request_timeout is Temporary (no answer in time)") {
    SandboxClient s({"--latency-ms", "600"},
                    [](TransportOptions& o) { o.request_timeout = std::chrono::milliseconds(100); });
    const auto started = std::chrono::steady_clock::now();
    const Temporary e = thrown<Temporary>([&] { s.client.ping(); });
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::milliseconds(500));
    CHECK(has(e.what(), "no answer in time from e.Consult"));
    CHECK(!e.retry_after_seconds());
  }

  TEST_CASE("an answer over max_body is Temporary naming the limit") {
    SandboxClient s({}, [](TransportOptions& o) { o.max_body = 1024; });
    CHECK(s.client.ping().benutzer == k_user);  // a small answer passes
    const Temporary e = thrown<Temporary>([&] { s.client.versicherer(); });
    CHECK(has(e.what(), "answered with more than 1024 bytes"));
  }

  TEST_CASE("https: with the test CA the sandbox's certificate is verified; without it, Temporary naming TLS") {
    TestPki pki;
    SandboxClient s({"--tls-cert", pki.cert(), "--tls-key", pki.key()},
                    [&](TransportOptions& o) { o.cacert = pki.ca(); });
    CHECK(s.sandbox.url().starts_with("https://127.0.0.1:"));
    CHECK(s.client.ping().kanzlei_id == k_kanzlei);
    CHECK(s.client.versicherer().versicherer.size() == 24);

    CurlTransport untrusting(sandbox_transport_options(s.sandbox.url()));
    Client client(untrusting, firm_credentials());
    const Temporary e = thrown<Temporary>([&] { client.ping(); });
    CHECK(has(e.what(), "TLS connection to e.Consult at 'https://127.0.0.1:"));
    CHECK(has(e.hint(), "certificate"));
  }

  TEST_CASE("SandboxProcess: runs until stop(), which ends it cleanly; stop() twice is fine") {
    SandboxProcess sandbox(sandbox_args());
    const pid_t pid = sandbox.pid();
    REQUIRE(pid > 0);
    CHECK(::kill(pid, 0) == 0);
    CHECK(sandbox.stop() == 0);  // SIGTERM: exit status 0
    CHECK(sandbox.pid() == -1);
    CHECK(::kill(pid, 0) == -1);  // reaped: no such process any more
    CHECK(errno == ESRCH);
    CHECK(sandbox.stop() == 0);
  }

  TEST_CASE("SIGTERM with an idle kept-alive connection: the sandbox stops at once, not after the keep-alive") {
    SandboxClient s;
    CHECK(s.client.ping().kanzlei_id == k_kanzlei);  // libcurl keeps the connection open, idle
    const auto started = std::chrono::steady_clock::now();
    CHECK(s.sandbox.stop() == 0);
    const auto took = std::chrono::steady_clock::now() - started;
    CHECK(took < std::chrono::milliseconds(1000));  // httplib's keep-alive timeout is 5 s
    // the next request finds the connection closed and no server behind it
    CHECK(has(thrown<Temporary>([&] { s.client.ping(); }).what(), "e.Consult at 'http://127.0.0.1:"));
  }

  TEST_CASE("SandboxProcess: a sandbox that cannot start fails clearly, quoting its stderr") {
    try {
      SandboxProcess sandbox({"--fail-rate", "2"});
      FAIL("expected the start to fail");
    } catch (const std::runtime_error& e) {
      CHECK(has(e.what(), "ecadm-sandbox did not start"));
      CHECK(has(e.what(), "exit status 2"));
      CHECK(has(e.what(), "--fail-rate"));
    }
    CHECK_THROWS_WITH_AS(SandboxProcess({"--fail-status", "501"}), doctest::Contains("--fail-status"),
                         std::runtime_error);
  }
}
