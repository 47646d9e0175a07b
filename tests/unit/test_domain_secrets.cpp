#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "domain_fixtures.hpp"
#include "ecadm/error.hpp"
#include "ecadm/secrets.hpp"

using namespace ecadm;
using namespace ecadm::test;

namespace {

bool contains(const store::Blob& haystack, std::string_view needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

}  // namespace

TEST_SUITE("domain::secrets") {
  TEST_CASE("seal and open: the plaintext comes back") {
    TempDir dir;
    secrets::ensure_key_file(dir / "k");
    auto box = secrets::Box::load(dir / "k");
    for (std::string text : {std::string("s3cret"), std::string("x"), std::string(500, 'p'), std::string("ümlaut ß")})
      CHECK(box.open(box.seal(text)) == text);
  }

  TEST_CASE("seal: the ciphertext neither equals nor contains the plaintext") {
    TempDir dir;
    secrets::ensure_key_file(dir / "k");
    auto box = secrets::Box::load(dir / "k");
    std::string text = "Geheim-Passwort-8812";
    auto sealed = box.seal(text);
    CHECK(sealed.size() > text.size());
    CHECK(std::string(sealed.begin(), sealed.end()) != text);
    CHECK_FALSE(contains(sealed, text));
    CHECK_FALSE(contains(sealed, "Geheim"));
  }

  TEST_CASE("seal: two seals of the same value differ (fresh nonce)") {
    TempDir dir;
    secrets::ensure_key_file(dir / "k");
    auto box = secrets::Box::load(dir / "k");
    auto a = box.seal("same");
    auto b = box.seal("same");
    CHECK(a != b);
    CHECK(box.open(a) == box.open(b));
  }

  TEST_CASE("open: another key or a tampered value fails") {
    TempDir dir;
    secrets::ensure_key_file(dir / "k1");
    secrets::ensure_key_file(dir / "k2");
    auto one = secrets::Box::load(dir / "k1");
    auto two = secrets::Box::load(dir / "k2");
    auto sealed = one.seal("s3cret");
    CHECK_THROWS_AS(two.open(sealed), Failure);
    auto tampered = sealed;
    tampered.back() ^= 1;
    CHECK_THROWS_AS(one.open(tampered), Failure);
    CHECK_THROWS_AS(one.open(store::Blob(5, 0)), Failure);
  }

  TEST_CASE("key file: created 0600, kept when it exists") {
    TempDir dir;
    auto path = dir / "k";
    secrets::ensure_key_file(path);
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    std::ifstream first(path);
    std::string before((std::istreambuf_iterator<char>(first)), {});
    secrets::ensure_key_file(path);
    std::ifstream second(path);
    std::string after((std::istreambuf_iterator<char>(second)), {});
    CHECK(before == after);
  }

  TEST_CASE("key file: init creates it 0600 beside the store") {
    TempDir dir;
    make_firm(dir);
    struct stat st {};
    REQUIRE(::stat((dir / "ecadm.db.key").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
  }

  TEST_CASE("key file: missing is not ready, readable by others is a failure") {
    TempDir dir;
    CHECK_THROWS_AS(secrets::Box::load(dir / "missing"), NotReady);
    auto store = make_firm(dir);
    std::filesystem::remove(dir / "ecadm.db.key");
    CHECK_THROWS_AS(session_as(store)->secrets(), NotReady);
    secrets::ensure_key_file(dir / "k");
    ::chmod((dir / "k").c_str(), 0644);
    CHECK_THROWS_AS(secrets::Box::load(dir / "k"), Failure);
  }

  TEST_CASE("read_secret: the first line without its line end; empty is invalid") {
    std::istringstream in("pass word\r\nsecond line\n");
    CHECK(secrets::read_secret(in, "password") == "pass word");
    std::istringstream empty("\n");
    auto e = thrown<InvalidData>([&] { secrets::read_secret(empty, "password"); });
    CHECK(e.field() == "password");
    TempDir dir;
    CHECK_THROWS_AS(secrets::read_secret_file(dir / "none", "password"), InvalidData);
  }
}
