// Random corruption of valid bodies: every result is a parsed message or a
// ProtocolError, never another exception or a crash (run under the sanitizer build too).
#include <doctest/doctest.h>

#include <functional>
#include <random>
#include <string>
#include <vector>

#include "ecadm/econsult/codec.hpp"
#include "test_econsult_codec_samples.hpp"

using namespace ecadm::econsult;
using namespace ecadm::test;

namespace {

std::string corrupt(std::string text, std::mt19937& random) {
  static const std::string alphabet("<>/&;#=\"' x\xC3\xA4\x00\xff", 15);
  std::uniform_int_distribution<int> edits(1, 4);
  for (int n = edits(random); n > 0 && !text.empty(); --n) {
    std::uniform_int_distribution<std::size_t> at(0, text.size() - 1);
    const auto pos = at(random);
    switch (random() % 4) {
      case 0:
        text[pos] = alphabet[random() % alphabet.size()];
        break;
      case 1:
        text.erase(pos, 1 + random() % 8);
        break;
      case 2:
        text.insert(pos, 1, alphabet[random() % alphabet.size()]);
        break;
      default:
        text = text.substr(0, pos);  // truncation
        break;
    }
  }
  return text;
}

}  // namespace

TEST_SUITE("econsult::codec fuzz") {
  TEST_CASE("parse: corrupted bodies parse or throw ProtocolError, nothing else") {
    const std::vector<std::pair<std::string, std::function<void(const std::string&)>>> bodies = {
        {encode(sample_deckungsanfrage()), [](const std::string& x) { parse_nachricht(x); }},
        {encode(sample_schadenmeldung()), [](const std::string& x) { parse_nachricht(x); }},
        {encode(sample_mandat()), [](const std::string& x) { parse_nachricht(x); }},
        {encode(sample_postfach()), [](const std::string& x) { parse_postfach(x); }},
        {encode(sample_versicherer_liste()), [](const std::string& x) { parse_versicherer_liste(x); }},
    };
    std::mt19937 random(20261203);
    int refused = 0, accepted = 0;
    for (int round = 0; round < 400; ++round) {
      for (const auto& [body, parse] : bodies) {
        const auto input = corrupt(body, random);
        try {
          parse(input);
          ++accepted;
        } catch (const ProtocolError&) {
          ++refused;
        } catch (const std::exception& e) {
          FAIL("unexpected exception " << e.what() << " for\n" << input);
        }
      }
    }
    CHECK(refused > 0);
    CHECK(accepted + refused == 2000);
  }
}
