#include "context.hpp"

#include <cstdlib>
#include <iostream>

#include "ecadm/error.hpp"
#include "ecadm/secrets.hpp"

namespace ecadm::cli {

SessionOptions Context::session_options() const {
  SessionOptions options;
  options.store = opts.store.empty() ? default_store_path() : std::filesystem::path(opts.store);
  if (const char* key = std::getenv("ECADM_KEY_FILE"); key && *key) options.key_file = key;
  if (!opts.as.empty()) options.acting_login = opts.as;
  options.dry_run = opts.dry_run;
  return options;
}

Session& Context::session() {
  if (!m_session) m_session = std::make_unique<Session>(session_options());
  return *m_session;
}

void Context::print_change(const Change& change, nlohmann::json extra) {
  if (json()) {
    extra["changed"] = change.changed && !opts.dry_run;
    extra["dry_run"] = opts.dry_run;
    extra["message"] = change.message;
    print_json(extra);
    return;
  }
  if (opts.dry_run)
    m_out << "dry run: " << change.message << " (nothing was changed)\n";
  else if (!opts.quiet || change.changed)
    m_out << change.message << "\n";
}

void Context::print_json(const nlohmann::json& doc) {
  m_out << doc.dump(2) << "\n";
}

void Context::print_line(std::string_view line) {
  if (!json()) m_out << line << "\n";
}

void Context::note(std::string_view line) {
  if (!json() && !opts.quiet) m_err << line << "\n";
}

std::string read_password(Context& ctx, bool from_stdin, const std::string& file, std::string_view field) {
  if (from_stdin == !file.empty())
    throw UsageError(std::string(field) + " must come from exactly one of --password-stdin and --password-file",
                     "printf '%s\\n' \"$PASSWORD\" | ecadm ... --password-stdin");
  return from_stdin ? secrets::read_secret(ctx.in(), field) : secrets::read_secret_file(file, field);
}

}  // namespace ecadm::cli
