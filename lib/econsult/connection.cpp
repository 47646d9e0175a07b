#include "ecadm/econsult/connection.hpp"

#include "ecadm/error.hpp"
#include "ecadm/postfach.hpp"
#include "ecadm/settings.hpp"

namespace ecadm::econsult {

Connection::Connection(TransportOptions options, Credentials credentials)
    : m_url(options.base_url), m_transport(std::move(options)), m_client(m_transport, std::move(credentials)) {}

std::unique_ptr<Connection> Connection::open(Session& session, bool with_credentials) {
  auto endpoint = settings::load_endpoint(session);
  if (!endpoint) throw NotReady("no e.Consult endpoint is set", "ecadm settings set-endpoint https://HOST/ec/v1");
  TransportOptions options;
  options.base_url = endpoint->url;
  if (endpoint->cacert) options.cacert = *endpoint->cacert;
  Credentials credentials = with_credentials ? postfach::load_credentials(session) : Credentials{};
  return std::unique_ptr<Connection>(new Connection(std::move(options), std::move(credentials)));
}

}  // namespace ecadm::econsult
