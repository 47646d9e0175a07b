// ecadm insurer sync | insurer list [--sparte S] [--search TEXT] | insurer show BAFIN
#include <fmt/format.h>

#include "commands.hpp"
#include "ecadm/insurers.hpp"

namespace ecadm::cli {
namespace {

struct ListOptions {
  std::string sparte;
  std::string search;
};

nlohmann::json to_json(const econsult::Versicherer& v) {
  nlohmann::json sparten = nlohmann::json::array();
  if (v.rechtsschutz) sparten.push_back("rechtsschutz");
  if (v.schaden) sparten.push_back("schaden");
  return {{"bafin", v.bafin},
          {"name", v.name},
          {"sparten", sparten},
          {"deckungsanfrage", v.deckungsanfrage},
          {"vsnr_muster", optional_json(v.vsnr_muster)},
          {"anforderungen", v.anforderungen}};
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : std::string(sep)) + p;
  return out;
}

std::string sparten_text(const econsult::Versicherer& v) {
  return v.rechtsschutz && v.schaden ? "rechtsschutz,schaden" : v.rechtsschutz ? "rechtsschutz" : "schaden";
}

}  // namespace

void setup_insurer(CLI::App& command, Context& ctx) {
  command.require_subcommand(1);

  command.add_subcommand("sync", "Fetch the insurer directory from e.Consult (needs a licence seat)")->callback([&ctx] {
    ctx.print_change(insurers::sync(ctx.session()));
  });

  auto list_opts = std::make_shared<ListOptions>();
  auto* list = command.add_subcommand("list", "List the cached insurer directory (works offline)");
  list->add_option("--sparte", list_opts->sparte, "Only insurers of this line: rechtsschutz or schaden");
  list->add_option("--search", list_opts->search, "Only insurers whose name or BaFin number contains TEXT");
  list->callback([&ctx, list_opts] {
    insurers::Filter filter;
    if (!list_opts->sparte.empty()) filter.sparte = list_opts->sparte;
    if (!list_opts->search.empty()) filter.search = list_opts->search;
    auto dir = insurers::list(ctx.session(), filter);
    if (ctx.json()) {
      nlohmann::json items = nlohmann::json::array();
      for (const auto& v : dir.items) items.push_back(to_json(v));
      ctx.print_json(
          {{"items", items}, {"stand", optional_json(dir.stand)}, {"synced_at", optional_json(dir.synced_at)}});
      return;
    }
    if (!dir.stand) ctx.note("hint: the insurer directory has not been synced yet: ecadm insurer sync");
    for (const auto& v : dir.items)
      ctx.print_line(fmt::format("{}  {:<22} {:<5} {}", v.bafin, sparten_text(v), v.deckungsanfrage, v.name));
    if (dir.stand)
      ctx.note(fmt::format("{} insurers, directory of {}, synced {}", dir.items.size(), *dir.stand, *dir.synced_at));
  });

  auto bafin = std::make_shared<std::string>();
  auto* show = command.add_subcommand("show", "Show one insurer of the cached directory");
  show->add_option("bafin", *bafin, "The insurer's BaFin number")->required();
  show->callback([&ctx, bafin] {
    auto v = insurers::show(ctx.session(), *bafin);
    if (ctx.json()) {
      ctx.print_json(to_json(v));
      return;
    }
    ctx.print_line(fmt::format("bafin:            {}", v.bafin));
    ctx.print_line(fmt::format("name:             {}", v.name));
    ctx.print_line(fmt::format("sparten:          {}", sparten_text(v)));
    ctx.print_line(fmt::format("deckungsanfrage:  {}", v.deckungsanfrage));
    ctx.print_line(fmt::format("policy pattern:   {}", v.vsnr_muster.value_or("-")));
    ctx.print_line(fmt::format("requirements:     {}", v.anforderungen.empty() ? "-" : join(v.anforderungen, ", ")));
  });
}

}  // namespace ecadm::cli
