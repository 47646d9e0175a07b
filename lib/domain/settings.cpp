// Reading the e.Consult settings, and the master data (Stammdaten).
#include "ecadm/settings.hpp"

#include <fmt/format.h>

#include <vector>

#include "ecadm/audit.hpp"
#include "ecadm/error.hpp"
#include "ecadm/policy.hpp"
#include "ecadm/stammdaten.hpp"
#include "ecadm/validation.hpp"

namespace ecadm::settings {
namespace {

constexpr const char* k_stamm_columns =
    "stamm_name, stamm_street, stamm_house_number, stamm_zip, stamm_city, stamm_country, stamm_phone, stamm_fax, "
    "stamm_email";

Stammdaten read_stammdaten(store::Statement& stmt, int first) {
  Stammdaten s;
  s.name = stmt.column_optional_text(first);
  s.street = stmt.column_optional_text(first + 1);
  s.house_number = stmt.column_optional_text(first + 2);
  s.zip = stmt.column_optional_text(first + 3);
  s.city = stmt.column_optional_text(first + 4);
  s.country = stmt.column_optional_text(first + 5);
  s.phone = stmt.column_optional_text(first + 6);
  s.fax = stmt.column_optional_text(first + 7);
  s.email = stmt.column_optional_text(first + 8);
  return s;
}

Stammdaten current_stammdaten(Session& session) {
  auto stmt = session.db().prepare(fmt::format("SELECT {} FROM econsult_settings WHERE id = 1", k_stamm_columns));
  if (!stmt.step()) throw Failure("the store has no e.Consult settings row", "ecadm doctor");
  return read_stammdaten(stmt, 0);
}

// One line for the audit log: every field that is set, in a fixed order.
std::optional<std::string> describe(const Stammdaten& s) {
  std::vector<std::string> parts;
  auto add = [&](const char* key, const std::optional<std::string>& v) {
    if (v) parts.push_back(fmt::format("{}={}", key, *v));
  };
  add("name", s.name);
  add("street", s.street);
  add("house-number", s.house_number);
  add("zip", s.zip);
  add("city", s.city);
  add("country", s.country);
  add("phone", s.phone);
  add("fax", s.fax);
  add("email", s.email);
  if (parts.empty()) return std::nullopt;
  return fmt::format("{}", fmt::join(parts, "; "));
}

std::string missing_fields(const Stammdaten& s) {
  std::vector<std::string> missing;
  if (!s.name) missing.emplace_back("name");
  if (!s.street) missing.emplace_back("street");
  if (!s.house_number) missing.emplace_back("house-number");
  if (!s.zip) missing.emplace_back("zip");
  if (!s.city) missing.emplace_back("city");
  if (!s.country) missing.emplace_back("country");
  if (!s.email) missing.emplace_back("email");
  return fmt::format("{}", fmt::join(missing, ", "));
}

std::optional<std::string> optional_phone(const std::optional<std::string>& v, const char* field) {
  if (!v || v->find_first_not_of(" \t") == std::string::npos) return std::nullopt;
  return validation::check_phone(*v, field);
}

}  // namespace

bool Stammdaten::complete() const {
  return name && street && house_number && zip && city && country && email;
}

Settings show(Session& session) {
  auto stmt = session.db().prepare(fmt::format(
      "SELECT {}, bank_holder, bank_iban, bank_bic, adac_partner_number, adac_agb_version, adac_agb_accepted_by, "
      "adac_agb_accepted_at, endpoint, cacert, (SELECT name FROM firm WHERE id = 1) "
      "FROM econsult_settings WHERE id = 1",
      k_stamm_columns));
  if (!stmt.step() || stmt.is_null(18))
    throw NotReady("the store holds no firm", "ecadm init --firm NAME --admin LOGIN");
  Settings s;
  s.stammdaten = read_stammdaten(stmt, 0);
  if (!stmt.is_null(10)) s.bank = Bank{stmt.column_text(9), stmt.column_text(10), stmt.column_optional_text(11)};
  s.adac = {stmt.column_optional_text(12), stmt.column_optional_text(13), stmt.column_optional_text(14),
            stmt.column_optional_text(15)};
  if (!stmt.is_null(16)) s.endpoint = Endpoint{stmt.column_text(16), stmt.column_optional_text(17)};
  auto z = session.db().prepare(
      "SELECT username, length(password_box) > 0, updated_at FROM zentralruf_credentials WHERE id = 1");
  if (z.step()) s.zentralruf = ZentralrufInfo{z.column_text(0), z.column_int(1) != 0, z.column_text(2)};
  return s;
}

std::optional<Endpoint> load_endpoint(Session& session) {
  auto stmt =
      session.db().prepare("SELECT endpoint, cacert FROM econsult_settings WHERE id = 1 AND endpoint IS NOT NULL");
  if (!stmt.step()) return std::nullopt;
  return Endpoint{stmt.column_text(0), stmt.column_optional_text(1)};
}

Change set_stammdaten(Session& session, const Stammdaten& data) {
  Stammdaten next;
  next.name = validation::check_text(data.name.value_or(""), "name");
  next.street = validation::check_text(data.street.value_or(""), "street");
  next.house_number = validation::check_text(data.house_number.value_or(""), "house-number", 20);
  next.country = validation::check_country(data.country.value_or("DE"));
  next.zip = validation::check_zip(validation::check_text(data.zip.value_or(""), "zip", 10), *next.country);
  next.city = validation::check_text(data.city.value_or(""), "city");
  next.email = validation::check_email(validation::check_text(data.email.value_or(""), "email", 254));
  next.phone = optional_phone(data.phone, "phone");
  next.fax = optional_phone(data.fax, "fax");

  return session.write([&]() -> Change {
    policy::require(session, policy::Operation::firm_settings, "change the e.Consult master data");
    Stammdaten old = current_stammdaten(session);
    if (old == next) return {false, fmt::format("the master data already hold '{}'", *next.name)};
    session.db()
        .prepare(
            "UPDATE econsult_settings SET stamm_name = ?, stamm_street = ?, stamm_house_number = ?, stamm_zip = ?, "
            "stamm_city = ?, stamm_country = ?, stamm_phone = ?, stamm_fax = ?, stamm_email = ? WHERE id = 1")
        .bind_all(next.name, next.street, next.house_number, next.zip, next.city, next.country, next.phone, next.fax,
                  next.email)
        .run();
    audit::record(session, "settings.set-stammdaten", "stammdaten", describe(old), describe(next));
    return {true, fmt::format("set the master data to '{}', {} {}, {} {}", *next.name, *next.street, *next.house_number,
                              *next.zip, *next.city)};
  });
}

Change set_stammdaten_from_location(Session& session, const std::optional<std::string>& location) {
  return session.write([&]() -> Change {
    policy::require(session, policy::Operation::firm_settings, "change the e.Consult master data");
    auto find = session.db().prepare(location ? std::string("SELECT id, name FROM locations WHERE name = ?")
                                              : std::string("SELECT id, name FROM locations ORDER BY id LIMIT 1"));
    if (location) find.bind(1, *location);
    if (!find.step()) {
      if (location) throw NotFound(fmt::format("location '{}' does not exist", *location), "ecadm location list");
      throw NotFound("cannot copy the master data from a location: the firm has no location",
                     "ecadm location add NAME --street S --house-number N --zip Z --city C");
    }
    std::int64_t id = find.column_int(0);
    std::string name = find.column_text(1);
    auto wanted_stmt = session.db().prepare(
        "SELECT (SELECT name FROM firm WHERE id = 1), street, house_number, zip, city, country, phone, fax, email "
        "FROM locations WHERE id = ?");
    wanted_stmt.bind(1, id);
    wanted_stmt.step();
    Stammdaten wanted = read_stammdaten(wanted_stmt, 0);
    if (current_stammdaten(session) == wanted)
      return {false, fmt::format("the master data already match location '{}'", name)};
    stammdaten::copy_from_location(session, id);
    std::string message = fmt::format("set the master data from location '{}'", name);
    if (!wanted.complete()) message += fmt::format(" (still missing: {})", missing_fields(wanted));
    return {true, message};
  });
}

}  // namespace ecadm::settings
