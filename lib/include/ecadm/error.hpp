#pragma once
// The error hierarchy of libecadm. Each type maps 1:1 to an exit code of SPEC.md
// "Exit status"; only the top of cli/ catches them.
#include <optional>
#include <stdexcept>
#include <string>

namespace ecadm {

enum class ExitCode : int {
  ok = 0,
  failure = 1,
  usage = 2,
  invalid = 3,
  not_permitted = 4,
  not_found = 5,
  not_ready = 6,
  rejected = 7,
  temporary = 75,
  interrupted = 130,
};

/// The stable machine name of an exit code ("not_permitted"), used in JSON errors.
const char* exit_code_name(ExitCode code);

/// Base of every error libecadm throws: a message in the style of STYLE.md rule 6
/// (lowercase, subject quoted, no full stop) and an optional hint naming the fix.
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, std::string message, std::string hint = {})
      : std::runtime_error(std::move(message)), m_code(code), m_hint(std::move(hint)) {}
  ExitCode code() const { return m_code; }
  const std::string& hint() const { return m_hint; }

 private:
  ExitCode m_code;
  std::string m_hint;
};

/// Exit 1: I/O error, corrupt store, bug.
struct Failure : Error {
  explicit Failure(std::string message, std::string hint = {})
      : Error(ExitCode::failure, std::move(message), std::move(hint)) {}
};
/// Exit 2: the command line is wrong.
struct UsageError : Error {
  explicit UsageError(std::string message, std::string hint = {})
      : Error(ExitCode::usage, std::move(message), std::move(hint)) {}
};
/// Exit 3: a value breaks a rule. Carries the field and the rule it broke; without a
/// hint of its own, the hint says which value to correct.
struct InvalidData : Error {
  InvalidData(std::string field, std::string rule, std::string hint = {})
      : Error(ExitCode::invalid, "invalid " + field + ": " + rule,
              hint.empty() ? "correct the " + field + " and run the command again" : std::move(hint)),
        m_field(std::move(field)) {}
  const std::string& field() const { return m_field; }

 private:
  std::string m_field;
};
/// Exit 4: plan, permission, licence seat or add-on missing.
struct NotPermitted : Error {
  explicit NotPermitted(std::string message, std::string hint = {})
      : Error(ExitCode::not_permitted, std::move(message), std::move(hint)) {}
};
/// Exit 5: user, Akte, insurer or message not found.
struct NotFound : Error {
  explicit NotFound(std::string message, std::string hint = {})
      : Error(ExitCode::not_found, std::move(message), std::move(hint)) {}
};
/// Exit 6: required settings or credentials missing.
struct NotReady : Error {
  explicit NotReady(std::string message, std::string hint = {})
      : Error(ExitCode::not_ready, std::move(message), std::move(hint)) {}
};
/// Exit 7: e.Consult refused the request for good (credentials, validation, requirement).
struct Rejected : Error {
  Rejected(std::string message, std::string hint = {}, std::string server_code = {}, std::string field = {})
      : Error(ExitCode::rejected, std::move(message), std::move(hint)),
        m_server_code(std::move(server_code)),
        m_field(std::move(field)) {}
  const std::string& server_code() const { return m_server_code; }
  const std::string& field() const { return m_field; }

 private:
  std::string m_server_code;
  std::string m_field;
};
/// Exit 75: e.Consult unreachable, throttled or failing; try again later.
struct Temporary : Error {
  explicit Temporary(std::string message, std::string hint = {}, std::optional<int> retry_after_seconds = std::nullopt)
      : Error(ExitCode::temporary, std::move(message), std::move(hint)), m_retry_after(retry_after_seconds) {}
  std::optional<int> retry_after_seconds() const { return m_retry_after; }

 private:
  std::optional<int> m_retry_after;
};
/// Exit 130: interrupted by a signal; work done so far is kept.
struct Interrupted : Error {
  explicit Interrupted(std::string message = "interrupted") : Error(ExitCode::interrupted, std::move(message)) {}
};

}  // namespace ecadm
