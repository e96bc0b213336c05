// Every PDF the site names or links, read once: extraction in parallel over the files, each result cached
// by the file's SHA-256 so that a rebuild reads an unchanged PDF from the cache instead of poppler.
//
// Cache: <cache_dir>/pdf-v1/<sha256>.json (text per page, page count, problems) and <sha256>.png (the
// thumbnail). Entries are written to a temporary name and renamed, so a killed build leaves no half entry;
// the content hash is the key, so one cache can serve any number of sites and entries never go stale.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "pdf/pdf_extract.h"

namespace takao::pdf {

struct PdfRequest {
  std::string url;           // site-absolute, percent-encoded: "/reports/commissioned/x.pdf"
  std::string file;          // where it is on disk
  std::string display_path;  // for warnings: "content/reports/commissioned/x.pdf"
  std::optional<std::string> bytes;  // the file itself, when it is not on the real disk (`file` is then unused)
};

struct PdfInfo {
  uint64_t bytes = 0;
  PdfText text;
  std::string thumbnail_url;  // url + ".png" when there is a thumbnail
};

struct PdfLibrary {
  std::map<std::string, PdfInfo> by_url;
  size_t extracted = 0, from_cache = 0;
  double seconds = 0;
  const PdfInfo* find(const std::string& url) const {
    auto it = by_url.find(url);
    return it == by_url.end() ? nullptr : &it->second;
  }
};

// A Google Scholar limit: larger PDFs are not indexed.
inline constexpr uint64_t kScholarMaxBytes = 5'000'000;

// Reads every requested PDF (duplicates by url once); problems are warnings naming the file. An empty
// cache_dir disables the cache. TAKAO_PDF_TIMING=1 prints what came from where.
PdfLibrary read_pdfs(const std::vector<PdfRequest>& requests, const std::string& cache_dir, int jobs,
                     Diagnostics& diags, const ExtractLimits& limits = {});

// Lower-case hex SHA-256 of a file's bytes, read in blocks; "" when it cannot be read.
std::string file_sha256(const std::string& path, uint64_t* size);

}  // namespace takao::pdf
