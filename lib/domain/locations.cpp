#include "ecadm/locations.hpp"

#include <fmt/format.h>

#include "ecadm/audit.hpp"
#include "ecadm/error.hpp"
#include "ecadm/policy.hpp"
#include "ecadm/stammdaten.hpp"
#include "ecadm/validation.hpp"

namespace ecadm::locations {
namespace {

// e.Consult passes phone and fax numbers on as text; refuse what no one can dial.
std::string check_phone(const std::string& input, const char* field) {
  std::string value = validation::check_text(input, field, 40);
  int digits = 0;
  for (char c : value) {
    if (std::isdigit(static_cast<unsigned char>(c)))
      ++digits;
    else if (std::string_view(" +-/().").find(c) == std::string_view::npos)
      throw InvalidData(field, fmt::format("'{}' may hold only digits, spaces and + - / ( ) .", value));
  }
  if (digits < 3) throw InvalidData(field, fmt::format("'{}' holds fewer than 3 digits", value));
  return value;
}

bool same_data(const Location& a, const Location& b) {
  return a.street == b.street && a.house_number == b.house_number && a.zip == b.zip && a.city == b.city &&
         a.country == b.country && a.phone == b.phone && a.fax == b.fax && a.email == b.email;
}

std::vector<Location> query(Session& session, const std::optional<std::string>& name) {
  auto stmt = session.db().prepare(
      "SELECT name, street, house_number, zip, city, country, phone, fax, email, created_at FROM locations "
      "WHERE ?1 IS NULL OR name = ?1 ORDER BY id");
  stmt.bind(1, name);
  std::vector<Location> result;
  while (stmt.step())
    result.push_back({stmt.column_text(0), stmt.column_text(1), stmt.column_text(2), stmt.column_text(3),
                      stmt.column_text(4), stmt.column_text(5), stmt.column_optional_text(6),
                      stmt.column_optional_text(7), stmt.column_optional_text(8), stmt.column_text(9)});
  return result;
}

std::string describe(const Location& l) {
  return fmt::format("{} {}, {} {}, {}", l.street, l.house_number, l.zip, l.city, l.country);
}

}  // namespace

Location normalize(const Location& in) {
  Location out;
  out.name = validation::check_text(in.name, "name", 100);
  out.street = validation::check_text(in.street, "street", 100);
  out.house_number = validation::check_text(in.house_number, "house-number", 20);
  out.city = validation::check_text(in.city, "city", 100);
  out.country = validation::check_country(in.country);
  out.zip = validation::check_zip(in.zip, out.country);
  if (in.phone) out.phone = check_phone(*in.phone, "phone");
  if (in.fax) out.fax = check_phone(*in.fax, "fax");
  if (in.email) out.email = validation::check_email(*in.email);
  return out;
}

Change add(Session& session, const Location& input) {
  Location loc = normalize(input);
  return session.write([&]() -> Change {
    policy::require(session, policy::Operation::locations, fmt::format("add location '{}'", loc.name));
    auto existing = query(session, loc.name);
    if (!existing.empty()) {
      if (same_data(existing.front(), loc)) return {false, fmt::format("location '{}' already exists", loc.name)};
      throw InvalidData(
          "name",
          fmt::format("location '{}' already exists with other data ({})", loc.name, describe(existing.front())),
          "ecadm location list");
    }
    session.db()
        .prepare(
            "INSERT INTO locations (name, street, house_number, zip, city, country, phone, fax, email, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(loc.name, loc.street, loc.house_number, loc.zip, loc.city, loc.country, loc.phone, loc.fax, loc.email,
                  session.now_utc())
        .run();
    auto id = session.db().last_insert_rowid();
    audit::record(session, "location.add", "location:" + loc.name, std::nullopt, describe(loc));
    std::string message = fmt::format("added location '{}' ({})", loc.name, describe(loc));
    if (stammdaten::empty(session)) {
      stammdaten::copy_from_location(session, id);
      message += "; copied its data into the empty e.Consult master data (Stammdaten)";
    }
    return {true, message};
  });
}

std::vector<Location> list(Session& session) {
  return query(session, std::nullopt);
}

}  // namespace ecadm::locations
