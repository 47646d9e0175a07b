#pragma once
// The SQLite store, wrapped once (STYLE.md rule 7): Database and Statement own their
// handles; every error carries its SQL. Nothing outside lib/store sees sqlite3 types.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace ecadm::store {

using Blob = std::vector<unsigned char>;

/// A prepared statement. Bind with 1-based indexes, step through rows, read columns
/// with 0-based indexes. Throws ecadm::Failure (with the SQL) on any SQLite error.
class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, bool value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, const Blob& value);
  Statement& bind(int index, std::nullptr_t);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind(index, nullptr);
  }
  /// Binds every argument in order, starting at index 1.
  template <typename... Args>
  Statement& bind_all(const Args&... args) {
    int index = 0;
    (bind(++index, args), ...);
    return *this;
  }

  /// Advances to the next row; false when there are no more.
  bool step();
  /// Runs a statement that returns no rows (or ignores them).
  void run();
  void reset();

  bool is_null(int column) const;
  std::int64_t column_int(int column) const;
  std::string column_text(int column) const;
  std::optional<std::string> column_optional_text(int column) const;
  Blob column_blob(int column) const;

 private:
  [[noreturn]] void fail(std::string_view what) const;
  sqlite3* m_db;
  sqlite3_stmt* m_stmt = nullptr;
  std::string m_sql;
};

/// One open SQLite connection with the pragmas of SPEC.md "Store".
class Database {
 public:
  enum class Mode { open_existing, create };
  /// Opens (or, with Mode::create, creates with mode 0600) the store at path and
  /// migrates it to the current schema. Throws NotReady when the store does not
  /// exist, Failure when it is corrupt or written by a newer ecadm.
  Database(const std::filesystem::path& path, Mode mode);
  Database(Database&& other) noexcept;
  Database& operator=(Database&&) = delete;
  Database(const Database&) = delete;
  ~Database();

  Statement prepare(std::string_view sql);
  /// Runs one or more statements without parameters.
  void exec(std::string_view sql);
  std::int64_t last_insert_rowid() const;
  int changes() const;
  int user_version();
  const std::filesystem::path& path() const { return m_path; }

 private:
  sqlite3* m_db = nullptr;
  std::filesystem::path m_path;
};

/// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() ran.
class Transaction {
 public:
  explicit Transaction(Database& db);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();
  void rollback();

 private:
  Database& m_db;
  bool m_open = true;
};

/// The schema version this build writes (PRAGMA user_version).
int schema_version();
/// Applies every migration above the store's user_version, each in its own
/// transaction. Throws Failure for a store from a newer version.
void migrate(Database& db);

}  // namespace ecadm::store
