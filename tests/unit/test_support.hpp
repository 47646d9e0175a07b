#pragma once
// Shared fixtures for the unit tests: a temporary directory per case and a store
// with a firm in it.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <typeinfo>

#include "ecadm/firm.hpp"
#include "ecadm/session.hpp"

namespace ecadm::test {

/// True when text contains part.
inline bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// Runs `f` and returns the error of type E it throws; fails the test case when it
/// throws nothing (any other exception propagates and fails it with its message).
template <typename E, typename F>
E thrown(F&& f) {
  try {
    f();
  } catch (const E& e) {
    return e;
  }
  FAIL("expected an exception of type " << typeid(E).name() << ", but nothing was thrown");
  throw std::logic_error("unreachable");
}

/// A fresh directory, removed with everything in it when the case ends.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "ecadm-test-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    m_path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

 private:
  std::filesystem::path m_path;
};

inline SessionOptions options_for(const std::filesystem::path& store, std::optional<std::string> as = std::nullopt) {
  SessionOptions o;
  o.store = store;
  o.acting_login = std::move(as);
  return o;
}

/// Creates a store with firm "Kanzlei Test", admin "chef" and the given plan.
inline std::filesystem::path make_firm(const TempDir& dir, const std::string& plan = "professional") {
  auto store = dir / "ecadm.db";
  firm::InitRequest request;
  request.firm_name = "Kanzlei Test";
  request.admin_login = "chef";
  request.plan = plan;
  firm::init(options_for(store), request);
  return store;
}

/// A session on store acting as `as`.
inline std::unique_ptr<Session> session_as(const std::filesystem::path& store,
                                           std::optional<std::string> as = std::nullopt) {
  return std::make_unique<Session>(options_for(store, std::move(as)));
}

}  // namespace ecadm::test
