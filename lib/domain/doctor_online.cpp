// doctor --online: the endpoint, the credentials and the clock against GET /ping.
#include <fmt/format.h>

#include <chrono>
#include <sstream>

#include "ecadm/doctor.hpp"
#include "ecadm/econsult/connection.hpp"
#include "ecadm/error.hpp"

namespace ecadm::doctor {
namespace {

constexpr auto k_max_clock_skew = std::chrono::minutes(5);
constexpr const char* k_credentials_fix = "postfach set-credentials --kanzlei-id ID --username USER --password-stdin";

std::optional<std::chrono::system_clock::time_point> parse_utc(const std::string& text) {
  std::tm tm{};
  std::istringstream in(text);
  in >> std::get_time(&tm, "%Y-%m-%dT%H:%M:%S");
  if (in.fail()) return std::nullopt;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

}  // namespace

std::vector<Check> online_checks(Session& session) {
  std::vector<Check> checks;
  std::unique_ptr<econsult::Connection> link;
  try {
    link = econsult::Connection::open(session);
  } catch (const Error& e) {
    // the offline checks already name what is missing; say why nothing was asked
    checks.push_back({"online", "fail", fmt::format("cannot ask e.Consult: {}", e.what()), e.hint()});
    return checks;
  }
  try {
    auto pong = link->client().ping();
    checks.push_back(
        {"online", "ok",
         fmt::format("e.Consult at {} accepts Kanzlei-ID '{}', user '{}'", link->url(), pong.kanzlei_id, pong.benutzer),
         ""});
    if (auto server = parse_utc(pong.serverzeit)) {
      auto skew = std::chrono::duration_cast<std::chrono::seconds>(session.clock().now() - *server);
      if (std::chrono::abs(skew) > k_max_clock_skew)
        checks.push_back({"clock", "warn",
                          fmt::format("the local clock differs from e.Consult's by {} s", skew.count()),
                          "synchronise the system clock (e.g. timedatectl set-ntp true)"});
      else
        checks.push_back({"clock", "ok", fmt::format("in step with e.Consult ({} s apart)", skew.count()), ""});
    }
  } catch (const Rejected& e) {
    bool credentials = e.server_code() == "ZUGANG";
    checks.push_back({"online", "fail",
                      credentials ? fmt::format("e.Consult at {} refused the Postfach credentials", link->url())
                                  : fmt::format("e.Consult at {} refused the check: {}", link->url(), e.what()),
                      credentials ? as_admin(session, k_credentials_fix) : e.hint()});
  } catch (const Temporary& e) {
    checks.push_back({"online", "fail", fmt::format("e.Consult at {} is not reachable: {}", link->url(), e.what()),
                      "check the endpoint (ecadm settings set-endpoint URL) and the network, then try again"});
  }
  return checks;
}

}  // namespace ecadm::doctor
