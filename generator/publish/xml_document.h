// A small owner of libxml2's xmlTextWriter writing into memory: every XML file Takao publishes (sitemaps,
// feeds) goes through it, so escaping and well-formedness are libxml2's job, never string concatenation.
#pragma once
#include <string>
#include <string_view>

#include <libxml/xmlwriter.h>

namespace takao {

class XmlDocument {
 public:
  XmlDocument();  // starts the document: <?xml version="1.0" encoding="UTF-8"?>
  ~XmlDocument();
  XmlDocument(const XmlDocument&) = delete;
  XmlDocument& operator=(const XmlDocument&) = delete;

  void start(std::string_view name);
  // Starts an element in a namespace given by its URI, written as the default namespace (xmlns="uri").
  void start_ns(std::string_view name, std::string_view ns_uri);
  void attribute(std::string_view name, std::string_view value);
  void text(std::string_view value);
  void end();
  // <name>value</name>
  void element(std::string_view name, std::string_view value);

  // Closes every open element and returns the bytes (UTF-8, ending in a newline).
  std::string finish();
  bool ok() const { return ok_; }

 private:
  void check(int rc) { if (rc < 0) ok_ = false; }
  xmlBufferPtr buffer_;
  xmlTextWriterPtr writer_;
  bool ok_ = true;
  bool finished_ = false;
};

}  // namespace takao
