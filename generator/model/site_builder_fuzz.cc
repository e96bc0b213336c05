// libFuzzer target: the whole model stage (source checks, front matter, typed fields, slugs, Markdown,
// link and anchor resolution, glossary tables, indexes) on a small content folder the fuzzer writes.
// Input: files separated by lines "@@ PATH"; text before the first such line is journal/001/01-a.md.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "core/disk.h"
#include "markdown/markdown.h"
#include "model/site.h"

namespace {

// Paths a real folder listing could give: relative, no empty, "." or ".." segments.
bool plausible_path(std::string_view path) {
  if (path.empty() || path.size() > 200 || path.front() == '/' || path.back() == '/') return false;
  size_t start = 0;
  for (size_t i = 0; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '/') {
      std::string_view seg = path.substr(start, i - start);
      if (seg.empty() || seg == "." || seg == "..") return false;
      start = i + 1;
    } else if (path[i] == '\0' || path[i] == '\n') {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  takao::init_markdown();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::map<std::string, std::string> files = {
      {"content/site.yaml", "title: 站\ntitle_en: Site\nbase_url: https://example.gov.tw\n"},
      {"content/journal/_index.md", "---\ntitle: 城市發展\n---\n"},
      {"content/journal/001/_index.md", "---\ntitle: 第一期\nnumber: 1\npublished: 2014-08-01\n---\n"},
      {"content/journal/001/issue.pdf", ""},
      {"content/pages/about.md", "---\ntitle: 關於\n---\n## 結論\n"},
      {"content/glossary/_index.md", "---\ntitle: 譯名\n---\n"},
  };
  std::string path = "journal/001/01-a.md";
  size_t pos = 0;
  while (pos <= input.size()) {
    size_t next = input.find("\n@@ ", pos == 0 ? 0 : pos);
    size_t chunk_end = next == std::string_view::npos ? input.size() : next + 1;
    if (plausible_path(path)) files["content/" + path] = std::string(input.substr(pos, chunk_end - pos));
    if (next == std::string_view::npos) break;
    size_t line_end = input.find('\n', next + 4);
    if (line_end == std::string_view::npos) line_end = input.size();
    path = std::string(input.substr(next + 4, line_end - next - 4));
    pos = line_end + 1;
    if (files.size() > 64) break;
  }
  takao::MemoryDisk disk;
  disk.files = std::move(files);
  takao::Diagnostics diags;
  takao::BuildOptions options;
  options.today = takao::Date{2020, 1, 1};
  auto site = takao::build_site(takao::load_sources(disk, "content", diags), options, diags);
  if (!site) __builtin_trap();
  if (!diags.has_errors()) {
    // A clean model: every page URL is site-absolute and stays on the site.
    for (const auto& a : site->articles) {
      if (a.doc.url.empty() || a.doc.url[0] != '/' || a.doc.url.find("/../") != std::string::npos) __builtin_trap();
    }
    for (const auto& p : site->pages) {
      if (p.doc.url.empty() || p.doc.url[0] != '/' || p.doc.url.find("/../") != std::string::npos) __builtin_trap();
    }
  }
  for (const auto& d : diags.sorted()) d.format();
  return 0;
}
