#pragma once
// The insurer directory: synced from e.Consult (GET /versicherer), cached in the
// store with its date so that list and show work offline.
#include <optional>
#include <string>
#include <vector>

#include "ecadm/change.hpp"
#include "ecadm/econsult/messages.hpp"
#include "ecadm/session.hpp"

namespace ecadm::insurers {

struct Directory {
  std::optional<std::string> stand;      ///< the directory's date, as e.Consult gave it
  std::optional<std::string> synced_at;  ///< when this store last synced it (UTC)
  std::vector<econsult::Versicherer> items;
};

struct Filter {
  std::optional<std::string> sparte;  ///< rechtsschutz | schaden
  std::optional<std::string> search;  ///< case-insensitive substring of name or BaFin number
};

/// Replaces the cached directory with `list` in one transaction (audited). The
/// caller (sync) has checked the messaging preconditions.
Change store_directory(Session& session, const econsult::VersichererListe& list);

/// Fetches the directory from e.Consult (GET /versicherer) and stores it. Needs a
/// seat holder as acting user (messaging preconditions). Throws Rejected (7) or
/// Temporary (75) for e.Consult's answers, NotReady when endpoint or credentials are missing.
Change sync(Session& session);

/// The cached directory, filtered. Throws InvalidData for an unknown sparte.
Directory list(Session& session, const Filter& filter = {});

/// One insurer. Throws NotFound (hint: `ecadm insurer sync` / `ecadm insurer list`).
econsult::Versicherer show(Session& session, const std::string& bafin);

}  // namespace ecadm::insurers
