// Scans built pages for anything a browser would execute or that a Content-Security-Policy without
// 'unsafe-inline' would block: <script> not loaded from /assets/ (JSON-LD data blocks excepted, if they
// hold valid JSON), on* attributes, javascript:/vbscript:/data: URLs, <style>, style attributes, and
// frames, objects, <base> and refresh redirects. Pages are parsed with libxml2's HTML parser, as a
// browser would (error-tolerant); XML files (feeds, sitemaps) are parsed as XML and every text that
// holds markup is scanned as HTML too, since feed readers render it.
#pragma once
#include <string>
#include <vector>

namespace hostile {

struct ScanFinding {
  std::string file;
  std::string what;
};

std::vector<ScanFinding> scan_html(const std::string& file, const std::string& html);
std::vector<ScanFinding> scan_xml(const std::string& file, const std::string& xml);
// Every .html and .xml file below `root`.
std::vector<ScanFinding> scan_site(const std::string& root, size_t* files_scanned = nullptr);

}  // namespace hostile
