#include "fehler.hpp"

#include "util.hpp"

namespace ecadm::sandbox {

void refuse(int status, std::string code, std::string feld, std::string text) {
  throw Refused(Fehler{status, std::move(code), std::move(feld), std::move(text)});
}

std::string fehler_xml(const Fehler& fehler) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Fehler xmlns=\"urn:ecadm:econsult:1\" code=\"" +
                    xml_escape(fehler.code) + "\"";
  if (!fehler.feld.empty()) xml += " feld=\"" + xml_escape(fehler.feld) + "\"";
  xml += "><Text>" + xml_escape(fehler.text.empty() ? fehler.code : fehler.text) + "</Text></Fehler>\n";
  return xml;
}

}  // namespace ecadm::sandbox
