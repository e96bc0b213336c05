// One PDF through poppler: its text page by page (as pdf_text.h makes it), its page count and a PNG
// thumbnail of its first page. Never throws on a bad file: what is wrong is returned as a Problem.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace takao::pdf {

enum class Problem { none, unreadable, password, no_text };

struct PdfText {
  Problem problem = Problem::none;
  bool encrypted = false;   // opened without a password, but encrypted (copying or printing restricted)
  bool truncated = false;   // more text than the limits keep: later pages are not searchable
  int page_count = 0;
  std::vector<std::string> pages;  // text of each page, page 1 first ("" for a page without text)
  std::string thumbnail_png;       // first page, empty when it could not be rendered
  int thumbnail_width = 0, thumbnail_height = 0;
};

// Memory is bounded whatever the file: poppler reads the file as it needs it, one page at a time is
// open, and the text kept is capped.
struct ExtractLimits {
  size_t max_page_bytes = 256 << 10;
  size_t max_total_bytes = 16 << 20;
  int max_pages = 5000;             // pages whose text is read; page_count is still the real count
  int thumbnail_width = 200;        // pixels; 0: no thumbnail
  int max_thumbnail_height = 400;   // a very tall first page is rendered narrower
};

// `scratch` is a file path the thumbnail may be written through (poppler saves images to files only).
PdfText extract_pdf_file(const std::string& path, const ExtractLimits& limits, const std::string& scratch);
PdfText extract_pdf_bytes(std::string_view bytes, const ExtractLimits& limits, const std::string& scratch);

// What a Problem means to an editor, for warnings ("" for none).
std::string problem_message(Problem problem);

// Sends poppler's own error messages nowhere (they are reported as Problems); once per process.
void silence_poppler();

}  // namespace takao::pdf
