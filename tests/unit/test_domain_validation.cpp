#include <doctest/doctest.h>

#include <functional>
#include <string>

#include "ecadm/error.hpp"
#include "ecadm/validation.hpp"

using namespace ecadm;
using namespace ecadm::validation;

namespace {

// The message of the InvalidData that fn throws; checks that it names `field`.
std::string refusal(const std::function<void()>& fn, const std::string& field) {
  try {
    fn();
  } catch (const InvalidData& e) {
    CHECK(e.field() == field);
    CHECK(e.code() == ExitCode::invalid);
    CHECK(std::string(e.what()).rfind("invalid " + field + ": ", 0) == 0);
    CHECK_MESSAGE(!e.hint().empty(), "every refusal names its fix: " << e.what());
    return e.what();
  }
  FAIL_CHECK("expected InvalidData for field " << field);
  return {};
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_SUITE("domain::validation") {
  TEST_CASE("normalize_iban: published example IBANs of many countries are accepted and normalised") {
    const std::pair<const char*, const char*> valid[] = {
        {"DE89 3704 0044 0532 0130 00", "DE89370400440532013000"},
        {"GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432"},
        {"FR14 2004 1010 0505 0001 3M02 606", "FR1420041010050500013M02606"},
        {"AT61 1904 3002 3457 3201", "AT611904300234573201"},
        {"CH93 0076 2011 6238 5295 7", "CH9300762011623852957"},
        {"NL91 ABNA 0417 1643 00", "NL91ABNA0417164300"},
        {"BE68 5390 0754 7034", "BE68539007547034"},
        {"IT60 X054 2811 1010 0000 0123 456", "IT60X0542811101000000123456"},
        {"ES91 2100 0418 4502 0005 1332", "ES9121000418450200051332"},
        {"LU28 0019 4006 4475 0000", "LU280019400644750000"},
        {"PL61 1090 1014 0000 0712 1981 2874", "PL61109010140000071219812874"},
        {"NO93 8601 1117 947", "NO9386011117947"},
        {"MT84 MALT 0110 0001 2345 MTLC AST0 01S", "MT84MALT011000012345MTLCAST001S"},
        {"DK50 0040 0440 1162 43", "DK5000400440116243"},
        {"SE45 5000 0000 0583 9825 7466", "SE4550000000058398257466"},
        {"IE29 AIBK 9311 5212 3456 78", "IE29AIBK93115212345678"},
        {"PT50 0002 0123 1234 5678 9015 4", "PT50000201231234567890154"},
        {"LI21 0881 0000 2324 013A A", "LI21088100002324013AA"},
        {"MC58 1122 2000 0101 2345 6789 030", "MC5811222000010123456789030"},
        {"SM86 U032 2509 8000 0000 0270 100", "SM86U0322509800000000270100"},
        {"VA59 0011 2300 0012 3456 78", "VA59001123000012345678"},
        {"AD12 0001 2030 2003 5910 0100", "AD1200012030200359100100"},
        {"GI75 NWBK 0000 0000 7099 453", "GI75NWBK000000007099453"},
        {"FI21 1234 5600 0007 85", "FI2112345600000785"},
        {"GR16 0110 1250 0000 0001 2300 695", "GR1601101250000000012300695"},
    };
    for (const auto& [input, normalised] : valid) {
      CAPTURE(input);
      CHECK(normalize_iban(input) == normalised);
    }
    CHECK(normalize_iban("de89370400440532013000") == "DE89370400440532013000");
    CHECK(normalize_iban("  gb82 west 1234 5698 7654 32 ") == "GB82WEST12345698765432");
  }

  TEST_CASE("normalize_iban: a flipped check digit or account digit breaks mod 97") {
    const char* broken[] = {
        "DE89 3704 0044 0532 0130 01",
        "DE88 3704 0044 0532 0130 00",
        "GB82 WEST 1234 5698 7654 33",
        "FR14 2004 1010 0505 0001 3M02 607",
        "AT62 1904 3002 3457 3201",
        "CH93 0076 2011 6238 5295 8",
        "NL91 ABNA 0417 1643 01",
        "BE69 5390 0754 7034",
        "IT60 X054 2811 1010 0000 0123 457",
        "ES91 2100 0418 4502 0005 1333",
        "LU28 0019 4006 4475 0001",
        "PL61 1090 1014 0000 0712 1981 2875",
        "NL91 ABNB 0417 1643 00",
    };
    for (const char* input : broken) {
      CAPTURE(input);
      CHECK(refusal([&] { normalize_iban(input); }, "iban") == "invalid iban: checksum is wrong (mod 97 must be 1)");
    }
  }

  TEST_CASE("normalize_iban: the country's exact length is enforced") {
    CHECK(refusal([] { normalize_iban("DE89 3704 0044 0532 0130 0"); }, "iban") ==
          "invalid iban: a DE IBAN has 22 characters, not 21");
    CHECK(refusal([] { normalize_iban("AT61 1904 3002 3457 3201 1"); }, "iban") ==
          "invalid iban: a AT IBAN has 20 characters, not 21");
    CHECK(has(refusal([] { normalize_iban("BE68 5390 0754 703"); }, "iban"), "a BE IBAN has 16 characters, not 15"));
  }

  TEST_CASE("normalize_iban: unknown countries, bad characters and impossible check digits are refused") {
    CHECK(refusal([] { normalize_iban("XX89 3704 0044 0532 0130 00"); }, "iban") ==
          "invalid iban: unknown country code 'XX'");
    CHECK(has(refusal([] { normalize_iban("US12 3456 7890"); }, "iban"), "unknown country code 'US'"));
    CHECK(has(refusal([] { normalize_iban("DE89-3704-0044-0532-0130-00"); }, "iban"), "contains '-'"));
    CHECK(has(refusal([] { normalize_iban("DE89 3704 0044 0532 0130 0ä"); }, "iban"), "contains 'ä'"));
    CHECK(has(refusal([] { normalize_iban("1289 3704 0044 0532 0130 00"); }, "iban"), "two-letter country code"));
    CHECK(has(refusal([] { normalize_iban("DEXX 3704 0044 0532 0130 00"); }, "iban"), "check digits 'XX'"));
    CHECK(has(refusal([] { normalize_iban("DE00 3704 0044 0532 0130 00"); }, "iban"), "02 to 98"));
    CHECK(refusal([] { normalize_iban("   "); }, "iban") == "invalid iban: must not be empty");
    CHECK(has(refusal([] { normalize_iban("DE88 3704 0044 0532 0130 00", "bank_iban"); }, "bank_iban"), "mod 97"));
  }

  TEST_CASE("iban_length: SEPA countries are all known") {
    for (const char* c : {"AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB",
                          "GI", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MT",
                          "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK", "SM", "VA", "AD"}) {
      CAPTURE(c);
      CHECK(iban_length(c).has_value());
    }
    CHECK(iban_length("DE") == 22u);
    CHECK(iban_length("NO") == 15u);
    CHECK(iban_length("MT") == 31u);
    CHECK_FALSE(iban_length("US").has_value());
  }

  TEST_CASE("normalize_bic: 8 or 11 characters, ISO 9362 pattern, normalised") {
    CHECK(normalize_bic("COBADEFFXXX") == "COBADEFFXXX");
    CHECK(normalize_bic("deutdeff") == "DEUTDEFF");
    CHECK(normalize_bic("DEUT DE FF 500") == "DEUTDEFF500");
    CHECK(normalize_bic("COBADEFFXXX", "DE") == "COBADEFFXXX");
    CHECK(normalize_bic("ABNANL2A", "NL") == "ABNANL2A");
    CHECK(has(refusal([] { normalize_bic("COBADEFFXX"); }, "bic"), "has 10 characters; a BIC has 8 or 11"));
    CHECK(has(refusal([] { normalize_bic("COBADEF"); }, "bic"), "8 or 11"));
    CHECK(has(refusal([] { normalize_bic("C0BADEFF"); }, "bic"), "ISO 9362"));
    CHECK(has(refusal([] { normalize_bic("COBAD1FF"); }, "bic"), "ISO 9362"));
    CHECK(has(refusal([] { normalize_bic("COBADEF_XXX"); }, "bic"), "ISO 9362"));
    CHECK(refusal([] { normalize_bic(""); }, "bic") == "invalid bic: must not be empty");
  }

  TEST_CASE("normalize_bic: its country must match the IBAN's") {
    CHECK(refusal([] { normalize_bic("COBADEFFXXX", "AT"); }, "bic") ==
          "invalid bic: the BIC's country 'DE' (characters 5-6) does not match the IBAN's country 'AT'");
    CHECK(has(refusal([] { normalize_bic("BNPAFRPP", "DE"); }, "bic"), "'FR'"));
    // territories without IBANs of their own use the parent's IBAN
    CHECK(normalize_bic("RBOSJESH", "GB") == "RBOSJESH");
    CHECK(normalize_bic("BNPARERX", "FR") == "BNPARERX");
    CHECK_THROWS_AS(normalize_bic("RBOSJESH", "FR"), InvalidData);
  }

  TEST_CASE("check_email: plausible addresses only") {
    CHECK(check_email("kanzlei@berger-recht.de") == "kanzlei@berger-recht.de");
    CHECK(check_email("a.b+c@mail.example.co.uk") == "a.b+c@mail.example.co.uk");
    for (const char* bad : {"kanzlei", "kanzlei@", "@berger.de", "kanzlei@berger", "a b@berger.de", "a@b@berger.de",
                            "a@berger..de", ""}) {
      CAPTURE(bad);
      CHECK(has(refusal([&] { check_email(bad); }, "email"), "not a plausible e-mail address"));
    }
    CHECK_THROWS_AS(check_email("x", "stamm_email"), InvalidData);
  }

  TEST_CASE("check_date: ISO dates that exist, optionally not after a day") {
    CHECK(check_date("2026-02-28", "datum") == "2026-02-28");
    CHECK(check_date("2024-02-29", "datum") == "2024-02-29");
    CHECK(has(refusal([] { check_date("2026-02-30", "datum"); }, "datum"), "not a date in the form YYYY-MM-DD"));
    CHECK_THROWS_AS(check_date("2025-02-29", "datum"), InvalidData);
    CHECK_THROWS_AS(check_date("2026-13-01", "datum"), InvalidData);
    CHECK_THROWS_AS(check_date("2026-00-10", "datum"), InvalidData);
    CHECK_THROWS_AS(check_date("26-02-01", "datum"), InvalidData);
    CHECK_THROWS_AS(check_date("2026-2-1", "datum"), InvalidData);
    CHECK_THROWS_AS(check_date("01.02.2026", "datum"), InvalidData);
    CHECK(check_date("2026-12-03", "unfalldatum", std::string_view("2026-12-03")) == "2026-12-03");
    CHECK(refusal([] { check_date("2026-12-04", "unfalldatum", std::string_view("2026-12-03")); }, "unfalldatum") ==
          "invalid unfalldatum: '2026-12-04' lies in the future (after 2026-12-03)");
  }

  TEST_CASE("normalize_plate: German plates are accepted and normalised") {
    CHECK(normalize_plate("L-XY 4711") == "L-XY 4711");
    CHECK(normalize_plate("B-ZZ 9999") == "B-ZZ 9999");
    CHECK(normalize_plate("M-AB 123E") == "M-AB 123E");
    CHECK(normalize_plate("HH-A 1H") == "HH-A 1H");
    CHECK(normalize_plate("l xy4711") == "L-XY 4711");
    CHECK(normalize_plate(" L - XY 4711 ") == "L-XY 4711");
    CHECK(normalize_plate("HH A 1") == "HH-A 1");
    CHECK(normalize_plate("MÜ-AB 12") == "MÜ-AB 12");
    CHECK(normalize_plate("mü-ab 12") == "MÜ-AB 12");
    CHECK(normalize_plate("LÖB-X 1") == "LÖB-X 1");
    CHECK(normalize_plate("BAD-AB 123") == "BAD-AB 123");
    CHECK(normalize_plate("K-AB 1234") == "K-AB 1234");
  }

  TEST_CASE("normalize_plate: each broken rule is named") {
    CHECK(has(refusal([] { normalize_plate("L-XY 0711"); }, "kennzeichen"), "must not start with 0"));
    CHECK(has(refusal([] { normalize_plate("L-XY 47111"); }, "kennzeichen"), "at most 4 digits"));
    CHECK(has(refusal([] { normalize_plate("L-XYZ 4711"); }, "kennzeichen"), "at most 2 letters"));
    CHECK(has(refusal([] { normalize_plate("LXYZ-A 1"); }, "kennzeichen"), "at most 3 letters"));
    CHECK(has(refusal([] { normalize_plate("L-XY"); }, "kennzeichen"), "1-4 digits"));
    CHECK(has(refusal([] { normalize_plate("4711"); }, "kennzeichen"), "district"));
    CHECK(has(refusal([] { normalize_plate("L-4711"); }, "kennzeichen"), "1-2 letters"));
    CHECK(has(refusal([] { normalize_plate("L-XY 4711 X"); }, "kennzeichen"), "unexpected 'X'"));
    CHECK(has(refusal([] { normalize_plate("L-XY 4711Z"); }, "kennzeichen"), "unexpected 'Z'"));
    CHECK(has(refusal([] { normalize_plate("BAD-XY 1234"); }, "kennzeichen"), "9 characters"));
    CHECK(has(refusal([] { normalize_plate("BAD-XY 123E"); }, "kennzeichen"), "at most 8"));
    CHECK(has(refusal([] { normalize_plate("L-ÄB 12"); }, "kennzeichen"), "1-2 letters"));
    CHECK(refusal([] { normalize_plate(""); }, "kennzeichen") == "invalid kennzeichen: must not be empty");
    CHECK_THROWS_AS(normalize_plate("L_XY 4711"), InvalidData);
    CHECK(has(refusal([] { normalize_plate("x", "kennzeichen_gegner"); }, "kennzeichen_gegner"), "German plate"));
  }

  TEST_CASE("check_zip, check_country, check_text, check_phone") {
    CHECK(check_zip("04109", "DE") == "04109");
    CHECK(has(refusal([] { check_zip("4109", "DE"); }, "zip"), "five digits"));
    CHECK(has(refusal([] { check_zip("04109A", "DE"); }, "zip"), "five digits"));
    CHECK(check_zip("1010", "AT") == "1010");
    CHECK(check_zip("SW1A 1AA", "GB") == "SW1A 1AA");
    CHECK_THROWS_AS(check_zip("#", "AT"), InvalidData);
    CHECK(check_country("de") == "DE");
    CHECK(has(refusal([] { check_country("DEU"); }, "country"), "two-letter"));
    CHECK_THROWS_AS(check_country("D1"), InvalidData);
    CHECK(check_text("  Kanzlei Berger ", "name") == "Kanzlei Berger");
    CHECK(refusal([] { check_text(" \t", "name"); }, "name") == "invalid name: must not be empty");
    CHECK(check_text("Müller", "city", 6) == "Müller");
    CHECK(has(refusal([] { check_text("Müllers", "city", 6); }, "city"), "is 7 characters long, at most 6"));
    CHECK(has(refusal([] { check_text("a\x01z", "street"); }, "street"), "control characters"));
    CHECK(check_phone(" +49 (341) 123-45/6 ", "phone") == "+49 (341) 123-45/6");
    CHECK(has(refusal([] { check_phone("call me", "phone"); }, "phone"), "not a phone number"));
    CHECK(has(refusal([] { check_phone("+4", "fax"); }, "fax"), "at least 3 digits"));
  }

  TEST_CASE("normalize_endpoint: https anywhere, http only on loopback") {
    CHECK(normalize_endpoint("https://econsult.example.com/ec/v1/") == "https://econsult.example.com/ec/v1");
    CHECK(normalize_endpoint("HTTPS://EConsult.Example.com:8443/ec/v1") == "https://econsult.example.com:8443/ec/v1");
    CHECK(normalize_endpoint("https://host") == "https://host");
    CHECK(normalize_endpoint("http://127.0.0.1:8080/ec/v1/") == "http://127.0.0.1:8080/ec/v1");
    CHECK(normalize_endpoint("http://127.3.4.5/ec") == "http://127.3.4.5/ec");
    CHECK(normalize_endpoint("http://localhost:9000") == "http://localhost:9000");
    CHECK(normalize_endpoint("http://[::1]:9000/x") == "http://[::1]:9000/x");
    std::string rule = refusal([] { normalize_endpoint("http://example.com"); }, "endpoint");
    CHECK(has(rule, "e.Consult needs https://"));
    CHECK(has(rule, "127.0.0.0/8"));
    CHECK_THROWS_AS(normalize_endpoint("http://128.0.0.1/"), InvalidData);
    CHECK_THROWS_AS(normalize_endpoint("http://127.0.0.1.example.com/"), InvalidData);
    CHECK_THROWS_AS(normalize_endpoint("http://localhost.example.com/"), InvalidData);
    CHECK_THROWS_AS(normalize_endpoint("http://[::2]/"), InvalidData);
    CHECK(normalize_endpoint("https://[2001:DB8::1]:8443/") == "https://[2001:db8::1]:8443");
    CHECK(has(refusal([] { normalize_endpoint("https://[zz::1]/"); }, "endpoint"), "IPv6 host"));
    CHECK(has(refusal([] { normalize_endpoint("https://[::1/"); }, "endpoint"), "closing ']'"));
    CHECK(has(refusal([] { normalize_endpoint("ftp://host/x"); }, "endpoint"), "must start with https://"));
    CHECK(has(refusal([] { normalize_endpoint("econsult.example.com"); }, "endpoint"), "must start with https://"));
    CHECK(has(refusal([] { normalize_endpoint("https://u:p@host/x"); }, "endpoint"), "user credentials"));
    // the refusal shows the URL, but never the password in it
    const std::string secret_refusal = refusal([] { normalize_endpoint("https://u:Geheim-42@host/x"); }, "endpoint");
    CHECK_FALSE(has(secret_refusal, "Geheim-42"));
    CHECK(has(secret_refusal, "https://***@host/x"));
    CHECK(has(refusal([] { normalize_endpoint("https://host/x?a=1"); }, "endpoint"), "query"));
    CHECK(has(refusal([] { normalize_endpoint("https://host:0/x"); }, "endpoint"), "1 to 65535"));
    CHECK(has(refusal([] { normalize_endpoint("https://host:99999"); }, "endpoint"), "1 to 65535"));
    CHECK(has(refusal([] { normalize_endpoint("https:///x"); }, "endpoint"), "no host"));
    CHECK(has(refusal([] { normalize_endpoint("https://ho st/x"); }, "endpoint"), "spaces"));
  }
}
