// libFuzzer: mutated PDFs through the whole extraction path (poppler's parser, text per page, the line
// joining and running-header removal, the thumbnail). Whatever the bytes, extraction returns a Problem or
// text, never crashes, and keeps within its limits. Seeds: tests/fuzz/pdf-extract/.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "pdf/pdf_extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace takao::pdf;
  static const std::string scratch = "/tmp/takao-pdf-fuzz-" + std::to_string(::getpid()) + ".png";
  ExtractLimits limits;
  limits.max_page_bytes = 4096;
  limits.max_total_bytes = 64 << 10;
  limits.max_pages = 16;
  limits.thumbnail_width = 24;
  limits.max_thumbnail_height = 48;
  PdfText t = extract_pdf_bytes(std::string_view(reinterpret_cast<const char*>(data), size), limits, scratch);
  size_t total = 0;
  for (const std::string& page : t.pages) {
    if (page.size() > limits.max_page_bytes) std::abort();
    total += page.size();
  }
  if (total > limits.max_total_bytes) std::abort();
  if (t.problem == Problem::none && t.page_count <= 0) std::abort();
  if (t.thumbnail_width > 24 || t.thumbnail_height > 48) std::abort();
  return 0;
}
