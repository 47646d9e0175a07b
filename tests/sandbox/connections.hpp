// The TCP connections of the server, found by their address pair (httplib 0.11 does not hand the
// socket to handlers): to drop one as a fault, or to end idle kept-alive ones on shutdown.
#pragma once

#include <httplib.h>

namespace ecadm::sandbox {

/// Closes the TCP connection the request arrived on (both directions), so that the client sees the
/// connection end before any answer. Returns false when the socket cannot be found.
bool drop_connection(const httplib::Request& request);

/// Shuts down the reading side of every accepted connection on the local port, once the listening
/// socket is closed: a worker waiting for the next request on a kept-alive connection sees the end
/// at once instead of after httplib's keep-alive timeout (5 s), while an answer being written is
/// still sent. Returns the number of connections.
int end_connections(int local_port);

}  // namespace ecadm::sandbox
