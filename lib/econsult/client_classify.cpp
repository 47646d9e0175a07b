// The error table of ECONSULT.md as code: status + Fehler body -> what the caller does.
// Kept apart from client.cpp so that it stays pure (no transport, no codec).
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "ecadm/econsult/client.hpp"
#include "ecadm/error.hpp"

namespace ecadm::econsult {

namespace {

constexpr std::size_t k_max_text = 400;    // server text shown in a message, at most
constexpr int k_max_retry_after = 86'400;  // a day; larger values are clamped

bool is_temporary_status(long status) {
  return status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
}

/// The code a status stands for in the error table, for a body that held no Fehler.
std::string_view code_of_status(long status) {
  switch (status) {
    case 400:
      return "SCHEMA";
    case 401:
      return "ZUGANG";
    case 403:
      return "NICHT_FREIGESCHALTET";
    case 404:
      return "UNBEKANNT";
    case 409:
      return "IDEMPOTENZ";
    case 413:
      return "ZU_GROSS";
    case 422:
      return "VALIDIERUNG";
    default:
      return "";
  }
}

/// Server text is untrusted: no control characters (terminal escapes, line breaks),
/// bounded length, no trailing full stop (STYLE.md rule 6).
std::string clean(std::string_view text) {
  std::string out;
  for (char c : text.substr(0, k_max_text)) out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c;
  if (text.size() > k_max_text) out += "...";
  while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
  while (!out.empty() && out.front() == ' ') out.erase(out.begin());
  return out;
}

/// "VALIDIERUNG (Versicherungsscheinnummer): Die ..." or "HTTP 502" without a Fehler.
std::string what_the_server_said(const Outcome& o) {
  if (o.code.empty()) return fmt::format("HTTP {}", o.status);
  std::string said = clean(o.code);
  if (!o.field.empty()) said += fmt::format(" ({})", clean(o.field));
  if (auto text = clean(o.text); !text.empty()) said += ": " + text;
  return said;
}

std::string hint_for(std::string_view code, const std::string& field, Service service) {
  const bool zentralruf = service == Service::zentralruf;
  if (code == "ZUGANG")
    return zentralruf ? "ecadm settings set-zentralruf --username USER --password-stdin"
                      : "ecadm postfach set-credentials --kanzlei-id ID --username USER --password-stdin";
  if (code == "ANFORDERUNG") return "ecadm doctor";
  if (code == "NICHT_FREIGESCHALTET")
    return zentralruf ? "the insurer has not released the data; ask the insurer directly"
                      : "ask e.Consult to enable the firm for this insurer or function";
  if (code == "UNBEKANNT") return zentralruf ? "check the plate and the accident date" : "ecadm insurer sync";
  if (code == "VALIDIERUNG")
    return field.empty() ? "correct the data and send again" : fmt::format("correct {} and send again", clean(field));
  if (code == "SCHEMA") return "ecadm built a message e.Consult does not accept; report this with `ecadm --version`";
  if (code == "IDEMPOTENZ") return "a different message was sent with this id before; create the message anew";
  if (code == "ZU_GROSS") return "send fewer or smaller attachments (at most 20 MiB in all)";
  return "ecadm doctor --online";
}

}  // namespace

std::optional<int> parse_retry_after(std::string_view value) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  if (value.empty() || value.size() > 12 ||
      !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  long long seconds = 0;
  std::from_chars(value.data(), value.data() + value.size(), seconds);
  return static_cast<int>(std::min<long long>(seconds, k_max_retry_after));
}

Outcome classify(const HttpResponse& response, const std::optional<Fehler>& fehler, Service service) {
  Outcome o;
  o.status = response.status;
  if (response.status >= 200 && response.status < 300) return o;
  if (fehler) {
    o.code = fehler->code;
    o.field = fehler->feld.value_or("");
    o.text = fehler->text;
  }
  if (auto value = response.header("Retry-After")) o.retry_after_seconds = parse_retry_after(*value);
  const std::string said = what_the_server_said(o);
  const char* subject = service == Service::zentralruf ? "the Zentralruf request" : "the request";

  if (is_temporary_status(response.status)) {
    o.verdict = Verdict::temporary;
    o.message = response.status == 429 ? fmt::format("e.Consult is throttling requests: {}", said)
                                       : fmt::format("e.Consult is temporarily unavailable: {}", said);
    o.hint = o.retry_after_seconds ? fmt::format("try again in {} second{}; queued messages stay queued",
                                                 *o.retry_after_seconds, *o.retry_after_seconds == 1 ? "" : "s")
                                   : "try again later; queued messages stay queued";
    return o;
  }
  o.verdict = Verdict::permanent;
  if (response.status >= 300 && response.status < 400) {
    o.message = fmt::format("e.Consult refused {}: redirected (HTTP {}) to '{}'", subject, response.status,
                            clean(response.header("Location").value_or("")));
    o.hint = "ecadm settings set-endpoint https://HOST/PATH (the endpoint is probably wrong)";
    return o;
  }
  o.message = fmt::format("e.Consult refused {}: {}", subject, said);
  o.hint = hint_for(o.code.empty() ? code_of_status(response.status) : std::string_view(o.code), o.field, service);
  return o;
}

void raise(const Outcome& outcome) {
  switch (outcome.verdict) {
    case Verdict::permanent:
      throw Rejected(outcome.message, outcome.hint, outcome.code, outcome.field);
    case Verdict::temporary:
      throw Temporary(outcome.message, outcome.hint, outcome.retry_after_seconds);
    case Verdict::success:
      break;
  }
  throw Failure(fmt::format("internal error: raise() called for HTTP {}, a success", outcome.status));
}

}  // namespace ecadm::econsult
