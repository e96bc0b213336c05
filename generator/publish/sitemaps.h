// sitemap.xml for search engines: a sitemap index naming one sitemap per language (split further at the
// protocol's 50,000 URLs per file), and robots.txt pointing at the index. Written per sitemaps.org 0.9.
#pragma once
#include <vector>

#include "core/output_file.h"
#include "model/site.h"
#include "render/page_plan.h"

namespace takao {

// The protocol's limit of URLs in one sitemap file.
constexpr size_t kSitemapMaxUrls = 50000;

// sitemap.xml (the index) and sitemap-zh-Hant.xml, sitemap-en.xml (then -2, -3... past the limit).
// Every planned page but the 404 pages, with its <lastmod>.
OutputFiles write_sitemaps(const Site& site, const std::vector<PlannedPage>& plan, size_t max_urls = kSitemapMaxUrls);

// robots.txt: everything may be crawled; names the sitemap index by its absolute URL.
OutputFile write_robots_txt(const Site& site);

}  // namespace takao
