#pragma once
// Builds outbound documents with pugixml. Internal to the codec.
#include <cstdint>
#include <optional>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace ecadm::econsult::detail {

/// Adds the UTF-8 declaration and the root element carrying the namespace.
pugi::xml_node new_root(pugi::xml_document& doc, const char* name);
/// Appends an empty child element.
pugi::xml_node add(pugi::xml_node parent, const char* name);
/// Appends <name>value</name>; an empty value or one that is not valid XML text throws ProtocolError.
void add_text(pugi::xml_node parent, const char* name, std::string_view value);
/// Appends <name>value</name> when value is set.
void add_optional(pugi::xml_node parent, const char* name, const std::optional<std::string>& value);
/// Appends <name waehrung="EUR">euros.cents</name>.
void add_money(pugi::xml_node parent, const char* name, std::int64_t cents);
/// Sets an attribute; a value that is not valid XML text throws ProtocolError.
void set_attribute(pugi::xml_node node, const char* name, std::string_view value);
/// Sets an attribute when value is set.
void set_optional_attribute(pugi::xml_node node, const char* name, const std::optional<std::string>& value);
/// Serialises the document, indented by two spaces.
std::string to_string(const pugi::xml_document& doc);
/// Throws ProtocolError("cannot encode ...") naming what.
[[noreturn]] void refuse(const std::string& what);

}  // namespace ecadm::econsult::detail
