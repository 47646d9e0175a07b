// CurlTransport end to end against a loopback cpp-httplib server, and the error table
// (classify) on what came back. Fehler bodies are hand-made structs here: the codec is
// tested on its own.
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>

#include "ecadm/econsult/client.hpp"
#include "ecadm/econsult/transport.hpp"
#include "ecadm/error.hpp"
#include "test_econsult_transport_server.hpp"

using namespace ecadm;
using namespace ecadm::econsult;
using ecadm::test::LocalServer;

namespace {

TransportOptions options_for(const LocalServer& server, const std::string& path = "") {
  TransportOptions o;
  o.base_url = server.url() + path;
  o.connect_timeout = std::chrono::seconds(2);
  o.request_timeout = std::chrono::seconds(10);
  o.low_speed_time = std::chrono::seconds(5);
  return o;
}

/// Serves GET /status/N: answers status N with a Fehler-looking body and, when the query
/// has retry, a Retry-After header.
void serve_statuses(LocalServer& server) {
  server->Get(R"(/status/(\d+))", [](const httplib::Request& request, httplib::Response& response) {
    response.status = std::stoi(request.matches[1]);
    if (request.has_param("retry")) response.set_header("Retry-After", request.get_param_value("retry"));
    response.set_content("<Fehler xmlns=\"urn:ecadm:econsult:1\" code=\"X\"><Text>t</Text></Fehler>",
                         "application/xml");
  });
}

HttpRequest get(std::string target) {
  HttpRequest request;
  request.target = std::move(target);
  return request;
}

template <typename F>
std::chrono::milliseconds time_of(F&& f) {
  auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
}

}  // namespace

