#include "ecadm/interrupt.hpp"

#include <atomic>
#include <csignal>

#include "ecadm/error.hpp"

namespace ecadm {
namespace {

// lock-free, so a signal handler may set it
std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free);

}  // namespace

void request_interrupt() noexcept {
  g_interrupted.store(true, std::memory_order_relaxed);
}

bool interrupt_requested() noexcept {
  return g_interrupted.load(std::memory_order_relaxed);
}

void throw_if_interrupted() {
  if (interrupt_requested()) throw Interrupted("interrupted: nothing of the current step was changed");
}

}  // namespace ecadm
