#pragma once
// The e.Consult settings (SPEC.md "Domain"): master data (Stammdaten), bank account,
// Zentralruf credentials and the endpoint; `show` also reports the ADAC data. Every
// write needs the precondition "e.Consult settings" (plan professional+, admin or
// kanzleiverwaltung + benutzerverwaltung), is idempotent and audited.
#include <filesystem>
#include <optional>
#include <string>

#include "ecadm/change.hpp"
#include "ecadm/econsult/client.hpp"
#include "ecadm/session.hpp"

namespace ecadm::settings {

/// The master data as stored; a field that is not set is nullopt.
struct Stammdaten {
  std::optional<std::string> name;
  std::optional<std::string> street;
  std::optional<std::string> house_number;
  std::optional<std::string> zip;
  std::optional<std::string> city;
  std::optional<std::string> country;  ///< ISO 3166-1 alpha-2; set_stammdaten defaults it to DE
  std::optional<std::string> phone;
  std::optional<std::string> fax;
  std::optional<std::string> email;

  /// True when everything a message needs is there (all but phone and fax).
  bool complete() const;
  bool operator==(const Stammdaten&) const = default;
};

struct Bank {
  std::string holder;
  std::string iban;  ///< normalised: no spaces, upper case
  std::optional<std::string> bic;
};

struct Adac {
  std::optional<std::string> partner_number;
  std::optional<std::string> agb_version;
  std::optional<std::string> agb_accepted_by;
  std::optional<std::string> agb_accepted_at;
};

/// What `show` tells about the Zentralruf credentials: never the password.
struct ZentralrufInfo {
  std::string username;
  bool password_set = false;
  std::string updated_at;
};

struct Endpoint {
  std::string url;                    ///< normalised, without trailing slash
  std::optional<std::string> cacert;  ///< absolute path of a PEM file, nullopt = system CAs
};

struct Settings {
  Stammdaten stammdaten;
  std::optional<Bank> bank;
  Adac adac;
  std::optional<ZentralrufInfo> zentralruf;
  std::optional<Endpoint> endpoint;
};

/// Every e.Consult setting (secrets only as "set or not"). Read-only, no acting user
/// needed. Throws NotReady when the store holds no firm.
Settings show(Session& session);

/// Sets the master data from explicit fields: name, street, house_number, zip, city
/// and email are required, country defaults to DE, phone and fax are optional.
/// Throws InvalidData naming the first bad field, NotPermitted when the acting user
/// may not change e.Consult settings.
Change set_stammdaten(Session& session, const Stammdaten& data);

/// Copies the named location (or, without a name, the first one by id) and the
/// firm's name into the master data. Throws NotFound for an unknown location or when
/// the firm has none (hint: `ecadm location add ...`), NotPermitted like set_stammdaten.
Change set_stammdaten_from_location(Session& session, const std::optional<std::string>& location);

/// Sets the bank account: the IBAN and BIC are validated (ISO 13616 / ISO 9362, the
/// BIC's country matching the IBAN's) and stored normalised; without a BIC a stored
/// one is removed. Throws InvalidData naming the field and rule, NotPermitted.
Change set_bank(Session& session, std::string_view iban, std::string_view holder,
                const std::optional<std::string>& bic = std::nullopt);

/// Removes the bank account. Unchanged when none is set. Throws NotPermitted.
Change clear_bank(Session& session);

/// Stores the Zentralruf credentials, the password sealed with the store's key.
/// Identical credentials leave the store unchanged. Throws InvalidData for an empty
/// username or password, NotReady when the key file is missing, NotPermitted.
Change set_zentralruf(Session& session, std::string_view username, std::string_view password);

/// Sets the endpoint URL (see validation::normalize_endpoint) and the CA certificate
/// to trust for it (a readable PEM file, stored as an absolute path; nullopt means the
/// system's CAs, and removes a stored one). Throws InvalidData, NotPermitted.
Change set_endpoint(Session& session, std::string_view url,
                    const std::optional<std::filesystem::path>& cacert = std::nullopt);

/// The Zentralruf credentials in clear, for the client that calls the Zentralruf.
using ZentralrufCredentials = econsult::ZentralrufCredentials;

/// The decrypted Zentralruf credentials, nullopt when none are set. Throws NotReady
/// when the key file is missing, Failure when the stored box does not authenticate.
std::optional<ZentralrufCredentials> load_zentralruf(Session& session);

/// The configured endpoint and its CA file, nullopt when no endpoint is set.
std::optional<Endpoint> load_endpoint(Session& session);

}  // namespace ecadm::settings
