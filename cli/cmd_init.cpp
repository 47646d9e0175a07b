// ecadm init
#include "commands.hpp"
#include "ecadm/firm.hpp"

namespace ecadm::cli {
namespace {

struct InitOptions {
  firm::InitRequest request;
  std::string admin_name;
  std::string email;
};

}  // namespace

void setup_init(CLI::App& command, Context& ctx) {
  auto opt = std::make_shared<InitOptions>();
  command.add_option("--firm", opt->request.firm_name, "The firm's name")->required();
  command.add_option("--admin", opt->request.admin_login, "Login of the first admin")->required();
  command.add_option("--admin-name", opt->admin_name, "Full name of the first admin (default: the login)");
  command.add_option("--email", opt->email, "The admin's e-mail address");
  command.add_option("--plan", opt->request.plan, "basic, professional or enterprise (default basic)");
  command.callback([&ctx, opt] {
    if (!opt->admin_name.empty()) opt->request.admin_name = opt->admin_name;
    if (!opt->email.empty()) opt->request.email = opt->email;
    auto options = ctx.session_options();
    ctx.print_change(firm::init(options, opt->request), {{"store", options.store.string()}});
  });
}

}  // namespace ecadm::cli
