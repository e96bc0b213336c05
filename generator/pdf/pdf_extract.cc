#include "pdf/pdf_extract.h"

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>

#include "pdf/pdf_text.h"

namespace takao::pdf {

namespace {

std::string to_string(const poppler::ustring& u) {
  poppler::byte_array b = u.to_utf8();
  return std::string(b.begin(), b.end());
}

// Cuts at a character boundary.
void cap_utf8(std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return;
  size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  s.resize(n);
}

void render_thumbnail(poppler::page& page, const ExtractLimits& limits, const std::string& scratch, PdfText& out) {
  if (limits.thumbnail_width <= 0 || scratch.empty()) return;
  poppler::rectf box = page.page_rect(poppler::media_box);
  double w = box.width(), h = box.height();
  poppler::page::orientation_enum o = page.orientation();
  if (o == poppler::page::landscape || o == poppler::page::seascape) std::swap(w, h);
  if (!(w >= 1 && h >= 1 && w < 1e6 && h < 1e6)) return;
  double dpi = limits.thumbnail_width * 72.0 / w;
  if (h * dpi / 72.0 > limits.max_thumbnail_height) dpi = limits.max_thumbnail_height * 72.0 / h;
  if (dpi < 0.5) return;
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_rgb24);
  poppler::image image = renderer.render_page(&page, dpi, dpi);
  if (!image.is_valid() || image.width() <= 0 || image.height() <= 0) return;
  if (!image.save(scratch, "png")) return;
  std::ifstream in(scratch, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::remove(scratch.c_str());
  out.thumbnail_png = bytes.str();
  out.thumbnail_width = image.width();
  out.thumbnail_height = image.height();
}

PdfText extract(std::unique_ptr<poppler::document> doc, const ExtractLimits& limits, const std::string& scratch) {
  PdfText out;
  if (!doc) {
    out.problem = Problem::unreadable;
    return out;
  }
  if (doc->is_locked()) {
    out.problem = Problem::password;
    out.encrypted = true;
    return out;
  }
  out.encrypted = doc->is_encrypted();
  out.page_count = std::max(0, doc->pages());
  if (out.page_count == 0) {
    out.problem = Problem::unreadable;
    return out;
  }
  std::vector<std::string> raw;
  size_t total = 0;
  int readable = std::min(out.page_count, limits.max_pages);
  if (readable < out.page_count) out.truncated = true;
  for (int i = 0; i < readable; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) {
      raw.emplace_back();
      continue;
    }
    if (i == 0) render_thumbnail(*page, limits, scratch, out);
    std::string text = to_string(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
    if (text.size() > limits.max_page_bytes) {
      cap_utf8(text, limits.max_page_bytes);
      out.truncated = true;
    }
    if (total + text.size() > limits.max_total_bytes) {
      out.truncated = true;
      break;
    }
    total += text.size();
    raw.push_back(std::move(text));
  }
  remove_running_lines(raw);
  bool any_text = false;
  for (const std::string& r : raw) {
    out.pages.push_back(join_page_lines(r));
    if (!out.pages.back().empty()) any_text = true;
  }
  out.pages.resize(out.page_count);  // pages beyond the limits: no text
  if (!any_text) out.problem = Problem::no_text;
  return out;
}

void ignore_message(const std::string&, void*) {}

}  // namespace

// poppler keeps its global parameters, and through them fontconfig's configuration and font caches, for the
// life of the process and never frees them: one-time allocations that LeakSanitizer (the sanitizer runs of
// the tests and of takao, the fuzz target) would report at exit in every program that renders a page.
// Only those two libraries' own allocations are exempt; a leak of ours is still reported.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\nleak:libpoppler.so\n"; }

void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(ignore_message, nullptr); });
}

PdfText extract_pdf_file(const std::string& path, const ExtractLimits& limits, const std::string& scratch) {
  silence_poppler();
  return extract(std::unique_ptr<poppler::document>(poppler::document::load_from_file(path)), limits, scratch);
}

PdfText extract_pdf_bytes(std::string_view bytes, const ExtractLimits& limits, const std::string& scratch) {
  silence_poppler();
  return extract(std::unique_ptr<poppler::document>(
                     poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size()))),
                 limits, scratch);
}

std::string problem_message(Problem problem) {
  switch (problem) {
    case Problem::none: return "";
    case Problem::unreadable: return "not a readable PDF (corrupt or truncated): its text is not searchable";
    case Problem::password: return "password-protected PDF: its text is not searchable; publish it without a password";
    case Problem::no_text: return "no text layer: run OCR before publishing";
  }
  return "";
}

}  // namespace takao::pdf
