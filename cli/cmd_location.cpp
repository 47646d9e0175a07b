// ecadm location add | list
#include <fmt/format.h>

#include "columns.hpp"
#include "commands.hpp"
#include "ecadm/locations.hpp"

namespace ecadm::cli {
namespace {

struct LocationOptions {
  locations::Location location;
  std::string phone;
  std::string fax;
  std::string email;
};

nlohmann::json to_json(const locations::Location& l) {
  return {{"name", l.name},
          {"street", l.street},
          {"house_number", l.house_number},
          {"zip", l.zip},
          {"city", l.city},
          {"country", l.country},
          {"phone", optional_json(l.phone)},
          {"fax", optional_json(l.fax)},
          {"email", optional_json(l.email)},
          {"created_at", l.created_at}};
}

}  // namespace

void setup_location(CLI::App& command, Context& ctx) {
  command.require_subcommand(1);
  auto opt = std::make_shared<LocationOptions>();
  auto& loc = opt->location;

  auto* add = command.add_subcommand("add", "Add a location (admin or kanzleiverwaltung)");
  add->add_option("name", loc.name, "The location's name")->required();
  add->add_option("--street", loc.street, "Street (Strasse)")->required();
  add->add_option("--house-number", loc.house_number, "House number (Hausnummer)")->required();
  add->add_option("--zip", loc.zip, "Postal code (Postleitzahl)")->required();
  add->add_option("--city", loc.city, "City (Ort)")->required();
  add->add_option("--country", loc.country, "Two-letter country code (default DE)");
  auto* phone = add->add_option("--phone", opt->phone, "Phone number");
  auto* fax = add->add_option("--fax", opt->fax, "Fax number");
  auto* email = add->add_option("--email", opt->email, "E-mail address");
  add->callback([&ctx, opt, phone, fax, email] {
    auto request = opt->location;
    // given but empty is still given: the library refuses it, naming the field
    if (phone->count() > 0) request.phone = opt->phone;
    if (fax->count() > 0) request.fax = opt->fax;
    if (email->count() > 0) request.email = opt->email;
    ctx.print_change(locations::add(ctx.session(), request), {{"name", request.name}});
  });

  command.add_subcommand("list", "List the locations")->callback([&ctx] {
    auto all = locations::list(ctx.session());
    if (ctx.json()) {
      nlohmann::json items = nlohmann::json::array();
      for (const auto& l : all) items.push_back(to_json(l));
      ctx.print_json({{"items", items}});
      return;
    }
    if (all.empty()) return ctx.print_line("no locations");
    std::vector<Row> rows;
    for (const auto& l : all)
      rows.push_back({l.name, fmt::format("{} {}", l.street, l.house_number), fmt::format("{} {}", l.zip, l.city),
                      l.country, l.phone.value_or("-"), l.fax.value_or("-"), l.email.value_or("-")});
    print_columns(ctx, {"NAME", "ADDRESS", "CITY", "COUNTRY", "PHONE", "FAX", "EMAIL"}, rows);
  });
}

}  // namespace ecadm::cli