TEST_SUITE("econsult::classify") {
  TEST_CASE("classify: every permanent status of the error table is Rejected with the server's code and field") {
    LocalServer server;
    serve_statuses(server);
    server.start();
    CurlTransport transport(options_for(server));
    struct Row {
      long status;
      const char* code;
      const char* feld;
      const char* hint;
    };
    const Row rows[] = {
        {400, "SCHEMA", nullptr, "ecadm --version"},
        {401, "ZUGANG", nullptr, "ecadm postfach set-credentials"},
        {403, "NICHT_FREIGESCHALTET", nullptr, "enable the firm"},
        {404, "UNBEKANNT", nullptr, "ecadm insurer sync"},
        {409, "IDEMPOTENZ", nullptr, "create the message anew"},
        {413, "ZU_GROSS", nullptr, "20 MiB"},
        {422, "VALIDIERUNG", "Versicherungsscheinnummer", "correct Versicherungsscheinnummer"},
        {422, "ANFORDERUNG", "AdacPartnernummer", "ecadm doctor"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.code);
      HttpResponse response = transport.perform(get("/status/" + std::to_string(row.status)));
      REQUIRE(response.status == row.status);
      Fehler fehler{row.code, row.feld ? std::optional<std::string>(row.feld) : std::nullopt, "Der Grund."};
      Outcome outcome = classify(response, fehler);
      CHECK(outcome.verdict == Verdict::permanent);
      CHECK(outcome.code == row.code);
      CHECK(outcome.field == (row.feld ? row.feld : ""));
      CHECK(outcome.hint.find(row.hint) != std::string::npos);
      try {
        raise(outcome);
        FAIL("expected Rejected");
      } catch (const Rejected& e) {
        CHECK(e.code() == ExitCode::rejected);
        CHECK(e.server_code() == row.code);
        CHECK(e.field() == (row.feld ? row.feld : ""));
        CHECK(std::string(e.what()).starts_with("e.Consult refused the request: " + std::string(row.code)));
      }
    }
  }

  TEST_CASE("classify: the message quotes code, field and text without the full stop") {
    HttpResponse response{422, {}, {}};
    Fehler fehler{"VALIDIERUNG", "Versicherungsscheinnummer",
                  "Die Versicherungsscheinnummer passt nicht zum Muster des Versicherers."};
    Outcome outcome = classify(response, fehler);
    CHECK(outcome.message ==
          "e.Consult refused the request: VALIDIERUNG (Versicherungsscheinnummer): Die Versicherungsscheinnummer "
          "passt nicht zum Muster des Versicherers");
  }

  TEST_CASE("classify: 429 and 500/502/503/504 are Temporary and carry Retry-After") {
    LocalServer server;
    serve_statuses(server);
    server.start();
    CurlTransport transport(options_for(server));
    for (long status : {429L, 500L, 502L, 503L, 504L}) {
      CAPTURE(status);
      HttpResponse response = transport.perform(get("/status/" + std::to_string(status) + "?retry=42"));
      REQUIRE(response.status == status);
      CHECK(response.header("retry-after") == "42");
      Outcome outcome = classify(response, Fehler{status == 429 ? "DROSSELUNG" : "SERVER", {}, "Bitte warten."});
      CHECK(outcome.verdict == Verdict::temporary);
      CHECK(outcome.retry_after_seconds == 42);
      CHECK(outcome.hint.find("42 seconds") != std::string::npos);
      try {
        raise(outcome);
        FAIL("expected Temporary");
      } catch (const Temporary& e) {
        CHECK(e.code() == ExitCode::temporary);
        CHECK(e.retry_after_seconds() == 42);
      }
    }
    // without Retry-After: temporary, no delay
    Outcome plain = classify(transport.perform(get("/status/503")), std::nullopt);
    CHECK(plain.verdict == Verdict::temporary);
    CHECK_FALSE(plain.retry_after_seconds.has_value());
    CHECK(plain.message == "e.Consult is temporarily unavailable: HTTP 503");
  }

  TEST_CASE("classify: 2xx is a success") {
    for (long status : {200L, 201L, 204L})
      CHECK(classify(HttpResponse{status, {}, {}}, std::nullopt).verdict == Verdict::success);
    CHECK_THROWS_AS(raise(classify(HttpResponse{200, {}, {}}, std::nullopt)), Failure);
  }

  TEST_CASE("classify: without a Fehler body the status decides (a proxy's 401 page)") {
    Outcome outcome = classify(HttpResponse{401, {}, "<html>denied</html>"}, std::nullopt);
    CHECK(outcome.verdict == Verdict::permanent);
    CHECK(outcome.code.empty());
    CHECK(outcome.message == "e.Consult refused the request: HTTP 401");
    CHECK(outcome.hint.find("ecadm postfach set-credentials") != std::string::npos);
    CHECK(classify(HttpResponse{418, {}, {}}, std::nullopt).verdict == Verdict::permanent);
  }

  TEST_CASE("classify: Zentralruf refusals name the Zentralruf credentials") {
    Outcome outcome = classify(HttpResponse{401, {}, {}}, Fehler{"ZUGANG", {}, "Falsch."}, Service::zentralruf);
    CHECK(outcome.message == "e.Consult refused the Zentralruf request: ZUGANG: Falsch");
    CHECK(outcome.hint.find("ecadm settings set-zentralruf") != std::string::npos);
  }

  TEST_CASE("classify: server text loses control characters and is bounded") {
    Fehler fehler{"VALIDIERUNG", "Feld\x1b[31m", "Zeile 1\nZeile 2\x1b]0;x\x07" + std::string(1000, 'a')};
    Outcome outcome = classify(HttpResponse{422, {}, {}}, fehler);
    CHECK(outcome.message.find('\x1b') == std::string::npos);
    CHECK(outcome.message.find('\n') == std::string::npos);
    CHECK(outcome.message.size() < 600);
  }

  TEST_CASE("classify: a redirect is not followed and points at the endpoint") {
    LocalServer server;
    bool followed = false;
    server->Get("/moved",
                [](const httplib::Request&, httplib::Response& response) { response.set_redirect("/elsewhere", 301); });
    server->Get("/elsewhere", [&](const httplib::Request&, httplib::Response&) { followed = true; });
    server.start();
    CurlTransport transport(options_for(server));
    HttpResponse response = transport.perform(get("/moved"));
    CHECK(response.status == 301);
    CHECK_FALSE(followed);
    Outcome outcome = classify(response, std::nullopt);
    CHECK(outcome.verdict == Verdict::permanent);
    CHECK(outcome.hint.find("ecadm settings set-endpoint") != std::string::npos);
  }

  TEST_CASE("parse_retry_after: seconds only, clamped to a day") {
    CHECK(parse_retry_after("120") == 120);
    CHECK(parse_retry_after(" 5 ") == 5);
    CHECK(parse_retry_after("0") == 0);
    CHECK(parse_retry_after("99999999999") == 86400);
    CHECK_FALSE(parse_retry_after("-1").has_value());
    CHECK_FALSE(parse_retry_after("").has_value());
    CHECK_FALSE(parse_retry_after("Wed, 21 Oct 2026 07:28:00 GMT").has_value());
  }
}

