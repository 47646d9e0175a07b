#pragma once
// What every command callback gets: the global options, the streams, the session
// (opened on first use, in one place) and the renderers for text and JSON.
#include <iosfwd>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "ecadm/change.hpp"
#include "ecadm/session.hpp"

namespace ecadm::cli {

struct GlobalOptions {
  std::string store;
  std::string as;
  std::string output = "text";
  bool json = false;
  bool quiet = false;
  int verbose = 0;
  bool no_color = false;
  bool dry_run = false;
};

class Context {
 public:
  Context(std::ostream& out, std::ostream& err, std::istream& in) : m_out(out), m_err(err), m_in(in) {}

  GlobalOptions opts;
  /// The exit status of a command that rendered its result and still did not succeed
  /// (`doctor` with failures exits 6 without an error document).
  int exit_code = 0;

  bool json() const { return opts.json || opts.output == "json"; }
  std::ostream& out() { return m_out; }
  std::ostream& err() { return m_err; }
  std::istream& in() { return m_in; }

  /// The options a Session is opened with: store path, key file, acting user, dry run.
  SessionOptions session_options() const;
  /// Opens the store on first use. Throws NotReady when there is none.
  Session& session();

  /// Renders a write's outcome: the message (text) or {"changed","dry_run","message"} (JSON).
  void print_change(const Change& change, nlohmann::json extra = nlohmann::json::object());
  /// Prints one JSON document to stdout.
  void print_json(const nlohmann::json& doc);
  /// Prints one line of text to stdout (text mode only).
  void print_line(std::string_view line);
  /// Prints a note to stderr unless --quiet (text mode only).
  void note(std::string_view line);

 private:
  std::ostream& m_out;
  std::ostream& m_err;
  std::istream& m_in;
  std::unique_ptr<Session> m_session;
};

/// A JSON value for an optional one: the value, or null.
template <typename T>
nlohmann::json optional_json(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

/// Reads a secret from --password-file, or from stdin for --password-stdin.
/// Exactly one of the two must be given (UsageError otherwise).
std::string read_password(Context& ctx, bool from_stdin, const std::string& file, std::string_view field);

}  // namespace ecadm::cli
