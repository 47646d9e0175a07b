#include "zentralruf.hpp"

#include "util.hpp"

namespace ecadm::sandbox {

namespace {

struct Sample {
  const char* plate;
  const char* year;  // the year of Schadentag the data covers ("" = any)
  int status;
  const char* bafin;
  const char* name;
  const char* vsnr;
  const char* vertragsende;
  const char* help;
};

constexpr Sample k_samples[] = {
    {"L-XY 4711", "2026", 200, "5312", "Allianz Versicherungs-AG", "KH-99812003", "",
     "any day of 2026: Allianz Versicherungs-AG (5312), KH-99812003"},
    {"HH-A 1", "2026", 200, "5310", "Bayerische Beamten Versicherung AG", "KH-5310-004711", "2026-06-30",
     "any day of 2026: Bayerische Beamten Versicherung AG (5310), KH-5310-004711, cover ended 2026-06-30"},
    {"M-AB 123", "", 403, "", "", "", "", "403 NICHT_FREIGESCHALTET: the insurer has not released the data"},
    {"B-ZZ 9999", "", 404, "", "", "", "", "404 UNBEKANNT: no data (as for every other plate)"},
};

}  // namespace

ZentralrufAnswer zentralruf_lookup(const std::string& kennzeichen, const std::string& schadentag) {
  for (const auto& sample : k_samples) {
    if (kennzeichen != sample.plate) continue;
    if (*sample.year != '\0' && schadentag.rfind(sample.year, 0) != 0) return {};
    return ZentralrufAnswer{sample.status, sample.bafin, sample.name, sample.vsnr, sample.vertragsende};
  }
  return {};
}

std::string zentralruf_samples_help() {
  std::string text;
  for (const auto& sample : k_samples) {
    std::string plate = sample.plate;
    plate.resize(11, ' ');
    text += "  " + plate + sample.help + "\n";
  }
  return text;
}

std::string zentralruf_xml(const ZentralrufAnswer& answer) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ZentralrufAuskunft xmlns=\"urn:ecadm:econsult:1\">\n"
      "  <Versicherer bafin=\"" +
      answer.bafin + "\" name=\"" + xml_escape(answer.name) +
      "\"/>\n"
      "  <Versicherungsscheinnummer>" +
      xml_escape(answer.vsnr) + "</Versicherungsscheinnummer>\n";
  if (!answer.vertragsende.empty()) xml += "  <Vertragsende>" + answer.vertragsende + "</Vertragsende>\n";
  xml += "</ZentralrufAuskunft>\n";
  return xml;
}

}  // namespace ecadm::sandbox
