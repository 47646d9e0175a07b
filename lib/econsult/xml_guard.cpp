// Untrusted-input checks. pugixml accepts a DOCTYPE (it skips it), several root
// elements and any bytes in text, so those are checked here, on the raw bytes first.
#include "econsult/xml_guard.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <unordered_set>
#include <vector>

#include "ecadm/econsult/codec.hpp"
#include "econsult/xml_reader.hpp"

namespace ecadm::econsult::detail {
namespace {

bool allowed_code_point(std::uint32_t cp) {
  if (cp < 0x20) return cp == 0x09 || cp == 0x0A || cp == 0x0D;
  if (cp >= 0xD800 && cp <= 0xDFFF) return false;  // surrogates are not characters
  if (cp == 0xFFFE || cp == 0xFFFF) return false;
  return cp <= 0x10FFFF;
}

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

// pugixml expands character references itself, so "&#1;" or "&#0;" would smuggle a
// control character (or cut a value short) past check_xml_text: check their targets.
void check_character_references(std::string_view xml) {
  for (auto at = xml.find("&#"); at != std::string_view::npos; at = xml.find("&#", at + 2)) {
    std::size_t i = at + 2;
    const bool hex = i < xml.size() && xml[i] == 'x';
    if (hex) ++i;
    std::uint32_t cp = 0;
    const std::size_t start = i;
    for (; i < xml.size() && i - start < 8; ++i) {
      const char c = xml[i];
      int digit = -1;
      if (c >= '0' && c <= '9')
        digit = c - '0';
      else if (hex && c >= 'a' && c <= 'f')
        digit = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F')
        digit = c - 'A' + 10;
      if (digit < 0) break;
      cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
    }
    if (i == start || i >= xml.size() || xml[i] != ';' || !allowed_code_point(cp)) {
      const auto end = xml.find(';', at);
      const auto shown = xml.substr(at, end == std::string_view::npos || end - at > 12 ? 12 : end - at + 1);
      fail(fmt::format("character reference '{}' at byte {} is not allowed in XML", shown, at));
    }
  }
}

// The namespace an element's prefix is bound to, looked up through its ancestors.
std::string namespace_of(pugi::xml_node element, std::string_view prefix, bool& bound) {
  const std::string attribute = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  for (auto n = element; n && n.type() == pugi::node_element; n = n.parent()) {
    if (auto a = n.attribute(attribute.c_str())) {
      bound = true;
      return a.value();
    }
  }
  bound = false;
  return {};
}

// Checks one element's namespace and strips its prefix.
void normalise_name(pugi::xml_node element) {
  const std::string name = element.name();
  const auto colon = name.find(':');
  const std::string prefix = colon == std::string::npos ? "" : name.substr(0, colon);
  const std::string local = colon == std::string::npos ? name : name.substr(colon + 1);
  bool bound = false;
  const std::string uri = namespace_of(element, prefix, bound);
  if (!prefix.empty() && !bound) fail(fmt::format("element '{}' uses the undeclared prefix '{}'", name, prefix));
  if (uri != k_namespace) {
    fail(fmt::format("element '{}' is in namespace '{}', expected '{}'", local, uri.empty() ? "(none)" : uri,
                     k_namespace));
  }
  if (!prefix.empty()) element.set_name(local.c_str());
}

// Visits every element below and including root without recursion (the depth is
// attacker-controlled), calling visit(element, depth) with depth 1 for root.
template <typename Visit>
void walk(pugi::xml_node root, Visit visit) {
  pugi::xml_node node = root;
  int depth = 1;
  while (true) {
    if (node.type() == pugi::node_element) visit(node, depth);
    if (node.type() == pugi::node_element && node.first_child()) {
      node = node.first_child();
      ++depth;
      continue;
    }
    while (node != root && !node.next_sibling()) {
      node = node.parent();
      --depth;
    }
    if (node == root) return;
    node = node.next_sibling();
  }
}

}  // namespace

std::string check_xml_text(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n;) {
    const unsigned char c = p[i];
    std::uint32_t cp = 0;
    std::size_t len = 0;
    if (c < 0x80) {
      cp = c, len = 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
      cp = c & 0x1F, len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      cp = c & 0x0F, len = 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      cp = c & 0x07, len = 4;
    } else {
      return fmt::format("invalid UTF-8 at byte {}", i);
    }
    if (i + len > n) return fmt::format("invalid UTF-8 at byte {} (truncated sequence)", i);
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return fmt::format("invalid UTF-8 at byte {}", i);
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    // overlong forms of three and four byte sequences, and code points beyond Unicode
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return fmt::format("invalid UTF-8 at byte {}", i);
    if (!allowed_code_point(cp)) return fmt::format("character U+{:04X} at byte {} is not allowed in XML", cp, i);
    i += len;
  }
  return {};
}

