#include "pipeline/site_pdfs.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "core/disk.h"
#include "core/text.h"
#include "model/body_links.h"
#include "render/page_metadata.h"

namespace takao {

namespace {

bool is_pdf_path(std::string_view path) {
  if (path.size() < 4) return false;
  std::string ext(path.substr(path.size() - 4));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".pdf";
}

// The content path a body link names, when it is a PDF attachment of the site.
std::string linked_pdf(const Site& site, const Document& d, const std::string& destination) {
  std::string dest = destination.substr(0, destination.find_first_of("#?"));
  if (dest.empty() || dest.find("://") != std::string::npos || starts_with(dest, "mailto:")) return "";
  const auto& attachments = site.link_targets ? site.link_targets->attachments : std::set<std::string>{};
  for (const std::string& form : {dest, url_decode(dest)}) {
    std::optional<std::string> path;
    if (starts_with(form, "/")) path = form.substr(1);
    else path = join_relative(folder_of(d.source_path), form);
    if (path && is_pdf_path(*path) && attachments.count(*path)) return *path;
  }
  return "";
}

std::string size_label(uint64_t bytes) {
  char buf[32];
  if (bytes >= 1'000'000) std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  else std::snprintf(buf, sizeof buf, "%llu KB", static_cast<unsigned long long>(std::max<uint64_t>(1, (bytes + 500) / 1000)));
  return buf;
}

}  // namespace

std::vector<DocumentPdf> site_pdfs(const Site& site) {
  std::vector<DocumentPdf> out;
  std::set<std::string> taken;
  auto claim = [&](const Document& d, const std::string& collection, const std::string& path) {
    if (path.empty() || !taken.insert(path).second) return;
    out.push_back({&d, collection, path, "/" + url_encode_path(path)});
  };
  // `pdf:` holds "/" + the encoded content path of a local attachment, or an external URL.
  auto named = [&](const Document& d, const std::string& collection, const std::string& pdf) {
    if (starts_with(pdf, "/")) claim(d, collection, url_decode(pdf.substr(1)));
  };
  for (const auto& is : site.issues) named(is.doc, "issue", is.pdf);
  for (const auto& a : site.articles) named(a.doc, "article", a.pdf);
  for (const auto& r : site.reports) named(r.doc, "report", r.pdf);
  auto bodies = [&](const Document& d, const std::string& collection) {
    for (const RenderedMarkdown* body : {&d.body, &d.body_en})
      for (const LinkRef& l : body->links) claim(d, collection, linked_pdf(site, d, l.destination));
  };
  for (const auto& p : site.pages) bodies(p.doc, "page");
  if (site.journal) bodies(site.journal->doc, "journal");
  for (const auto& is : site.issues) bodies(is.doc, "issue");
  for (const auto& a : site.articles) bodies(a.doc, "article");
  for (const auto& s : site.series) bodies(s.doc, "series");
  for (const auto& r : site.reports) bodies(r.doc, "report");
  return out;
}

std::vector<pdf::PdfRequest> pdf_requests(const std::vector<DocumentPdf>& pdfs, const std::string& content_dir) {
  std::vector<pdf::PdfRequest> out;
  std::string shown = content_dir;
  while (shown.size() > 1 && shown.back() == '/') shown.pop_back();
  for (const DocumentPdf& p : pdfs) out.push_back({p.url, content_dir + "/" + p.path, shown + "/" + p.path, std::nullopt});
  return out;
}

pdf::PdfLibrary read_site_pdfs(const Site& site, const std::vector<DocumentPdf>& pdfs, const std::string& content_dir,
                               const std::string& out_dir, int jobs, Diagnostics& diags, Disk* disk) {
  std::vector<pdf::PdfRequest> requests = pdf_requests(pdfs, content_dir);
  bool in_memory = disk && !disk->real();
  if (in_memory) {
    for (auto& r : requests) r.bytes = disk->read(r.file).value_or("");
  }
  pdf::PdfLibrary lib = pdf::read_pdfs(requests, in_memory ? "" : pdf_cache_dir(out_dir), jobs, diags);
  for (auto& [url, info] : lib.by_url) {
    if (!info.thumbnail_url.empty() && site.link_targets &&
        site.link_targets->attachments.count(url_decode(info.thumbnail_url.substr(1))))
      info.thumbnail_url.clear();
  }
  check_scholar_pdfs(site, lib, diags);
  return lib;
}

std::string pdf_cache_dir(const std::string& out_dir) {
  if (const char* env = std::getenv("TAKAO_CACHE_DIR"); env && *env) return env;
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path out = fs::absolute(out_dir, ec);
  if (ec) return "";
  while (!out.empty() && !out.has_filename() && out != out.root_path()) out = out.parent_path();  // "public/"
  return (out.parent_path() / ".cache" / "takao").string();
}

void check_scholar_pdfs(const Site& site, const pdf::PdfLibrary& pdfs, Diagnostics& diags) {
  auto check = [&](const Document& d, const std::string& pdf) {
    if (pdf.empty()) return;
    if (!scholar_reads_pdf(d.url, pdf)) {
      diags.warning(d.display_path, 0, 0,
                    "Google Scholar reads only a PDF in the page's own folder: " + pdf +
                        " is left out of citation_pdf_url; put the PDF beside the Markdown file");
      return;
    }
    const pdf::PdfInfo* info = pdfs.find(pdf);
    if (info && info->bytes > pdf::kScholarMaxBytes)
      diags.warning(d.display_path, 0, 0,
                    "PDF over 5 MB (" + size_label(info->bytes) + "): Google Scholar does not index it: " + pdf);
  };
  for (const auto& a : site.articles) check(a.doc, a.pdf);
  for (const auto& r : site.reports) check(r.doc, r.pdf);
}

nlohmann::json pdf_views(const pdf::PdfLibrary& pdfs) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [url, info] : pdfs.by_url) {
    nlohmann::json v = {{"bytes", info.bytes}, {"size", size_label(info.bytes)}, {"pages", info.text.page_count}};
    if (!info.thumbnail_url.empty()) {
      v["thumbnail"] = info.thumbnail_url;
      v["width"] = info.text.thumbnail_width;
      v["height"] = info.text.thumbnail_height;
    }
    out[url] = std::move(v);
  }
  return out;
}

}  // namespace takao
