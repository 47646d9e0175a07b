#pragma once
// A cpp-httplib server on loopback for the transport and client tests: binds a free
// port, runs in its own thread, records the client ports it saw (one per connection),
// and lets handlers stall until the test ends.
#include <httplib.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>

namespace ecadm::test {

class LocalServer {
 public:
  explicit LocalServer(std::unique_ptr<httplib::Server> server = std::make_unique<httplib::Server>(),
                       std::string host = "127.0.0.1")
      : m_server(std::move(server)), m_host(std::move(host)) {
    m_server->set_logger([this](const httplib::Request& request, const httplib::Response&) {
      std::lock_guard lock(m_mutex);
      m_client_ports.insert(request.remote_port);
    });
  }
  ~LocalServer() {
    release();
    if (m_thread.joinable()) {
      m_server->stop();
      m_thread.join();
    }
  }
  LocalServer(const LocalServer&) = delete;
  LocalServer& operator=(const LocalServer&) = delete;

  httplib::Server& operator*() { return *m_server; }
  httplib::Server* operator->() { return m_server.get(); }

  /// Binds a free port and serves in a thread; call after registering the handlers.
  void start() {
    m_port = m_server->bind_to_any_port(m_host);
    if (m_port <= 0) throw std::runtime_error("cannot bind a loopback port");
    m_thread = std::thread([this] { m_server->listen_after_bind(); });
    // stop() is a no-op until the server runs: wait for it, so the destructor can stop it
    for (int i = 0; i < 500 && !m_server->is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }

  int port() const { return m_port; }
  std::string url(const std::string& scheme = "http") const {
    return scheme + "://" + m_host + ":" + std::to_string(m_port);
  }

  /// The number of distinct client connections (by client port) served so far.
  std::size_t connections() {
    std::lock_guard lock(m_mutex);
    return m_client_ports.size();
  }

  /// Blocks a handler until the test ends (or `limit` passes); returns true if released.
  bool stall(std::chrono::milliseconds limit = std::chrono::seconds(10)) {
    std::unique_lock lock(m_mutex);
    return m_released_cv.wait_for(lock, limit, [this] { return m_released; });
  }
  void release() {
    {
      std::lock_guard lock(m_mutex);
      m_released = true;
    }
    m_released_cv.notify_all();
  }

 private:
  std::unique_ptr<httplib::Server> m_server;
  std::string m_host;
  int m_port = 0;
  std::thread m_thread;
  std::mutex m_mutex;
  std::condition_variable m_released_cv;
  bool m_released = false;
  std::set<int> m_client_ports;
};

}  // namespace ecadm::test
