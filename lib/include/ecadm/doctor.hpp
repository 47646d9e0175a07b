#pragma once
// `ecadm doctor`: can this firm communicate through e.Consult, and if not, why?
// Every check is one line with a status and, when something is wrong, the exact
// command that fixes it (SPEC.md "Doctor"). Read-only: never writes, needs no acting user.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ecadm/session.hpp"

namespace ecadm::doctor {

struct Check {
  std::string id;       ///< "plan", "postfach", "insurer.5826.adac-agb"
  std::string status;   ///< "ok", "warn", "fail" or "info"
  std::string message;  ///< one line, without the id: "no credentials"
  std::string fix;      ///< the command that fixes it; empty when there is nothing to fix
};

/// Whether the firm meets one insurer's requirements.
struct InsurerReadiness {
  std::string bafin;
  std::string name;
  bool ready = true;
  /// Unmet requirements: "bankverbindung", "adac-partnernummer", "adac-agb".
  std::vector<std::string> missing;
};

struct Report {
  bool ready = true;
  std::vector<Check> checks;
  std::vector<InsurerReadiness> insurers;
};

struct Options {
  /// Narrows the insurer checks to this BaFin number.
  std::optional<std::string> insurer;
  /// Also check the credentials and endpoint against e.Consult.
  bool online = false;
  /// Warnings make the report not ready, too.
  bool strict = false;
  /// The online check; when empty, online_checks() (GET /ping) is used.
  std::function<std::vector<Check>(Session&)> online_check;
};

/// Runs every check against the store and returns the report; `ready` is false when a
/// check failed (with strict, also when one warned). Never writes. Throws NotFound when
/// options.insurer names an insurer that is neither in the directory nor well known.
Report run(Session& session, const Options& options);

/// The insurer part of the report: one fail check per unmet requirement of each
/// insurer that has it (or only of options.insurer), and each insurer's readiness.
/// Falls back to the well-known requirements of R+V (5836) and ADAC (5826) while the
/// directory is empty. Throws NotFound for an unknown options.insurer.
void check_insurers(Session& session, const Options& options, Report& report);

/// `ecadm --as ADMIN COMMAND`, ADMIN being the firm's first active admin: doctor needs
/// no acting user, but its fixes do, and each must work as printed.
std::string as_admin(Session& session, std::string_view command);

/// The --online checks: endpoint and Postfach credentials against GET /ping, and the
/// clock against the server's time. Never throws for e.Consult's answers: each
/// becomes a failing check with its fix.
std::vector<Check> online_checks(Session& session);

/// True when the store holds a table of this name (sqlite_master).
bool table_exists(Session& session, const std::string& table);

}  // namespace ecadm::doctor