TEST_SUITE("econsult::CurlTransport") {
  TEST_CASE("perform: sends method, path, headers, Basic auth and body; returns status, headers and body") {
    LocalServer server;
    httplib::Request seen;
    server->Post("/ec/v1/nachrichten", [&](const httplib::Request& request, httplib::Response& response) {
      seen = request;
      response.status = 201;
      response.set_header("X-Answer", "  padded  ");
      response.set_content("<ok/>", "application/xml");
    });
    server.start();
    CurlTransport transport(options_for(server, "/ec/v1/"));
    HttpRequest request{Method::post,
                        "/nachrichten",
                        {{"Content-Type", "application/xml"},
                         {"EC-Kanzlei-Id", "K-4711"},
                         {"Idempotency-Key", "0b6f3c52-8f1e-4c2a-9d7e-2f1a3b4c5d6e"}},
                        "<Nachricht/>",
                        BasicAuth{"kanzlei-user", "ge:heim"}};
    HttpResponse response = transport.perform(request);
    CHECK(response.status == 201);
    CHECK(response.body == "<ok/>");
    CHECK(response.header("x-answer") == "padded");
    CHECK(seen.method == "POST");
    CHECK(seen.body == "<Nachricht/>");
    CHECK(seen.get_header_value("Authorization") == "Basic a2FuemxlaS11c2VyOmdlOmhlaW0=");
    CHECK(seen.get_header_value("EC-Kanzlei-Id") == "K-4711");
    CHECK(seen.get_header_value("Idempotency-Key") == "0b6f3c52-8f1e-4c2a-9d7e-2f1a3b4c5d6e");
    CHECK(seen.get_header_value("Content-Type") == "application/xml");
    CHECK(seen.get_header_value("User-Agent") == std::string("ecadm/") + ECADM_VERSION);
    CHECK_FALSE(seen.has_header("Expect"));
  }

  TEST_CASE("perform: refuses header injection and a target outside the base URL before connecting") {
    LocalServer server;
    server.start();
    CurlTransport transport(options_for(server));
    HttpRequest injected = get("/ping");
    injected.headers = {{"EC-Kanzlei-Id", "K-1\r\nX-Evil: 1"}};
    CHECK_THROWS_AS(transport.perform(injected), Failure);
    CHECK_THROWS_AS(transport.perform(get("@evil.example.com/ping")), Failure);
    CHECK(server.connections() == 0);
  }

  TEST_CASE("perform: a request without auth sends no Authorization header") {
    LocalServer server;
    bool has_auth = true;
    server->Get("/ping", [&](const httplib::Request& request, httplib::Response& response) {
      has_auth = request.has_header("Authorization");
      response.status = 204;
    });
    server.start();
    CurlTransport transport(options_for(server));
    CHECK(transport.perform(get("/ping")).status == 204);
    CHECK_FALSE(has_auth);
  }

  TEST_CASE("perform: a loopback endpoint is reached directly, never through a proxy from the environment") {
    LocalServer server;
    server->Get("/ping", [](const httplib::Request&, httplib::Response& response) { response.status = 204; });
    server.start();
    LocalServer proxy;  // would see the Basic auth of a plain-http request if it were used
    bool proxied = false;
    proxy->set_pre_routing_handler([&](const httplib::Request&, httplib::Response& response) {
      proxied = true;
      response.status = 502;
      return httplib::Server::HandlerResponse::Handled;
    });
    proxy.start();
    const std::string proxy_url = proxy.url();
    for (const char* variable : {"http_proxy", "HTTP_PROXY", "ALL_PROXY"}) ::setenv(variable, proxy_url.c_str(), 1);
    ::unsetenv("no_proxy");
    ::unsetenv("NO_PROXY");
    CurlTransport transport(options_for(server));
    HttpRequest request = get("/ping");
    request.auth = BasicAuth{"chef", "geheim"};
    const long status = transport.perform(request).status;
    for (const char* variable : {"http_proxy", "HTTP_PROXY", "ALL_PROXY"}) ::unsetenv(variable);
    CHECK(status == 204);
    CHECK_FALSE(proxied);
  }

  TEST_CASE("perform: consecutive requests reuse one connection") {
    LocalServer server;
    server->Get("/ping",
                [](const httplib::Request&, httplib::Response& response) { response.set_content("p", "text/plain"); });
    server.start();
    {
      CurlTransport transport(options_for(server));
      for (int i = 0; i < 4; ++i) REQUIRE(transport.perform(get("/ping")).status == 200);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the logger runs after the answer
      CHECK(server.connections() == 1);
    }
    CurlTransport other(options_for(server));  // a second transport is a second connection
    REQUIRE(other.perform(get("/ping")).status == 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(server.connections() == 2);
  }

  TEST_CASE("perform: an answer over the cap is a Temporary error, with or without Content-Length") {
    LocalServer server;
    server->Get("/big", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(std::string(4096, 'x'), "application/xml");
    });
    server->Get("/exact", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(std::string(1024, 'x'), "application/xml");
    });
    server->Get("/chunked", [](const httplib::Request&, httplib::Response& response) {
      response.set_chunked_content_provider("application/xml", [](size_t offset, httplib::DataSink& sink) {
        if (offset >= 4096) {
          sink.done();
          return true;
        }
        std::string chunk(512, 'y');
        return sink.write(chunk.data(), chunk.size());
      });
    });
    server.start();
    TransportOptions options = options_for(server);
    options.max_body = 1024;
    CurlTransport transport(options);
    CHECK(transport.perform(get("/exact")).body.size() == 1024);
    for (const char* path : {"/big", "/chunked"}) {
      CAPTURE(path);
      try {
        transport.perform(get(path));
        FAIL("expected Temporary");
      } catch (const Temporary& e) {
        CHECK(std::string(e.what()).find("more than 1024 bytes") != std::string::npos);
      }
    }
    CHECK(transport.perform(get("/exact")).status == 200);  // the handle still works
  }

  TEST_CASE("perform: a server that stops sending is a Temporary error (low-speed limit)") {
    LocalServer server;
    server->Get("/trickle", [&](const httplib::Request&, httplib::Response& response) {
      response.set_chunked_content_provider("application/xml", [&](size_t offset, httplib::DataSink& sink) {
        if (offset == 0) return sink.write("<a>", 3);
        server.stall();
        return false;
      });
    });
    server.start();
    TransportOptions options = options_for(server);
    options.low_speed_time = std::chrono::seconds(1);
    options.request_timeout = std::chrono::seconds(30);
    CurlTransport transport(options);
    auto took = time_of([&] { CHECK_THROWS_AS(transport.perform(get("/trickle")), Temporary); });
    CHECK(took < std::chrono::seconds(8));
  }

  TEST_CASE("perform: no answer within the request timeout is a Temporary error") {
    LocalServer server;
    server->Get("/slow", [&](const httplib::Request&, httplib::Response& response) {
      server.stall();
      response.set_content("late", "text/plain");
    });
    server.start();
    TransportOptions options = options_for(server);
    options.request_timeout = std::chrono::milliseconds(1000);
    options.low_speed_time = std::chrono::seconds(30);
    CurlTransport transport(options);
    auto took = time_of([&] {
      try {
        transport.perform(get("/slow"));
        FAIL("expected Temporary");
      } catch (const Temporary& e) {
        CHECK(std::string(e.what()).find("no answer in time") != std::string::npos);
      }
    });
    CHECK(took < std::chrono::seconds(5));
  }

  TEST_CASE("perform: a refused connection is a Temporary error") {
    // a bound socket that does not listen: connecting to its port is refused
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t length = sizeof address;
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    TransportOptions options;
    options.base_url = "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port));
    CurlTransport transport(options);
    try {
      transport.perform(get("/ping"));
      FAIL("expected Temporary");
    } catch (const Temporary& e) {
      CHECK(std::string(e.what()).starts_with("cannot reach e.Consult at 'http://127.0.0.1:"));
      CHECK_FALSE(e.hint().empty());
    }
    ::close(fd);
  }
}

