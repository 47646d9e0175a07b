#pragma once
// Reads a complex element's children in the schema's order: each call takes the next
// child if it has the expected name; finish() refuses whatever is left. Internal.
#include <cstddef>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace ecadm::econsult::detail {

/// Throws ProtocolError "invalid e.Consult body: <what>".
[[noreturn]] void fail(const std::string& what);

/// The text content of a simple element (text and CDATA joined); refuses child elements.
std::string leaf_text(pugi::xml_node element, const std::string& path);

/// The value of a required attribute of element; path names element in the message.
std::string required_attribute(pugi::xml_node element, const char* name, const std::string& path);

class Reader {
 public:
  /// Starts reading the children of element; path names it in messages ("Nachricht/Kopf").
  /// Refuses text directly inside element (the schema has no mixed content).
  Reader(pugi::xml_node element, std::string path);

  const std::string& path() const { return m_path; }
  /// path()/name, for messages and nested readers.
  std::string path_of(std::string_view name) const { return m_path + "/" + std::string(name); }
  /// The next unread child element (empty when none is left).
  pugi::xml_node peek() const { return m_next; }

  /// Takes the next child if it is called name.
  std::optional<pugi::xml_node> optional(const char* name);
  /// Takes the next child, which must be called name.
  pugi::xml_node required(const char* name);
  /// Takes up to max consecutive children called name; fewer than min is an error.
  std::vector<pugi::xml_node> repeated(const char* name, std::size_t min, std::size_t max);
  /// Takes the next child if it is called name and returns its non-empty text.
  std::optional<std::string> optional_text(const char* name);
  /// Takes the next child, which must be called name, and returns its non-empty text.
  std::string required_text(const char* name);
  /// Refuses any child element left unread.
  void finish() const;

  /// The value of a required attribute of the element.
  std::string attribute(const char* name) const;
  /// The value of an optional attribute of the element.
  std::optional<std::string> optional_attribute(const char* name) const;

 private:
  pugi::xml_node m_element;
  pugi::xml_node m_next;
  std::string m_path;
};

}  // namespace ecadm::econsult::detail
