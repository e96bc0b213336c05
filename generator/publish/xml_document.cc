#include "publish/xml_document.h"

namespace takao {

namespace {
// libxml2 takes NUL-terminated strings; string_views are copied once here.
const xmlChar* x(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }
}  // namespace

XmlDocument::XmlDocument() : buffer_(xmlBufferCreate()), writer_(xmlNewTextWriterMemory(buffer_, 0)) {
  if (!writer_) {
    ok_ = false;
    return;
  }
  check(xmlTextWriterSetIndent(writer_, 1));
  check(xmlTextWriterSetIndentString(writer_, reinterpret_cast<const xmlChar*>(" ")));
  check(xmlTextWriterStartDocument(writer_, "1.0", "UTF-8", nullptr));
}

XmlDocument::~XmlDocument() {
  if (writer_) xmlFreeTextWriter(writer_);
  if (buffer_) xmlBufferFree(buffer_);
}

void XmlDocument::start(std::string_view name) { check(xmlTextWriterStartElement(writer_, x(std::string(name)))); }

void XmlDocument::start_ns(std::string_view name, std::string_view ns_uri) {
  check(xmlTextWriterStartElementNS(writer_, nullptr, x(std::string(name)), x(std::string(ns_uri))));
}

void XmlDocument::attribute(std::string_view name, std::string_view value) {
  check(xmlTextWriterWriteAttribute(writer_, x(std::string(name)), x(std::string(value))));
}

void XmlDocument::text(std::string_view value) {
  // XML 1.0 has no way to carry C0 control characters other than tab and newlines, even escaped.
  std::string clean;
  clean.reserve(value.size());
  for (char c : value) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 || c == '\t' || c == '\n' || c == '\r') clean += c;
  }
  check(xmlTextWriterWriteString(writer_, x(clean)));
}

void XmlDocument::end() { check(xmlTextWriterEndElement(writer_)); }

void XmlDocument::element(std::string_view name, std::string_view value) {
  start(name);
  text(value);
  end();
}

std::string XmlDocument::finish() {
  if (!writer_) return "";
  if (!finished_) {
    check(xmlTextWriterEndDocument(writer_));  // closes open elements
    check(xmlTextWriterFlush(writer_));
    finished_ = true;
  }
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_)), xmlBufferLength(buffer_));
}

}  // namespace takao
