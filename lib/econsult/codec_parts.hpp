#pragma once
// Writers and readers for the schema's shared types (Anschrift, Person, Kanzlei, Kopf,
// Anlagen) and the vocabularies that several bodies use. Internal to the codec.
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "ecadm/econsult/messages.hpp"
#include "econsult/xml_reader.hpp"

namespace ecadm::econsult::detail {

void write_anschrift(pugi::xml_node parent, const char* name, const Anschrift& anschrift);
/// Writes a Person (or the Person part of a Beteiligter) into element.
void write_person_content(pugi::xml_node element, const Person& person, std::string_view where);
void write_person(pugi::xml_node parent, const char* name, const Person& person);
void write_kopf(pugi::xml_node parent, const Kopf& kopf, std::string_view art);
void write_anlagen(pugi::xml_node parent, const std::vector<Anlage>& anlagen);

Anschrift read_anschrift(pugi::xml_node element, const std::string& path);
/// Reads the Person content of element (a Person or a Beteiligter).
Person read_person(pugi::xml_node element, const std::string& path);
Kopf read_kopf(pugi::xml_node element, const std::string& path);
std::vector<Anlage> read_anlagen(pugi::xml_node element, const std::string& path);

/// Writes a Nachricht (version, Kopf, body, Anlagen) into node (a root or a Postfach entry).
void write_nachricht(pugi::xml_node node, const Nachricht& message);
/// Reads a Nachricht element (a root or a Postfach entry).
Nachricht read_nachricht(pugi::xml_node element, const std::string& path);

void check_rechtsgebiet(std::string_view value, std::string_view where);
void check_umfang(std::string_view value, std::string_view where);
void check_rolle(std::string_view value, std::string_view where);

}  // namespace ecadm::econsult::detail
