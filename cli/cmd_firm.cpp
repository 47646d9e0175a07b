// ecadm firm show | firm set-plan PLAN
#include <fmt/format.h>

#include "commands.hpp"
#include "ecadm/firm.hpp"

namespace ecadm::cli {

void setup_firm(CLI::App& command, Context& ctx) {
  command.require_subcommand(1);

  command.add_subcommand("show", "Show the firm")->callback([&ctx] {
    auto f = firm::show(ctx.session());
    if (ctx.json()) {
      ctx.print_json({{"name", f.name},
                      {"plan", f.plan},
                      {"created_at", f.created_at},
                      {"users", f.users},
                      {"locations", f.locations}});
      return;
    }
    ctx.print_line(fmt::format("name:      {}", f.name));
    ctx.print_line(fmt::format("plan:      {}", f.plan));
    ctx.print_line(fmt::format("created:   {}", f.created_at));
    ctx.print_line(fmt::format("users:     {}", f.users));
    ctx.print_line(fmt::format("locations: {}", f.locations));
  });

  auto plan = std::make_shared<std::string>();
  auto* set_plan = command.add_subcommand("set-plan", "Change the firm's plan (admin)");
  set_plan->add_option("plan", *plan, "basic, professional or enterprise")->required();
  set_plan->callback([&ctx, plan] { ctx.print_change(firm::set_plan(ctx.session(), *plan), {{"plan", *plan}}); });
}

}  // namespace ecadm::cli
