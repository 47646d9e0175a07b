#pragma once
// Interruption (SIGINT, SIGTERM): the front end's signal handler raises a flag; the
// library checks it where stopping is safe (before a commit, during a transfer) and
// throws Interrupted (exit 130). What was committed before stays.

namespace ecadm {

/// Async-signal-safe: marks the process as interrupted.
void request_interrupt() noexcept;
/// True once request_interrupt() ran.
bool interrupt_requested() noexcept;
/// Throws Interrupted when an interrupt was requested.
void throw_if_interrupted();

}  // namespace ecadm
