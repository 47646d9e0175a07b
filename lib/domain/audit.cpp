#include "ecadm/audit.hpp"

#include <fmt/format.h>

#include "ecadm/error.hpp"
#include "ecadm/validation.hpp"

namespace ecadm::audit {

void record(Session& session, std::string_view action, std::string_view object,
            const std::optional<std::string>& old_value, const std::optional<std::string>& new_value) {
  session.db()
      .prepare("INSERT INTO audit_log (at, actor, action, object, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)")
      .bind_all(session.now_utc(), session.acting_login(), action, object, old_value, new_value)
      .run();
}

std::vector<Entry> list(Session& session, const std::optional<std::string>& since, int limit) {
  if (limit < 1) throw InvalidData("limit", fmt::format("must be at least 1, not {}", limit));
  std::string from = "";
  if (since) {
    // a date means the start of that day (UTC); a full RFC 3339 time is taken as it is
    if (since->size() == 10)
      from = validation::check_date(*since, "since") + "T00:00:00Z";
    else if (since->size() == 20 && (*since)[10] == 'T' && since->back() == 'Z')
      from = validation::check_date(since->substr(0, 10), "since") + since->substr(10);
    else
      throw InvalidData("since",
                        fmt::format("'{}' is not a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDTHH:MM:SSZ)", *since));
  }
  auto stmt = session.db().prepare(
      "SELECT id, at, actor, action, object, old_value, new_value FROM "
      "(SELECT * FROM audit_log WHERE at >= ? ORDER BY id DESC LIMIT ?) ORDER BY id");
  stmt.bind_all(from, limit);
  std::vector<Entry> entries;
  while (stmt.step())
    entries.push_back({stmt.column_int(0), stmt.column_text(1), stmt.column_optional_text(2), stmt.column_text(3),
                       stmt.column_text(4), stmt.column_optional_text(5), stmt.column_optional_text(6)});
  return entries;
}

}  // namespace ecadm::audit
