#pragma once
// The sandbox service (tests/sandbox, `ecadm-sandbox`) as a test fixture: starts
// `$ECADM_SANDBOX --port 0 ARGS...`, reads its first stdout line `listening on URL`
// and stops the process again in the destructor. A test that fails (or throws) still
// leaves no process behind; on Linux the child is also killed when the test binary dies.
#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace ecadm::test {

class SandboxProcess {
 public:
  /// Starts the sandbox with `args` after `--port 0`. Throws std::runtime_error, naming
  /// the cause and quoting the sandbox's stderr, when ECADM_SANDBOX is unset, the
  /// process cannot be started, exits, or does not print `listening on URL` within
  /// `startup_timeout`; no process is left running then.
  explicit SandboxProcess(const std::vector<std::string>& args = {},
                          std::chrono::milliseconds startup_timeout = std::chrono::seconds(10));
  /// Stops the process (stop()); never throws.
  ~SandboxProcess();
  SandboxProcess(const SandboxProcess&) = delete;
  SandboxProcess& operator=(const SandboxProcess&) = delete;

  /// The base URL the sandbox printed, e.g. `http://127.0.0.1:41234/ec/v1`.
  const std::string& url() const { return m_url; }
  /// The process id, or -1 once stopped.
  pid_t pid() const { return m_pid; }

  /// Sends SIGTERM, waits up to `grace` for the process to exit, then SIGKILLs it and
  /// reaps it. Returns the exit status (0 after a clean stop), or 128 + the signal that
  /// ended it. Idempotent: a second call returns the first result.
  int stop(std::chrono::milliseconds grace = std::chrono::seconds(5));

  /// What the sandbox has written to stderr so far (warnings, errors), for diagnostics.
  std::string stderr_text() const;

 private:
  void start(const std::vector<std::string>& args, std::chrono::milliseconds startup_timeout);
  std::string read_first_line(int fd, std::chrono::milliseconds timeout);

  pid_t m_pid = -1;
  int m_stderr_fd = -1;  ///< an unlinked temporary file the child's stderr goes to
  int m_status = -1;
  std::string m_url;
};

/// Path of the sandbox binary from ECADM_SANDBOX (set by CTest). Throws std::runtime_error
/// with the command to set it when unset or not executable.
std::string sandbox_binary();

}  // namespace ecadm::test