TEST_SUITE("econsult::check_endpoint") {
  TEST_CASE("check_endpoint: https anywhere, http only to loopback") {
    for (const char* url : {"https://ec.example.com/ec/v1", "https://10.1.2.3:8443", "http://127.0.0.1:8080/ec/v1",
                            "http://127.4.5.6", "http://localhost:9000", "http://LOCALHOST", "http://[::1]:8080/x"}) {
      CAPTURE(url);
      CHECK_NOTHROW(check_endpoint(url));
    }
  }

  TEST_CASE("check_endpoint: refuses http to other hosts, other schemes, credentials and garbage") {
    for (const char* url :
         {"http://example.com", "http://10.0.0.1/ec", "http://127.0.0.1.example.com", "http://localhost.example.com",
          "http://[::2]", "http://128.0.0.1", "ftp://127.0.0.1", "file:///etc/passwd", "example.com/ec",
          "https://user:secret@ec.example.com", "https://ec.example.com/?a=b", ""}) {
      CAPTURE(url);
      try {
        check_endpoint(url);
        FAIL("expected InvalidData");
      } catch (const InvalidData& e) {
        CHECK(e.field() == "endpoint");
        CHECK(e.hint().find("ecadm settings set-endpoint https://") != std::string::npos);
        CHECK(std::string(e.what()).find("secret") == std::string::npos);
      }
    }
  }

  TEST_CASE("CurlTransport: http to a non-loopback host is refused before any connection") {
    TransportOptions options;
    options.base_url = "http://example.com/ec/v1";
    try {
      CurlTransport transport(options);
      FAIL("expected InvalidData");
    } catch (const InvalidData& e) {
      CHECK(std::string(e.what()).find("loopback") != std::string::npos);
    }
  }
}
