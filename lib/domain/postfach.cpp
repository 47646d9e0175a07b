#include "ecadm/postfach.hpp"

#include <fmt/format.h>

#include <optional>

#include "ecadm/audit.hpp"
#include "ecadm/error.hpp"
#include "ecadm/policy.hpp"
#include "ecadm/secrets.hpp"
#include "ecadm/validation.hpp"

namespace ecadm::postfach {
namespace {

constexpr const char* k_set_hint =
    "printf '%s\\n' \"$PASSWORD\" | ecadm postfach set-credentials --kanzlei-id ID --username U --password-stdin";

struct Stored {
  std::string kanzlei_id;
  std::string username;
  store::Blob password_box;
  std::string updated_at;
};

std::optional<Stored> stored(Session& session) {
  auto stmt = session.db().prepare(
      "SELECT kanzlei_id, username, password_box, updated_at FROM postfach_credentials WHERE id = 1");
  if (!stmt.step()) return std::nullopt;
  return Stored{stmt.column_text(0), stmt.column_text(1), stmt.column_blob(2), stmt.column_text(3)};
}

// The audit form: who the credentials belong to, the password only as the mask.
std::string describe(const std::string& kanzlei_id, const std::string& username) {
  return fmt::format("kanzlei_id={}; username={}; password={}", kanzlei_id, username, secrets::k_mask);
}

// True when the stored password is the given one. A password sealed under another
// key cannot be compared, so it counts as different and is overwritten.
bool same_password(Session& session, const store::Blob& box, const std::string& password) {
  try {
    return session.secrets().open(box) == password;
  } catch (const Failure&) {
    return false;
  }
}

}  // namespace

Change set_credentials(Session& session, const std::string& kanzlei_id, const std::string& username,
                       const std::string& password) {
  std::string id = validation::check_text(kanzlei_id, "kanzlei-id", k_max_field);
  std::string user = validation::check_text(username, "username", k_max_field);
  // never validation::check_text here: its errors are fine, but nothing about a
  // password may be trimmed or echoed
  if (password.empty()) throw InvalidData("password", "must not be empty");
  if (password.size() > k_max_password)
    throw InvalidData("password", fmt::format("is longer than {} bytes", k_max_password));
  for (unsigned char c : password)
    if (c < 0x20 || c == 0x7f) throw InvalidData("password", "must not contain control characters");

  return session.write([&]() -> Change {
    policy::require(session, policy::Operation::firm_settings, "set the Postfach credentials");
    const auto& box = session.secrets();
    auto old = stored(session);
    if (old && old->kanzlei_id == id && old->username == user && same_password(session, old->password_box, password))
      return {false,
              fmt::format("the Postfach credentials for Kanzlei-ID '{}' and user '{}' are already set", id, user)};
    std::string now = session.now_utc();
    session.db()
        .prepare(
            "INSERT INTO postfach_credentials (id, kanzlei_id, username, password_box, updated_at) "
            "VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET kanzlei_id = excluded.kanzlei_id, "
            "username = excluded.username, password_box = excluded.password_box, updated_at = excluded.updated_at")
        .bind_all(id, user, box.seal(password), now)
        .run();
    audit::record(session, "postfach.set-credentials", "postfach",
                  old ? std::optional(describe(old->kanzlei_id, old->username)) : std::nullopt, describe(id, user));
    return {true, fmt::format("{} the Postfach credentials for Kanzlei-ID '{}' and user '{}'", old ? "replaced" : "set",
                              id, user)};
  });
}

CredentialsInfo show(Session& session) {
  auto s = stored(session);
  if (!s) return {};
  return {true, s->kanzlei_id, s->username, std::string(secrets::k_mask), s->updated_at};
}

Credentials load_credentials(Session& session) {
  auto s = stored(session);
  if (!s) throw NotReady("no e.Consult Postfach credentials are set", k_set_hint);
  return {s->kanzlei_id, s->username, session.secrets().open(s->password_box)};
}

}  // namespace ecadm::postfach
