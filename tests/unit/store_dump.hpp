#pragma once
// A textual dump of every table of a store, read through its own connection, so a
// test can prove that a refused operation left the store exactly as it was.
#include <sqlite3.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace ecadm::test {

inline std::string dump_store(const std::filesystem::path& store) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(store.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + store.string());
  }
  auto rows = [db](const std::string& sql) {
    std::vector<std::string> out;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) throw std::runtime_error(sql);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      std::string row;
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        const unsigned char* text = sqlite3_column_text(stmt, i);
        row += (text ? std::string(reinterpret_cast<const char*>(text)) : std::string("NULL")) + "|";
      }
      out.push_back(row);
    }
    sqlite3_finalize(stmt);
    return out;
  };
  std::string dump;
  for (const auto& table : rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
    std::string name = table.substr(0, table.size() - 1);
    dump += "== " + name + "\n";
    for (const auto& row : rows("SELECT * FROM \"" + name + "\" ORDER BY 1")) dump += row + "\n";
  }
  sqlite3_close(db);
  return dump;
}

}  // namespace ecadm::test
