#include "commands.hpp"

#include <array>

namespace ecadm::cli {

std::span<const CommandGroup> command_table() {
  static constexpr std::array k_commands = {
      CommandGroup{"init", "Create the store with the firm and its first admin", setup_init},
      CommandGroup{"firm", "Show the firm or change its plan", setup_firm},
      CommandGroup{"location", "Add and list the firm's locations (Standorte)", setup_location},
      CommandGroup{"user", "Add, list, show, grant, revoke and disable users", setup_user},
      CommandGroup{"license", "e.Consult licence seats and add-ons", setup_license},
      CommandGroup{"postfach", "e.Consult Postfach credentials", setup_postfach},
      CommandGroup{"settings", "e.Consult settings: Stammdaten, bank account, Zentralruf, endpoint", setup_settings},
      CommandGroup{"adac", "ADAC partner number and terms", setup_adac},
      CommandGroup{"insurer", "The e.Consult insurer directory", setup_insurer},
      CommandGroup{"zentralruf", "Find a vehicle's liability insurer", setup_zentralruf},
      CommandGroup{"doctor", "Check whether the firm can communicate through e.Consult", setup_doctor},
      CommandGroup{"audit", "Show the audit log", setup_audit},
  };
  return k_commands;
}

}  // namespace ecadm::cli
