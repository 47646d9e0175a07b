#include "directory.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "util.hpp"

namespace ecadm::sandbox {

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, separator)) parts.push_back(part);
  if (!text.empty() && text.back() == separator) parts.emplace_back();
  return parts;
}

std::vector<std::string> words(const std::string& text, char separator) {
  std::vector<std::string> out;
  for (auto& word : split(text, separator))
    if (!word.empty()) out.push_back(word);
  return out;
}

}  // namespace

bool Insurer::takes(const std::string& sparte) const {
  return std::find(sparten.begin(), sparten.end(), sparte) != sparten.end();
}

Directory Directory::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read insurer directory '" + path + "'");
  Directory directory;
  std::string line;
  int number = 0;
  bool header_seen = false;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (!header_seen) {
      header_seen = true;
      continue;
    }
    auto fields = split(line, '\t');
    fields.resize(6);
    Insurer insurer;
    insurer.bafin = fields[0];
    insurer.name = fields[1];
    insurer.sparten = words(fields[2], ' ');
    insurer.deckungsanfrage = fields[3].empty() ? "keine" : fields[3];
    insurer.anforderungen = words(fields[4], ',');
    insurer.vsnr_muster = fields[5];
    std::string where = path + ":" + std::to_string(number);
    if (insurer.bafin.size() != 4 || !parse_integer(insurer.bafin))
      throw std::runtime_error(where + ": bad BaFin number");
    if (insurer.name.empty()) throw std::runtime_error(where + ": name missing");
    try {
      if (!insurer.vsnr_muster.empty()) insurer.vsnr_regex.emplace(insurer.vsnr_muster, std::regex::ECMAScript);
    } catch (const std::regex_error& e) {
      throw std::runtime_error(where + ": bad vsnr_muster: " + e.what());
    }
    directory.m_insurers.push_back(std::move(insurer));
  }
  return directory;
}

const Insurer* Directory::find(const std::string& bafin) const {
  for (const auto& insurer : m_insurers)
    if (insurer.bafin == bafin) return &insurer;
  return nullptr;
}

std::string Directory::to_xml() const {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<VersichererListe xmlns=\"urn:ecadm:econsult:1\" stand=\"";
  xml += k_directory_stand;
  xml += "\">\n";
  for (const auto& insurer : m_insurers) {
    std::string sparten;
    for (const auto& sparte : insurer.sparten) sparten += (sparten.empty() ? "" : " ") + sparte;
    xml += "  <Versicherer bafin=\"" + insurer.bafin + "\" name=\"" + xml_escape(insurer.name) + "\" sparten=\"" +
           sparten + "\" deckungsanfrage=\"" + insurer.deckungsanfrage + "\"";
    if (!insurer.vsnr_muster.empty()) xml += " vsnrMuster=\"" + xml_escape(insurer.vsnr_muster) + "\"";
    if (insurer.anforderungen.empty()) {
      xml += "/>\n";
      continue;
    }
    xml += ">\n";
    for (const auto& anforderung : insurer.anforderungen) xml += "    <Anforderung>" + anforderung + "</Anforderung>\n";
    xml += "  </Versicherer>\n";
  }
  xml += "</VersichererListe>\n";
  return xml;
}

}  // namespace ecadm::sandbox
