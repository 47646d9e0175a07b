// ecadm license show | add-seats N | remove-seats N | assign LOGIN... | unassign LOGIN...
//               | addon enable|disable passivmandatierung
#include <fmt/format.h>

#include "commands.hpp"
#include "ecadm/license.hpp"

namespace ecadm::cli {
namespace {

struct LicenseOptions {
  int seats = 0;
  std::vector<std::string> logins;
  std::string addon;
};

void print_license(Context& ctx, const license::LicenseInfo& info) {
  if (ctx.json()) {
    ctx.print_json(
        {{"plan", info.plan},
         {"seats", {{"total", info.total}, {"booked", info.booked}, {"assigned", info.assigned}, {"free", info.free}}},
         {"holders", info.holders},
         {"addons", {{std::string(license::k_passivmandatierung), info.passivmandatierung}}}});
    return;
  }
  std::string holders;
  for (const auto& login : info.holders) holders += (holders.empty() ? "" : ", ") + login;
  ctx.print_line(fmt::format("plan:               {}", info.plan));
  ctx.print_line(fmt::format("seats:              {} total ({} included with the add-on, {} booked)", info.total,
                             license::k_free_seats, info.booked));
  ctx.print_line(fmt::format("assigned:           {}", info.assigned));
  ctx.print_line(fmt::format("free:               {}", info.free));
  ctx.print_line(fmt::format("holders:            {}", holders.empty() ? "-" : holders));
  ctx.print_line(fmt::format("passivmandatierung: {}", info.passivmandatierung ? "enabled" : "disabled"));
}

}  // namespace

void setup_license(CLI::App& command, Context& ctx) {
  command.require_subcommand(1);
  auto opt = std::make_shared<LicenseOptions>();

  command.add_subcommand("show", "Show seats, who holds them, and the add-ons")->callback([&ctx] {
    print_license(ctx, license::show(ctx.session()));
  });

  auto* add = command.add_subcommand("add-seats", "Book N more seats (the add-on includes one free seat)");
  add->add_option("N", opt->seats, "How many seats to book (1 or more)")->required();
  add->callback([&ctx, opt] {
    ctx.print_change(license::add_seats(ctx.session(), opt->seats), {{"seats", opt->seats}});
  });

  auto* remove = command.add_subcommand("remove-seats", "Cancel N booked seats (not below the assigned seats)");
  remove->add_option("N", opt->seats, "How many seats to cancel (1 or more)")->required();
  remove->callback([&ctx, opt] {
    ctx.print_change(license::remove_seats(ctx.session(), opt->seats), {{"seats", opt->seats}});
  });

  auto* assign = command.add_subcommand("assign", "Give each user a seat (all or nothing)");
  assign->add_option("LOGIN", opt->logins, "Users to give a seat")->required();
  assign->callback([&ctx, opt] {
    ctx.print_change(license::assign(ctx.session(), opt->logins), {{"logins", opt->logins}});
  });

  auto* unassign = command.add_subcommand("unassign", "Take the seat from each user (all or nothing)");
  unassign->add_option("LOGIN", opt->logins, "Users to take the seat from")->required();
  unassign->callback([&ctx, opt] {
    ctx.print_change(license::unassign(ctx.session(), opt->logins), {{"logins", opt->logins}});
  });

  auto* addon = command.add_subcommand("addon", "Enable or disable a firm-wide add-on");
  addon->require_subcommand(1);
  for (bool enabled : {true, false}) {
    auto* action = addon->add_subcommand(enabled ? "enable" : "disable",
                                         enabled ? "Book the add-on (passivmandatierung)" : "Cancel the add-on");
    action->add_option("ADDON", opt->addon, "The add-on: passivmandatierung")->required();
    action->callback([&ctx, opt, enabled] {
      ctx.print_change(license::set_addon(ctx.session(), opt->addon, enabled),
                       {{"addon", opt->addon}, {"enabled", enabled}});
    });
  }
}

}  // namespace ecadm::cli
