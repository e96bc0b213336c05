#include "render/page_plan.h"

#include <set>

#include "core/text.h"
#include "model/collation.h"
#include "render/glossary_districts.h"

namespace takao {

std::string output_path_for_url(const std::string& url) {
  std::string path = url_decode(url);
  if (!path.empty() && path[0] == '/') path.erase(0, 1);
  if (path.empty() || path.back() == '/') path += "index.html";
  return path;
}

const std::vector<IndexTerm>& index_terms(const Site& site, IndexKind kind, bool en) {
  switch (kind) {
    case IndexKind::authors: return site.authors;
    case IndexKind::keywords: return en && !site.keywords_en.empty() ? site.keywords_en : site.keywords;
    case IndexKind::agencies: return site.agencies;
  }
  return site.authors;
}

std::string index_kind_name(IndexKind kind) {
  switch (kind) {
    case IndexKind::authors: return "authors";
    case IndexKind::keywords: return "keywords";
    case IndexKind::agencies: return "agencies";
  }
  return "authors";
}

std::vector<IndexBucket> index_buckets(const std::vector<IndexTerm>& terms, bool en) {
  std::vector<IndexBucket> out;
  for (size_t i = 0; i < terms.size(); ++i) {
    std::string label = index_bucket(terms[i].name, en ? "en" : "zh-Hant");
    if (out.empty() || out.back().label != label) out.push_back({label, {}});
    out.back().terms.push_back(i);
  }
  return out;
}

std::vector<PlannedPage> plan_pages(const Site& site) {
  std::vector<PlannedPage> plan;
  auto add = [&](PageKind kind, const std::string& url, bool has_english, size_t index = 0) {
    for (bool en : {false, true}) {
      if (en && !has_english) continue;
      PlannedPage p;
      p.kind = kind;
      p.en = en;
      p.index = index;
      p.url = en ? "/en" + url : url;
      p.path = output_path_for_url(p.url);
      plan.push_back(std::move(p));
    }
  };
  add(PageKind::home, "/", true);
  add(PageKind::search, "/search/", true);
  add(PageKind::site_map, "/site-map/", true);
  for (size_t i = 0; i < site.pages.size(); ++i) add(PageKind::page, site.pages[i].doc.url, site.pages[i].doc.has_english, i);
  if (site.journal) add(PageKind::journal, site.journal->doc.url, true);
  for (size_t i = 0; i < site.issues.size(); ++i) add(PageKind::issue, site.issues[i].doc.url, true, i);
  for (size_t i = 0; i < site.articles.size(); ++i) add(PageKind::article, site.articles[i].doc.url, site.articles[i].doc.has_english, i);
  if (site.report_archive || !site.series.empty()) add(PageKind::report_archive, "/reports/", true);
  for (size_t i = 0; i < site.series.size(); ++i) {
    const auto& s = site.series[i];
    add(PageKind::series, s.doc.url, true, i);
    if (s.reports.size() > kSeriesSplitThreshold) {
      std::set<int> years;
      for (size_t r : s.reports) years.insert(site.reports[r].year);
      for (int y : years) {
        size_t before = plan.size();
        add(PageKind::series_year, s.doc.url + std::to_string(y) + "/", true, i);
        for (size_t k = before; k < plan.size(); ++k) plan[k].year = y;
      }
    }
  }
  for (size_t i = 0; i < site.reports.size(); ++i) add(PageKind::report, site.reports[i].doc.url, site.reports[i].doc.has_english, i);
  if (site.glossary_home || !site.glossary_tables.empty()) add(PageKind::glossary_home, "/glossary/", true);
  for (size_t i = 0; i < site.glossary_tables.size(); ++i) {
    const GlossaryTable& tb = site.glossary_tables[i];
    add(PageKind::glossary_table, tb.doc.url, true, i);
    if (!glossary_table_split(tb)) continue;
    auto groups = glossary_table_districts(site, tb);
    for (size_t g = 0; g < groups.size(); ++g) {
      size_t before = plan.size();
      add(PageKind::glossary_district, glossary_district_url(tb, groups[g]), true, i);
      for (size_t k = before; k < plan.size(); ++k) plan[k].group = g;
    }
  }
  for (size_t i = 0; i < site.glossary.size(); ++i) add(PageKind::glossary_entry, site.glossary[i].url, true, i);
  for (IndexKind kind : {IndexKind::authors, IndexKind::keywords, IndexKind::agencies}) {
    for (bool en : {false, true}) {
      const auto& terms = index_terms(site, kind, en);
      std::string base = (en ? "/en/" : "/") + index_kind_name(kind) + "/";
      auto push = [&](PageKind k, const std::string& url, size_t index) {
        PlannedPage p;
        p.kind = k;
        p.en = en;
        p.index = index;
        p.index_kind = kind;
        p.url = url;
        p.path = output_path_for_url(url);
        plan.push_back(std::move(p));
      };
      push(PageKind::index_home, base, 0);
      if (terms.size() > kIndexSplitThreshold) {
        auto buckets = index_buckets(terms, en);
        for (size_t b = 0; b < buckets.size(); ++b) push(PageKind::index_bucket, base + "by/" + std::to_string(b + 1) + "/", b);
      }
      for (size_t t = 0; t < terms.size(); ++t) push(PageKind::index_term, base + url_encode_path(terms[t].slug) + "/", t);
    }
  }
  PlannedPage nf;
  nf.kind = PageKind::not_found;
  nf.url = "/404.html";
  nf.path = "404.html";
  plan.push_back(nf);
  nf.en = true;
  nf.url = "/en/404.html";
  nf.path = "en/404.html";
  plan.push_back(nf);
  return plan;
}

}  // namespace takao
