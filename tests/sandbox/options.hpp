// Command-line options of ecadm-sandbox.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ecadm::sandbox {

/// One set of credentials: Kanzlei-ID (empty for Zentralruf accounts), user, password.
struct Account {
  std::string kanzlei;
  std::string user;
  std::string password;
};

/// Everything the command line sets.
struct Options {
  int port = 0;
  std::vector<Account> accounts;
  std::vector<Account> zentralruf_accounts;
  std::set<std::string> passivmandatierung;
  std::string directory_file;
  std::string schema_file;
  std::string state_file;
  long long reply_after_ms = -1;  ///< < 0: no automatic replies
  long long latency_ms = 0;
  double fail_rate = 0;
  int fail_status = 503;  ///< the status of --fail-rate answers: 500, 502, 503, 504 (SERVER) or 429 (DROSSELUNG)
  double drop_rate = 0;
  std::optional<unsigned long long> seed;
  int throttle = 0;  ///< requests per second, 0 = unlimited
  std::string tls_cert;
  std::string tls_key;
  bool verbose = false;
};

/// Parses argv. Returns nullopt after printing help/version (exit 0); throws std::runtime_error with a
/// one-line message on bad usage (exit 2).
std::optional<Options> parse_options(int argc, char** argv);

}  // namespace ecadm::sandbox
