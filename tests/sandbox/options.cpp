#include "options.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <stdexcept>

#include "zentralruf.hpp"

#ifndef ECADM_SOURCE_DIR
#define ECADM_SOURCE_DIR "."
#endif

namespace ecadm::sandbox {

namespace {

Account parse_account(const std::string& text, bool with_kanzlei, const char* option) {
  Account account;
  std::string rest = text;
  if (with_kanzlei) {
    auto colon = rest.find(':');
    if (colon == std::string::npos || colon == 0)
      throw std::runtime_error(std::string(option) + ": expected KANZLEI_ID:USER:PASSWORD, got '" + text + "'");
    account.kanzlei = rest.substr(0, colon);
    rest = rest.substr(colon + 1);
  }
  auto colon = rest.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == rest.size())
    throw std::runtime_error(std::string(option) + ": expected " + (with_kanzlei ? "KANZLEI_ID:" : "") +
                             "USER:PASSWORD, got '" + text + "'");
  account.user = rest.substr(0, colon);
  account.password = rest.substr(colon + 1);
  return account;
}

constexpr const char* k_endpoints = R"(
Endpoints (base path /ec/v1, see ecadm-sandbox(1)):
  GET  /ping                      credentials check
  GET  /versicherer               the insurer directory
  POST /nachrichten               Deckungsanfrage, Schadenmeldung, Nachreichung
  GET  /postfach?nach=C&max=N     the firm's mailbox
  POST /postfach/ID/quittung      acknowledge an entry
  POST /zentralruf/auskunft       Zentralruf (Basic auth with --zentralruf-account)
  POST /_sandbox/mandat?kanzlei=K put a Mandat into a firm's mailbox (no auth)
  GET  /_sandbox/stats            JSON counters (no auth)

Zentralruf sample plates:
)";

}  // namespace

std::optional<Options> parse_options(int argc, char** argv) {
  Options options;
  options.directory_file = std::string(ECADM_SOURCE_DIR) + "/protocol/insurers.tsv";
  options.schema_file = std::string(ECADM_SOURCE_DIR) + "/protocol/econsult-v1.xsd";
  std::vector<std::string> accounts, zentralruf_accounts, passiv;
  unsigned long long seed = 0;

  CLI::App app{"ecadm-sandbox: a local e.Consult service for tests, the demo and benchmarks", "ecadm-sandbox"};
  app.footer(std::string(k_endpoints) + zentralruf_samples_help());
  app.set_version_flag("--version", "ecadm-sandbox 0.1.0");
  app.add_option("--port", options.port, "TCP port on 127.0.0.1 (0 = a free port)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  app.add_option("--account", accounts, "e.Consult account KANZLEI_ID:USER:PASSWORD (repeatable)");
  app.add_option("--zentralruf-account", zentralruf_accounts, "Zentralruf account USER:PASSWORD (repeatable)");
  app.add_option("--passivmandatierung", passiv, "enable insurer mandates for this Kanzlei-ID (repeatable)");
  app.add_option("--directory", options.directory_file, "insurer directory (TSV)")->capture_default_str();
  app.add_option("--schema", options.schema_file, "XML schema of the interface")->capture_default_str();
  app.add_option("--state", options.state_file, "SQLite file keeping the state across restarts (default: memory)");
  app.add_option("--reply-after-ms", options.reply_after_ms,
                 "answer each accepted Deckungsanfrage after N ms (every fifth with a Rueckfrage)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--latency-ms", options.latency_ms, "delay every answer by N ms")->check(CLI::NonNegativeNumber);
  app.add_option("--fail-rate", options.fail_rate,
                 "fraction of POST /nachrichten answered --fail-status (with Retry-After: 1) before processing")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--fail-status", options.fail_status,
                 "status of the --fail-rate answers: 500, 502, 503 or 504 (SERVER), 429 (DROSSELUNG)")
      ->capture_default_str()
      ->check(CLI::IsMember({429, 500, 502, 503, 504}));
  app.add_option("--drop-rate", options.drop_rate,
                 "fraction of accepted messages whose connection is closed without an answer")
      ->check(CLI::Range(0.0, 1.0));
  auto* seed_option = app.add_option("--seed", seed, "seed for --fail-rate/--drop-rate and generated ids");
  app.add_option("--throttle", options.throttle, "answer 429 above N requests per second (0 = off)")
      ->check(CLI::NonNegativeNumber);
  auto* cert = app.add_option("--tls-cert", options.tls_cert, "serve HTTPS with this PEM certificate (chain)")
                   ->check(CLI::ExistingFile);
  auto* key =
      app.add_option("--tls-key", options.tls_key, "the certificate's PEM private key")->check(CLI::ExistingFile);
  cert->needs(key);
  key->needs(cert);
  app.add_flag("--verbose,-v", options.verbose, "log every request to stderr");

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    app.exit(e);
    return std::nullopt;
  } catch (const CLI::ParseError& e) {
    throw std::runtime_error(e.what());
  }
  for (const auto& text : accounts) options.accounts.push_back(parse_account(text, true, "--account"));
  for (const auto& text : zentralruf_accounts)
    options.zentralruf_accounts.push_back(parse_account(text, false, "--zentralruf-account"));
  options.passivmandatierung.insert(passiv.begin(), passiv.end());
  if (*seed_option) options.seed = seed;
  return options;
}

}  // namespace ecadm::sandbox
