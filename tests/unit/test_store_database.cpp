#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <fstream>

#include "ecadm/error.hpp"
#include "ecadm/store.hpp"
#include "test_support.hpp"

using namespace ecadm;
using ecadm::test::TempDir;

TEST_SUITE("store::Database") {
  TEST_CASE("create: a fresh store gets the current schema and mode 0600") {
    TempDir dir;
    auto path = dir / "sub" / "s.db";
    {
      store::Database db(path, store::Database::Mode::create);
      CHECK(db.user_version() == store::schema_version());
      db.exec("INSERT INTO firm (id, name, plan, created_at) VALUES (1, 'F', 'basic', 'now')");
    }
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    // reopen and read back
    store::Database again(path, store::Database::Mode::open_existing);
    auto stmt = again.prepare("SELECT name, plan FROM firm");
    REQUIRE(stmt.step());
    CHECK(stmt.column_text(0) == "F");
    CHECK(again.user_version() == store::schema_version());
  }

  TEST_CASE("transaction: a write lock held by another process past the busy timeout is Temporary") {
    TempDir dir;
    auto path = dir / "s.db";
    store::Database holder(path, store::Database::Mode::create);
    store::Transaction held(holder);  // BEGIN IMMEDIATE: the write lock
    store::Database waiter(path, store::Database::Mode::open_existing);
    try {
      store::Transaction blocked(waiter);
      FAIL("expected Temporary");
    } catch (const Temporary& e) {
      CHECK(std::string(e.what()).find("another ecadm holds the store's write lock") != std::string::npos);
      CHECK(e.hint() == "try again when the other command has finished");
    }
    held.rollback();
    store::Transaction free_now(waiter);  // once released, the store is usable again
    free_now.commit();
  }

  TEST_CASE("close: the WAL is checkpointed into the store, so the store file alone holds every commit") {
    TempDir dir;
    auto path = dir / "s.db";
    {
      store::Database db(path, store::Database::Mode::create);
      store::Transaction t(db);
      db.exec("INSERT INTO firm (id, name, plan, created_at) VALUES (1, 'Kanzlei Checkpoint', 'basic', 'now')");
      t.commit();
    }
    CHECK_FALSE(std::filesystem::exists(path.string() + "-wal"));
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(bytes.find("Kanzlei Checkpoint") != std::string::npos);
  }

  TEST_CASE("open: a missing store is 'not ready' and names init") {
    TempDir dir;
    try {
      store::Database db(dir / "missing.db", store::Database::Mode::open_existing);
      FAIL("expected NotReady");
    } catch (const NotReady& e) {
      CHECK(std::string(e.hint()).find("ecadm init") != std::string::npos);
    }
    CHECK_FALSE(std::filesystem::exists(dir / "missing.db"));
  }

  TEST_CASE("open: a store from a newer version is refused and left alone") {
    TempDir dir;
    auto path = dir / "s.db";
    {
      store::Database db(path, store::Database::Mode::create);
      db.exec("PRAGMA user_version = 999");
    }
    try {
      store::Database db(path, store::Database::Mode::open_existing);
      FAIL("expected Failure");
    } catch (const Failure& e) {
      CHECK(std::string(e.what()).find("newer ecadm") != std::string::npos);
      CHECK(e.code() == ExitCode::failure);
    }
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &stmt, nullptr);
    sqlite3_step(stmt);
    CHECK(sqlite3_column_int(stmt, 0) == 999);
    sqlite3_finalize(stmt);
    sqlite3_close(raw);
  }

  TEST_CASE("open: a file that is not a database is a clear failure") {
    TempDir dir;
    auto path = dir / "junk.db";
    { std::ofstream(path) << "this is not sqlite, just some text that is long enough to be a header......"; }
    CHECK_THROWS_AS(store::Database(path, store::Database::Mode::open_existing), Failure);
  }

  TEST_CASE("migrate: an old store (user_version 0 with no tables) is brought up to date") {
    TempDir dir;
    auto path = dir / "old.db";
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
    sqlite3_exec(raw, "CREATE TABLE unrelated (x)", nullptr, nullptr, nullptr);
    sqlite3_close(raw);
    store::Database db(path, store::Database::Mode::open_existing);
    CHECK(db.user_version() == store::schema_version());
  }

  TEST_CASE("pragmas: WAL and foreign keys are on") {
    TempDir dir;
    store::Database db(dir / "p.db", store::Database::Mode::create);
    auto mode = db.prepare("PRAGMA journal_mode");
    REQUIRE(mode.step());
    CHECK(mode.column_text(0) == "wal");
    auto fk = db.prepare("PRAGMA foreign_keys");
    REQUIRE(fk.step());
    CHECK(fk.column_int(0) == 1);
    auto sync = db.prepare("PRAGMA synchronous");
    REQUIRE(sync.step());
    CHECK(sync.column_int(0) == 2);  // FULL
  }

  TEST_CASE("transaction: rolled back unless committed") {
    TempDir dir;
    store::Database db(dir / "t.db", store::Database::Mode::create);
    {
      store::Transaction tx(db);
      db.exec("INSERT INTO firm (id, name, plan, created_at) VALUES (1, 'F', 'basic', 'now')");
    }
    auto count = db.prepare("SELECT count(*) FROM firm");
    REQUIRE(count.step());
    CHECK(count.column_int(0) == 0);
  }

  TEST_CASE("errors carry their SQL") {
    TempDir dir;
    store::Database db(dir / "e.db", store::Database::Mode::create);
    try {
      db.prepare("SELECT nope FROM nowhere");
      FAIL("expected Failure");
    } catch (const Failure& e) {
      CHECK(std::string(e.what()).find("SELECT nope FROM nowhere") != std::string::npos);
    }
  }
}
