// ecadm doctor [--insurer BAFIN] [--online] [--strict]
#include <fmt/format.h>

#include "commands.hpp"
#include "ecadm/doctor.hpp"
#include "ecadm/error.hpp"

namespace ecadm::cli {
namespace {

struct DoctorOptions {
  std::string insurer;
  bool online = false;
  bool strict = false;
};

nlohmann::json to_json(const doctor::Report& report) {
  nlohmann::json checks = nlohmann::json::array();
  for (const auto& c : report.checks)
    checks.push_back({{"id", c.id}, {"status", c.status}, {"message", c.message}, {"fix", c.fix}});
  nlohmann::json insurers = nlohmann::json::array();
  for (const auto& i : report.insurers)
    insurers.push_back({{"bafin", i.bafin}, {"name", i.name}, {"ready", i.ready}, {"missing", i.missing}});
  return {{"ready", report.ready}, {"checks", checks}, {"insurers", insurers}};
}

void print_text(Context& ctx, const doctor::Report& report) {
  int failures = 0, warnings = 0;
  for (const auto& c : report.checks) {
    failures += c.status == "fail";
    warnings += c.status == "warn";
    if (ctx.opts.quiet && (c.status == "ok" || c.status == "info")) continue;
    ctx.print_line(fmt::format("{:<6}{}: {}", c.status, c.id, c.message));
    if (!c.fix.empty() && c.status != "ok") ctx.print_line(fmt::format("      fix: {}", c.fix));
  }
  for (const auto& i : report.insurers) {
    if (i.ready && ctx.opts.verbose == 0) continue;
    std::string missing;
    for (const auto& m : i.missing) missing += (missing.empty() ? "" : ", ") + m;
    ctx.print_line(i.ready ? fmt::format("insurer {} {}: ready", i.bafin, i.name)
                           : fmt::format("insurer {} {}: not ready (missing {})", i.bafin, i.name, missing));
  }
  ctx.print_line(fmt::format("{}: {} failure{}, {} warning{}", report.ready ? "ready" : "not ready", failures,
                             failures == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s"));
}

}  // namespace

void setup_doctor(CLI::App& command, Context& ctx) {
  auto o = std::make_shared<DoctorOptions>();
  command.require_subcommand(0);
  command.add_option("--insurer", o->insurer, "Check only this insurer's requirements (BaFin number)");
  command.add_flag("--online", o->online, "Also check the credentials and endpoint against e.Consult");
  command.add_flag("--strict", o->strict, "Treat warnings as failures");
  command.footer("Exit status: 0 when no check fails (warnings only with --strict), 6 when one does.");
  command.callback([&ctx, o] {
    doctor::Options options;
    if (!o->insurer.empty()) options.insurer = o->insurer;
    options.online = o->online;
    options.strict = o->strict;
    auto report = doctor::run(ctx.session(), options);
    if (ctx.json())
      ctx.print_json(to_json(report));
    else
      print_text(ctx, report);
    if (!report.ready) ctx.exit_code = static_cast<int>(ExitCode::not_ready);
  });
}

}  // namespace ecadm::cli