pugi::xml_node load_untrusted(std::string_view xml, pugi::xml_document& doc, std::string_view root_name) {
  if (xml.size() > k_max_body) fail(fmt::format("{} bytes is over the limit of {} bytes", xml.size(), k_max_body));
  if (auto why = check_xml_text(xml); !why.empty()) fail(why);
  // DTDs are refused outright: they are the door to entity expansion (billion laughs)
  // and external entities, and the protocol has no use for them.
  if (contains(xml, "<!DOCTYPE") || contains(xml, "<!ENTITY")) fail("a DOCTYPE or ENTITY declaration is not allowed");
  check_character_references(xml);

  // parse_fragment keeps text outside the root as nodes (without it pugixml drops such
  // text silently) so that it can be refused below.
  const auto result =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_declaration | pugi::parse_fragment,
                      pugi::encoding_utf8);
  if (!result) fail(fmt::format("not well-formed XML: {} at byte {}", result.description(), result.offset));

  pugi::xml_node root;
  for (auto child : doc.children()) {
    switch (child.type()) {
      case pugi::node_element:
        if (root) fail(fmt::format("more than one root element ('{}' and '{}')", root.name(), child.name()));
        root = child;
        break;
      case pugi::node_declaration: {
        const std::string encoding = child.attribute("encoding").value();
        if (!encoding.empty() && encoding != "UTF-8" && encoding != "utf-8")
          fail(fmt::format("encoding '{}' is not allowed, only UTF-8", encoding));
        break;
      }
      case pugi::node_pcdata:
      case pugi::node_cdata:
        fail("text outside the root element");
      default:
        break;
    }
  }
  if (!root) fail("no root element");

  walk(root, [](pugi::xml_node element, int depth) {
    if (depth > k_max_depth)
      fail(fmt::format("element '{}' is nested {} deep, more than {} levels", element.name(), depth, k_max_depth));
  });
  walk(root, [](pugi::xml_node element, int) {
    // pugixml keeps a repeated attribute; XML says the document is not well formed
    std::unordered_set<std::string_view> names;
    for (auto a : element.attributes()) {
      if (!names.insert(a.name()).second)
        fail(fmt::format("attribute '{}' appears twice on '{}'", a.name(), element.name()));
    }
    normalise_name(element);
  });
  // Namespace declarations have done their work; drop them so that a subtree copied out
  // (a Postfach entry) carries exactly one, on its own root.
  walk(root, [](pugi::xml_node element, int) {
    std::vector<pugi::xml_attribute> declarations;
    for (auto a : element.attributes()) {
      std::string_view name = a.name();
      if (name == "xmlns" || name.starts_with("xmlns:")) declarations.push_back(a);
    }
    for (auto a : declarations) element.remove_attribute(a);
  });
  root.prepend_attribute("xmlns") = std::string(k_namespace).c_str();

  if (root_name != root.name()) fail(fmt::format("root element is '{}', expected '{}'", root.name(), root_name));
  return root;
}

}  // namespace ecadm::econsult::detail
