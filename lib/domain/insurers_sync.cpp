// insurer sync: the one part of the directory that talks to e.Consult.
#include "ecadm/econsult/connection.hpp"
#include "ecadm/insurers.hpp"
#include "ecadm/policy.hpp"

namespace ecadm::insurers {

Change sync(Session& session) {
  // checked outside a write transaction: no write lock is held while e.Consult answers
  policy::require(session, policy::Operation::messaging, "sync the insurer directory");
  auto link = econsult::Connection::open(session);
  return store_directory(session, link->client().versicherer());
}

}  // namespace ecadm::insurers
