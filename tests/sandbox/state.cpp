#include "state.hpp"

#include <sqlite3.h>

#include <stdexcept>

#include "util.hpp"

namespace ecadm::sandbox {

namespace {

// One prepared statement, finalised on scope exit; errors carry the SQL.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : m_db(db), m_sql(sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK) fail();
  }
  ~Statement() { sqlite3_finalize(m_stmt); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, const std::string& value) {
    sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& bind(int index, long long value) {
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
  }
  /// Steps once: true when a row is available.
  bool step() {
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) fail();
    return false;
  }
  std::string text(int column) const {
    auto* p = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(m_stmt, column))) : std::string();
  }
  long long integer(int column) const { return sqlite3_column_int64(m_stmt, column); }

 private:
  [[noreturn]] void fail() const {
    throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(m_db) + " in: " + m_sql);
  }
  sqlite3* m_db;
  const char* m_sql;
  sqlite3_stmt* m_stmt = nullptr;
};

// `mailbox` holds the visible entries, whose ids are handed out in the order they appear;
// `pending` the queued ones, not yet visible (see State::deliver).
constexpr const char* k_schema = R"sql(
CREATE TABLE IF NOT EXISTS posts (nachricht_id TEXT PRIMARY KEY, posted INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS messages (
  nachricht_id TEXT PRIMARY KEY, kanzlei TEXT NOT NULL, body_sha256 TEXT NOT NULL, body TEXT NOT NULL,
  vorgang TEXT NOT NULL, empfangen TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS vorgaenge (vorgang TEXT PRIMARY KEY, kanzlei TEXT NOT NULL, bafin TEXT);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS mailbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT, kanzlei TEXT NOT NULL, visible_at INTEGER NOT NULL,
  nachricht TEXT NOT NULL, acknowledged INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS pending (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, kanzlei TEXT NOT NULL, visible_at INTEGER NOT NULL,
  nachricht TEXT NOT NULL);
)sql";

}  // namespace

