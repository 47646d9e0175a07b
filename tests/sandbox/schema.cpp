#include "schema.hpp"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <memory>
#include <stdexcept>

namespace ecadm::sandbox {

namespace {

struct FirstError {
  std::string element;
  std::string message;
  bool seen = false;
};

void collect(void* context, const xmlError* error) {
  auto* first = static_cast<FirstError*>(context);
  if (first->seen || error == nullptr) return;
  first->seen = true;
  std::string message = error->message ? error->message : "invalid";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  first->message = "line " + std::to_string(error->line) + ": " + message;
  if (error->node != nullptr) {
    auto* node = static_cast<xmlNodePtr>(error->node);
    if (node->name != nullptr) first->element = reinterpret_cast<const char*>(node->name);
  }
}

// libxml2 < 2.12 declares the callback with a non-const xmlError*.
void collect_compat(void* context, xmlError* error) {
  collect(context, error);
}

}  // namespace

Schema::Schema(const std::string& path) {
  xmlSchemaParserCtxtPtr parser = xmlSchemaNewParserCtxt(path.c_str());
  if (parser == nullptr) throw std::runtime_error("cannot read schema '" + path + "'");
  m_schema = xmlSchemaParse(parser);
  xmlSchemaFreeParserCtxt(parser);
  if (m_schema == nullptr) throw std::runtime_error("cannot compile schema '" + path + "'");
}

Schema::~Schema() {
  xmlSchemaFree(static_cast<xmlSchemaPtr>(m_schema));
}

SchemaResult Schema::validate(std::string_view document) const {
  std::lock_guard lock(m_mutex);
  SchemaResult result;
  FirstError first;
  xmlParserCtxtPtr parser = xmlNewParserCtxt();
  if (parser == nullptr) throw std::runtime_error("out of memory");
  std::unique_ptr<xmlParserCtxt, void (*)(xmlParserCtxtPtr)> parser_guard(parser, xmlFreeParserCtxt);
  xmlDocPtr doc = xmlCtxtReadMemory(parser, document.data(), static_cast<int>(document.size()), "request.xml", nullptr,
                                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == nullptr) {
    const xmlError* error = xmlCtxtGetLastError(parser);
    result.valid = result.well_formed = false;
    result.message = error && error->message ? error->message : "not well-formed";
    while (!result.message.empty() && result.message.back() == '\n') result.message.pop_back();
    return result;
  }
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc_guard(doc, xmlFreeDoc);
  xmlSchemaValidCtxtPtr valid = xmlSchemaNewValidCtxt(static_cast<xmlSchemaPtr>(m_schema));
  std::unique_ptr<xmlSchemaValidCtxt, void (*)(xmlSchemaValidCtxtPtr)> valid_guard(valid, xmlSchemaFreeValidCtxt);
  xmlSchemaSetValidStructuredErrors(valid, reinterpret_cast<xmlStructuredErrorFunc>(&collect_compat), &first);
  if (xmlSchemaValidateDoc(valid, doc) != 0) {
    result.valid = false;
    result.element = first.element;
    result.message = first.seen ? first.message : "not valid against the schema";
  }
  return result;
}

}  // namespace ecadm::sandbox
