// ecadm settings show | set-stammdaten | set-bank | clear-bank | set-zentralruf | set-endpoint
#include <fmt/format.h>

#include "commands.hpp"
#include "ecadm/error.hpp"
#include "ecadm/secrets.hpp"
#include "ecadm/settings.hpp"
#include "ecadm/validation.hpp"

namespace ecadm::cli {
namespace {

struct StammdatenOptions {
  std::string from_location;
  std::string name, street, house_number, zip, city, country = "DE", email, phone, fax;
};

struct BankOptions {
  std::string iban, holder, bic;
};

struct ZentralrufOptions {
  std::string username, password_file;
  bool password_stdin = false;
};

struct EndpointOptions {
  std::string url, cacert;
};

nlohmann::json settings_json(const settings::Settings& s) {
  const auto& st = s.stammdaten;
  nlohmann::json doc;
  doc["stammdaten"] = {{"name", optional_json(st.name)},
                       {"street", optional_json(st.street)},
                       {"house_number", optional_json(st.house_number)},
                       {"zip", optional_json(st.zip)},
                       {"city", optional_json(st.city)},
                       {"country", optional_json(st.country)},
                       {"phone", optional_json(st.phone)},
                       {"fax", optional_json(st.fax)},
                       {"email", optional_json(st.email)},
                       {"complete", st.complete()}};
  doc["bank"] =
      s.bank ? nlohmann::json{{"holder", s.bank->holder}, {"iban", s.bank->iban}, {"bic", optional_json(s.bank->bic)}}
             : nlohmann::json{{"holder", nullptr}, {"iban", nullptr}, {"bic", nullptr}};
  doc["adac"] = {{"partner_number", optional_json(s.adac.partner_number)},
                 {"agb_version", optional_json(s.adac.agb_version)},
                 {"agb_accepted_by", optional_json(s.adac.agb_accepted_by)},
                 {"agb_accepted_at", optional_json(s.adac.agb_accepted_at)}};
  // the password as postfach show has it: masked when set, null when not
  const bool password_set = s.zentralruf && s.zentralruf->password_set;
  doc["zentralruf"] = {{"username", s.zentralruf ? nlohmann::json(s.zentralruf->username) : nlohmann::json()},
                       {"password", password_set ? nlohmann::json(secrets::k_mask) : nlohmann::json()},
                       {"password_set", password_set},
                       {"updated_at", s.zentralruf ? nlohmann::json(s.zentralruf->updated_at) : nlohmann::json()}};
  doc["endpoint"] = {{"url", s.endpoint ? nlohmann::json(s.endpoint->url) : nlohmann::json()},
                     {"cacert", s.endpoint ? optional_json(s.endpoint->cacert) : nlohmann::json()}};
  return doc;
}

void print_settings(Context& ctx, const settings::Settings& s) {
  auto line = [&](std::string_view key, const std::optional<std::string>& v) {
    ctx.print_line(fmt::format("  {:<18}{}", fmt::format("{}:", key), v.value_or("(not set)")));
  };
  const auto& st = s.stammdaten;
  ctx.print_line(st.complete() ? "stammdaten:" : "stammdaten: (incomplete)");
  line("name", st.name);
  line("street", st.street);
  line("house number", st.house_number);
  line("zip", st.zip);
  line("city", st.city);
  line("country", st.country);
  line("phone", st.phone);
  line("fax", st.fax);
  line("email", st.email);
  ctx.print_line("bank:");
  line("holder", s.bank ? std::optional(s.bank->holder) : std::nullopt);
  line("iban", s.bank ? std::optional(s.bank->iban) : std::nullopt);
  line("bic", s.bank ? s.bank->bic : std::nullopt);
  ctx.print_line("adac:");
  line("partner number", s.adac.partner_number);
  line("agb version", s.adac.agb_version);
  line("agb accepted by", s.adac.agb_accepted_by);
  line("agb accepted at", s.adac.agb_accepted_at);
  ctx.print_line("zentralruf:");
  line("username", s.zentralruf ? std::optional(s.zentralruf->username) : std::nullopt);
  line("password",
       s.zentralruf && s.zentralruf->password_set ? std::optional(std::string(secrets::k_mask)) : std::nullopt);
  ctx.print_line("endpoint:");
  line("url", s.endpoint ? std::optional(s.endpoint->url) : std::nullopt);
  line("cacert", s.endpoint && s.endpoint->cacert ? s.endpoint->cacert : std::optional<std::string>("(system)"));
}

void setup_set_stammdaten(CLI::App& command, Context& ctx) {
  auto o = std::make_shared<StammdatenOptions>();
  auto* cmd = command.add_subcommand("set-stammdaten", "Set the e.Consult master data (Stammdaten)");
  auto* from = cmd->add_option("--from-location", o->from_location,
                               "Copy them from this location (without NAME: the first location)")
                   ->expected(0, 1)
                   ->type_name("[NAME]");
  std::vector<CLI::Option*> fields = {
      cmd->add_option("--name", o->name, "The firm's name as it appears in messages"),
      cmd->add_option("--street", o->street, "Street (Strasse)"),
      cmd->add_option("--house-number", o->house_number, "House number (Hausnummer)"),
      cmd->add_option("--zip", o->zip, "Postal code (five digits for DE)"),
      cmd->add_option("--city", o->city, "City (Ort)"),
      cmd->add_option("--country", o->country, "Country, ISO 3166-1 alpha-2 (default DE)"),
      cmd->add_option("--email", o->email, "E-mail address"),
      cmd->add_option("--phone", o->phone, "Phone number (optional)"),
      cmd->add_option("--fax", o->fax, "Fax number (optional)"),
  };
  for (auto* field : fields) from->excludes(field);
  cmd->callback([&ctx, o, from, fields] {
    if (from->count() > 0) {
      std::optional<std::string> name;
      if (!o->from_location.empty()) name = o->from_location;
      ctx.print_change(settings::set_stammdaten_from_location(ctx.session(), name));
      return;
    }
    std::vector<std::string> missing;
    for (auto* field : {fields[0], fields[1], fields[2], fields[3], fields[4], fields[6]})
      if (field->count() == 0) missing.push_back(field->get_name());
    if (!missing.empty())
      throw UsageError(
          fmt::format("settings set-stammdaten needs --from-location, or {} (missing: {})",
                      "--name, --street, --house-number, --zip, --city and --email", fmt::join(missing, ", ")),
          "ecadm settings set-stammdaten --help");
    settings::Stammdaten data{o->name,    o->street,    o->house_number, o->zip,  o->city,
                              o->country, std::nullopt, std::nullopt,    o->email};
    if (fields[7]->count() > 0) data.phone = o->phone;
    if (fields[8]->count() > 0) data.fax = o->fax;
    ctx.print_change(settings::set_stammdaten(ctx.session(), data));
  });
}

}  // namespace

void setup_settings(CLI::App& command, Context& ctx) {
  command.require_subcommand(1);

  command.add_subcommand("show", "Show every e.Consult setting (passwords masked)")->callback([&ctx] {
    auto s = settings::show(ctx.session());
    if (ctx.json())
      ctx.print_json(settings_json(s));
    else
      print_settings(ctx, s);
  });

  setup_set_stammdaten(command, ctx);

  auto bank = std::make_shared<BankOptions>();
  auto* set_bank = command.add_subcommand("set-bank", "Set the bank account (IBAN checked, stored without spaces)");
  set_bank->add_option("--iban", bank->iban, "IBAN, spaces allowed")->required();
  set_bank->add_option("--holder", bank->holder, "Account holder (Kontoinhaber)")->required();
  auto* bic = set_bank->add_option("--bic", bank->bic, "BIC (8 or 11 characters, same country as the IBAN)");
  set_bank->callback([&ctx, bank, bic] {
    std::optional<std::string> b;
    if (bic->count() > 0) b = bank->bic;
    auto change = settings::set_bank(ctx.session(), bank->iban, bank->holder, b);
    ctx.print_change(change, {{"iban", validation::normalize_iban(bank->iban)}});
  });

  command.add_subcommand("clear-bank", "Remove the bank account")->callback([&ctx] {
    ctx.print_change(settings::clear_bank(ctx.session()));
  });

  auto zr = std::make_shared<ZentralrufOptions>();
  auto* set_zr = command.add_subcommand("set-zentralruf", "Set the Zentralruf credentials (password stored encrypted)");
  set_zr->add_option("--username", zr->username, "Zentralruf user name")->required();
  set_zr->add_flag("--password-stdin", zr->password_stdin, "Read the password from the first line of stdin");
  set_zr->add_option("--password-file", zr->password_file, "Read the password from the first line of this file");
  set_zr->callback([&ctx, zr] {
    std::string password = read_password(ctx, zr->password_stdin, zr->password_file, "password");
    ctx.print_change(settings::set_zentralruf(ctx.session(), zr->username, password), {{"username", zr->username}});
  });

  auto ep = std::make_shared<EndpointOptions>();
  auto* set_ep = command.add_subcommand("set-endpoint", "Set the e.Consult endpoint URL (https://)");
  set_ep->add_option("url", ep->url, "Base URL, e.g. https://econsult.example.com/ec/v1")->required();
  auto* cacert = set_ep->add_option("--cacert", ep->cacert, "PEM file of the CA to trust (default: the system's CAs)");
  set_ep->callback([&ctx, ep, cacert] {
    std::optional<std::filesystem::path> ca;
    if (cacert->count() > 0) ca = ep->cacert;
    auto change = settings::set_endpoint(ctx.session(), ep->url, ca);
    ctx.print_change(change, {{"endpoint", validation::normalize_endpoint(ep->url)}});
  });
}

}  // namespace ecadm::cli
