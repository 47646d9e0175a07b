#include "ecadm/stammdaten.hpp"

#include <fmt/format.h>

#include "ecadm/audit.hpp"
#include "ecadm/error.hpp"

namespace ecadm::stammdaten {

bool empty(Session& session) {
  auto stmt = session.db().prepare("SELECT coalesce(stamm_name, '') = '' FROM econsult_settings WHERE id = 1");
  return stmt.step() && stmt.column_int(0) != 0;
}

void copy_from_location(Session& session, std::int64_t location_id) {
  auto loc = session.db().prepare("SELECT name FROM locations WHERE id = ?");
  loc.bind(1, location_id);
  if (!loc.step()) throw NotFound(fmt::format("location #{} does not exist", location_id), "ecadm location list");
  std::string location_name = loc.column_text(0);
  session.db()
      .prepare(
          "UPDATE econsult_settings SET "
          "stamm_name = (SELECT name FROM firm WHERE id = 1), stamm_street = l.street, "
          "stamm_house_number = l.house_number, stamm_zip = l.zip, stamm_city = l.city, stamm_country = l.country, "
          "stamm_phone = l.phone, stamm_fax = l.fax, stamm_email = l.email "
          "FROM (SELECT * FROM locations WHERE id = ?) AS l WHERE econsult_settings.id = 1")
      .bind_all(location_id)
      .run();
  audit::record(session, "settings.set-stammdaten", "stammdaten", std::nullopt,
                fmt::format("from location '{}'", location_name));
}

}  // namespace ecadm::stammdaten
