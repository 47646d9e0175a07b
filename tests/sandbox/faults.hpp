// Injected faults: latency, random 5xx/429 answers, dropped connections, throttling.
#pragma once

#include <condition_variable>
#include <mutex>
#include <random>

#include "options.hpp"

namespace ecadm::sandbox {

/// Decides, reproducibly under --seed, which requests fail; thread-safe.
class Faults {
 public:
  explicit Faults(const Options& options);

  /// Sleeps --latency-ms, or less when stop() is called meanwhile.
  void delay();

  /// Ends every delay() at once (on shutdown, so that a stalled answer does not hold it up).
  void stop();

  /// True for the --fail-rate fraction of calls.
  bool fail_now();

  /// True for the --drop-rate fraction of calls.
  bool drop_now();

  /// True when this request is over the --throttle budget of the current second.
  bool throttled();

  /// The seed for generated ids (derived from --seed, apart from the fault sequence's).
  unsigned long long id_seed() const { return m_id_seed; }

 private:
  bool draw(double rate);

  long long m_latency_ms;
  double m_fail_rate;
  double m_drop_rate;
  int m_throttle;
  std::mutex m_mutex;
  std::mt19937_64 m_random;
  unsigned long long m_id_seed;
  long long m_second = 0;
  std::condition_variable m_stopped;
  bool m_stopping = false;
  int m_in_second = 0;
};

}  // namespace ecadm::sandbox
