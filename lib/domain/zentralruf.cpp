#include "ecadm/zentralruf.hpp"

#include <fmt/format.h>

#include "ecadm/econsult/codec.hpp"
#include "ecadm/econsult/connection.hpp"
#include "ecadm/error.hpp"
#include "ecadm/policy.hpp"
#include "ecadm/settings.hpp"
#include "ecadm/validation.hpp"

namespace ecadm::zentralruf {

Lookup lookup(Session& session, const std::string& kennzeichen, const std::string& datum) {
  Lookup result;
  result.kennzeichen = validation::normalize_plate(kennzeichen, "kennzeichen");
  result.datum = validation::check_date(datum, "datum", format_date(session.clock().now()));
  policy::require(session, policy::Operation::messaging, "ask the Zentralruf");
  auto credentials = settings::load_zentralruf(session);
  if (!credentials)
    throw NotReady("the Zentralruf credentials are not set",
                   "ecadm settings set-zentralruf --username USER --password-stdin");
  auto link = econsult::Connection::open(session, false);
  std::string body = econsult::encode(econsult::ZentralrufAnfrage{result.kennzeichen, result.datum, std::nullopt});
  try {
    result.auskunft = link->client().zentralruf(body, *credentials);
  } catch (const NotFound&) {
    throw NotFound(fmt::format("the Zentralruf knows no insurer for '{}' on {}", result.kennzeichen, result.datum),
                   "check the plate and the day of the accident");
  }
  auto row = session.db().prepare("SELECT name, schaden FROM insurers WHERE bafin = ?");
  row.bind(1, result.auskunft.bafin);
  if (row.step()) {
    result.directory_name = row.column_text(0);
    result.takes_schadenmeldung = row.column_int(1) != 0;
  }
  return result;
}

}  // namespace ecadm::zentralruf
