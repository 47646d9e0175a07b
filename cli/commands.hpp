#pragma once
// The command table (STYLE.md rule 3): every command group once, in help order.
#include <CLI/CLI.hpp>
#include <span>

#include "context.hpp"

namespace ecadm::cli {

struct CommandGroup {
  const char* name;
  const char* summary;
  void (*setup)(CLI::App& command, Context& ctx);
};

void setup_init(CLI::App& command, Context& ctx);
void setup_firm(CLI::App& command, Context& ctx);
void setup_location(CLI::App& command, Context& ctx);
void setup_user(CLI::App& command, Context& ctx);
void setup_license(CLI::App& command, Context& ctx);
void setup_postfach(CLI::App& command, Context& ctx);
void setup_settings(CLI::App& command, Context& ctx);
void setup_adac(CLI::App& command, Context& ctx);
void setup_insurer(CLI::App& command, Context& ctx);
void setup_zentralruf(CLI::App& command, Context& ctx);
void setup_doctor(CLI::App& command, Context& ctx);
void setup_audit(CLI::App& command, Context& ctx);

/// Every command group, in help order.
std::span<const CommandGroup> command_table();

}  // namespace ecadm::cli
