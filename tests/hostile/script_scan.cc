#include "script_scan.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace fs = std::filesystem;

namespace hostile {

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string text_of(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : ""; }

// What a browser makes of a URL's scheme: leading spaces and control characters dropped, tabs and
// newlines removed anywhere, case folded.
std::string url_scheme(const std::string& url) {
  std::string cleaned;
  for (char c : url) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 && cleaned.empty()) continue;
    if (c == '\t' || c == '\n' || c == '\r') continue;
    cleaned += c;
  }
  size_t colon = cleaned.find(':');
  if (colon == std::string::npos) return "";
  std::string scheme = lower(cleaned.substr(0, colon));
  if (scheme.find_first_of("/?#") != std::string::npos) return "";
  return scheme;
}

bool is_url_attribute(const std::string& name) {
  static const char* kNames[] = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background",
                                 "cite", "manifest", "srcset", "longdesc", "usemap", "codebase", "dynsrc", "lowsrc"};
  return std::any_of(std::begin(kNames), std::end(kNames), [&](const char* n) { return name == n; });
}

class Scanner {
 public:
  Scanner(std::string file, std::vector<ScanFinding>& out) : file_(std::move(file)), out_(out) {}

  void element(xmlNode* node) {
    for (xmlNode* n = node; n; n = n->next) {
      if (n->type == XML_ELEMENT_NODE) check(n);
      if (n->children) element(n->children);
    }
  }

 private:
  void find(const std::string& what) { out_.push_back({file_, what}); }

  void check(xmlNode* n) {
    std::string name = lower(text_of(n->name));
    std::string where = "<" + name + ">";
    std::string src, type, http_equiv;
    for (xmlAttr* a = n->properties; a; a = a->next) {
      std::string attr = lower(text_of(a->name));
      if (a->ns && a->ns->prefix) attr = lower(text_of(a->ns->prefix)) + ":" + attr;
      xmlChar* raw = xmlNodeListGetString(n->doc, a->children, 1);
      std::string value = text_of(raw);
      xmlFree(raw);
      if (attr.size() > 2 && attr.compare(0, 2, "on") == 0) find(where + " has event handler " + attr + "=\"" + value + "\"");
      if (attr == "style") find(where + " has a style attribute (blocked by CSP without 'unsafe-inline')");
      if (is_url_attribute(attr)) {
        std::string scheme = url_scheme(value);
        if (scheme == "javascript" || scheme == "vbscript" || scheme == "data" || scheme == "livescript") {
          find(where + " " + attr + " uses the " + scheme + ": scheme: " + value);
        }
      }
      if (attr == "src") src = value;
      if (attr == "type") type = lower(value);
      if (attr == "http-equiv") http_equiv = lower(value);
    }
    if (name == "script") {
      std::string body;
      if (xmlChar* c = xmlNodeGetContent(n)) {
        body = text_of(c);
        xmlFree(c);
      }
      if (type == "application/ld+json" && src.empty()) {
        if (!nlohmann::json::accept(body)) find("<script type=application/ld+json> is not valid JSON (broken out of?): " + body.substr(0, 200));
      } else if (src.empty()) {
        find("inline <script>: " + body.substr(0, 200));
      } else if (src.compare(0, 8, "/assets/") != 0) {
        find("<script> from outside /assets/: " + src);
      } else if (body.find_first_not_of(" \t\r\n") != std::string::npos) {
        find("<script src> with inline code too");
      }
    }
    static const char* kForbidden[] = {"style", "iframe", "frame", "frameset", "object", "embed", "applet", "base"};
    for (const char* f : kForbidden) {
      if (name == f) find(where + " element");
    }
    if (name == "meta" && http_equiv == "refresh") find("<meta http-equiv=refresh>");
    if (name == "link") {
      // Stylesheets and icons only from our own assets (a CSP with style-src 'self' allows nothing else).
      for (xmlAttr* a = n->properties; a; a = a->next) {
        if (lower(text_of(a->name)) != "rel") continue;
        xmlChar* raw = xmlNodeListGetString(n->doc, a->children, 1);
        std::string rel = lower(text_of(raw));
        xmlFree(raw);
        if (rel.find("stylesheet") != std::string::npos) {
          xmlChar* href = xmlGetProp(n, BAD_CAST "href");
          std::string h = text_of(href);
          xmlFree(href);
          if (h.compare(0, 8, "/assets/") != 0) find("stylesheet from outside /assets/: " + h);
        }
      }
    }
  }

  std::string file_;
  std::vector<ScanFinding>& out_;
};

void scan_xml_node(xmlNode* node, const std::string& file, std::vector<ScanFinding>& out) {
  for (xmlNode* n = node; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      std::string text = text_of(n->content);
      if (text.find('<') != std::string::npos) {
        auto inner = scan_html(file + " (markup inside <" + text_of(n->parent ? n->parent->name : nullptr) + ">)", text);
        out.insert(out.end(), inner.begin(), inner.end());
      }
    }
    if (n->type == XML_ELEMENT_NODE) {
      for (xmlAttr* a = n->properties; a; a = a->next) {
        xmlChar* raw = xmlNodeListGetString(n->doc, a->children, 1);
        std::string value = text_of(raw);
        xmlFree(raw);
        std::string attr = lower(text_of(a->name));
        if (is_url_attribute(attr)) {
          std::string scheme = url_scheme(value);
          if (scheme == "javascript" || scheme == "vbscript" || scheme == "data") {
            out.push_back({file, "<" + text_of(n->name) + "> " + attr + " uses the " + scheme + ": scheme"});
          }
        }
      }
    }
    if (n->children) scan_xml_node(n->children, file, out);
  }
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

std::vector<ScanFinding> scan_html(const std::string& file, const std::string& html) {
  std::vector<ScanFinding> out;
  htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  if (!doc) {
    out.push_back({file, "cannot be parsed as HTML"});
    return out;
  }
  Scanner scanner(file, out);
  scanner.element(xmlDocGetRootElement(doc));
  xmlFreeDoc(doc);
  return out;
}

std::vector<ScanFinding> scan_xml(const std::string& file, const std::string& xml) {
  std::vector<ScanFinding> out;
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), nullptr, "UTF-8",
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) {
    out.push_back({file, "is not well-formed XML"});
    return out;
  }
  scan_xml_node(xmlDocGetRootElement(doc), file, out);
  xmlFreeDoc(doc);
  return out;
}

std::vector<ScanFinding> scan_site(const std::string& root, size_t* files_scanned) {
  std::vector<ScanFinding> out;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  size_t n = 0;
  for (const auto& p : files) {
    std::string ext = p.extension().string();
    std::string rel = fs::relative(p, root).generic_string();
    std::vector<ScanFinding> found;
    if (ext == ".html") found = scan_html(rel, slurp(p));
    else if (ext == ".xml") found = scan_xml(rel, slurp(p));
    else continue;
    ++n;
    out.insert(out.end(), found.begin(), found.end());
  }
  if (files_scanned) *files_scanned = n;
  return out;
}

}  // namespace hostile
