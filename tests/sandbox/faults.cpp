#include "faults.hpp"

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

}  // namespace ecadm::sandbox
