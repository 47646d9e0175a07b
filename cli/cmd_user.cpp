// ecadm user add | list | show | grant | revoke | disable | enable
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "columns.hpp"
#include "commands.hpp"
#include "ecadm/users.hpp"

namespace ecadm::cli {
namespace {

struct UserOptions {
  std::string login;
  std::string name;
  std::string email;
  std::vector<std::string> permissions;
};

nlohmann::json to_json(const users::User& u) {
  return {{"login", u.login},
          {"name", u.name},
          {"email", u.email ? nlohmann::json(*u.email) : nullptr},
          {"active", u.active},
          {"permissions", u.permissions},
          {"has_seat", u.has_seat},
          {"created_at", u.created_at}};
}

std::string permissions_text(const users::User& u) {
  return u.permissions.empty() ? std::string("-") : fmt::format("{}", fmt::join(u.permissions, ","));
}

void add_login(CLI::App* command, std::shared_ptr<UserOptions> opt) {
  command->add_option("login", opt->login, "The user's login")->required();
}

}  // namespace

void setup_user(CLI::App& command, Context& ctx) {
  command.require_subcommand(1);
  auto opt = std::make_shared<UserOptions>();

  auto* add = command.add_subcommand("add", "Add a user (admin or benutzerverwaltung)");
  add_login(add, opt);
  add->add_option("--name", opt->name, "Full name")->required();
  auto* email = add->add_option("--email", opt->email, "E-mail address");
  add->add_option("--grant", opt->permissions, "Permissions: admin, kanzleiverwaltung, benutzerverwaltung")
      ->delimiter(',');
  add->callback([&ctx, opt, email] {
    users::AddRequest request{opt->login, opt->name, std::nullopt, opt->permissions};
    if (email->count() > 0) request.email = opt->email;
    ctx.print_change(users::add(ctx.session(), request), {{"login", opt->login}});
  });

  command.add_subcommand("list", "List the users")->callback([&ctx] {
    auto all = users::list(ctx.session());
    if (ctx.json()) {
      nlohmann::json items = nlohmann::json::array();
      for (const auto& u : all) items.push_back(to_json(u));
      ctx.print_json({{"items", items}});
      return;
    }
    std::vector<Row> rows;
    for (const auto& u : all)
      rows.push_back({u.login, u.name, u.email.value_or("-"), u.active ? "active" : "disabled",
                      u.has_seat ? "yes" : "no", permissions_text(u)});
    print_columns(ctx, {"LOGIN", "NAME", "EMAIL", "STATE", "SEAT", "PERMISSIONS"}, rows);
  });

  auto* show = command.add_subcommand("show", "Show one user");
  add_login(show, opt);
  show->callback([&ctx, opt] {
    auto u = users::show(ctx.session(), opt->login);
    if (ctx.json()) return ctx.print_json(to_json(u));
    ctx.print_line(fmt::format("login:       {}", u.login));
    ctx.print_line(fmt::format("name:        {}", u.name));
    ctx.print_line(fmt::format("email:       {}", u.email.value_or("-")));
    ctx.print_line(fmt::format("state:       {}", u.active ? "active" : "disabled"));
    ctx.print_line(fmt::format("permissions: {}", permissions_text(u)));
    ctx.print_line(fmt::format("seat:        {}", u.has_seat ? "yes" : "no"));
    ctx.print_line(fmt::format("created:     {}", u.created_at));
  });

  auto* grant = command.add_subcommand("grant", "Grant permissions to a user");
  add_login(grant, opt);
  grant->add_option("permission", opt->permissions, "admin, kanzleiverwaltung, benutzerverwaltung")->required();
  grant->callback([&ctx, opt] {
    ctx.print_change(users::grant(ctx.session(), opt->login, opt->permissions),
                     {{"login", opt->login}, {"permissions", opt->permissions}});
  });

  auto* revoke = command.add_subcommand("revoke", "Revoke permissions from a user");
  add_login(revoke, opt);
  revoke->add_option("permission", opt->permissions, "admin, kanzleiverwaltung, benutzerverwaltung")->required();
  revoke->callback([&ctx, opt] {
    ctx.print_change(users::revoke(ctx.session(), opt->login, opt->permissions),
                     {{"login", opt->login}, {"permissions", opt->permissions}});
  });

  auto* disable = command.add_subcommand("disable", "Disable a user and release their licence seat");
  add_login(disable, opt);
  disable->callback([&ctx, opt] {
    ctx.print_change(users::disable(ctx.session(), opt->login), {{"login", opt->login}});
  });

  auto* enable = command.add_subcommand("enable", "Enable a disabled user again");
  add_login(enable, opt);
  enable->callback([&ctx, opt] {
    ctx.print_change(users::enable(ctx.session(), opt->login), {{"login", opt->login}});
  });
}

}  // namespace ecadm::cli
