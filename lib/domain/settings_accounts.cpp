// The bank account, the Zentralruf credentials and the endpoint.
#include <fmt/format.h>

#include <fstream>
#include <iterator>

#include "ecadm/audit.hpp"
#include "ecadm/error.hpp"
#include "ecadm/policy.hpp"
#include "ecadm/secrets.hpp"
#include "ecadm/settings.hpp"
#include "ecadm/validation.hpp"

namespace ecadm::settings {
namespace {

std::optional<Bank> current_bank(Session& session) {
  auto stmt = session.db().prepare("SELECT bank_holder, bank_iban, bank_bic FROM econsult_settings WHERE id = 1");
  if (!stmt.step() || stmt.is_null(1)) return std::nullopt;
  return Bank{stmt.column_text(0), stmt.column_text(1), stmt.column_optional_text(2)};
}

std::optional<std::string> describe(const std::optional<Bank>& bank) {
  if (!bank) return std::nullopt;
  return fmt::format("holder={}; iban={}; bic={}", bank->holder, bank->iban, bank->bic.value_or("-"));
}

std::optional<std::string> describe(const std::optional<Endpoint>& endpoint) {
  if (!endpoint) return std::nullopt;
  return fmt::format("url={}; cacert={}", endpoint->url, endpoint->cacert.value_or("-"));
}

// A CA file must exist, be readable and hold a PEM certificate: libcurl would only
// notice at the first request, far from the command that set it.
std::string check_cacert(const std::filesystem::path& file) {
  std::error_code ec;
  auto absolute = std::filesystem::absolute(file, ec).lexically_normal();
  if (ec || !std::filesystem::is_regular_file(absolute, ec))
    throw InvalidData("cacert", fmt::format("'{}' is not a readable file", file.string()));
  std::ifstream in(absolute, std::ios::binary);
  if (!in) throw InvalidData("cacert", fmt::format("'{}' is not a readable file", file.string()));
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (content.find("-----BEGIN CERTIFICATE-----") == std::string::npos)
    throw InvalidData("cacert",
                      fmt::format("'{}' holds no PEM certificate (-----BEGIN CERTIFICATE-----)", file.string()));
  return absolute.string();
}

}  // namespace

Change set_bank(Session& session, std::string_view iban, std::string_view holder,
                const std::optional<std::string>& bic) {
  Bank next;
  next.iban = validation::normalize_iban(iban);
  next.holder = validation::check_text(holder, "holder");
  if (bic) next.bic = validation::normalize_bic(*bic, std::string_view(next.iban).substr(0, 2));

  return session.write([&]() -> Change {
    policy::require(session, policy::Operation::firm_settings, "change the bank account");
    auto old = current_bank(session);
    if (old && old->holder == next.holder && old->iban == next.iban && old->bic == next.bic)
      return {false, fmt::format("the bank account is already {} ('{}')", next.iban, next.holder)};
    session.db()
        .prepare("UPDATE econsult_settings SET bank_holder = ?, bank_iban = ?, bank_bic = ? WHERE id = 1")
        .bind_all(next.holder, next.iban, next.bic)
        .run();
    audit::record(session, "settings.set-bank", "bank", describe(old), describe(next));
    return {true, fmt::format("set the bank account to {} ('{}'{})", next.iban, next.holder,
                              next.bic ? ", BIC " + *next.bic : std::string())};
  });
}

Change clear_bank(Session& session) {
  return session.write([&]() -> Change {
    policy::require(session, policy::Operation::firm_settings, "remove the bank account");
    auto old = current_bank(session);
    if (!old) return {false, "no bank account is set"};
    session.db()
        .prepare("UPDATE econsult_settings SET bank_holder = NULL, bank_iban = NULL, bank_bic = NULL WHERE id = 1")
        .run();
    audit::record(session, "settings.clear-bank", "bank", describe(old), std::nullopt);
    return {true, fmt::format("removed the bank account {}", old->iban)};
  });
}

Change set_zentralruf(Session& session, std::string_view username, std::string_view password) {
  std::string user = validation::check_text(username, "username");
  // the Zentralruf takes the credentials as HTTP Basic, where ':' ends the user name
  if (user.find(':') != std::string::npos)
    throw InvalidData("username", fmt::format("'{}' must not contain ':' (HTTP Basic authentication)", user));
  if (password.empty()) throw InvalidData("password", "must not be empty");

  return session.write([&]() -> Change {
    policy::require(session, policy::Operation::firm_settings, "change the Zentralruf credentials");
    const auto& box = session.secrets();
    auto old = load_zentralruf(session);
    if (old && old->username == user && old->password == password)
      return {false, fmt::format("the Zentralruf credentials for '{}' are already set", user)};
    session.db()
        .prepare(
            "INSERT INTO zentralruf_credentials (id, username, password_box, updated_at) VALUES (1, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET username = excluded.username, password_box = excluded.password_box, "
            "updated_at = excluded.updated_at")
        .bind_all(user, box.seal(password), session.now_utc())
        .run();
    auto masked = [](const std::string& login) {
      return fmt::format("username={}; password={}", login, secrets::k_mask);
    };
    bool new_password = old && old->password != password;
    audit::record(session, "settings.set-zentralruf", "zentralruf",
                  old ? std::optional(masked(old->username)) : std::nullopt,
                  masked(user) + (new_password ? " (changed)" : ""));
    return {true, fmt::format("{} the Zentralruf credentials for '{}'", old ? "replaced" : "set", user)};
  });
}

std::optional<ZentralrufCredentials> load_zentralruf(Session& session) {
  auto stmt = session.db().prepare("SELECT username, password_box FROM zentralruf_credentials WHERE id = 1");
  if (!stmt.step()) return std::nullopt;
  std::string username = stmt.column_text(0);
  return ZentralrufCredentials{username, session.secrets().open(stmt.column_blob(1))};
}

Change set_endpoint(Session& session, std::string_view url, const std::optional<std::filesystem::path>& cacert) {
  Endpoint next;
  next.url = validation::normalize_endpoint(url);
  if (cacert) {
    if (next.url.rfind("https://", 0) != 0)
      throw InvalidData("cacert",
                        fmt::format("a CA certificate is used only with an https:// endpoint, not '{}'", next.url));
    next.cacert = check_cacert(*cacert);
  }

  return session.write([&]() -> Change {
    policy::require(session, policy::Operation::firm_settings, "change the e.Consult endpoint");
    auto old = load_endpoint(session);
    if (old && old->url == next.url && old->cacert == next.cacert)
      return {false, fmt::format("the endpoint is already '{}'", next.url)};
    session.db()
        .prepare("UPDATE econsult_settings SET endpoint = ?, cacert = ? WHERE id = 1")
        .bind_all(next.url, next.cacert)
        .run();
    audit::record(session, "settings.set-endpoint", "endpoint", describe(old), describe(next));
    std::string ca = next.cacert
                         ? fmt::format(" (CA certificate '{}')", *next.cacert)
                         : (old && old->cacert ? std::string(" (the system's CA certificates)") : std::string());
    return {true, fmt::format("set the endpoint to '{}'{}", next.url, ca)};
  });
}

}  // namespace ecadm::settings
