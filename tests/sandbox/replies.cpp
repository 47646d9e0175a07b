#include "replies.hpp"

#include <cstdio>
#include <random>

#include "util.hpp"

namespace ecadm::sandbox {

std::string make_uuid(unsigned long long seed, long long number) {
  const auto n = static_cast<unsigned long long>(number);
  std::seed_seq mixed{seed & 0xffffffffULL, seed >> 32, n & 0xffffffffULL, n >> 32};
  std::mt19937_64 random(mixed);
  unsigned long long high = random(), low = random();
  high = (high & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;  // version 4
  low = (low & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;    // RFC 4122 variant
  char text[37];
  std::snprintf(text, sizeof text, "%08llx-%04llx-%04llx-%04llx-%012llx", high >> 32, (high >> 16) & 0xffff,
                high & 0xffff, low >> 48, low & 0xffffffffffffULL);
  return text;
}

namespace {

std::string kopf(const ReplyContext& context, const char* art, bool with_bezug) {
  std::string xml = "<Kopf><NachrichtId>" + context.nachricht_id + "</NachrichtId><Art>" + art + "</Art><Erstellt>" +
                    context.erstellt + "</Erstellt><Absender><Versicherer bafin=\"" + context.insurer->bafin +
                    "\" name=\"" + xml_escape(context.insurer->name) + "\"/></Absender><Empfaenger><KanzleiId>" +
                    xml_escape(context.kanzlei) + "</KanzleiId></Empfaenger>";
  if (!context.aktenzeichen.empty()) xml += "<Aktenzeichen>" + xml_escape(context.aktenzeichen) + "</Aktenzeichen>";
  xml += "<Vorgang>" + xml_escape(context.vorgang) + "</Vorgang>";
  if (with_bezug && !context.bezug.empty()) xml += "<BezugNachrichtId>" + context.bezug + "</BezugNachrichtId>";
  return xml + "</Kopf>";
}

constexpr const char* k_open = "<Nachricht xmlns=\"urn:ecadm:econsult:1\" version=\"1\">";

}  // namespace

std::string zusage_xml(const ReplyContext& context) {
  std::string xml = std::string(k_open) + kopf(context, "Deckungsentscheidung", true) +
                    "<Deckungsentscheidung><Ergebnis>zusage</Ergebnis><Schadennummer>" +
                    xml_escape(context.schadennummer) + "</Schadennummer>";
  if (!context.umfang.empty()) xml += "<Umfang>" + context.umfang + "</Umfang>";
  xml +=
      "<Selbstbeteiligung waehrung=\"EUR\">150.00</Selbstbeteiligung>"
      "<Begruendung>Deckung wird im beantragten Umfang zugesagt (Sandbox).</Begruendung>"
      "</Deckungsentscheidung></Nachricht>";
  return xml;
}

std::string rueckfrage_xml(const ReplyContext& context, const std::string& antwort_bis) {
  return std::string(k_open) + kopf(context, "Rueckfrage", true) + "<Rueckfrage><Schadennummer>" +
         xml_escape(context.schadennummer) +
         "</Schadennummer><Text>Bitte reichen Sie das Schreiben der Gegenseite nach (Sandbox).</Text><AntwortBis>" +
         antwort_bis + "</AntwortBis></Rueckfrage></Nachricht>";
}

std::string sample_mandat_xml(const ReplyContext& context) {
  return std::string(k_open) + kopf(context, "Mandat", false) + "<Mandat><Schadennummer>" +
         xml_escape(context.schadennummer) +
         "</Schadennummer><Versicherungsscheinnummer>OE-7719-0032</Versicherungsscheinnummer>"
         "<Rechtsgebiet>mietrecht</Rechtsgebiet><Beteiligte>"
         "<Beteiligter rolle=\"mandant\"><Vorname>Lea</Vorname><Nachname>Hoffmann</Nachname><Anschrift>"
         "<Strasse>Gohliser Straße</Strasse><Hausnummer>7</Hausnummer><Postleitzahl>04155</Postleitzahl>"
         "<Ort>Leipzig</Ort><Staat>DE</Staat></Anschrift><Email>lea.hoffmann@example.org</Email></Beteiligter>"
         "<Beteiligter rolle=\"gegner\"><Bezeichnung>Wohnbau Nord GmbH</Bezeichnung></Beteiligter></Beteiligte>"
         "<Sachverhalt>Mieterhöhungsverlangen vom 01.11.2026; Prüfung der Wirksamkeit.</Sachverhalt></Mandat>"
         "<Anlagen><Anlage dateiname=\"mieterhoehung.txt\" mimetyp=\"text/plain\" groesse=\"5\" "
         "sha256=\"2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824\">aGVsbG8=</Anlage></Anlagen>"
         "</Nachricht>";
}

}  // namespace ecadm::sandbox
