// ecadm postfach set-credentials --kanzlei-id ID --username U (--password-stdin | --password-file F)
//              | postfach show
#include <fmt/format.h>

#include "commands.hpp"
#include "ecadm/error.hpp"
#include "ecadm/postfach.hpp"

namespace ecadm::cli {
namespace {

struct PostfachOptions {
  std::string kanzlei_id;
  std::string username;
  bool password_stdin = false;
  std::string password_file;
  std::string password_flag;  ///< only to refuse it
};

void print_postfach(Context& ctx, const postfach::CredentialsInfo& info) {
  if (ctx.json()) {
    if (!info.set) {
      ctx.print_json({{"set", false},
                      {"kanzlei_id", nullptr},
                      {"username", nullptr},
                      {"password", nullptr},
                      {"updated_at", nullptr}});
      return;
    }
    ctx.print_json({{"set", true},
                    {"kanzlei_id", info.kanzlei_id},
                    {"username", info.username},
                    {"password", info.password},
                    {"updated_at", info.updated_at}});
    return;
  }
  if (!info.set) {
    ctx.print_line(
        "no Postfach credentials set (ecadm postfach set-credentials --kanzlei-id ID --username U "
        "--password-stdin)");
    return;
  }
  ctx.print_line(fmt::format("kanzlei-id: {}", info.kanzlei_id));
  ctx.print_line(fmt::format("username:   {}", info.username));
  ctx.print_line(fmt::format("password:   {}", info.password));
  ctx.print_line(fmt::format("updated:    {}", info.updated_at));
}

}  // namespace

void setup_postfach(CLI::App& command, Context& ctx) {
  command.require_subcommand(1);
  auto opt = std::make_shared<PostfachOptions>();

  auto* set = command.add_subcommand("set-credentials", "Store the e.Consult Postfach credentials (Zugangsdaten)");
  set->add_option("--kanzlei-id", opt->kanzlei_id, "The firm's e.Consult Kanzlei-ID")->required();
  set->add_option("--username", opt->username, "The e.Consult user name")->required();
  auto* from_stdin =
      set->add_flag("--password-stdin", opt->password_stdin, "Read the password from stdin (first line)");
  auto* from_file =
      set->add_option("--password-file", opt->password_file, "Read the password from this file (first line)");
  from_stdin->excludes(from_file);
  // a password on the command line leaks into shell history and ps: refuse it, and
  // without echoing it (the generic "not expected" error would quote it)
  auto* password_flag = set->add_option("--password", opt->password_flag)->group("");
  set->callback([&ctx, opt, password_flag] {
    if (password_flag->count() > 0)
      throw UsageError("the password is read from stdin or a file, never from a flag",
                       "printf '%s\\n' \"$PASSWORD\" | ecadm postfach set-credentials ... --password-stdin");
    std::string password = read_password(ctx, opt->password_stdin, opt->password_file, "password");
    ctx.print_change(postfach::set_credentials(ctx.session(), opt->kanzlei_id, opt->username, password),
                     {{"kanzlei_id", opt->kanzlei_id}, {"username", opt->username}});
  });

  command.add_subcommand("show", "Show the Postfach credentials (the password masked)")->callback([&ctx] {
    print_postfach(ctx, postfach::show(ctx.session()));
  });
}

}  // namespace ecadm::cli
