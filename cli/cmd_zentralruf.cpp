// ecadm zentralruf: placeholder until its helper lands
#include "commands.hpp"

namespace ecadm::cli {

void setup_zentralruf(CLI::App& command, Context&) { command.require_subcommand(0); }

}  // namespace ecadm::cli
