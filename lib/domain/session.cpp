#include "ecadm/session.hpp"

#include <cstdlib>

#include "ecadm/error.hpp"
#include "ecadm/secrets.hpp"

namespace ecadm {

std::filesystem::path default_store_path() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "ecadm" / "ecadm.db";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".local" / "share" / "ecadm" / "ecadm.db";
  throw NotReady("cannot find a default store: neither XDG_DATA_HOME nor HOME is set", "pass --store PATH");
}

Session::Session(SessionOptions options)
    : m_options([&] {
        if (!options.clock) options.clock = std::make_shared<SystemClock>();
        return std::move(options);
      }()),
      m_db(m_options.store, m_options.create ? store::Database::Mode::create : store::Database::Mode::open_existing) {}

Session::~Session() = default;

std::filesystem::path Session::key_path() const {
  if (m_options.key_file) return *m_options.key_file;
  return std::filesystem::path(m_options.store.string() + ".key");
}

const secrets::Box& Session::secrets() {
  if (!m_box) m_box = std::make_unique<secrets::Box>(secrets::Box::load(key_path()));
  return *m_box;
}

}  // namespace ecadm
