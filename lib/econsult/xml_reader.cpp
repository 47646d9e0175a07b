#include "econsult/xml_reader.hpp"

#include <fmt/format.h>

#include "ecadm/econsult/codec.hpp"

namespace ecadm::econsult::detail {
namespace {

pugi::xml_node next_element(pugi::xml_node node) {
  while (node && node.type() != pugi::node_element) node = node.next_sibling();
  return node;
}

}  // namespace

void fail(const std::string& what) {
  throw ProtocolError("invalid e.Consult body: " + what);
}

std::string leaf_text(pugi::xml_node element, const std::string& path) {
  std::string text;
  for (auto child : element.children()) {
    if (child.type() == pugi::node_element)
      fail(fmt::format("unexpected element '{}' in '{}', which holds text only", child.name(), path));
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) text += child.value();
  }
  return text;
}

Reader::Reader(pugi::xml_node element, std::string path)
    : m_element(element), m_next(next_element(element.first_child())), m_path(std::move(path)) {
  for (auto child : element.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)
      fail(fmt::format("unexpected text in '{}'", m_path));
  }
}

std::optional<pugi::xml_node> Reader::optional(const char* name) {
  if (!m_next || std::string_view(m_next.name()) != name) return std::nullopt;
  auto taken = m_next;
  m_next = next_element(m_next.next_sibling());
  return taken;
}

pugi::xml_node Reader::required(const char* name) {
  if (auto taken = optional(name)) return *taken;
  if (m_next) fail(fmt::format("element '{}' missing in '{}' (found '{}')", name, m_path, m_next.name()));
  fail(fmt::format("element '{}' missing in '{}'", name, m_path));
}

std::vector<pugi::xml_node> Reader::repeated(const char* name, std::size_t min, std::size_t max) {
  std::vector<pugi::xml_node> taken;
  while (auto node = optional(name)) {
    if (taken.size() == max) fail(fmt::format("more than {} '{}' elements in '{}'", max, name, m_path));
    taken.push_back(*node);
  }
  if (taken.size() < min) fail(fmt::format("element '{}' missing in '{}'", name, m_path));
  return taken;
}

std::optional<std::string> Reader::optional_text(const char* name) {
  auto node = optional(name);
  if (!node) return std::nullopt;
  auto text = leaf_text(*node, path_of(name));
  if (text.empty()) fail(fmt::format("element '{}' is empty", path_of(name)));
  return text;
}

std::string Reader::required_text(const char* name) {
  if (auto text = optional_text(name)) return *text;
  required(name);  // throws with the right message
  return {};
}

void Reader::finish() const {
  if (m_next) fail(fmt::format("unexpected element '{}' in '{}'", m_next.name(), m_path));
}

std::string required_attribute(pugi::xml_node element, const char* name, const std::string& path) {
  auto a = element.attribute(name);
  if (!a) fail(fmt::format("attribute '{}' missing on '{}'", name, path));
  return a.value();
}

std::string Reader::attribute(const char* name) const {
  return required_attribute(m_element, name, m_path);
}

std::optional<std::string> Reader::optional_attribute(const char* name) const {
  auto a = m_element.attribute(name);
  if (!a) return std::nullopt;
  return std::string(a.value());
}

}  // namespace ecadm::econsult::detail
