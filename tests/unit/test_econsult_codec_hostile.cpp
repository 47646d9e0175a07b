// Untrusted input: every malformed or hostile body is a ProtocolError with a message
// that says what is wrong and where, never a crash or a silent acceptance.
#include <doctest/doctest.h>

#include <string>

#include "ecadm/econsult/codec.hpp"
#include "test_econsult_codec_samples.hpp"

using namespace ecadm::econsult;
using namespace ecadm::test;

namespace {

const std::string k_head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

std::string fehler_body(const std::string& text) {
  return k_head + "<Fehler xmlns=\"urn:ecadm:econsult:1\" code=\"SERVER\"><Text>" + text + "</Text></Fehler>";
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  REQUIRE_MESSAGE(at != std::string::npos, "sample lacks " << from);
  return text.replace(at, from.size(), to);
}

std::string nested(int depth) {
  std::string xml = k_head + "<Fehler xmlns=\"urn:ecadm:econsult:1\" code=\"SERVER\">";
  for (int i = 1; i < depth; ++i) xml += "<x>";
  for (int i = 1; i < depth; ++i) xml += "</x>";
  return xml + "</Fehler>";
}

const std::string k_anlage = encode(sample_deckungsanfrage());

}  // namespace

#define CHECK_REFUSED(expr, text) \
  CHECK_THROWS_WITH_AS(expr, doctest::Contains(std::string(text).c_str()), ProtocolError)

