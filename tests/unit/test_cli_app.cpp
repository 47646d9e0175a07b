// In-process tests of the command line (STYLE.md rule 13): parsing, dispatch, exit
// codes and rendering through cli::run, without starting a process.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "app.hpp"
#include "test_support.hpp"

using ecadm::test::contains;
using ecadm::test::TempDir;

namespace {

struct Result {
  int code;
  std::string out;
  std::string err;
};

Result ecadm_run(std::vector<std::string> args, const std::string& input = "") {
  std::ostringstream out, err;
  std::istringstream in(input);
  int code = ecadm::cli::run(args, out, err, in);
  return {code, out.str(), err.str()};
}

}  // namespace

TEST_SUITE("cli::run") {
  TEST_CASE("help and version need no store") {
    auto help = ecadm_run({"--help"});
    CHECK(help.code == 0);
    CHECK(contains(help.out, "Usage: ecadm"));
    CHECK(contains(help.out, "license"));
    auto sub = ecadm_run({"license", "assign", "--help"});
    CHECK(sub.code == 0);
    CHECK(contains(sub.out, "Usage: ecadm license assign"));
    auto version = ecadm_run({"--version"});
    CHECK(version.code == 0);
    CHECK(contains(version.out, "ecadm " ECADM_VERSION));
  }

  TEST_CASE("usage errors are exit 2, in text and as one JSON object on stderr") {
    auto text = ecadm_run({"bogus"});
    CHECK(text.code == 2);
    CHECK(contains(text.err, "ecadm: error: "));
    CHECK(text.out.empty());
    auto json = ecadm_run({"--json", "license", "add-seats"});
    CHECK(json.code == 2);
    auto doc = nlohmann::json::parse(json.err);
    CHECK(doc["error"]["code"] == "usage");
    CHECK(doc["error"]["exit"] == 2);
    CHECK(contains(doc["error"]["hint"].get<std::string>(), "ecadm license add-seats --help"));
  }

  TEST_CASE("version in JSON mode is one JSON document") {
    for (const auto& args : {std::vector<std::string>{"--json", "--version"}, {"--version", "--output", "json"}}) {
      auto version = ecadm_run(args);
      CHECK(version.code == 0);
      CHECK(nlohmann::json::parse(version.out) == nlohmann::json{{"version", ECADM_VERSION}});
      CHECK(version.err.empty());
    }
  }

  TEST_CASE("an unknown command is named, with the help of its group as hint") {
    TempDir dir;
    std::string store = (dir / "s.db").string();
    auto top = ecadm_run({"--store", store, "bogus"});
    CHECK(top.code == 2);
    CHECK(top.err == "ecadm: error: unknown command 'bogus'\nhint: ecadm --help\n");
    auto nested = ecadm_run({"firm", "bogus", "--store", store});
    CHECK(nested.code == 2);
    CHECK(nested.err == "ecadm: error: unknown command 'firm bogus'\nhint: ecadm firm --help\n");
    auto deeper = ecadm_run({"license", "addon", "bogus"});
    CHECK(deeper.code == 2);
    CHECK(contains(deeper.err, "unknown command 'license addon bogus'\nhint: ecadm license addon --help"));
    auto json = ecadm_run({"--json", "user", "bogus"});
    CHECK(json.code == 2);
    auto doc = nlohmann::json::parse(json.err);
    CHECK(doc["error"]["message"] == "unknown command 'user bogus'");
    CHECK(doc["error"]["hint"] == "ecadm user --help");
    // an unknown option where a command is needed is named as an option
    auto top_option = ecadm_run({"--bogus"});
    CHECK(top_option.code == 2);
    CHECK(top_option.err == "ecadm: error: unknown option '--bogus'\nhint: ecadm --help\n");
    CHECK(contains(ecadm_run({"firm", "--bogus"}).err, "unknown option '--bogus'\nhint: ecadm firm --help"));
    CHECK(contains(ecadm_run({"--bogus", "firm", "nope"}).err, "unknown command 'firm nope'"));
    // a group without its command, or a command's unexpected argument, are not unknown commands
    auto missing = ecadm_run({"firm"});
    CHECK(missing.code == 2);
    CHECK(missing.err == "ecadm: error: 'ecadm firm' needs a subcommand\nhint: ecadm firm --help\n");
    CHECK(ecadm_run({}).err == "ecadm: error: a command is required\nhint: ecadm --help\n");
    auto option = ecadm_run({"firm", "show", "--bogus"});
    CHECK(option.code == 2);
    CHECK(contains(option.err, "not expected: --bogus\nhint: ecadm firm show --help"));
    CHECK_FALSE(std::filesystem::exists(store));
  }

  TEST_CASE("global options work before and after the command; errors map to their exit codes") {
    TempDir dir;
    std::string store = (dir / "s.db").string();
    CHECK(ecadm_run({"--store", store, "init", "--firm", "F", "--admin", "chef", "--plan", "basic"}).code == 0);
    auto refused = ecadm_run({"license", "assign", "chef", "--as", "chef", "--store", store});
    CHECK(refused.code == 4);
    CHECK(contains(refused.err, "hint: ecadm firm set-plan professional"));
    CHECK(ecadm_run({"firm", "set-plan", "professional", "--store", store, "--as", "chef"}).code == 0);
    auto dry = ecadm_run({"-n", "--store", store, "--as", "chef", "license", "assign", "chef"});
    CHECK(dry.code == 0);
    CHECK(contains(dry.out, "dry run: "));
    auto show = ecadm_run({"--store", store, "license", "show", "--output", "json"});
    REQUIRE(show.code == 0);
    auto doc = nlohmann::json::parse(show.out);
    CHECK(doc["seats"]["assigned"] == 0);  // the dry run changed nothing
    CHECK(ecadm_run({"--store", store, "--as", "nobody", "license", "add-seats", "1"}).code == 5);
    CHECK(ecadm_run({"--store", store, "--as", "chef", "license", "add-seats", "0"}).code == 3);
    CHECK(ecadm_run({"--store", (dir / "missing.db").string(), "license", "show"}).code == 6);
  }

  TEST_CASE("a password comes from stdin, never from a flag, and is never echoed") {
    TempDir dir;
    std::string store = (dir / "s.db").string();
    ecadm_run({"--store", store, "init", "--firm", "F", "--admin", "chef", "--plan", "professional"});
    auto set = ecadm_run({"--store", store, "--as", "chef", "postfach", "set-credentials", "--kanzlei-id", "K-1",
                          "--username", "chef", "--password-stdin"},
                         "s3cret-value\n");
    CHECK(set.code == 0);
    CHECK_FALSE(contains(set.out + set.err, "s3cret-value"));
    auto flag = ecadm_run({"--store", store, "--as", "chef", "postfach", "set-credentials", "--kanzlei-id", "K-1",
                           "--username", "chef", "--password", "s3cret-value"});
    CHECK(flag.code == 2);
    CHECK_FALSE(contains(flag.out + flag.err, "s3cret-value"));
    auto show = ecadm_run({"--store", store, "postfach", "show"});
    CHECK(contains(show.out, "********"));
    CHECK_FALSE(contains(show.out, "s3cret-value"));
  }
}
