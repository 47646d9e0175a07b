// The codec against the protocol's own artefacts: the examples parse, and every body the
// codec writes is valid against protocol/econsult-v1.xsd (checked with xmllint).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "ecadm/econsult/codec.hpp"
#include "test_econsult_codec_samples.hpp"
#include "test_support.hpp"

using namespace ecadm::econsult;
using namespace ecadm::test;

namespace {

const std::filesystem::path k_source = ECADM_SOURCE_DIR;

std::string read_example(const std::string& name) {
  std::ifstream in(k_source / "tests/data/examples" / name, std::ios::binary);
  REQUIRE_MESSAGE(in, "missing example " << name);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs xmllint on the body: "" when it is valid against the schema, else xmllint's
// complaint (shown by doctest when a CHECK fails).
std::string schema_errors(const std::string& xml, const std::string& name) {
  TempDir dir;
  const auto file = dir / (name + ".xml");
  std::ofstream(file, std::ios::binary) << xml;
  const auto command = "xmllint --noout --schema '" + (k_source / "protocol/econsult-v1.xsd").string() + "' '" +
                       file.string() + "' 2>'" + (dir / "errors").string() + "'";
  if (std::system(command.c_str()) == 0) return "";
  std::ifstream errors(dir / "errors");
  std::ostringstream text;
  text << errors.rdbuf();
  return text.str().empty() ? "xmllint failed" : text.str();
}

}  // namespace

TEST_SUITE("econsult::codec schema") {
  TEST_CASE("examples: every file in tests/data/examples parses") {
    std::size_t seen = 0;
    for (const auto& entry : std::filesystem::directory_iterator(k_source / "tests/data/examples")) {
      const auto name = entry.path().filename().string();
      CAPTURE(name);
      const auto xml = read_example(name);
      if (name == "fehler.xml")
        CHECK(parse_fehler(xml).code == "ANFORDERUNG");
      else if (name == "postfach.xml")
        CHECK(parse_postfach(xml).eintraege.size() == 1);
      else if (name == "versichererliste.xml")
        CHECK(parse_versicherer_liste(xml).versicherer.size() == 3);
      else if (name == "zentralruf-anfrage.xml")
        CHECK(parse_zentralruf_anfrage(xml).kennzeichen == "L-XY 4711");
      else if (name == "zentralruf-auskunft.xml")
        CHECK(parse_zentralruf_auskunft(xml).bafin == "5312");
      else
        CHECK(parse_nachricht(xml).kopf.art.size() > 0);
      ++seen;
    }
    CHECK(seen == 10);
  }

  TEST_CASE("examples: fields come out as written") {
    const auto anfrage = parse_nachricht(read_example("deckungsanfrage.xml"));
    CHECK(anfrage.kopf.absender.kanzlei->bezeichnung == "Kanzlei Berger & Kollegen");
    CHECK(anfrage.kopf.absender.kanzlei->adac_agb_akzeptiert->fassung == "2026-01");
    CHECK(anfrage.kopf.empfaenger_bafin == "5826");
    const auto& body = std::get<Deckungsanfrage>(anfrage.body);
    CHECK(body.gegenstandswert_cents == 1050000);
    CHECK(body.gegner->bezeichnung == "Muster Logistik GmbH");
    REQUIRE(anfrage.anlagen.size() == 1);
    CHECK(anfrage.anlagen[0].inhalt == "hello");
    CHECK(anfrage.anlagen[0].sha256 == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");

    const auto meldung = std::get<Schadenmeldung>(parse_nachricht(read_example("schadenmeldung.xml")).body);
    REQUIRE(meldung.schadenpositionen.size() == 2);
    CHECK(meldung.schadenpositionen[0].betrag_cents == 238050);
    CHECK(meldung.kennzeichen_gegner == "L-XY 4711");

    const auto entscheidung = parse_nachricht(read_example("deckungsentscheidung.xml"));
    CHECK(std::get<Deckungsentscheidung>(entscheidung.body).selbstbeteiligung_cents == 15000);
    CHECK(entscheidung.kopf.absender.versicherer_bafin == "5826");
    CHECK(entscheidung.kopf.vorgang == "EC-2026-000481");

    const auto mandat = std::get<Mandat>(parse_nachricht(read_example("mandat.xml")).body);
    REQUIRE(mandat.beteiligte.size() == 2);
    CHECK(mandat.beteiligte[0].rolle == "mandant");
    CHECK(mandat.beteiligte[1].bezeichnung == "Wohnbau Nord GmbH");

    const auto liste = parse_versicherer_liste(read_example("versichererliste.xml"));
    CHECK(liste.versicherer[0].anforderungen == std::vector<std::string>{"adac-partnernummer", "adac-agb"});
    CHECK(liste.versicherer[2].rechtsschutz);
    CHECK(liste.versicherer[2].schaden);
    CHECK(liste.versicherer[2].deckungsanfrage == "teil");

    const auto postfach = parse_postfach(read_example("postfach.xml"));
    CHECK(std::get<Rueckfrage>(postfach.eintraege[0].nachricht.body).antwort_bis == "2026-12-18");
    CHECK(schema_errors(postfach.eintraege[0].xml, "postfach-entry") == "");
  }

  TEST_CASE("schema: every Nachricht kind the codec writes is valid, full and minimal") {
    for (const auto& message : all_nachrichten())
      CHECK(schema_errors(encode(message), "full-" + std::string(art_of(message.body))) == "");
    for (const auto& message : minimal_nachrichten())
      CHECK(schema_errors(encode(message), "minimal-" + std::string(art_of(message.body))) == "");
  }

  TEST_CASE("schema: every answer and the Zentralruf request the codec writes are valid") {
    CHECK(schema_errors(encode(ZentralrufAnfrage{"L-XY 4711", "2026-11-30", "DE"}), "zentralruf-anfrage") == "");
    CHECK(schema_errors(
              encode(Eingangsbestaetigung{"3f1c2a9e-7b4d-4c1a-9e2f-0a1b2c3d4e5f", "EC-1", "2026-12-03T09:15:01Z"}),
              "eingangsbestaetigung") == "");
    CHECK(schema_errors(encode(Fehler{"VALIDIERUNG", "Vorgang", "fehlt"}), "fehler") == "");
    CHECK(schema_errors(encode(Pong{"K-1", "a.berger", "2026-12-03T19:00:00Z"}), "pong") == "");
    CHECK(schema_errors(encode(sample_versicherer_liste()), "versichererliste") == "");
    CHECK(schema_errors(encode(sample_postfach()), "postfach") == "");
    CHECK(schema_errors(encode(Postfach{"c-0", false, {}}), "postfach-leer") == "");
    CHECK(schema_errors(encode(ZentralrufAuskunft{"5312", "Allianz", "KH-1", "2026-12-31"}), "zentralruf-auskunft") ==
          "");
  }

  TEST_CASE("schema: the check itself refuses an invalid body") {
    auto xml = encode(sample_rueckfrage());
    xml.replace(xml.find("<Text>"), 6, "<Txt>");
    xml.replace(xml.find("</Text>"), 7, "</Txt>");
    CHECK(schema_errors(xml, "broken").find("Txt") != std::string::npos);
  }
}
