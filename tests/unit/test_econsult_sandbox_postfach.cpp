// The e.Consult client against the sandbox: the mailbox (insurer replies, at-least-once
// delivery, acknowledgement), Passivmandatierung via the control API, and the Zentralruf.
#include <doctest/doctest.h>

#include <algorithm>
#include <thread>

#include "test_econsult_sandbox.hpp"

using namespace ecadm;
using namespace ecadm::econsult;
using namespace ecadm::test;

namespace {

Sendebestaetigung post(Client& client, const Nachricht& message) {
  return client.post_nachricht(message.kopf.nachricht_id, encode(message));
}

/// Fetches the mailbox until it holds an entry or `limit` passes.
Postfach poll_postfach(Client& client, std::chrono::milliseconds limit = std::chrono::seconds(5)) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  Postfach box = client.postfach();
  while (box.eintraege.empty() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    box = client.postfach();
  }
  return box;
}

ZentralrufAuskunft auskunft(Client& client, const std::string& kennzeichen, const std::string& schadentag,
                            const ZentralrufCredentials& credentials = k_zentralruf) {
  return client.zentralruf(encode(ZentralrufAnfrage{kennzeichen, schadentag, std::nullopt}), credentials);
}

}  // namespace

TEST_SUITE("econsult::Client against the sandbox") {
  TEST_CASE("postfach: the insurer's Deckungsentscheidung names the Vorgang and the request; quittung removes it") {
    SandboxClient s({"--reply-after-ms", "0"});
    CHECK(s.client.postfach().eintraege.empty());
    const Nachricht request = deckungsanfrage(fresh_id());
    const Sendebestaetigung sent = post(s.client, request);

    const Postfach box = s.client.postfach();
    CHECK(!box.mehr);
    REQUIRE(box.eintraege.size() == 1);
    const PostfachEintrag& eintrag = box.eintraege[0];
    const Kopf& kopf = eintrag.nachricht.kopf;
    CHECK(art_of(eintrag.nachricht.body) == "Deckungsentscheidung");
    CHECK(kopf.vorgang == sent.bestaetigung.vorgang);
    CHECK(kopf.bezug_nachricht_id == request.kopf.nachricht_id);
    CHECK(kopf.aktenzeichen == request.kopf.aktenzeichen);
    CHECK(kopf.absender.versicherer_bafin == "5826");
    CHECK(kopf.empfaenger_kanzlei_id == k_kanzlei);
    const auto& entscheidung = std::get<Deckungsentscheidung>(eintrag.nachricht.body);
    CHECK(entscheidung.ergebnis == "zusage");
    CHECK(entscheidung.umfang == "aussergerichtlich");
    CHECK(entscheidung.schadennummer.value_or("").starts_with("SB-5826-"));
    CHECK(parse_nachricht(eintrag.xml) == eintrag.nachricht);  // stored verbatim, parses alike

    // at least once: without quittung the entry comes again, also from the oldest on
    const Postfach again = s.client.postfach();
    REQUIRE(again.eintraege.size() == 1);
    CHECK(again.eintraege[0].id == eintrag.id);
    CHECK(again.eintraege[0].nachricht == eintrag.nachricht);
    CHECK(s.client.postfach(box.naechster).eintraege.empty());  // nothing after the cursor

    s.client.quittung(eintrag.id);
    s.client.quittung(eintrag.id);  // twice is fine
    CHECK(s.client.postfach().eintraege.empty());
    const Rejected unknown = thrown<Rejected>([&] { s.client.quittung("pf-999999"); });
    CHECK(unknown.server_code() == "UNBEKANNT");

    const auto mailbox = sandbox_stats(s.sandbox.url())["mailboxes"][k_kanzlei];
    CHECK(mailbox["entries"] == 1);
    CHECK(mailbox["acknowledged"] == 1);
  }

  TEST_CASE("postfach: with --reply-after-ms the reply shows up after the delay, not before") {
    SandboxClient s({"--reply-after-ms", "150"});
    const auto started = std::chrono::steady_clock::now();
    post(s.client, deckungsanfrage(fresh_id()));
    const Postfach early = s.client.postfach();
    if (std::chrono::steady_clock::now() - started < std::chrono::milliseconds(150)) CHECK(early.eintraege.empty());
    const Postfach box = poll_postfach(s.client);
    REQUIRE(box.eintraege.size() == 1);
    CHECK(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(150));
  }

  TEST_CASE("postfach: a reply that becomes visible after a later entry is not skipped by the cursor") {
    const auto delay = std::chrono::milliseconds(800);
    SandboxClient s({"--reply-after-ms", std::to_string(delay.count()), "--passivmandatierung", k_kanzlei});
    const auto started = std::chrono::steady_clock::now();
    const Nachricht request = deckungsanfrage(fresh_id());
    post(s.client, request);  // its reply is queued first, visible only after the delay
    REQUIRE(plain_request(s.sandbox.url(), Method::post, std::string("/_sandbox/mandat?kanzlei=") + k_kanzlei).status ==
            201);  // visible at once
    const Postfach first = s.client.postfach();
    if (std::chrono::steady_clock::now() - started < delay) {
      REQUIRE(first.eintraege.size() == 1);
      CHECK(art_of(first.eintraege[0].nachricht.body) == "Mandat");
    }
    // a client that pages on with the cursor it was given sees the reply once it is due
    std::string cursor = first.naechster;
    std::vector<PostfachEintrag> seen = first.eintraege;
    const auto deadline = started + delay + std::chrono::seconds(5);
    while (seen.size() < 2 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      const Postfach next = s.client.postfach(cursor);
      seen.insert(seen.end(), next.eintraege.begin(), next.eintraege.end());
      cursor = next.naechster;
    }
    REQUIRE(seen.size() == 2);
    const auto reply = std::find_if(seen.begin(), seen.end(), [](const PostfachEintrag& e) {
      return art_of(e.nachricht.body) == "Deckungsentscheidung";
    });
    REQUIRE(reply != seen.end());
    CHECK(reply->nachricht.kopf.bezug_nachricht_id == request.kopf.nachricht_id);
    CHECK(seen[0].id != seen[1].id);
    CHECK(s.client.postfach(cursor).eintraege.empty());
    CHECK(s.client.postfach().eintraege.size() == 2);  // both still unacknowledged
  }

  TEST_CASE("postfach: --seed with --state gives replies new ids after a restart; the same seed, the same ids") {
    TempDir dir;
    const std::string state = (dir / "sandbox.db").string();
    const std::vector<std::string> args{"--seed", "7", "--state", state, "--reply-after-ms", "0"};
    std::string first_id;
    {
      SandboxClient s(args);
      post(s.client, deckungsanfrage(fresh_id()));
      const Postfach box = s.client.postfach();
      REQUIRE(box.eintraege.size() == 1);
      first_id = box.eintraege[0].nachricht.kopf.nachricht_id;
    }
    {
      SandboxClient s(args);  // restarted on the same state
      post(s.client, deckungsanfrage(fresh_id()));
      const Postfach box = s.client.postfach();
      REQUIRE(box.eintraege.size() == 2);
      CHECK(box.eintraege[0].nachricht.kopf.nachricht_id == first_id);
      CHECK(box.eintraege[1].nachricht.kopf.nachricht_id != first_id);
    }
    SandboxClient fresh({"--seed", "7", "--reply-after-ms", "0"});  // reproducible: no state, same seed
    post(fresh.client, deckungsanfrage(fresh_id()));
    const Postfach box = fresh.client.postfach();
    REQUIRE(box.eintraege.size() == 1);
    CHECK(box.eintraege[0].nachricht.kopf.nachricht_id == first_id);
  }

  TEST_CASE("postfach: max pages the mailbox, mehr says more follow, the cursor continues") {
    SandboxClient s({"--reply-after-ms", "0"});
    for (int i = 0; i < 3; ++i) post(s.client, deckungsanfrage(fresh_id()));
    const Postfach first = s.client.postfach(std::nullopt, 2);
    CHECK(first.mehr);
    REQUIRE(first.eintraege.size() == 2);
    const Postfach rest = s.client.postfach(first.naechster, 2);
    CHECK(!rest.mehr);
    REQUIRE(rest.eintraege.size() == 1);
    CHECK(rest.eintraege[0].id != first.eintraege[1].id);
  }

  TEST_CASE("postfach: every fifth request is answered with a Rueckfrage, which parses like the others") {
    SandboxClient s({"--reply-after-ms", "0"});
    std::vector<std::string> requests;
    for (int i = 0; i < 5; ++i) {
      requests.push_back(fresh_id());
      post(s.client, deckungsanfrage(requests.back()));
    }
    const Postfach box = s.client.postfach();
    REQUIRE(box.eintraege.size() == 5);
    for (int i = 0; i < 4; ++i) CHECK(art_of(box.eintraege[i].nachricht.body) == "Deckungsentscheidung");
    const Nachricht& rueckfrage = box.eintraege[4].nachricht;
    REQUIRE(art_of(rueckfrage.body) == "Rueckfrage");
    CHECK(rueckfrage.kopf.bezug_nachricht_id == requests[4]);
    CHECK(std::get<Rueckfrage>(rueckfrage.body).antwort_bis.has_value());
    CHECK(!std::get<Rueckfrage>(rueckfrage.body).text.empty());

    // the answer to it: a Nachreichung on its Vorgang, naming it as BezugNachrichtId
    Nachricht antwort = nachreichung(fresh_id(), rueckfrage.kopf.vorgang);
    antwort.kopf.bezug_nachricht_id = rueckfrage.kopf.nachricht_id;
    std::get<Nachreichung>(antwort.body).anlass = "antwort-rueckfrage";
    CHECK(post(s.client, antwort).bestaetigung.vorgang == rueckfrage.kopf.vorgang);
  }

  TEST_CASE("Passivmandatierung: the control API puts a Mandat into the firm's mailbox") {
    SandboxClient s({"--passivmandatierung", k_kanzlei});
    const HttpResponse response =
        plain_request(s.sandbox.url(), Method::post, std::string("/_sandbox/mandat?kanzlei=") + k_kanzlei);
    REQUIRE(response.status == 201);
    const Eingangsbestaetigung confirmation = parse_eingangsbestaetigung(response.body);

    const Postfach box = s.client.postfach();
    REQUIRE(box.eintraege.size() == 1);
    const Nachricht& mandat = box.eintraege[0].nachricht;
    CHECK(art_of(mandat.body) == "Mandat");
    CHECK(mandat.kopf.nachricht_id == confirmation.nachricht_id);
    CHECK(mandat.kopf.vorgang == confirmation.vorgang);
    CHECK(mandat.kopf.empfaenger_kanzlei_id == k_kanzlei);
    CHECK(mandat.kopf.absender.versicherer_bafin.has_value());
    CHECK(!std::get<Mandat>(mandat.body).beteiligte.empty());
    REQUIRE(mandat.anlagen.size() == 1);
    CHECK(mandat.anlagen[0].inhalt == "hello");

    // the mandate's Vorgang is the firm's now, with the mandating insurer: a Nachreichung to it is
    // taken in, one to another insurer is not
    const std::string bafin = mandat.kopf.absender.versicherer_bafin.value_or("");
    CHECK(bafin == "5813");
    const Nachricht follow_up = nachreichung(fresh_id(), confirmation.vorgang, bafin);
    CHECK(post(s.client, follow_up).bestaetigung.vorgang == confirmation.vorgang);
    const Rejected e = thrown<Rejected>([&] { post(s.client, nachreichung(fresh_id(), confirmation.vorgang)); });
    CHECK(e.field() == "Empfaenger");
  }

  TEST_CASE("Passivmandatierung: a Mandat encoded by the codec is delivered as sent, with a new Vorgang") {
    SandboxClient s({"--passivmandatierung", k_kanzlei});
    Nachricht sent;
    sent.kopf.nachricht_id = fresh_id();
    sent.kopf.art = "Mandat";
    sent.kopf.erstellt = "2026-12-03T10:00:00Z";
    sent.kopf.absender.versicherer_bafin = "5813";
    sent.kopf.absender.versicherer_name = "ÖRAG Rechtsschutz-Versicherungs-AG";
    sent.kopf.empfaenger_kanzlei_id = k_kanzlei;
    Mandat mandat;
    mandat.schadennummer = "OERAG-26-55120";
    mandat.rechtsgebiet = "mietrecht";
    Beteiligter mandant;
    mandant.vorname = "Lea";
    mandant.nachname = "Hoffmann";
    mandant.rolle = "mandant";
    mandat.beteiligte = {mandant};
    mandat.sachverhalt = "Mieterhöhungsverlangen vom 01.11.2026.";
    sent.body = mandat;
    sent.anlagen = {Anlage{"brief.pdf", "application/pdf", std::string("%PDF\0\xff", 6), {}}};

    const HttpResponse response = plain_request(s.sandbox.url(), Method::post,
                                                std::string("/_sandbox/mandat?kanzlei=") + k_kanzlei, encode(sent));
    REQUIRE(response.status == 201);
    const Eingangsbestaetigung confirmation = parse_eingangsbestaetigung(response.body);
    CHECK(confirmation.nachricht_id == sent.kopf.nachricht_id);

    const Postfach box = s.client.postfach();
    REQUIRE(box.eintraege.size() == 1);
    Nachricht received = box.eintraege[0].nachricht;
    CHECK(received.kopf.vorgang == confirmation.vorgang);
    received.kopf.vorgang.reset();
    for (auto& anlage : received.anlagen) anlage.sha256.clear();  // filled by parse only
    CHECK(received == sent);
  }

  TEST_CASE("Passivmandatierung: for a firm without it the control API answers 403 NICHT_FREIGESCHALTET") {
    SandboxClient s;
    const HttpResponse response =
        plain_request(s.sandbox.url(), Method::post, std::string("/_sandbox/mandat?kanzlei=") + k_kanzlei);
    CHECK(response.status == 403);
    CHECK(parse_fehler(response.body).code == "NICHT_FREIGESCHALTET");
    const Rejected e = thrown<Rejected>([&] { raise(classify(response, parse_fehler(response.body))); });
    CHECK(e.server_code() == "NICHT_FREIGESCHALTET");
    CHECK(s.client.postfach().eintraege.empty());
    CHECK(plain_request(s.sandbox.url(), Method::post, "/_sandbox/mandat?kanzlei=K-0").status == 404);
  }

  TEST_CASE("zentralruf: L-XY 4711 is Allianz 5312 with KH-99812003; HH-A 1 names the end of cover") {
    SandboxClient s;
    const ZentralrufAuskunft a = auskunft(s.client, "L-XY 4711", "2026-11-30");
    CHECK(a.bafin == "5312");
    CHECK(a.name == "Allianz Versicherungs-AG");
    CHECK(a.versicherungsscheinnummer == "KH-99812003");
    CHECK(!a.vertragsende);
    const ZentralrufAuskunft b = auskunft(s.client, "HH-A 1", "2026-03-01");
    CHECK(b.bafin == "5310");
    CHECK(b.vertragsende == std::optional<std::string>("2026-06-30"));
  }

  TEST_CASE("zentralruf: no data is NotFound; not released is NICHT_FREIGESCHALTET; a future day VALIDIERUNG") {
    SandboxClient s;
    const NotFound missing = thrown<NotFound>([&] { auskunft(s.client, "B-ZZ 9999", "2026-11-30"); });
    CHECK(missing.code() == ExitCode::not_found);
    CHECK(thrown<NotFound>([&] { auskunft(s.client, "L-XY 4711", "2025-11-30"); }).code() == ExitCode::not_found);

    const Rejected closed = thrown<Rejected>([&] { auskunft(s.client, "M-AB 123", "2026-11-30"); });
    CHECK(closed.server_code() == "NICHT_FREIGESCHALTET");
    CHECK(has(closed.what(), "the Zentralruf request"));

    const Rejected future = thrown<Rejected>([&] { auskunft(s.client, "L-XY 4711", "2099-01-01"); });
    CHECK(future.server_code() == "VALIDIERUNG");
    CHECK(future.field() == "Schadentag");
  }

  TEST_CASE("zentralruf: a wrong password is Rejected ZUGANG naming settings set-zentralruf") {
    SandboxClient s;
    const Rejected e = thrown<Rejected>([&] {
      auskunft(s.client, "L-XY 4711", "2026-11-30", ZentralrufCredentials{"zr", "nope-77"});
    });
    CHECK(e.server_code() == "ZUGANG");
    CHECK(has(e.hint(), "ecadm settings set-zentralruf"));
    CHECK(!has(e.what(), "nope-77"));
  }
}
