// ecadm audit [--since DATE] [--limit N]
#include <fmt/format.h>

#include "commands.hpp"
#include "ecadm/audit.hpp"

namespace ecadm::cli {
namespace {

struct AuditOptions {
  std::string since;
  int limit = 100;
};

}  // namespace

void setup_audit(CLI::App& command, Context& ctx) {
  auto o = std::make_shared<AuditOptions>();
  command.require_subcommand(0);
  command.add_option("--since", o->since, "Only entries at or after this date (YYYY-MM-DD) or UTC time");
  command.add_option("--limit", o->limit, "At most this many of the newest entries")->capture_default_str();
  command.callback([&ctx, o] {
    auto since = o->since.empty() ? std::nullopt : std::optional<std::string>(o->since);
    auto entries = audit::list(ctx.session(), since, o->limit);
    if (ctx.json()) {
      nlohmann::json items = nlohmann::json::array();
      for (const auto& e : entries)
        items.push_back({{"id", e.id},
                         {"at", e.at},
                         {"actor", optional_json(e.actor)},
                         {"action", e.action},
                         {"object", e.object},
                         {"old", optional_json(e.old_value)},
                         {"new", optional_json(e.new_value)}});
      ctx.print_json({{"items", items}});
      return;
    }
    for (const auto& e : entries)
      ctx.print_line(fmt::format("{}  {}  {}  {}  {} -> {}", e.at, e.actor.value_or("-"), e.action, e.object,
                                 e.old_value.value_or("-"), e.new_value.value_or("-")));
    if (entries.empty()) ctx.note("no audit entries");
  });
}

}  // namespace ecadm::cli
