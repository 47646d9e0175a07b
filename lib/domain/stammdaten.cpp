#include "ecadm/stammdaten.hpp"

#include <fmt/format.h>

#include "ecadm/audit.hpp"
#include "ecadm/error.hpp"

namespace ecadm::stammdaten {
namespace {

// The master data as one audit value ("name=...; street=...; ..."), the fields that
// are set only; nullopt when none is (the same shape settings::set_stammdaten audits).
std::optional<std::string> snapshot(Session& session) {
  auto stmt = session.db().prepare(
      "SELECT stamm_name, stamm_street, stamm_house_number, stamm_zip, stamm_city, stamm_country, stamm_phone, "
      "stamm_fax, stamm_email FROM econsult_settings WHERE id = 1");
  if (!stmt.step()) return std::nullopt;
  constexpr const char* k_keys[] = {"name",    "street", "house-number", "zip",  "city",
                                    "country", "phone",  "fax",          "email"};
  std::string text;
  for (int i = 0; i < 9; ++i) {
    if (stmt.is_null(i)) continue;
    text += fmt::format("{}{}={}", text.empty() ? "" : "; ", k_keys[i], stmt.column_text(i));
  }
  if (text.empty()) return std::nullopt;
  return text;
}

}  // namespace

bool empty(Session& session) {
  auto stmt = session.db().prepare("SELECT coalesce(stamm_name, '') = '' FROM econsult_settings WHERE id = 1");
  return stmt.step() && stmt.column_int(0) != 0;
}

void copy_from_location(Session& session, std::int64_t location_id) {
  auto loc = session.db().prepare("SELECT name FROM locations WHERE id = ?");
  loc.bind(1, location_id);
  if (!loc.step()) throw NotFound(fmt::format("location #{} does not exist", location_id), "ecadm location list");
  std::string location_name = loc.column_text(0);
  auto old_value = snapshot(session);
  session.db()
      .prepare(
          "UPDATE econsult_settings SET "
          "stamm_name = (SELECT name FROM firm WHERE id = 1), stamm_street = l.street, "
          "stamm_house_number = l.house_number, stamm_zip = l.zip, stamm_city = l.city, stamm_country = l.country, "
          "stamm_phone = l.phone, stamm_fax = l.fax, stamm_email = l.email "
          "FROM (SELECT * FROM locations WHERE id = ?) AS l WHERE econsult_settings.id = 1")
      .bind_all(location_id)
      .run();
  audit::record(session, "settings.set-stammdaten", "stammdaten", old_value,
                fmt::format("{} (from location '{}')", snapshot(session).value_or(""), location_name));
}

}  // namespace ecadm::stammdaten
