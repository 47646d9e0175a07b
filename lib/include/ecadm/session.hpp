#pragma once
// A Session is one use of one store by one (optional) acting user: every library
// operation takes it. It owns the connection, the clock, the dry-run flag and the
// secret key (loaded on first use).
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "ecadm/clock.hpp"
#include "ecadm/interrupt.hpp"
#include "ecadm/store.hpp"

namespace ecadm {

namespace secrets {
class Box;
}

struct SessionOptions {
  std::filesystem::path store;
  /// Defaults to "<store>.key".
  std::optional<std::filesystem::path> key_file;
  std::optional<std::string> acting_login;
  bool dry_run = false;
  /// Create the store if it does not exist (only `init` sets this).
  bool create = false;
  std::shared_ptr<Clock> clock;
};

/// The default store path: $XDG_DATA_HOME/ecadm/ecadm.db, else ~/.local/share/ecadm/ecadm.db.
std::filesystem::path default_store_path();

class Session {
 public:
  /// Opens the store. Throws NotReady when it does not exist (and create is off),
  /// Failure when it cannot be opened or is from a newer ecadm.
  explicit Session(SessionOptions options);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  store::Database& db() { return m_db; }
  bool dry_run() const { return m_options.dry_run; }
  const std::optional<std::string>& acting_login() const { return m_options.acting_login; }
  const Clock& clock() const { return *m_options.clock; }
  std::string now_utc() const { return format_utc(clock().now()); }
  const std::filesystem::path& store_path() const { return m_options.store; }
  std::filesystem::path key_path() const;
  /// The secret box for the store's key file. Throws NotReady when the key file is missing.
  const secrets::Box& secrets();

  /// Runs fn inside BEGIN IMMEDIATE and commits, or rolls back under --dry-run, so a
  /// dry run goes through every check a real run does and changes nothing.
  template <typename F>
  auto write(F&& fn) {
    store::Transaction tx(m_db);
    if constexpr (std::is_void_v<decltype(fn())>) {
      fn();
      finish(tx);
    } else {
      auto result = fn();
      finish(tx);
      return result;
    }
  }

 private:
  void finish(store::Transaction& tx) {
    throw_if_interrupted();  // an interrupt before the commit rolls the step back
    if (m_options.dry_run)
      tx.rollback();
    else
      tx.commit();
  }
  SessionOptions m_options;
  store::Database m_db;
  std::unique_ptr<secrets::Box> m_box;
};

}  // namespace ecadm
