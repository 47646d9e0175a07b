#include "ecadm/insurers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "ecadm/audit.hpp"
#include "ecadm/error.hpp"

namespace ecadm::insurers {
namespace {

constexpr const char* k_columns =
    "bafin, name, rechtsschutz, schaden, deckungsanfrage, vsnr_pattern, requires_bank, "
    "requires_adac_partner_number, requires_adac_agb";

econsult::Versicherer read_row(const store::Statement& row) {
  econsult::Versicherer v;
  v.bafin = row.column_text(0);
  v.name = row.column_text(1);
  v.rechtsschutz = row.column_int(2) != 0;
  v.schaden = row.column_int(3) != 0;
  v.deckungsanfrage = row.column_text(4);
  v.vsnr_muster = row.column_optional_text(5);
  if (row.column_int(6)) v.anforderungen.push_back("bankverbindung");
  if (row.column_int(7)) v.anforderungen.push_back("adac-partnernummer");
  if (row.column_int(8)) v.anforderungen.push_back("adac-agb");
  return v;
}

bool has_requirement(const econsult::Versicherer& v, std::string_view what) {
  return std::find(v.anforderungen.begin(), v.anforderungen.end(), what) != v.anforderungen.end();
}

// Lower case for ASCII and the upper-case letters of Latin-1 in UTF-8 (Ä Ö Ü, É, ...:
// C3 80-9E but for the multiplication sign C3 97, whose lower case is C3 A0-BE). Other
// bytes are kept, so that a search for "örag" finds "ÖRAG".
std::string lower(std::string s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto& c = s[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 'A' && byte <= 'Z') {
      c = static_cast<char>(byte + ('a' - 'A'));
    } else if (byte == 0xC3 && i + 1 < s.size()) {
      const auto next = static_cast<unsigned char>(s[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) s[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  return s;
}

// The key names are sorted by: lower case, with ä ö ü sorted as a o u and ß as ss
// (DIN 5007-1), so that "ÖRAG" stands among the O, not after Z.
std::string collation_key(const std::string& name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> k_bases{
      {{"ä", "a"}, {"ö", "o"}, {"ü", "u"}, {"ß", "ss"}}};
  const auto folded = lower(name);
  const std::string_view text(folded);
  std::string key;
  for (std::size_t i = 0; i < text.size();) {
    auto base = std::find_if(k_bases.begin(), k_bases.end(),
                             [&](const auto& b) { return text.substr(i, b.first.size()) == b.first; });
    if (base != k_bases.end()) {
      key += base->second;
      i += base->first.size();
    } else {
      key += text[i++];
    }
  }
  return key;
}

}  // namespace

Change store_directory(Session& session, const econsult::VersichererListe& list) {
  return session.write([&]() -> Change {
    auto old =
        session.db().prepare("SELECT stand, (SELECT count(*) FROM insurers) FROM insurer_directory WHERE id = 1");
    std::optional<std::string> old_value;
    if (old.step()) old_value = fmt::format("stand={} insurers={}", old.column_text(0), old.column_int(1));
    session.db().exec("DELETE FROM insurers");
    auto insert =
        session.db().prepare(fmt::format("INSERT INTO insurers ({}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", k_columns));
    for (const auto& v : list.versicherer) {
      insert.reset();
      insert.bind_all(v.bafin, v.name, v.rechtsschutz, v.schaden, v.deckungsanfrage, v.vsnr_muster,
                      has_requirement(v, "bankverbindung"), has_requirement(v, "adac-partnernummer"),
                      has_requirement(v, "adac-agb"));
      insert.run();
    }
    session.db()
        .prepare(
            "INSERT INTO insurer_directory (id, stand, synced_at) VALUES (1, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET stand = excluded.stand, synced_at = excluded.synced_at")
        .bind_all(list.stand, session.now_utc())
        .run();
    std::string new_value = fmt::format("stand={} insurers={}", list.stand, list.versicherer.size());
    audit::record(session, "insurer.sync", "insurer-directory", old_value, new_value);
    return {true,
            fmt::format("synced the insurer directory: {} insurers as of {}", list.versicherer.size(), list.stand)};
  });
}

Directory list(Session& session, const Filter& filter) {
  if (filter.sparte && *filter.sparte != "rechtsschutz" && *filter.sparte != "schaden")
    throw InvalidData("sparte", fmt::format("'{}' is not one of rechtsschutz, schaden", *filter.sparte));
  Directory dir;
  auto meta = session.db().prepare("SELECT stand, synced_at FROM insurer_directory WHERE id = 1");
  if (meta.step()) {
    dir.stand = meta.column_text(0);
    dir.synced_at = meta.column_text(1);
  }
  // ORDER BY name gives equal keys ("Arag", "Ärag") a fixed order for the stable sort
  auto rows = session.db().prepare(fmt::format("SELECT {} FROM insurers ORDER BY name", k_columns));
  std::string needle = filter.search ? lower(*filter.search) : std::string();
  std::vector<std::pair<std::string, econsult::Versicherer>> found;  // collation key, insurer
  while (rows.step()) {
    auto v = read_row(rows);
    if (filter.sparte && !(*filter.sparte == "rechtsschutz" ? v.rechtsschutz : v.schaden)) continue;
    if (!needle.empty() && lower(v.name).find(needle) == std::string::npos && v.bafin.find(needle) == std::string::npos)
      continue;
    found.emplace_back(collation_key(v.name), std::move(v));
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& entry : found) dir.items.push_back(std::move(entry.second));
  return dir;
}

econsult::Versicherer show(Session& session, const std::string& bafin) {
  auto row = session.db().prepare(fmt::format("SELECT {} FROM insurers WHERE bafin = ?", k_columns));
  row.bind(1, bafin);
  if (!row.step()) {
    auto synced = session.db().prepare("SELECT 1 FROM insurer_directory");
    bool has_directory = synced.step();
    throw NotFound(fmt::format("no insurer with BaFin number '{}' in the directory", bafin),
                   has_directory ? "ecadm insurer list --search NAME" : "ecadm insurer sync");
  }
  return read_row(row);
}

}  // namespace ecadm::insurers
