// Numbered, forward-only migrations keyed on PRAGMA user_version. Never edit a
// migration that has shipped; append a new one.
#include <fmt/format.h>

#include <array>

#include "ecadm/error.hpp"
#include "ecadm/store.hpp"

namespace ecadm::store {
namespace {

constexpr std::array k_migrations = {
    // 1: the firm's setup, licences, settings, credentials, audit log, insurer directory
    R"sql(
CREATE TABLE firm (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  plan TEXT NOT NULL CHECK (plan IN ('basic', 'professional', 'enterprise')),
  created_at TEXT NOT NULL
);
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  email TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL
);
CREATE TABLE user_permissions (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  permission TEXT NOT NULL CHECK (permission IN ('admin', 'kanzleiverwaltung', 'benutzerverwaltung')),
  PRIMARY KEY (user_id, permission)
) WITHOUT ROWID;
CREATE TABLE locations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  street TEXT NOT NULL,
  house_number TEXT NOT NULL,
  zip TEXT NOT NULL,
  city TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT 'DE',
  phone TEXT,
  fax TEXT,
  email TEXT,
  created_at TEXT NOT NULL
);
-- the add-on comes with one free seat; booked_seats are the ones bought on top
CREATE TABLE license (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  booked_seats INTEGER NOT NULL DEFAULT 0 CHECK (booked_seats >= 0),
  passivmandatierung INTEGER NOT NULL DEFAULT 0 CHECK (passivmandatierung IN (0, 1))
);
CREATE TABLE seat_assignments (
  user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  assigned_at TEXT NOT NULL
);
-- e.Consult settings: one row
CREATE TABLE econsult_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  stamm_name TEXT, stamm_street TEXT, stamm_house_number TEXT, stamm_zip TEXT,
  stamm_city TEXT, stamm_country TEXT, stamm_phone TEXT, stamm_fax TEXT, stamm_email TEXT,
  bank_holder TEXT, bank_iban TEXT, bank_bic TEXT,
  adac_partner_number TEXT,
  adac_agb_version TEXT, adac_agb_accepted_by TEXT, adac_agb_accepted_at TEXT,
  endpoint TEXT,
  cacert TEXT
);
-- passwords are libsodium secretbox ciphertexts (nonce || box), never clear text
CREATE TABLE postfach_credentials (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  kanzlei_id TEXT NOT NULL,
  username TEXT NOT NULL,
  password_box BLOB NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE zentralruf_credentials (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  username TEXT NOT NULL,
  password_box BLOB NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT,
  action TEXT NOT NULL,
  object TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE TABLE insurers (
  bafin TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  rechtsschutz INTEGER NOT NULL CHECK (rechtsschutz IN (0, 1)),
  schaden INTEGER NOT NULL CHECK (schaden IN (0, 1)),
  deckungsanfrage TEXT NOT NULL CHECK (deckungsanfrage IN ('voll', 'teil', 'keine')),
  vsnr_pattern TEXT,
  requires_bank INTEGER NOT NULL DEFAULT 0,
  requires_adac_partner_number INTEGER NOT NULL DEFAULT 0,
  requires_adac_agb INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE insurer_directory (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  stand TEXT NOT NULL,
  synced_at TEXT NOT NULL
);
INSERT INTO license (id) VALUES (1);
INSERT INTO econsult_settings (id) VALUES (1);
)sql",
};

}  // namespace

int schema_version() {
  return static_cast<int>(k_migrations.size());
}

void migrate(Database& db) {
  int current = db.user_version();
  if (current > schema_version())
    throw Failure(fmt::format("store '{}' was written by a newer ecadm (schema {}, this build knows {})",
                              db.path().string(), current, schema_version()),
                  "upgrade ecadm to open this store");
  for (int version = current + 1; version <= schema_version(); ++version) {
    Transaction tx(db);
    // user_version is re-read inside the write lock: another process may have migrated
    if (db.user_version() >= version) continue;
    db.exec(k_migrations[static_cast<size_t>(version - 1)]);
    db.exec(fmt::format("PRAGMA user_version = {}", version));
    tx.commit();
  }
}

}  // namespace ecadm::store
