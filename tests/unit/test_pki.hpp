#pragma once
// A throwaway PKI for the TLS tests, made with the openssl command at test time: a CA
// and a server certificate for localhost and 127.0.0.1 signed by it (EC P-256, 2 days).
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>

#include "test_support.hpp"

namespace ecadm::test {

class TestPki {
 public:
  /// Generates the CA and the server certificate in a fresh TempDir. Throws
  /// std::runtime_error naming the openssl log when openssl fails.
  TestPki() {
    std::ofstream(dir / "ext.cnf") << "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
                                      "basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n";
    const std::string d = "'" + dir.path().string() + "'";
    const std::string ec = " -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes";
    const std::string script =
        "cd " + d + " && { openssl req -x509" + ec +
        " -keyout ca.key -out ca.pem -days 2 -subj /CN=ecadm-test-ca"
        " -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign"
        " && openssl req -new" +
        ec +
        " -keyout server.key -out server.csr -subj /CN=localhost"
        " && openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem"
        " -days 2 -extfile ext.cnf; } >openssl.log 2>&1";
    if (std::system(script.c_str()) != 0)
      throw std::runtime_error("openssl failed, see " + (dir / "openssl.log").string());
  }

  TempDir dir;
  /// The CA certificate (PEM), to trust.
  std::string ca() const { return (dir / "ca.pem").string(); }
  /// The server certificate (PEM), for localhost and 127.0.0.1.
  std::string cert() const { return (dir / "server.pem").string(); }
  /// The server certificate's private key (PEM, unencrypted).
  std::string key() const { return (dir / "server.key").string(); }
};

}  // namespace ecadm::test
