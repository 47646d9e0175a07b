// ecadm settings: placeholder until its helper lands
#include "commands.hpp"

namespace ecadm::cli {

void setup_settings(CLI::App& command, Context&) { command.require_subcommand(0); }

}  // namespace ecadm::cli
