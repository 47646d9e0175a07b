// ecadm-sandbox: a local e.Consult service on 127.0.0.1 (see man/ecadm-sandbox.1).
#include <httplib.h>
#include <pthread.h>
#include <sodium.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <memory>
#include <thread>

#include "connections.hpp"
#include "directory.hpp"
#include "options.hpp"
#include "schema.hpp"
#include "service.hpp"
#include "state.hpp"

namespace {

using namespace ecadm::sandbox;

std::unique_ptr<httplib::Server> make_server(const Options& options) {
  if (options.tls_cert.empty()) return std::make_unique<httplib::Server>();
  auto server = std::make_unique<httplib::SSLServer>(options.tls_cert.c_str(), options.tls_key.c_str());
  if (!server->is_valid())
    throw std::runtime_error("cannot use certificate '" + options.tls_cert + "' with key '" + options.tls_key + "'");
  return server;
}

int run(const Options& options) {
  if (sodium_init() < 0) throw std::runtime_error("cannot initialise libsodium");
  const Directory directory = Directory::load(options.directory_file);
  const Schema schema(options.schema_file);
  State state(options.state_file);
  Service service(options, directory, schema, state);

  // SIGINT/SIGTERM are taken by one thread with sigwait (blocked everywhere else, including the
  // server's pool, which inherits this mask); SIGPIPE is ignored so a dropped peer is only an error.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  auto server = make_server(options);
  service.install(*server);
  int port = options.port;
  if (port == 0) {
    port = server->bind_to_any_port("127.0.0.1");
  } else if (!server->bind_to_port("127.0.0.1", port)) {
    port = -1;
  }
  if (port < 0) throw std::runtime_error("cannot listen on 127.0.0.1:" + std::to_string(options.port));
  std::cout << "listening on " << (options.tls_cert.empty() ? "http" : "https") << "://127.0.0.1:" << port << k_base
            << std::endl;

  std::atomic<bool> listening_ended{false};
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    // stop() does nothing until listen_after_bind has begun: a signal right after the
    // "listening" line must not be lost, so wait until it can take effect
    service.stop();
    while (!listening_ended) {
      if (server->is_running()) {
        server->stop();
        // the listening socket is closed now; a worker waiting on a kept-alive connection would
        // hold the exit up for httplib's keep-alive timeout (5 s) unless its connection ends
        end_connections(port);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  });
  bool ok = server->listen_after_bind();
  listening_ended = true;
  if (waiter.joinable()) {
    pthread_kill(waiter.native_handle(), SIGTERM);  // wakes sigwait when listen ended on its own
    waiter.join();
  }
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    auto options = parse_options(argc, argv);
    if (!options) return 0;
    return run(*options);
  } catch (const std::exception& e) {
    std::cerr << "ecadm-sandbox: error: " << e.what() << "\n";
    return 2;
  }
}
