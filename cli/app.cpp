#include "app.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>

#include "commands.hpp"
#include "context.hpp"
#include "ecadm/error.hpp"
#include "ecadm/interrupt.hpp"

namespace ecadm::cli {
namespace {

void add_global_options(CLI::App& app, GlobalOptions& o) {
  const char* group = "Global options";
  app.add_option("--store", o.store, "The store (default $XDG_DATA_HOME/ecadm/ecadm.db)")
      ->envname("ECADM_STORE")
      ->group(group);
  app.add_option("--as", o.as, "Act as this user")->envname("ECADM_USER")->group(group);
  app.add_option("--output", o.output, "Output format")->check(CLI::IsMember({"text", "json"}))->group(group);
  app.add_flag("--json", o.json, "Short for --output json")->group(group);
  app.add_flag("-q,--quiet", o.quiet, "Print only results and errors")->group(group);
  app.add_flag("-v,--verbose", o.verbose, "Say more")->group(group);
  app.add_flag("--no-color", o.no_color, "No colour (also NO_COLOR)")->group(group);
  app.add_flag("-n,--dry-run", o.dry_run, "Check and show what would change; change nothing")->group(group);
}

// JSON mode must hold even when parsing failed halfway: look at the raw arguments.
bool wants_json(const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--json" || args[i] == "--output=json") return true;
    if (args[i] == "--output" && i + 1 < args.size() && args[i + 1] == "json") return true;
  }
  return false;
}

int report(std::ostream& err, bool json, ExitCode code, std::string_view message, std::string_view hint) {
  if (json) {
    nlohmann::json error = {{"code", exit_code_name(code)}, {"message", message}, {"exit", static_cast<int>(code)}};
    if (!hint.empty()) error["hint"] = hint;
    err << nlohmann::json{{"error", error}}.dump() << "\n";
  } else {
    err << "ecadm: error: " << message << "\n";
    if (!hint.empty()) err << "hint: " << hint << "\n";
  }
  return static_cast<int>(code);
}

std::string command_path(const CLI::App* app) {
  std::string path;
  for (; app && app->get_parent(); app = app->get_parent()) path = app->get_name() + (path.empty() ? "" : " ") + path;
  return path;
}

// CLI11 reports a mistyped command, or an unknown option before the command, as "A
// subcommand is required": a word left over where a command group needed one of its
// commands is named instead, a command word rather than an option when there is one.
std::optional<std::string> unknown_word(const CLI::App& app, const CLI::App& group) {
  if (group.get_subcommands([](const CLI::App*) { return true; }).empty()) return std::nullopt;
  const auto left = app.remaining(true);
  const std::string path = command_path(&group);
  for (const auto& word : left)
    if (!word.empty() && word.front() != '-')
      return fmt::format("unknown command '{}{}{}'", path, path.empty() ? "" : " ", word);
  for (const auto& word : left)
    if (word.size() > 1) return fmt::format("unknown option '{}'", word);
  return std::nullopt;
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, std::istream& in) {
  Context ctx(out, err, in);
  CLI::App app("ecadm: administer a law firm's e.Consult interface", "ecadm");
  app.fallthrough();
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("ecadm ") + ECADM_VERSION);
  app.footer(
      "Global options (--store, --as, --json, --dry-run, -q, -v) may follow any command.\n"
      "Exit status: 0 ok, 1 failure, 2 usage, 3 invalid data, 4 not permitted, 5 not found,\n"
      "6 not ready, 7 rejected by e.Consult, 75 temporary, 130 interrupted. See ecadm(1).\n");
  add_global_options(app, ctx.opts);
  for (const auto& group : command_table()) group.setup(*app.add_subcommand(group.name, group.summary), ctx);

  std::vector<const char*> argv{"ecadm"};
  for (const auto& a : args) argv.push_back(a.c_str());
  bool json = wants_json(args);
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
    return ctx.exit_code;
  } catch (const CLI::CallForHelp&) {
    const CLI::App* shown = &app;
    while (!shown->get_subcommands().empty()) shown = shown->get_subcommands().front();
    // CLI11 names a subcommand's usage by its own name; give it its full path
    std::string parents = shown->get_parent() ? command_path(shown->get_parent()) : "";
    out << (shown->get_parent() ? shown->help("ecadm" + (parents.empty() ? "" : " " + parents)) : shown->help());
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion&) {
    if (json || ctx.json())
      out << nlohmann::json{{"version", ECADM_VERSION}}.dump() << "\n";
    else
      out << app.version() << "\n";
    return 0;
  } catch (const CLI::ParseError& e) {
    const CLI::App* failed = &app;
    while (!failed->get_subcommands().empty()) failed = failed->get_subcommands().front();
    const std::string path = command_path(failed);
    const auto hint = fmt::format("ecadm {}{}--help", path, path.empty() ? "" : " ");
    std::string message = unknown_word(app, *failed).value_or(e.what());
    if (message.starts_with("A subcommand is required"))  // CLI11's words for a group given alone
      message =
          path.empty() ? std::string("a command is required") : fmt::format("'ecadm {}' needs a subcommand", path);
    return report(err, json || ctx.json(), ExitCode::usage, message, hint);
  } catch (const Error& e) {
    if (interrupt_requested() && e.code() != ExitCode::interrupted)  // e.g. a read cut short by the signal
      return report(err, json || ctx.json(), ExitCode::interrupted,
                    "interrupted: nothing of the current step was changed", "");
    return report(err, json || ctx.json(), e.code(), e.what(), e.hint());
  } catch (const std::exception& e) {
    return report(err, json || ctx.json(), ExitCode::failure, fmt::format("unexpected failure: {}", e.what()),
                  "this is a bug if it persists: report it with the command you ran");
  }
}

int main(int argc, char** argv) {
  // SIGINT/SIGTERM only raise a flag: the library stops where that is safe and the
  // command exits 130 with its usual error output. A signal the caller had ignored
  // (a shell's background job ignores SIGINT) stays ignored.
  struct sigaction action {};
  action.sa_handler = [](int) { request_interrupt(); };
  sigemptyset(&action.sa_mask);
  for (int signal : {SIGINT, SIGTERM}) {
    struct sigaction previous {};
    if (sigaction(signal, nullptr, &previous) == 0 && previous.sa_handler == SIG_IGN) continue;
    sigaction(signal, &action, nullptr);
  }
  std::vector<std::string> args(argv + 1, argv + argc);
  return run(args, std::cout, std::cerr, std::cin);
}

}  // namespace ecadm::cli
