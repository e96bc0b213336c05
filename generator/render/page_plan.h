// Every page the site publishes, known before anything renders: the link checker and the sitemap read this
// plan, and the renderer turns each entry into HTML.
#pragma once
#include <string>
#include <vector>

#include "model/site.h"

namespace takao {

enum class PageKind {
  home, page, journal, issue, article, report_archive, series, series_year, report,
  glossary_home, glossary_table, glossary_district, glossary_entry, index_home, index_bucket, index_term, search, site_map, not_found,
};

enum class IndexKind { authors, keywords, agencies };

struct PlannedPage {
  PageKind kind = PageKind::page;
  bool en = false;
  size_t index = 0;        // into the Site collection the kind names (or the bucket number)
  IndexKind index_kind = IndexKind::authors;
  int year = 0;            // for series_year
  size_t group = 0;        // for glossary_district: which of glossary_table_districts(table)
  std::string url;         // site-absolute, percent-encoded, with "/en" for English
  std::string path;        // output file, relative to the output root, not encoded: "en/journal/017/index.html"
};

// The Atom feeds of new issues and new reports (English: "/en" in front). Written by publish/feeds,
// linked from every page's <head>.
constexpr const char* kJournalFeedUrl = "/journal/feed.atom";
constexpr const char* kReportsFeedUrl = "/reports/feed.atom";

// Index terms are split into pages by bucket (strokes, letters) when there are more than this many.
constexpr size_t kIndexSplitThreshold = 300;
// A series lists every report on its own page up to this many; beyond, it links to one page per year.
constexpr size_t kSeriesSplitThreshold = 200;

struct IndexBucket {
  std::string label;
  std::vector<size_t> terms;  // indexes into the term list
};
// Groups a term list by bucket label, in order.
std::vector<IndexBucket> index_buckets(const std::vector<IndexTerm>& terms, bool en);
const std::vector<IndexTerm>& index_terms(const Site& site, IndexKind kind, bool en);
std::string index_kind_name(IndexKind kind);

std::vector<PlannedPage> plan_pages(const Site& site);

// "/journal/017/" -> "journal/017/index.html", decoding percent-escapes.
std::string output_path_for_url(const std::string& url);

}  // namespace takao
