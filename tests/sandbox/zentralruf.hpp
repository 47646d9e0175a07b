// The Zentralruf der Autoversicherer model: which liability insurer covered a plate on a day.
#pragma once

#include <string>

namespace ecadm::sandbox {

/// One answer of the sample data (status 200, 403 or 404).
struct ZentralrufAnswer {
  int status = 404;
  std::string bafin;
  std::string name;
  std::string vsnr;
  std::string vertragsende;  ///< empty while the cover runs
};

/// Looks up the sample plates (documented in --help and ecadm-sandbox(1)):
/// `L-XY 4711` any day of 2026 -> Allianz 5312, KH-99812003; `HH-A 1` in 2026 -> cover ended 2026-06-30;
/// `M-AB 123` -> 403 (data not released); anything else, e.g. `B-ZZ 9999` -> 404.
/// `schadentag` is a valid `YYYY-MM-DD`.
ZentralrufAnswer zentralruf_lookup(const std::string& kennzeichen, const std::string& schadentag);

/// The sample plates as help text, one per line.
std::string zentralruf_samples_help();

/// The `<ZentralrufAuskunft>` document for a 200 answer.
std::string zentralruf_xml(const ZentralrufAnswer& answer);

}  // namespace ecadm::sandbox
