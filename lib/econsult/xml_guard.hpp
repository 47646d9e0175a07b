#pragma once
// Checks of untrusted XML before and right after pugixml sees it: size, UTF-8,
// DOCTYPE, one root, depth, namespace. Internal to the codec.
#include <cstddef>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace ecadm::econsult::detail {

/// Returns an empty string when text is valid UTF-8 holding only characters that XML 1.0
/// allows (no NUL or other C0 control but tab, newline and carriage return), else what is
/// wrong and at which byte ("invalid UTF-8 at byte 17").
std::string check_xml_text(std::string_view text);

/// Parses an untrusted body into doc and returns its root element, which is named
/// root_name. Refuses (ProtocolError) a body over k_max_body, invalid UTF-8 or control
/// characters, a DOCTYPE or ENTITY declaration, an encoding other than UTF-8, XML that is
/// not well formed, no or more than one root element, text outside the root, nesting
/// deeper than k_max_depth, and any element outside k_namespace or with another name at
/// the root. Afterwards every element carries its local name and the root alone declares
/// the namespace (xmlns), so callers look children up by plain name.
pugi::xml_node load_untrusted(std::string_view xml, pugi::xml_document& doc, std::string_view root_name);

}  // namespace ecadm::econsult::detail
