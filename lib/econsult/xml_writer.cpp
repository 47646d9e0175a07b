#include "econsult/xml_writer.hpp"

#include <fmt/format.h>

#include "ecadm/econsult/codec.hpp"
#include "econsult/codec_values.hpp"
#include "econsult/xml_guard.hpp"

namespace ecadm::econsult::detail {
namespace {

void check(std::string_view value, std::string_view name) {
  if (auto why = check_xml_text(value); !why.empty()) refuse(fmt::format("'{}': {}", name, why));
}

struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
};

}  // namespace

void refuse(const std::string& what) {
  throw ProtocolError("cannot encode e.Consult body: " + what);
}

pugi::xml_node new_root(pugi::xml_document& doc, const char* name) {
  auto declaration = doc.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  auto root = doc.append_child(name);
  root.append_attribute("xmlns") = std::string(k_namespace).c_str();
  return root;
}

pugi::xml_node add(pugi::xml_node parent, const char* name) {
  return parent.append_child(name);
}

void add_text(pugi::xml_node parent, const char* name, std::string_view value) {
  // every element with text in the schema needs at least one character (and parse refuses empty ones)
  if (value.empty()) refuse(fmt::format("'{}/{}' is empty", parent.name(), name));
  check(value, name);
  parent.append_child(name).text().set(std::string(value).c_str());
}

void add_optional(pugi::xml_node parent, const char* name, const std::optional<std::string>& value) {
  if (value) add_text(parent, name, *value);
}

void add_money(pugi::xml_node parent, const char* name, std::int64_t cents) {
  auto node = parent.append_child(name);
  node.append_attribute("waehrung") = "EUR";
  node.text().set(format_cents(cents).c_str());
}

void set_attribute(pugi::xml_node node, const char* name, std::string_view value) {
  check(value, name);
  node.append_attribute(name) = std::string(value).c_str();
}

void set_optional_attribute(pugi::xml_node node, const char* name, const std::optional<std::string>& value) {
  if (value) set_attribute(node, name, *value);
}

std::string to_string(const pugi::xml_document& doc) {
  StringWriter writer;
  doc.save(writer, "  ", pugi::format_indent, pugi::encoding_utf8);
  // the receiver refuses anything larger, so say so here, before it is queued or sent
  if (writer.out.size() > k_max_body)
    refuse(fmt::format("the body would be {} bytes, over the limit of {} bytes (attachments too large)",
                       writer.out.size(), k_max_body));
  return std::move(writer.out);
}

}  // namespace ecadm::econsult::detail
