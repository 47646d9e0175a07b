// ecadm zentralruf lookup --kennzeichen KZ --datum YYYY-MM-DD
#include <fmt/format.h>

#include "commands.hpp"
#include "ecadm/zentralruf.hpp"

namespace ecadm::cli {
namespace {

struct LookupOptions {
  std::string kennzeichen;
  std::string datum;
};

}  // namespace

void setup_zentralruf(CLI::App& command, Context& ctx) {
  command.require_subcommand(1);
  auto o = std::make_shared<LookupOptions>();
  auto* lookup = command.add_subcommand("lookup", "Which liability insurer covered a vehicle on a day (needs a seat)");
  lookup->add_option("--kennzeichen", o->kennzeichen, "The vehicle's German plate, e.g. 'L-XY 4711'")->required();
  lookup->add_option("--datum", o->datum, "The day of the accident, YYYY-MM-DD (not in the future)")->required();
  lookup->callback([&ctx, o] {
    auto r = zentralruf::lookup(ctx.session(), o->kennzeichen, o->datum);
    const auto& a = r.auskunft;
    if (ctx.json()) {
      ctx.print_json({{"kennzeichen", r.kennzeichen},
                      {"datum", r.datum},
                      {"versicherer", {{"bafin", a.bafin}, {"name", a.name}}},
                      {"versicherungsscheinnummer", a.versicherungsscheinnummer},
                      {"vertragsende", optional_json(a.vertragsende)},
                      {"in_directory", r.directory_name.has_value()},
                      {"takes_schadenmeldung", r.takes_schadenmeldung}});
      return;
    }
    ctx.print_line(fmt::format("kennzeichen:       {} on {}", r.kennzeichen, r.datum));
    ctx.print_line(fmt::format("insurer:           {} {}", a.bafin, a.name));
    ctx.print_line(fmt::format("policy number:     {}", a.versicherungsscheinnummer));
    if (a.vertragsende) ctx.print_line(fmt::format("cover ended:       {}", *a.vertragsende));
    ctx.print_line(fmt::format("e.Consult:         {}", !r.directory_name
                                                            ? "not in the synced directory (ecadm insurer sync)"
                                                        : r.takes_schadenmeldung ? "takes Schadenmeldungen"
                                                                                 : "does not take Schadenmeldungen"));
  });
}

}  // namespace ecadm::cli