State::State(const std::string& path) {
  const std::string name = path.empty() ? ":memory:" : path;
  if (sqlite3_open_v2(name.c_str(), &m_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    std::string message = m_db ? sqlite3_errmsg(m_db) : "out of memory";
    sqlite3_close(m_db);
    throw std::runtime_error("cannot open state '" + name + "': " + message);
  }
  sqlite3_busy_timeout(m_db, 5000);
  exec("PRAGMA journal_mode=WAL");
  exec(k_schema);
  migrate(now_ms());
}

void State::migrate(long long now_ms) {
  Statement column(m_db, "SELECT 1 FROM pragma_table_info('vorgaenge') WHERE name = 'bafin'");
  if (column.step()) return;
  // A state file from before entries got their ids on becoming visible: its insurer-less Vorgaenge
  // stay usable, and its entries not yet visible are queued again, to get ids when they appear.
  in_transaction([&] {
    exec("ALTER TABLE vorgaenge ADD COLUMN bafin TEXT");
    Statement(m_db,
              "INSERT INTO pending (kanzlei, visible_at, nachricht) SELECT kanzlei, visible_at, nachricht "
              "FROM mailbox WHERE visible_at > ?1 ORDER BY visible_at, id")
        .bind(1, now_ms)
        .step();
    Statement(m_db, "DELETE FROM mailbox WHERE visible_at > ?1").bind(1, now_ms).step();
  });
}

State::~State() {
  sqlite3_close(m_db);
}

void State::exec(const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(m_db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error("sqlite: " + message + " in: " + sql);
  }
}

void State::in_transaction(const std::function<void()>& work) {
  exec("BEGIN IMMEDIATE");
  try {
    work();
    exec("COMMIT");
  } catch (...) {
    exec("ROLLBACK");
    throw;
  }
}

void State::count_post(const std::string& nachricht_id) {
  Statement(m_db, "INSERT INTO posts VALUES (?1, 1) ON CONFLICT(nachricht_id) DO UPDATE SET posted = posted + 1")
      .bind(1, nachricht_id)
      .step();
}

std::optional<StoredMessage> State::find_message(const std::string& nachricht_id) {
  Statement select(m_db, "SELECT kanzlei, body_sha256, vorgang, empfangen FROM messages WHERE nachricht_id = ?1");
  select.bind(1, nachricht_id);
  if (!select.step()) return std::nullopt;
  return StoredMessage{select.text(0), select.text(1), Confirmation{nachricht_id, select.text(2), select.text(3)}};
}

long long State::next(const std::string& counter) {
  Statement(m_db, "INSERT INTO counters VALUES (?1, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1")
      .bind(1, counter)
      .step();
  Statement select(m_db, "SELECT value FROM counters WHERE name = ?1");
  select.bind(1, counter).step();
  return select.integer(0);
}

void State::accept(const StoredMessage& message, const std::string& body, const std::string& bafin) {
  in_transaction([&] {
    Statement(m_db, "INSERT INTO messages VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bind(1, message.confirmation.nachricht_id)
        .bind(2, message.kanzlei)
        .bind(3, message.body_sha256)
        .bind(4, body)
        .bind(5, message.confirmation.vorgang)
        .bind(6, message.confirmation.empfangen)
        .step();
    add_vorgang(message.kanzlei, message.confirmation.vorgang, bafin);
  });
}

std::optional<std::string> State::vorgang_insurer(const std::string& kanzlei, const std::string& vorgang) {
  Statement select(m_db, "SELECT coalesce(bafin, '') FROM vorgaenge WHERE vorgang = ?1 AND kanzlei = ?2");
  if (!select.bind(1, vorgang).bind(2, kanzlei).step()) return std::nullopt;
  return select.text(0);
}

void State::add_vorgang(const std::string& kanzlei, const std::string& vorgang, const std::string& bafin) {
  Statement(m_db, "INSERT OR IGNORE INTO vorgaenge VALUES (?1, ?2, ?3)")
      .bind(1, vorgang)
      .bind(2, kanzlei)
      .bind(3, bafin)
      .step();
}

void State::deliver(const std::string& kanzlei, long long visible_at_ms, const std::string& nachricht_xml) {
  Statement(m_db, "INSERT INTO pending (kanzlei, visible_at, nachricht) VALUES (?1, ?2, ?3)")
      .bind(1, kanzlei)
      .bind(2, visible_at_ms)
      .bind(3, nachricht_xml)
      .step();
}

void State::publish(long long now_ms) {
  Statement due(m_db, "SELECT 1 FROM pending WHERE visible_at <= ?1 LIMIT 1");
  if (!due.bind(1, now_ms).step()) return;
  in_transaction([&] {
    // AUTOINCREMENT ids only grow (never reused), so whatever appears now sorts after every id handed out
    Statement(m_db,
              "INSERT INTO mailbox (kanzlei, visible_at, nachricht) SELECT kanzlei, visible_at, nachricht "
              "FROM pending WHERE visible_at <= ?1 ORDER BY visible_at, seq")
        .bind(1, now_ms)
        .step();
    Statement(m_db, "DELETE FROM pending WHERE visible_at <= ?1").bind(1, now_ms).step();
  });
}

std::vector<MailboxEntry> State::mailbox(const std::string& kanzlei, long long after_id, int max, long long now_ms,
                                         bool& more) {
  publish(now_ms);
  Statement select(m_db,
                   "SELECT id, nachricht FROM mailbox WHERE kanzlei = ?1 AND id > ?2 AND acknowledged = 0 "
                   "ORDER BY id LIMIT ?3");
  select.bind(1, kanzlei).bind(2, after_id).bind(3, static_cast<long long>(max) + 1);
  std::vector<MailboxEntry> entries;
  while (select.step()) entries.push_back(MailboxEntry{select.integer(0), select.text(1)});
  more = entries.size() > static_cast<size_t>(max);
  if (more) entries.pop_back();
  return entries;
}

bool State::acknowledge(const std::string& kanzlei, long long id, long long now_ms) {
  publish(now_ms);
  Statement select(m_db, "SELECT 1 FROM mailbox WHERE id = ?1 AND kanzlei = ?2");
  if (!select.bind(1, id).bind(2, kanzlei).step()) return false;
  Statement(m_db, "UPDATE mailbox SET acknowledged = 1 WHERE id = ?1").bind(1, id).step();
  return true;
}

nlohmann::json State::stats(long long now_ms) {
  nlohmann::json out = {{"messages", nlohmann::json::object()},
                        {"mailboxes", nlohmann::json::object()},
                        {"counters", nlohmann::json::object()}};
  Statement messages(m_db,
                     "SELECT p.nachricht_id, p.posted, m.vorgang FROM posts p "
                     "LEFT JOIN messages m ON m.nachricht_id = p.nachricht_id ORDER BY p.rowid");
  while (messages.step()) {
    nlohmann::json entry = {{"posted", messages.integer(1)}, {"accepted", !messages.text(2).empty()}};
    if (!messages.text(2).empty()) entry["vorgang"] = messages.text(2);
    out["messages"][messages.text(0)] = entry;
  }
  publish(now_ms);
  Statement boxes(m_db,
                  "SELECT kanzlei, count(*), sum(acknowledged), sum(queued) FROM ("
                  "SELECT kanzlei, acknowledged, 0 AS queued FROM mailbox "
                  "UNION ALL SELECT kanzlei, 0, 1 FROM pending) GROUP BY kanzlei ORDER BY kanzlei");
  while (boxes.step())
    out["mailboxes"][boxes.text(0)] = {
        {"entries", boxes.integer(1)}, {"acknowledged", boxes.integer(2)}, {"pending", boxes.integer(3)}};
  Statement counters(m_db, "SELECT name, value FROM counters ORDER BY name");
  while (counters.step()) out["counters"][counters.text(0)] = counters.integer(1);
  return out;
}

}  // namespace ecadm::sandbox
