#include "connections.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <functional>

namespace ecadm::sandbox {

namespace {

// Calls `each` for every connected IPv4 socket whose local port is `local_port` (and whose peer
// port is `remote_port`, unless it is negative); stops when `each` returns false.
void for_each_connection(int local_port, int remote_port, const std::function<bool(int fd)>& each) {
  rlimit limit{};
  getrlimit(RLIMIT_NOFILE, &limit);
  int highest = limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur > 65536 ? 65536 : static_cast<int>(limit.rlim_cur);
  for (int fd = 0; fd < highest; ++fd) {
    sockaddr_storage local{}, peer{};
    socklen_t local_length = sizeof local, peer_length = sizeof peer;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_length) != 0) continue;
    if (local.ss_family != AF_INET) continue;
    if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_length) != 0) continue;  // not connected
    auto* l = reinterpret_cast<sockaddr_in*>(&local);
    auto* p = reinterpret_cast<sockaddr_in*>(&peer);
    if (ntohs(l->sin_port) != local_port || (remote_port >= 0 && ntohs(p->sin_port) != remote_port)) continue;
    if (!each(fd)) return;
  }
}

}  // namespace

bool drop_connection(const httplib::Request& request) {
  bool dropped = false;
  for_each_connection(request.local_port, request.remote_port, [&](int fd) {
    // SO_LINGER 0 would turn this into a reset; a plain shutdown gives the client an orderly EOF
    // ("empty reply"), which is what a crashed proxy or an idle timeout looks like too.
    dropped = ::shutdown(fd, SHUT_RDWR) == 0;
    return false;
  });
  return dropped;
}

int end_connections(int local_port) {
  int count = 0;
  for_each_connection(local_port, -1, [&](int fd) {
    if (::shutdown(fd, SHUT_RD) == 0) ++count;
    return true;
  });
  return count;
}

}  // namespace ecadm::sandbox
