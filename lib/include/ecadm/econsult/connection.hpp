#pragma once
// The firm's link to e.Consult as configured in the store: a transport for the
// endpoint (and its CA file) and a client holding the Postfach credentials.
#include <memory>

#include "ecadm/econsult/client.hpp"
#include "ecadm/econsult/transport.hpp"
#include "ecadm/session.hpp"

namespace ecadm::econsult {

class Connection {
 public:
  /// Opens the link for the store's endpoint. With `with_credentials`, also loads the
  /// Postfach credentials. Throws NotReady (with the fixing command) when the endpoint
  /// or the credentials are missing, InvalidData when the endpoint is not allowed.
  static std::unique_ptr<Connection> open(Session& session, bool with_credentials = true);

  Client& client() { return m_client; }
  /// The configured endpoint URL.
  const std::string& url() const { return m_url; }

 private:
  Connection(TransportOptions options, Credentials credentials);
  std::string m_url;
  CurlTransport m_transport;
  Client m_client;
};

}  // namespace ecadm::econsult
