#pragma once
// Time behind a seam (STYLE.md rule 12): the library asks a Clock, tests set one.
#include <chrono>
#include <string>

namespace ecadm {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point now() const = 0;
};

/// The real clock.
class SystemClock : public Clock {
 public:
  std::chrono::system_clock::time_point now() const override { return std::chrono::system_clock::now(); }
};

/// A clock that stands still until told otherwise.
class FixedClock : public Clock {
 public:
  explicit FixedClock(std::chrono::system_clock::time_point t) : m_now(t) {}
  std::chrono::system_clock::time_point now() const override { return m_now; }
  void set(std::chrono::system_clock::time_point t) { m_now = t; }

 private:
  std::chrono::system_clock::time_point m_now;
};

/// RFC 3339 in UTC with seconds: "2026-12-03T19:00:00Z".
std::string format_utc(std::chrono::system_clock::time_point t);
/// The calendar date in UTC: "2026-12-03".
std::string format_date(std::chrono::system_clock::time_point t);

}  // namespace ecadm
