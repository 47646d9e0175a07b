// The insurer directory (protocol/insurers.tsv) served by GET /versicherer and used to check messages.
#pragma once

#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace ecadm::sandbox {

/// One participating insurer.
struct Insurer {
  std::string bafin;
  std::string name;
  std::vector<std::string> sparten;        ///< "rechtsschutz", "schaden"
  std::string deckungsanfrage;             ///< "voll", "teil" or "keine"
  std::vector<std::string> anforderungen;  ///< "bankverbindung", "adac-partnernummer", "adac-agb"
  std::string vsnr_muster;                 ///< ECMAScript regex, empty when none
  std::optional<std::regex> vsnr_regex;

  /// True when the insurer takes the line ("rechtsschutz", "schaden").
  bool takes(const std::string& sparte) const;
};

/// All insurers, in file order.
class Directory {
 public:
  /// Reads the TSV file (header line, `#` comments); throws std::runtime_error naming the line on bad data.
  static Directory load(const std::string& path);

  /// The insurer with that BaFin number, or nullptr.
  const Insurer* find(const std::string& bafin) const;

  /// The `<VersichererListe stand=...>` document.
  std::string to_xml() const;

  const std::vector<Insurer>& insurers() const { return m_insurers; }

 private:
  std::vector<Insurer> m_insurers;
};

/// The directory's date of issue (`stand`).
inline constexpr const char* k_directory_stand = "2026-12-01";

}  // namespace ecadm::sandbox
