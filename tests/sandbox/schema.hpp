// XSD validation of request bodies against protocol/econsult-v1.xsd (libxml2).
#pragma once

#include <mutex>
#include <string>
#include <string_view>

namespace ecadm::sandbox {

/// The outcome of validating one document.
struct SchemaResult {
  bool valid = true;
  bool well_formed = true;
  std::string element;  ///< local name of the element the first error is about (may be empty)
  std::string message;  ///< libxml2's message for the first error, with its line
};

/// The compiled schema, loaded once; validate() may be called from any thread.
class Schema {
 public:
  /// Loads and compiles the schema file; throws std::runtime_error when it cannot.
  explicit Schema(const std::string& path);
  ~Schema();
  Schema(const Schema&) = delete;
  Schema& operator=(const Schema&) = delete;

  /// Parses the bytes (no network, no external entities) and validates them.
  SchemaResult validate(std::string_view document) const;

 private:
  void* m_schema = nullptr;  // xmlSchemaPtr; kept opaque so libxml2 stays out of the header
  mutable std::mutex m_mutex;
};

}  // namespace ecadm::sandbox
