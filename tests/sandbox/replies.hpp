// Messages the sandbox writes into firms' mailboxes: insurer replies and sample mandates.
#pragma once

#include <string>

#include "directory.hpp"

namespace ecadm::sandbox {

/// The `number`th id of the sequence that `seed` fixes: a (version 4) UUID in lower case, the same
/// for the same seed and number on every run. Counting `number` in the state keeps ids distinct
/// across restarts with --seed and --state.
std::string make_uuid(unsigned long long seed, long long number);

/// The request a reply answers.
struct ReplyContext {
  std::string nachricht_id;  ///< the reply's own id
  std::string erstellt;      ///< RFC 3339
  std::string kanzlei;       ///< the firm that sent the request
  const Insurer* insurer = nullptr;
  std::string aktenzeichen;  ///< the request's, may be empty
  std::string vorgang;
  std::string bezug;   ///< the request's NachrichtId
  std::string umfang;  ///< the requested Umfang, may be empty
  std::string schadennummer;
};

/// A `<Nachricht>` (no XML declaration) with a Deckungsentscheidung `zusage`.
std::string zusage_xml(const ReplyContext& context);

/// A `<Nachricht>` (no XML declaration) with a Rueckfrage asking for a document; AntwortBis = `antwort_bis`.
std::string rueckfrage_xml(const ReplyContext& context, const std::string& antwort_bis);

/// A sample `<Nachricht>` with a Mandat (like examples/mandat.xml) from ÖRAG (5813) to the firm.
std::string sample_mandat_xml(const ReplyContext& context);

}  // namespace ecadm::sandbox