TEST_SUITE("econsult::codec hostile") {
  TEST_CASE("parse: a DOCTYPE is refused (billion laughs, external entities)") {
    const std::string laughs = k_head +
                               "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n"
                               "<Fehler xmlns=\"urn:ecadm:econsult:1\" code=\"SERVER\"><Text>&lol2;</Text></Fehler>";
    CHECK_REFUSED(parse_fehler(laughs), "DOCTYPE or ENTITY declaration is not allowed");
    const std::string external = k_head + "<!DOCTYPE Fehler SYSTEM \"file:///etc/passwd\">" + fehler_body("x");
    CHECK_REFUSED(parse_fehler(external), "DOCTYPE");
    CHECK_REFUSED(parse_fehler(fehler_body("<!ENTITY x \"y\">")), "ENTITY");
  }

  TEST_CASE("parse: more than one root element, text outside it, or none") {
    CHECK_REFUSED(parse_fehler(fehler_body("a") + "<Fehler code=\"SERVER\"/>"), "more than one root element");
    CHECK_REFUSED(parse_fehler(fehler_body("a") + "trailing"), "text outside the root element");
    CHECK_REFUSED(parse_fehler(k_head), "no root element");
    CHECK_REFUSED(parse_fehler(""), "invalid e.Consult body");
  }

  TEST_CASE("parse: invalid UTF-8 and control characters are refused with their position") {
    const auto prefix = fehler_body("").find("</Text>");
    CHECK_REFUSED(parse_fehler(fehler_body("\xC0\xAF")), "invalid UTF-8 at byte " + std::to_string(prefix));
    CHECK_REFUSED(parse_fehler(fehler_body("a\x80")), "invalid UTF-8");
    CHECK_REFUSED(parse_fehler(fehler_body("\xE2\x82")), "invalid UTF-8");
    CHECK_REFUSED(parse_fehler(fehler_body("\xED\xA0\x80")), "U+D800");
    CHECK_REFUSED(parse_fehler(fehler_body("\xF4\x90\x80\x80")), "invalid UTF-8");
    CHECK_REFUSED(parse_fehler(fehler_body(std::string("a\0b", 3))), "character U+0000");
    CHECK_REFUSED(parse_fehler(fehler_body("\x1b[31m")), "character U+001B");
    CHECK_REFUSED(parse_fehler(fehler_body("a&#1;b")), "character reference '&#1;' at byte");
    CHECK_REFUSED(parse_fehler(fehler_body("a&#x0;b")), "character reference '&#x0;'");
    CHECK_REFUSED(parse_fehler(fehler_body("&#xD800;")), "character reference '&#xD800;'");
    CHECK_REFUSED(parse_fehler(fehler_body("&#99999999999;")), "character reference");
    CHECK(parse_fehler(fehler_body("&#228;&#x20AC;&#10;")).text == "ä€\n");
    CHECK(parse_fehler(fehler_body("Grüße \xF0\x9F\x98\x80\ttab")).text == "Grüße \xF0\x9F\x98\x80\ttab");
  }

  TEST_CASE("parse: nesting deeper than 64 is refused, 64 is not a depth error") {
    CHECK_REFUSED(parse_fehler(nested(65)), "nested 65 deep, more than 64 levels");
    // 64 levels pass the depth check and fail later, on the schema
    CHECK_REFUSED(parse_fehler(nested(64)), "element 'Text' missing in 'Fehler' (found 'x')");
    CHECK_REFUSED(parse_fehler(nested(200000)), "more than 64 levels");  // no stack overflow
  }

  TEST_CASE("encode: a body over 20 MiB is refused") {
    auto message = sample_deckungsanfrage();
    message.anlagen = {Anlage{"gross.bin", "application/octet-stream", std::string(16u * 1024 * 1024, 'x'), {}}};
    CHECK_THROWS_WITH_AS(encode(message), doctest::Contains("over the limit of 20971520 bytes"), ProtocolError);
    message.anlagen[0].inhalt.resize(14u * 1024 * 1024);
    CHECK(parse_nachricht(encode(message)).anlagen[0].inhalt.size() == 14u * 1024 * 1024);
  }

  TEST_CASE("parse: a body over 20 MiB is refused before parsing") {
    std::string big = fehler_body(std::string(k_max_body, 'a'));
    CHECK_REFUSED(parse_fehler(big), "over the limit of 20971520 bytes");
  }

  TEST_CASE("parse: an attachment whose size, hash or base64 is wrong is refused") {
    CHECK_REFUSED(parse_nachricht(replaced(k_anlage, "groesse=\"5\"", "groesse=\"6\"")),
                  "Anlage 'kuendigung.txt': groesse says 6 bytes but the content has 5");
    CHECK_REFUSED(parse_nachricht(replaced(k_anlage, "sha256=\"2cf2", "sha256=\"3cf2")),
                  "Anlage 'kuendigung.txt': sha256 does not match");
    CHECK_REFUSED(parse_nachricht(replaced(k_anlage, "aGVsbG8=", "aGVs*G8=")),
                  "Anlage 'kuendigung.txt': content is not valid base64");
    CHECK_REFUSED(parse_nachricht(replaced(k_anlage, "aGVsbG8=", "aGVsbG8")), "not valid base64");
    CHECK_REFUSED(parse_nachricht(replaced(k_anlage, "groesse=\"5\"", "groesse=\"-5\"")), "a size in bytes");
    CHECK_REFUSED(parse_nachricht(replaced(k_anlage, " sha256=\"2cf2", " x=\"2cf2")),
                  "attribute 'sha256' missing on 'Nachricht/Anlagen/Anlage'");
    // base64 may be wrapped over lines
    const auto wrapped = parse_nachricht(replaced(k_anlage, "aGVsbG8=", "aGVs\n  bG8="));
    CHECK(wrapped.anlagen[0].inhalt == "hello");
  }

  TEST_CASE("parse: a wrong namespace or root element is refused") {
    const auto fehler = fehler_body("x");
    CHECK_REFUSED(parse_fehler(replaced(fehler, "urn:ecadm:econsult:1", "urn:other")),
                  "element 'Fehler' is in namespace 'urn:other', expected 'urn:ecadm:econsult:1'");
    CHECK_REFUSED(parse_fehler(replaced(fehler, " xmlns=\"urn:ecadm:econsult:1\"", "")), "namespace '(none)'");
    CHECK_REFUSED(parse_fehler(replaced(fehler, "<Text>", "<Text xmlns=\"urn:x\">")), "element 'Text' is in namespace");
    CHECK_REFUSED(parse_fehler(replaced(fehler, "<Text>x</Text>", "<p:Text>x</p:Text>")), "undeclared prefix 'p'");
    CHECK_REFUSED(parse_pong(fehler), "root element is 'Fehler', expected 'Pong'");
  }

  TEST_CASE("parse: a missing required element or attribute is named with its path") {
    const auto rueckfrage = encode(sample_rueckfrage());
    CHECK_REFUSED(
        parse_nachricht(replaced(rueckfrage, "<Text>Bitte reichen Sie das Kündigungsschreiben nach.</Text>", "")),
        "element 'Text' missing in 'Nachricht/Rueckfrage'");
    const auto anfrage = encode(sample_schadenmeldung());
    CHECK_REFUSED(parse_nachricht(replaced(anfrage, "<Schadentag>2026-11-30</Schadentag>", "")),
                  "element 'Schadentag' missing in 'Nachricht/Schadenmeldung' (found 'Schadenort')");
    CHECK_REFUSED(parse_nachricht(replaced(anfrage, "<Email>kanzlei@berger.example</Email>", "")),
                  "element 'Email' missing in 'Nachricht/Kopf/Absender/Kanzlei'");
    CHECK_REFUSED(parse_nachricht(replaced(anfrage, "<Vorname>Jana</Vorname>", "")),
                  "element 'Vorname' or 'Bezeichnung' missing in 'Nachricht/Schadenmeldung/Geschaedigter'");
    CHECK_REFUSED(parse_nachricht(replaced(anfrage, " version=\"1\"", "")),
                  "attribute 'version' missing on 'Nachricht'");
    CHECK_REFUSED(parse_nachricht(replaced(anfrage, "<Sachverhalt>Auffahrunfall an der Ampel.</Sachverhalt>",
                                           "<Sachverhalt></Sachverhalt>")),
                  "element 'Nachricht/Schadenmeldung/Sachverhalt' is empty");
    CHECK_REFUSED(parse_pong(k_head + "<Pong xmlns=\"urn:ecadm:econsult:1\" kanzleiId=\"K\" benutzer=\"b\"/>"),
                  "attribute 'serverzeit' missing on 'Pong'");
  }

  TEST_CASE("parse: truncated XML is refused") {
    const auto full = encode(sample_deckungsanfrage());
    for (std::size_t cut : {full.size() - 3, full.size() / 2, std::size_t{60}}) {
      CAPTURE(cut);
      CHECK_REFUSED(parse_nachricht(full.substr(0, cut)), "not well-formed XML");
    }
  }

  TEST_CASE("parse: misplaced, unknown and contradicting content is refused") {
    const auto rueckfrage = encode(sample_rueckfrage());
    CHECK_REFUSED(parse_nachricht(replaced(rueckfrage, "<Art>Rueckfrage</Art>", "<Art>Mandat</Art>")),
                  "element 'Mandat' missing in 'Nachricht' (Kopf/Art is 'Mandat', found 'Rueckfrage')");
    CHECK_REFUSED(parse_nachricht(replaced(rueckfrage, "<AntwortBis>", "<Extra>1</Extra><AntwortBis>")),
                  "unexpected element 'Extra' in 'Nachricht/Rueckfrage'");
    CHECK_REFUSED(parse_nachricht(replaced(rueckfrage, "</Rueckfrage>", "</Rueckfrage><Rueckfrage/>")),
                  "unexpected element 'Rueckfrage' in 'Nachricht'");
    CHECK_REFUSED(parse_nachricht(replaced(rueckfrage, "<Kopf>", "<Kopf>stray")),
                  "unexpected text in 'Nachricht/Kopf'");
    CHECK_REFUSED(parse_nachricht(replaced(rueckfrage, "version=\"1\"", "version=\"2\"")), "only version 1");
    CHECK_REFUSED(parse_nachricht(replaced(rueckfrage, "<Art>Rueckfrage</Art>", "<Art>Spam</Art>")),
                  "'Spam' in Nachricht/Kopf/Art is not one of Deckungsanfrage");
  }

  TEST_CASE("parse: malformed values are refused naming the element") {
    const auto entscheidung = encode(sample_deckungsentscheidung());
    CHECK_REFUSED(parse_nachricht(replaced(entscheidung, "<Ergebnis>teilzusage", "<Ergebnis>vielleicht")),
                  "'vielleicht' in Nachricht/Deckungsentscheidung/Ergebnis is not one of zusage, teilzusage");
    CHECK_REFUSED(parse_nachricht(replaced(entscheidung, "150.00", "150.001")),
                  "'150.001' in Nachricht/Deckungsentscheidung/Selbstbeteiligung is not an amount");
    CHECK_REFUSED(parse_nachricht(replaced(entscheidung, "150.00", "1e3")), "is not an amount");
    CHECK_REFUSED(parse_nachricht(replaced(entscheidung, "150.00", "99999999999999999999")), "an amount in range");
    CHECK_REFUSED(parse_nachricht(replaced(entscheidung, "waehrung=\"EUR\"", "waehrung=\"USD\"")),
                  "must be in waehrung EUR, not 'USD'");
    CHECK_REFUSED(parse_nachricht(replaced(entscheidung, "c0ffee00-", "C0FFEE00-")), "is not a lower-case UUID");
    CHECK_REFUSED(parse_nachricht(replaced(entscheidung, "2026-12-04T08:00:00+01:00", "2026-12-04 08:00")),
                  "Nachricht/Kopf/Erstellt is not an RFC 3339 timestamp");
    const auto rueckfrage = encode(sample_rueckfrage());
    CHECK_REFUSED(parse_nachricht(replaced(rueckfrage, "2026-12-18", "2026-13-18")), "is not a date YYYY-MM-DD");
    CHECK_REFUSED(parse_nachricht(replaced(rueckfrage, "bafin=\"5826\"", "bafin=\"58\"")), "is not a BaFin number");
    CHECK_REFUSED(
        parse_fehler(k_head + "<Fehler xmlns=\"urn:ecadm:econsult:1\" code=\"TEAPOT\"><Text>x</Text></Fehler>"),
        "'TEAPOT' in Fehler/@code");
    CHECK_REFUSED(parse_postfach(replaced(encode(sample_postfach()), "mehr=\"true\"", "mehr=\"yes\"")),
                  "Postfach/@mehr");
  }

  TEST_CASE("parse: a date must exist in the calendar, in a date and in a timestamp") {
    const auto liste = encode(sample_versicherer_liste());
    const auto with_stand = [&](const std::string& stand) {
      return parse_versicherer_liste(replaced(liste, "stand=\"2026-12-01\"", "stand=\"" + stand + "\""));
    };
    for (const auto* day : {"2026-02-29", "2026-02-30", "2026-04-31", "2100-02-29", "2026-00-10", "2026-12-00"})
      CHECK_REFUSED(with_stand(day), std::string("'") + day + "' in VersichererListe/@stand is not a date YYYY-MM-DD");
    for (const auto* day : {"2028-02-29", "2000-02-29", "2026-01-31", "2026-04-30", "2026-12-31"})
      CHECK(with_stand(day).stand == day);
    const auto pong = encode(Pong{"K-1", "chef", "2026-12-01T10:00:00Z"});
    CHECK_REFUSED(parse_pong(replaced(pong, "2026-12-01T", "2026-02-30T")),
                  "in Pong/@serverzeit is not an RFC 3339 timestamp");
  }

  TEST_CASE("parse: a policy-number pattern that std::regex cannot compile, or longer than 200, is refused") {
    const auto liste = encode(sample_versicherer_liste());
    const auto with_muster = [&](const std::string& muster) {
      return parse_versicherer_liste(replaced(liste, "vsnrMuster=\"^RS-[0-9]{4}$\"", "vsnrMuster=\"" + muster + "\""));
    };
    CHECK_REFUSED(with_muster("(["), "'([' in Versicherer '5826' vsnrMuster is not an ECMAScript regular expression");
    CHECK_REFUSED(with_muster("^RS-[0-9]{4$"), "in Versicherer '5826' vsnrMuster is not an ECMAScript regular");
    CHECK_REFUSED(with_muster("a)"), "Versicherer '5826' vsnrMuster");
    // std::regex's own limit on states refuses a pattern that would compile into millions of them
    CHECK_REFUSED(with_muster("(((a{100}){100}){100})"), "vsnrMuster is not an ECMAScript regular expression");
    CHECK_REFUSED(with_muster(""), "'' in Versicherer '5826' vsnrMuster is not a non-empty regular expression");
    CHECK_REFUSED(with_muster(std::string(201, 'a')),
                  "Versicherer '5826' vsnrMuster has 201 characters, more than 200");
    // the limit counts characters, not bytes: 200 umlauts are 400 bytes
    std::string umlauts;
    for (int i = 0; i < 200; ++i) umlauts += "\xC3\x96";
    CHECK(with_muster(umlauts).versicherer.front().vsnr_muster == umlauts);
    CHECK(with_muster("^OE-[0-9]{4}-[0-9]{4}$").versicherer.front().vsnr_muster == "^OE-[0-9]{4}-[0-9]{4}$");
    // an insurer without a pattern stays without one
    CHECK_FALSE(with_muster("x").versicherer.back().vsnr_muster.has_value());
  }

  TEST_CASE("parse: a repeated attribute is refused") {
    CHECK_REFUSED(parse_fehler(replaced(fehler_body("x"), "code=\"SERVER\"", "code=\"SERVER\" code=\"SCHEMA\"")),
                  "attribute 'code' appears twice on 'Fehler'");
  }

  TEST_CASE("parse: an encoding other than UTF-8 is refused") {
    CHECK_REFUSED(parse_fehler(replaced(fehler_body("x"), "UTF-8", "ISO-8859-1")),
                  "encoding 'ISO-8859-1' is not allowed");
  }

  TEST_CASE("parse: a bad Postfach entry names the entry") {
    auto xml = encode(sample_postfach());
    xml = replaced(xml, "<Text>Bitte reichen", "<Txt>Bitte reichen");
    xml = replaced(xml, "nach.</Text>", "nach.</Txt>");
    CHECK_REFUSED(parse_postfach(xml), "Postfach/Eintrag[@id='pf-0001']/Nachricht/Rueckfrage");
  }
}
