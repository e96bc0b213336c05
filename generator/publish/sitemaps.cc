#include "publish/sitemaps.h"

#include "publish/page_info.h"
#include "publish/xml_document.h"

namespace takao {

namespace {

constexpr const char* kSitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";

struct Entry {
  std::string loc, lastmod;
};

std::string sitemap_xml(const std::vector<Entry>& entries, size_t begin, size_t end) {
  XmlDocument doc;
  doc.start_ns("urlset", kSitemapNs);
  for (size_t i = begin; i < end; ++i) {
    doc.start("url");
    doc.element("loc", entries[i].loc);
    if (!entries[i].lastmod.empty()) doc.element("lastmod", entries[i].lastmod);
    doc.end();
  }
  return doc.finish();
}

}  // namespace

OutputFiles write_sitemaps(const Site& site, const std::vector<PlannedPage>& plan, size_t max_urls) {
  if (max_urls == 0) max_urls = kSitemapMaxUrls;
  OutputFiles files;
  XmlDocument index;
  index.start_ns("sitemapindex", kSitemapNs);
  Date newest = newest_date(site);
  for (bool en : {false, true}) {
    std::vector<Entry> entries;
    for (const auto& p : plan) {
      if (p.en != en || p.kind == PageKind::not_found) continue;
      Date d = page_date(site, p, newest);
      entries.push_back({absolute_url(site, p.url), d.empty() ? "" : d.iso()});
    }
    if (entries.empty()) continue;
    std::string lang = en ? "en" : "zh-Hant";
    for (size_t begin = 0, part = 1; begin < entries.size(); begin += max_urls, ++part) {
      size_t end = std::min(entries.size(), begin + max_urls);
      std::string name = "sitemap-" + lang + (part == 1 ? "" : "-" + std::to_string(part)) + ".xml";
      files.push_back({name, sitemap_xml(entries, begin, end), ""});
      std::string newest;
      for (size_t i = begin; i < end; ++i) newest = std::max(newest, entries[i].lastmod);
      index.start("sitemap");
      index.element("loc", absolute_url(site, "/" + name));
      if (!newest.empty()) index.element("lastmod", newest);
      index.end();
    }
  }
  files.insert(files.begin(), {"sitemap.xml", index.finish(), ""});
  return files;
}

OutputFile write_robots_txt(const Site& site) {
  std::string text = "User-agent: *\nAllow: /\n\nSitemap: " + absolute_url(site, "/sitemap.xml") + "\n";
  return {"robots.txt", text, ""};
}

}  // namespace takao
