// Round trips through the codec: encode -> parse gives back the same fields.
#include <doctest/doctest.h>

#include <string>

#include "ecadm/econsult/codec.hpp"
#include "test_econsult_codec_samples.hpp"

using namespace ecadm::econsult;
using namespace ecadm::test;

namespace {

// What parse returns for a message built in a test: Art named, attachment hashes filled.
Nachricht as_parsed(Nachricht message) {
  message.kopf.art = std::string(art_of(message.body));
  for (auto& anlage : message.anlagen) anlage.sha256 = sha256_hex(anlage.inhalt);
  return message;
}

}  // namespace

TEST_SUITE("econsult::codec") {
  TEST_CASE("round trip: every Nachricht kind, with all optional fields") {
    for (const auto& message : all_nachrichten()) {
      CAPTURE(art_of(message.body));
      const auto xml = encode(message);
      CHECK(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
      CHECK(xml.find("xmlns=\"urn:ecadm:econsult:1\"") != std::string::npos);
      CHECK(parse_nachricht(xml) == as_parsed(message));
    }
  }

  TEST_CASE("round trip: every Nachricht kind, with only required fields") {
    for (const auto& message : minimal_nachrichten()) {
      CAPTURE(art_of(message.body));
      const auto parsed = parse_nachricht(encode(message));
      CHECK(parsed == as_parsed(message));
      CHECK(parsed.kopf.art == art_of(message.body));
    }
  }

  TEST_CASE("round trip: service answers and the Zentralruf request") {
    const Eingangsbestaetigung ack{"3f1c2a9e-7b4d-4c1a-9e2f-0a1b2c3d4e5f", "EC-2026-000481", "2026-12-03T09:15:01Z"};
    CHECK(parse_eingangsbestaetigung(encode(ack)) == ack);
    const Fehler fehler{"VALIDIERUNG", "Versicherungsscheinnummer", "passt nicht \"zum\" Muster <&>"};
    CHECK(parse_fehler(encode(fehler)) == fehler);
    const Fehler ohne_feld{"SERVER", std::nullopt, "kaputt"};
    CHECK(parse_fehler(encode(ohne_feld)) == ohne_feld);
    const Pong pong{"K-104233", "a.berger", "2026-12-03T19:00:00Z"};
    CHECK(parse_pong(encode(pong)) == pong);
    const auto liste = sample_versicherer_liste();
    CHECK(parse_versicherer_liste(encode(liste)) == liste);
    const ZentralrufAnfrage anfrage{"L-XY 4711", "2026-11-30", "AT"};
    CHECK(parse_zentralruf_anfrage(encode(anfrage)) == anfrage);
    const ZentralrufAuskunft auskunft{"5312", "Allianz Versicherungs-AG", "KH-99812003", "2026-12-31"};
    CHECK(parse_zentralruf_auskunft(encode(auskunft)) == auskunft);
    const ZentralrufAuskunft ohne_ende{"5312", "Allianz", "KH-1", std::nullopt};
    CHECK(parse_zentralruf_auskunft(encode(ohne_ende)) == ohne_ende);
  }

  TEST_CASE("round trip: a Postfach keeps each entry's Nachricht as a document of its own") {
    const auto postfach = sample_postfach();
    const auto parsed = parse_postfach(encode(postfach));
    CHECK(parsed.naechster == "c-0002");
    CHECK(parsed.mehr);
    REQUIRE(parsed.eintraege.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
      const auto& entry = parsed.eintraege[i];
      CHECK(entry.id == postfach.eintraege[i].id);
      CHECK(entry.nachricht == as_parsed(postfach.eintraege[i].nachricht));
      // the stored XML stands alone and parses to the same message
      CHECK(entry.xml.find("<Nachricht xmlns=\"urn:ecadm:econsult:1\" version=\"1\">") != std::string::npos);
      CHECK(parse_nachricht(entry.xml) == entry.nachricht);
    }
    CHECK(parsed.eintraege[1].xml.find("Mieterhöhungsverlangen") != std::string::npos);
  }

  TEST_CASE("round trip: an empty Postfach and an empty VersichererListe") {
    const Postfach leer{"c-0", false, {}};
    const auto parsed = parse_postfach(encode(leer));
    CHECK(parsed.eintraege.empty());
    CHECK_FALSE(parsed.mehr);
    const VersichererListe keine{"2026-12-01", {}};
    CHECK(parse_versicherer_liste(encode(keine)) == keine);
  }

  TEST_CASE("encode: money is written from cents with two places and EUR") {
    auto message = sample_deckungsanfrage();
    auto& body = std::get<Deckungsanfrage>(message.body);
    for (auto [cents, text] : {std::pair<std::int64_t, const char*>{1050005, ">10500.05<"},
                               {0, ">0.00<"},
                               {5, ">0.05<"},
                               {-120, ">-1.20<"}}) {
      body.gegenstandswert_cents = cents;
      const auto xml = encode(message);
      CHECK(xml.find(std::string("<Gegenstandswert waehrung=\"EUR\"") + text) != std::string::npos);
      CHECK(std::get<Deckungsanfrage>(parse_nachricht(xml).body).gegenstandswert_cents == cents);
    }
  }

  TEST_CASE("encode: attachments carry base64, groesse and sha256 of the bytes") {
    const auto xml = encode(sample_deckungsanfrage());
    CHECK(xml.find("groesse=\"5\" sha256=\"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\">"
                   "aGVsbG8=</Anlage>") != std::string::npos);
    CHECK(base64_decode(base64_encode(std::string("\x00\xff\x10", 3))) == std::string("\x00\xff\x10", 3));
  }

  TEST_CASE("encode: elements follow the schema's order") {
    const auto xml = encode(sample_deckungsanfrage());
    const char* order[] = {"<Versicherungsscheinnummer>",
                           "<Schadennummer>",
                           "<Versicherungsnehmer>",
                           "<Mandant>",
                           "<Rechtsgebiet>",
                           "<Ereignisdatum>",
                           "<Umfang>",
                           "<Gegner>",
                           "<Gegenstandswert",
                           "<Sachverhalt>",
                           "<Anlagen>"};
    std::size_t last = xml.find("<Deckungsanfrage");
    for (const char* tag : order) {
      CAPTURE(tag);
      const auto at = xml.find(tag, last);
      REQUIRE(at != std::string::npos);
      last = at;
    }
  }

  TEST_CASE("encode: refuses what the schema cannot express") {
    auto contradicting = sample_deckungsanfrage();
    contradicting.kopf.art = "Schadenmeldung";
    CHECK_THROWS_WITH_AS(encode(contradicting), doctest::Contains("'Kopf/Art' is 'Schadenmeldung'"), ProtocolError);

    auto nameless = sample_deckungsanfrage();
    std::get<Deckungsanfrage>(nameless.body).versicherungsnehmer = Person{};
    CHECK_THROWS_WITH_AS(encode(nameless), doctest::Contains("'Versicherungsnehmer' needs Vorname and Nachname"),
                         ProtocolError);

    auto half_named = sample_deckungsanfrage();
    std::get<Deckungsanfrage>(half_named.body).versicherungsnehmer.nachname.reset();
    CHECK_THROWS_WITH_AS(encode(half_named), doctest::Contains("needs both Vorname and Nachname"), ProtocolError);

    auto no_recipient = sample_deckungsanfrage();
    no_recipient.kopf.empfaenger_bafin.reset();
    CHECK_THROWS_WITH_AS(encode(no_recipient), doctest::Contains("'Empfaenger'"), ProtocolError);

    auto no_sender = sample_deckungsanfrage();
    no_sender.kopf.absender = Absender{};
    CHECK_THROWS_WITH_AS(encode(no_sender), doctest::Contains("'Absender' needs"), ProtocolError);

    auto bad_text = sample_deckungsanfrage();
    std::get<Deckungsanfrage>(bad_text.body).sachverhalt = "ok \xff\xfe";
    CHECK_THROWS_WITH_AS(encode(bad_text), doctest::Contains("'Sachverhalt': invalid UTF-8 at byte 3"), ProtocolError);

    auto control = sample_deckungsanfrage();
    control.anlagen[0].dateiname = std::string("a\x01.txt");
    CHECK_THROWS_WITH_AS(encode(control), doctest::Contains("'dateiname': character U+0001"), ProtocolError);

    auto empty = sample_schadenmeldung();
    std::get<Schadenmeldung>(empty.body).schadenort.clear();
    CHECK_THROWS_WITH_AS(encode(empty), doctest::Contains("'Schadenmeldung/Schadenort' is empty"), ProtocolError);

    auto no_beteiligte = sample_mandat();
    std::get<Mandat>(no_beteiligte.body).beteiligte.clear();
    CHECK_THROWS_WITH_AS(encode(no_beteiligte), doctest::Contains("1 to 50 Beteiligte"), ProtocolError);
  }

  TEST_CASE("parse: a namespace prefix is as good as the default namespace") {
    const std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<ec:ZentralrufAuskunft xmlns:ec=\"urn:ecadm:econsult:1\">"
        "<ec:Versicherer bafin=\"5312\" name=\"Allianz\"/>"
        "<ec:Versicherungsscheinnummer>KH-1</ec:Versicherungsscheinnummer>"
        "</ec:ZentralrufAuskunft>";
    CHECK(parse_zentralruf_auskunft(xml).versicherungsscheinnummer == "KH-1");
  }

  TEST_CASE("parse: amounts with fewer decimals, CDATA text and a UTF-8 BOM are read") {
    auto xml = encode(sample_deckungsentscheidung());
    xml.replace(xml.find("150.00"), 6, "150.5");
    const auto reason = xml.find("Nur außergerichtlich.");
    xml.replace(reason, std::string("Nur außergerichtlich.").size(), "<![CDATA[a <b> & c]]>");
    const auto parsed = parse_nachricht("\xEF\xBB\xBF" + xml);
    const auto& body = std::get<Deckungsentscheidung>(parsed.body);
    CHECK(body.selbstbeteiligung_cents == 15050);
    CHECK(body.begruendung == "a <b> & c");
  }
}
