#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

#include "domain_fixtures.hpp"
#include "ecadm/error.hpp"
#include "ecadm/postfach.hpp"
#include "ecadm/secrets.hpp"

using namespace ecadm;
using namespace ecadm::test;

namespace {

constexpr const char* k_password = "Geheim-Passwort-8812";

store::Blob stored_box(const std::filesystem::path& store) {
  auto s = session_as(store);
  auto stmt = s->db().prepare("SELECT password_box FROM postfach_credentials WHERE id = 1");
  REQUIRE(stmt.step());
  return stmt.column_blob(0);
}

std::string file_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_SUITE("domain::postfach") {
  TEST_CASE("show: not set on a fresh firm; load_credentials is not ready") {
    TempDir dir;
    auto store = make_firm(dir);
    auto info = postfach::show(*session_as(store));
    CHECK_FALSE(info.set);
    CHECK(info.password.empty());
    auto e = thrown<NotReady>([&] { postfach::load_credentials(*session_as(store)); });
    CHECK(e.hint().find("ecadm postfach set-credentials") != std::string::npos);
  }

  TEST_CASE("set-credentials: stores the password sealed, shows it masked, loads it in clear") {
    TempDir dir;
    auto store = make_firm(dir);
    auto change = postfach::set_credentials(*session_as(store, "chef"), "K-1234", "kanzlei.user", k_password);
    CHECK(change.changed);
    CHECK(change.message.find(k_password) == std::string::npos);
    auto info = postfach::show(*session_as(store));
    CHECK(info.set);
    CHECK(info.kanzlei_id == "K-1234");
    CHECK(info.username == "kanzlei.user");
    CHECK(info.password == secrets::k_mask);
    CHECK_FALSE(info.updated_at.empty());
    auto credentials = postfach::load_credentials(*session_as(store));
    CHECK(credentials.kanzlei_id == "K-1234");
    CHECK(credentials.username == "kanzlei.user");
    CHECK(credentials.password == k_password);

    auto box = stored_box(store);
    std::string raw(box.begin(), box.end());
    CHECK(raw.find(k_password) == std::string::npos);
  }

  TEST_CASE("set-credentials: the audit log names the ids and masks the password") {
    TempDir dir;
    auto store = make_firm(dir);
    postfach::set_credentials(*session_as(store, "chef"), "K-1234", "kanzlei.user", k_password);
    postfach::set_credentials(*session_as(store, "chef"), "K-1234", "kanzlei.user", "anderes-passwort");
    auto s = session_as(store);
    auto stmt = s->db().prepare(
        "SELECT coalesce(old_value, ''), new_value FROM audit_log WHERE action = 'postfach.set-credentials' ORDER BY "
        "id");
    REQUIRE(stmt.step());
    CHECK(stmt.column_text(0) == "");
    CHECK(stmt.column_text(1) == "kanzlei_id=K-1234; username=kanzlei.user; password=********");
    REQUIRE(stmt.step());
    CHECK(stmt.column_text(0) == "kanzlei_id=K-1234; username=kanzlei.user; password=********");
    CHECK(snapshot(store).find(k_password) == std::string::npos);
    CHECK(snapshot(store).find("anderes-passwort") == std::string::npos);
  }

  TEST_CASE("set-credentials: identical credentials change nothing; a new password reseals") {
    TempDir dir;
    auto store = make_firm(dir);
    postfach::set_credentials(*session_as(store, "chef"), "K-1234", "kanzlei.user", k_password);
    auto before = snapshot(store);
    auto box = stored_box(store);
    auto again = postfach::set_credentials(*session_as(store, "chef"), "K-1234", "kanzlei.user", k_password);
    CHECK_FALSE(again.changed);
    CHECK(snapshot(store) == before);

    auto other = postfach::set_credentials(*session_as(store, "chef"), "K-1234", "kanzlei.user", "neu");
    CHECK(other.changed);
    CHECK(stored_box(store) != box);
    CHECK(postfach::load_credentials(*session_as(store)).password == "neu");
    CHECK(postfach::set_credentials(*session_as(store, "chef"), "K-9", "kanzlei.user", "neu").changed);
  }

  TEST_CASE("set-credentials: bad input is refused without echoing the password") {
    TempDir dir;
    auto store = make_firm(dir);
    auto before = snapshot(store);
    CHECK(thrown<InvalidData>([&] { postfach::set_credentials(*session_as(store, "chef"), " ", "u", "p"); }).field() ==
          "kanzlei-id");
    CHECK(thrown<InvalidData>([&] { postfach::set_credentials(*session_as(store, "chef"), "K", "", "p"); }).field() ==
          "username");
    CHECK(thrown<InvalidData>([&] { postfach::set_credentials(*session_as(store, "chef"), "K", "u", ""); }).field() ==
          "password");
    auto control = thrown<InvalidData>(
        [&] { postfach::set_credentials(*session_as(store, "chef"), "K", "u", std::string("geheim\x01xyz")); });
    CHECK(std::string(control.what()).find("geheim") == std::string::npos);
    CHECK(snapshot(store) == before);
  }

  TEST_CASE("set-credentials: the plan and the permissions are enforced, the store stays unchanged") {
    TempDir dir;
    auto store = make_firm(dir, "basic");
    add_user(store, "anna", {"benutzerverwaltung"});
    auto before = snapshot(store);
    CHECK_THROWS_AS(postfach::set_credentials(*session_as(store, "chef"), "K", "u", k_password), NotPermitted);
    { session_as(store)->db().exec("UPDATE firm SET plan = 'professional'"); }
    before = snapshot(store);
    CHECK_THROWS_AS(postfach::set_credentials(*session_as(store, "anna"), "K", "u", k_password), NotPermitted);
    CHECK(snapshot(store) == before);
  }

  TEST_CASE("set-credentials: a missing key file is not ready and changes nothing") {
    TempDir dir;
    auto store = make_firm(dir);
    std::filesystem::remove(dir / "ecadm.db.key");
    auto before = snapshot(store);
    CHECK_THROWS_AS(postfach::set_credentials(*session_as(store, "chef"), "K", "u", k_password), NotReady);
    CHECK(snapshot(store) == before);
  }

  TEST_CASE("the database files never hold the password in clear") {
    TempDir dir;
    auto store = make_firm(dir);
    postfach::set_credentials(*session_as(store, "chef"), "K-1234", "kanzlei.user", k_password);
    std::string all;  // the store, its WAL and its index
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
      if (entry.path().extension() == ".key") continue;
      CAPTURE(entry.path());
      CHECK(file_bytes(entry.path()).find(k_password) == std::string::npos);
      all += file_bytes(entry.path());
    }
    CHECK(all.find("kanzlei.user") != std::string::npos);  // proves the scan reads the data
  }
}
