#include <fcntl.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ecadm/error.hpp"
#include "ecadm/store.hpp"

namespace ecadm::store {
namespace {

// Another process holding the write lock past the busy timeout is no fault of the
// store: that is worth a retry (a cron job's next run), not a bug report.
bool is_busy(sqlite3* db) {
  int rc = db ? sqlite3_errcode(db) & 0xff : SQLITE_NOMEM;
  return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}

[[noreturn]] void fail_db(sqlite3* db, std::string_view what, std::string_view sql, const char* detail = nullptr) {
  if (!detail) detail = db ? sqlite3_errmsg(db) : "out of memory";
  std::string message = sql.empty() ? fmt::format("store: {}: {}", what, detail)
                                    : fmt::format("store: {}: {} (SQL: {})", what, detail, sql);
  if (is_busy(db))
    throw Temporary(std::move(message) + ": another ecadm holds the store's write lock",
                    "try again when the other command has finished");
  throw Failure(std::move(message));
}

// SQLite creates the file with the process umask; create it ourselves first so the
// store is never readable by others, not even for an instant.
void create_private_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (path.has_parent_path()) {
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) throw Failure(fmt::format("cannot create directory '{}': {}", path.parent_path().string(), ec.message()));
  }
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST) return;
    throw Failure(fmt::format("cannot create store '{}': {}", path.string(), std::strerror(errno)));
  }
  ::close(fd);
}

}  // namespace

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db), m_sql(sql) {
  if (sqlite3_prepare_v2(m_db, m_sql.data(), static_cast<int>(m_sql.size()), &m_stmt, nullptr) != SQLITE_OK)
    fail("prepare");
}

Statement::Statement(Statement&& other) noexcept
    : m_db(other.m_db), m_stmt(other.m_stmt), m_sql(std::move(other.m_sql)) {
  other.m_stmt = nullptr;
}

Statement::~Statement() {
  sqlite3_finalize(m_stmt);
}

void Statement::fail(std::string_view what) const {
  fail_db(m_db, what, m_sql);
}

Statement& Statement::bind(int index, std::string_view value) {
  if (sqlite3_bind_text(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT) != SQLITE_OK)
    fail("bind");
  return *this;
}
Statement& Statement::bind(int index, std::int64_t value) {
  if (sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK) fail("bind");
  return *this;
}
Statement& Statement::bind(int index, const Blob& value) {
  if (sqlite3_bind_blob(m_stmt, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT) != SQLITE_OK)
    fail("bind");
  return *this;
}
Statement& Statement::bind(int index, std::nullptr_t) {
  if (sqlite3_bind_null(m_stmt, index) != SQLITE_OK) fail("bind");
  return *this;
}

bool Statement::step() {
  int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  fail("step");
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}
std::int64_t Statement::column_int(int column) const {
  return sqlite3_column_int64(m_stmt, column);
}
std::string Statement::column_text(int column) const {
  auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
  return text ? std::string(text, static_cast<size_t>(sqlite3_column_bytes(m_stmt, column))) : std::string();
}
std::optional<std::string> Statement::column_optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return column_text(column);
}
Blob Statement::column_blob(int column) const {
  auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(m_stmt, column));
  return data ? Blob(data, data + sqlite3_column_bytes(m_stmt, column)) : Blob();
}

Database::Database(const std::filesystem::path& path, Mode mode) : m_path(path) {
  std::error_code ec;
  if (mode == Mode::open_existing && !std::filesystem::exists(path, ec))
    throw NotReady(fmt::format("no store at '{}'", path.string()),
                   "ecadm init --firm NAME --admin LOGIN (or pass --store PATH)");
  if (mode == Mode::create) create_private_file(path);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr) != SQLITE_OK) {
    std::string detail = m_db ? sqlite3_errmsg(m_db) : "out of memory";
    sqlite3_close(m_db);
    m_db = nullptr;
    throw Failure(fmt::format("cannot open store '{}': {}", path.string(), detail));
  }
  sqlite3_extended_result_codes(m_db, 1);
  sqlite3_busy_timeout(m_db, 5000);
  try {
    exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
    migrate(*this);
  } catch (const Error& e) {
    sqlite3_close(m_db);
    m_db = nullptr;
    if (e.code() == ExitCode::failure && std::string_view(e.what()).find("not a database") != std::string_view::npos)
      throw Failure(fmt::format("store '{}' is not an ecadm store or is corrupt", path.string()),
                    "restore it from a backup or pass another --store");
    throw;
  }
}

Database::Database(Database&& other) noexcept : m_db(other.m_db), m_path(std::move(other.m_path)) {
  other.m_db = nullptr;
}

Database::~Database() {
  sqlite3_close(m_db);
}

Statement Database::prepare(std::string_view sql) {
  return Statement(m_db, sql);
}

void Database::exec(std::string_view sql) {
  std::string copy(sql);
  char* error = nullptr;
  if (sqlite3_exec(m_db, copy.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string detail = error ? error : sqlite3_errmsg(m_db);
    sqlite3_free(error);
    fail_db(m_db, "exec", sql, detail.c_str());
  }
}

std::int64_t Database::last_insert_rowid() const {
  return sqlite3_last_insert_rowid(m_db);
}
int Database::changes() const {
  return sqlite3_changes(m_db);
}

int Database::user_version() {
  auto stmt = prepare("PRAGMA user_version");
  stmt.step();
  return static_cast<int>(stmt.column_int(0));
}

Transaction::Transaction(Database& db) : m_db(db) {
  m_db.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
  if (m_open) {
    try {
      m_db.exec("ROLLBACK");
    } catch (...) {
      // a failed rollback leaves SQLite to roll back on close; never throw here
    }
  }
}

void Transaction::commit() {
  m_db.exec("COMMIT");
  m_open = false;
}

void Transaction::rollback() {
  m_db.exec("ROLLBACK");
  m_open = false;
}

}  // namespace ecadm::store
