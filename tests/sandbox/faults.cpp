#include "faults.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include <chrono>

#include "util.hpp"

namespace ecadm::sandbox {

Faults::Faults(const Options& options)
    : m_latency_ms(options.latency_ms),
      m_fail_rate(options.fail_rate),
      m_drop_rate(options.drop_rate),
      m_throttle(options.throttle) {
  unsigned long long seed = options.seed ? *options.seed : std::random_device{}();
  m_random.seed(seed);
  m_id_seed = seed ^ 0x9e3779b97f4a7c15ULL;
}

void Faults::delay() {
  if (m_latency_ms <= 0) return;
  std::unique_lock lock(m_mutex);
  m_stopped.wait_for(lock, std::chrono::milliseconds(m_latency_ms), [this] { return m_stopping; });
}

void Faults::stop() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_stopped.notify_all();
}

bool Faults::draw(double rate) {
  if (rate <= 0) return false;
  if (rate >= 1) return true;
  std::lock_guard lock(m_mutex);
  return std::uniform_real_distribution<double>(0.0, 1.0)(m_random) < rate;
}

bool Faults::fail_now() {
  return draw(m_fail_rate);
}

bool Faults::drop_now() {
  return draw(m_drop_rate);
}

bool Faults::throttled() {
  if (m_throttle <= 0) return false;
  std::lock_guard lock(m_mutex);
  long long second = now_ms() / 1000;
  if (second != m_second) {
    m_second = second;
    m_in_second = 0;
  }
  return ++m_in_second > m_throttle;
}

std::mt19937_64 Faults::id_generator() {
  return std::mt19937_64(m_id_seed);
}

// httplib 0.11 does not hand the socket to handlers, so find it by its address pair: the one
// descriptor whose local port is the request's local port and whose peer port is the client's.
bool drop_connection(const httplib::Request& request) {
  rlimit limit{};
  getrlimit(RLIMIT_NOFILE, &limit);
  int highest = limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur > 65536 ? 65536 : static_cast<int>(limit.rlim_cur);
  for (int fd = 0; fd < highest; ++fd) {
    sockaddr_storage local{}, peer{};
    socklen_t local_length = sizeof local, peer_length = sizeof peer;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_length) != 0) continue;
    if (local.ss_family != AF_INET) continue;
    if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_length) != 0) continue;
    auto* l = reinterpret_cast<sockaddr_in*>(&local);
    auto* p = reinterpret_cast<sockaddr_in*>(&peer);
    if (ntohs(l->sin_port) != request.local_port || ntohs(p->sin_port) != request.remote_port) continue;
    // SO_LINGER 0 would turn this into a reset; a plain shutdown gives the client an orderly EOF
    // ("empty reply"), which is what a crashed proxy or an idle timeout looks like too.
    return ::shutdown(fd, SHUT_RDWR) == 0;
  }
  return false;
}

}  // namespace ecadm::sandbox
