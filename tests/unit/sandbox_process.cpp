#include "sandbox_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <thread>

namespace ecadm::test {

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::string_view k_prefix = "listening on ";

std::string errno_text(const char* what) {
  return std::string(what) + ": " + std::strerror(errno);
}

/// Runs in the forked child before exec: only async-signal-safe calls.
[[noreturn]] void exec_child(char* const* argv, int out_fd, int err_fd, pid_t parent) {
#ifdef __linux__
  // The sandbox dies with the test binary even if no destructor runs (crash, abort).
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(127);
#else
  (void)parent;
#endif
  // dup2 clears FD_CLOEXEC on the new descriptor; every other one closes on exec
  if (::dup2(out_fd, STDOUT_FILENO) < 0 || ::dup2(err_fd, STDERR_FILENO) < 0) ::_exit(127);
  int null_fd = ::open("/dev/null", O_RDONLY);
  if (null_fd >= 0) ::dup2(null_fd, STDIN_FILENO);
  // a clean signal state: the test binary may block or ignore signals the sandbox relies on
  sigset_t none;
  ::sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  struct sigaction standard {};
  standard.sa_handler = SIG_DFL;
  for (int signal : {SIGTERM, SIGINT, SIGPIPE}) ::sigaction(signal, &standard, nullptr);
  ::execv(argv[0], argv);
  constexpr char message[] = "sandbox_process: exec failed\n";
  [[maybe_unused]] auto written = ::write(STDERR_FILENO, message, sizeof message - 1);
  ::_exit(127);
}

}  // namespace

std::string sandbox_binary() {
  // ctest sets ECADM_SANDBOX; run by hand, the binary beside this build's ecadm is meant
  const char* env = std::getenv("ECADM_SANDBOX");
  std::string fallback = std::string(ECADM_BINARY_DIR) + "/ecadm-sandbox";
  const char* path = env != nullptr && *env != '\0' ? env : fallback.c_str();
  if (::access(path, X_OK) != 0)
    throw std::runtime_error("'" + std::string(path) + "' is not an executable file (build ecadm_sandbox first)");
  return path;
}

SandboxProcess::SandboxProcess(const std::vector<std::string>& args, std::chrono::milliseconds startup_timeout) {
  try {
    start(args, startup_timeout);
  } catch (...) {
    stop(std::chrono::milliseconds(500));
    if (m_stderr_fd >= 0) ::close(m_stderr_fd);
    throw;
  }
}

SandboxProcess::~SandboxProcess() {
  stop();
  if (m_stderr_fd >= 0) ::close(m_stderr_fd);
}

void SandboxProcess::start(const std::vector<std::string>& args, std::chrono::milliseconds startup_timeout) {
  std::vector<std::string> all{sandbox_binary(), "--port", "0"};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  argv.reserve(all.size() + 1);
  for (auto& arg : all) argv.push_back(arg.data());
  argv.push_back(nullptr);

  std::string stderr_path = (std::filesystem::temp_directory_path() / "ecadm-sandbox-stderr-XXXXXX").string();
  m_stderr_fd = ::mkostemp(stderr_path.data(), O_CLOEXEC);
  if (m_stderr_fd < 0) throw std::runtime_error(errno_text("cannot create a file for the sandbox's stderr"));
  ::unlink(stderr_path.c_str());  // the descriptor keeps it alive; nothing to clean up

  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error(errno_text("cannot create a pipe"));
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid == 0) exec_child(argv.data(), out[1], m_stderr_fd, parent);
  ::close(out[1]);
  if (pid < 0) {
    ::close(out[0]);
    throw std::runtime_error(errno_text("cannot fork the sandbox"));
  }
  m_pid = pid;

  std::string line;
  try {
    line = read_first_line(out[0], startup_timeout);
  } catch (const std::runtime_error& e) {
    ::close(out[0]);
    const int status = stop(std::chrono::milliseconds(500));
    throw std::runtime_error(std::string("ecadm-sandbox did not start: ") + e.what() + " (exit status " +
                             std::to_string(status) + "); its stderr: " + stderr_text());
  }
  // Nothing else is read from stdout; the sandbox ignores SIGPIPE, so a later write just fails.
  ::close(out[0]);
  if (!line.starts_with(k_prefix)) {
    const int status = stop(std::chrono::milliseconds(500));
    throw std::runtime_error("ecadm-sandbox printed '" + line + "' instead of 'listening on URL' (exit status " +
                             std::to_string(status) + "); its stderr: " + stderr_text());
  }
  m_url = line.substr(k_prefix.size());
}

std::string SandboxProcess::read_first_line(int fd, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  std::string line;
  char buffer[256];
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0)
      throw std::runtime_error("no 'listening on URL' line within " + std::to_string(timeout.count()) + " ms");
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) throw std::runtime_error(errno_text("poll on the sandbox's stdout failed"));
    if (ready == 0) continue;  // the deadline check above reports it
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error(errno_text("reading the sandbox's stdout failed"));
    if (n == 0) throw std::runtime_error("it exited (or closed stdout) before printing 'listening on URL'");
    line.append(buffer, static_cast<std::size_t>(n));
    if (auto end = line.find('\n'); end != std::string::npos) {
      line.resize(end);
      return line;
    }
    if (line.size() > 4096) throw std::runtime_error("its first stdout line is longer than 4096 bytes");
  }
}

int SandboxProcess::stop(std::chrono::milliseconds grace) {
  if (m_pid < 0) return m_status;
  ::kill(m_pid, SIGTERM);
  const auto deadline = Clock::now() + grace;
  auto pause = std::chrono::microseconds(200);
  int status = 0;
  pid_t reaped = 0;
  while (true) {
    reaped = ::waitpid(m_pid, &status, WNOHANG);
    if (reaped == m_pid || (reaped < 0 && errno != EINTR)) break;
    if (Clock::now() >= deadline) {
      ::kill(m_pid, SIGKILL);
      do reaped = ::waitpid(m_pid, &status, 0);
      while (reaped < 0 && errno == EINTR);
      break;
    }
    std::this_thread::sleep_for(pause);
    pause = std::min<std::chrono::microseconds>(pause * 2, std::chrono::milliseconds(10));
  }
  m_status = -1;
  if (reaped == m_pid && WIFEXITED(status)) m_status = WEXITSTATUS(status);
  if (reaped == m_pid && WIFSIGNALED(status)) m_status = 128 + WTERMSIG(status);
  m_pid = -1;
  return m_status;
}

std::string SandboxProcess::stderr_text() const {
  std::string text;
  if (m_stderr_fd < 0) return text;
  char buffer[4096];
  off_t offset = 0;
  while (true) {
    const ssize_t n = ::pread(m_stderr_fd, buffer, sizeof buffer, offset);
    if (n <= 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
    offset += n;
  }
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

}  // namespace ecadm::test
