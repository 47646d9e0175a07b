// The protocol's error answer: a status plus `<Fehler code feld><Text/></Fehler>`.
#pragma once

#include <stdexcept>
#include <string>

namespace ecadm::sandbox {

/// One refusal of a request, as ECONSULT.md "Errors" lists them.
struct Fehler {
  int status = 500;
  std::string code;  ///< SCHEMA, ZUGANG, NICHT_FREIGESCHALTET, UNBEKANNT, IDEMPOTENZ, ...
  std::string feld;  ///< the offending field, empty when none
  std::string text;  ///< a German sentence for the user
};

/// Thrown by request handling to answer with a Fehler; the route wrapper renders it.
class Refused : public std::runtime_error {
 public:
  explicit Refused(Fehler fehler) : std::runtime_error(fehler.text), m_fehler(std::move(fehler)) {}
  const Fehler& fehler() const { return m_fehler; }

 private:
  Fehler m_fehler;
};

/// Shorthand: throws Refused{status, code, feld, text}.
[[noreturn]] void refuse(int status, std::string code, std::string feld, std::string text);

/// The XML body for a Fehler (with XML declaration).
std::string fehler_xml(const Fehler& fehler);

}  // namespace ecadm::sandbox
