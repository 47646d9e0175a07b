// ecadm adac set-partner-number NR | adac accept-agb [--version V] | adac show
#include <fmt/format.h>

#include "commands.hpp"
#include "ecadm/adac.hpp"

namespace ecadm::cli {
namespace {

struct AdacOptions {
  std::string partner_number;
  std::string version;
};

void print_adac(Context& ctx, const adac::AdacInfo& info) {
  if (ctx.json()) {
    ctx.print_json({{"partner_number", optional_json(info.partner_number)},
                    {"agb",
                     {{"version", optional_json(info.agb_version)},
                      {"accepted_by", optional_json(info.agb_accepted_by)},
                      {"accepted_at", optional_json(info.agb_accepted_at)},
                      {"current_version", std::string(adac::k_current_agb_version)},
                      {"current", info.agb_current()}}}});
    return;
  }
  ctx.print_line(fmt::format("partner number: {}", info.partner_number.value_or("(not set)")));
  if (info.agb_version)
    ctx.print_line(fmt::format("terms:          '{}' accepted by '{}' at {}{}", *info.agb_version,
                               info.agb_accepted_by.value_or("?"), info.agb_accepted_at.value_or("?"),
                               info.agb_current() ? "" : fmt::format(" (current: '{}')", adac::k_current_agb_version)));
  else
    ctx.print_line(fmt::format("terms:          not accepted (current: '{}')", adac::k_current_agb_version));
}

}  // namespace

void setup_adac(CLI::App& command, Context& ctx) {
  command.require_subcommand(1);
  auto opt = std::make_shared<AdacOptions>();

  auto* partner = command.add_subcommand("set-partner-number", "Set the firm's ADAC partner number");
  partner->add_option("NR", opt->partner_number, "The partner number the ADAC gave the firm")->required();
  partner->callback([&ctx, opt] {
    ctx.print_change(adac::set_partner_number(ctx.session(), opt->partner_number),
                     {{"partner_number", opt->partner_number}});
  });

  auto* accept = command.add_subcommand("accept-agb", "Accept the terms of ADAC Versicherung AG as the acting user");
  accept->add_option("--version", opt->version,
                     fmt::format("The version of the terms (default {})", adac::k_current_agb_version));
  accept->callback([&ctx, opt] {
    std::optional<std::string> version;
    if (!opt->version.empty()) version = opt->version;
    std::string shown = version.value_or(std::string(adac::k_current_agb_version));
    ctx.print_change(adac::accept_agb(ctx.session(), version), {{"version", shown}});
  });

  command.add_subcommand("show", "Show the partner number and the accepted terms")->callback([&ctx] {
    print_adac(ctx, adac::show(ctx.session()));
  });
}

}  // namespace ecadm::cli
