// The site's own pages: the home, standing pages (about, privacy...), search, the site map and the 404 page.
#include "render/views.h"

#include <algorithm>

#include "render/lang_marks.h"

namespace takao {

using json = nlohmann::json;

void home_view(const SiteViews& views, PageView& out) {
  const Site& site = views.site;
  bool en = out.en;
  json& page = out.page;
  out.title = out.view["site"]["title"];
  out.crumbs.clear();
  page["latest_issue"] = false;
  if (!site.issues.empty()) {
    page["latest_issue"] = views.issue_item(0, en);
    json arts = json::array();
    for (size_t a : site.issues[0].articles) arts.push_back(views.article_item(a, en));
    page["latest_issue"]["articles"] = arts;
  }
  std::vector<size_t> newest(site.reports.size());
  for (size_t i = 0; i < newest.size(); ++i) newest[i] = i;
  std::stable_sort(newest.begin(), newest.end(), [&](size_t a, size_t b) {
    return site.reports[b].doc.published < site.reports[a].doc.published;
  });
  json reps = json::array();
  for (size_t i = 0; i < newest.size() && i < 6; ++i) reps.push_back(views.report_item(newest[i], en));
  page["reports"] = reps;
  json series = json::array();
  for (const auto& s : site.series) series.push_back({{"title", title_of(s.doc, en)}, {"url", url_of(s.doc, en)}, {"count", s.reports.size()}});
  page["series"] = series;
  page["glossary_count"] = site.glossary.size();
  page["has_authors"] = !site.authors.empty();
  page["has_keywords"] = !index_terms(site, IndexKind::keywords, en).empty();
  page["has_agencies"] = !site.agencies.empty();
  page["has_indexes"] = !site.authors.empty() || !site.keywords.empty() || !site.agencies.empty();
  // A site of standing pages alone: its home lists them.
  page["only_pages"] = !out.view["has_journal"].get<bool>() && !out.view["has_reports"].get<bool>() && !out.view["has_glossary"].get<bool>() && !site.pages.empty();
  json pages = json::array();
  for (const auto& pg : site.pages) {
    std::string t = title_of(pg.doc, en);
    pages.push_back({{"title", t}, {"title_lang", zh_mark(en, t)}, {"url", page_url_of(pg.doc, en)}});
  }
  page["pages"] = pages;
  out.other = en ? "/" : "/en/";
}

void page_view(const SiteViews& views, PageView& out) {
  const Site& site = views.site;
  bool en = out.en;
  const PlannedPage& p = out.plan;
  json& page = out.page;
  const Document& d = site.pages[p.index].doc;
  page = views.doc_view(d, en);
  out.title = page["title"];
  out.other = en ? d.url : (d.has_english ? "/en" + d.url : "");
}

void search_view(const SiteViews& views, PageView& out) {
  bool en = out.en;
  json& page = out.page;
  out.title = views.t(en, "ui", "search_title");
  page["title"] = out.title;
  out.other = en ? "/search/" : "/en/search/";
}

void site_map_view(const SiteViews& views, PageView& out) {
  const Site& site = views.site;
  bool en = out.en;
  json& page = out.page;
  // 網站導覽: the access keys explained (in the template) and every section of the site with its parts.
  out.title = views.t(en, "ui", "site_map");
  page["title"] = out.title;
  json sections = json::array();
  auto section = [&](const std::string& label, const std::string& url, json children = json::array()) {
    sections.push_back({{"title", label}, {"url", url}, {"children", children}, {"has_children", !children.empty()}});
  };
  std::string pre = en ? "/en" : "";
  section(views.t(en, "ui", "nav_home"), pre + "/");
  if (site.journal) {
    json issues = json::array();
    for (size_t i : site.journal->issues) {
      json item = views.issue_item(i, en);
      std::string title = views.phrase(en, "two_part_title", {{"first", item["label"].get<std::string>()},
                                                              {"second", item["title"].get<std::string>()}});
      issues.push_back({{"title", title}, {"url", item["url"]}});
    }
    section(title_of(site.journal->doc, en), pre + "/journal/", issues);
  }
  if (site.report_archive || !site.series.empty()) {
    json series = json::array();
    for (const auto& s : site.series) series.push_back({{"title", title_of(s.doc, en)}, {"url", url_of(s.doc, en)}});
    section(site.report_archive ? title_of(*site.report_archive, en) : views.t(en, "ui", "nav_reports"), pre + "/reports/", series);
  }
  if (site.glossary_home || !site.glossary_tables.empty()) {
    json tables = json::array();
    for (const auto& tb : site.glossary_tables) tables.push_back({{"title", title_of(tb.doc, en)}, {"url", url_of(tb.doc, en)}});
    section(site.glossary_home ? title_of(*site.glossary_home, en) : views.t(en, "ui", "nav_glossary"), pre + "/glossary/", tables);
  }
  for (IndexKind k : {IndexKind::authors, IndexKind::keywords, IndexKind::agencies}) {
    if (index_terms(site, k, en).empty()) continue;  // an index with nothing in it is not linked
    section(views.t(en, "ui", "index_" + index_kind_name(k)), pre + "/" + index_kind_name(k) + "/");
  }
  section(views.t(en, "ui", "search_title"), pre + "/search/");
  for (const auto& pg : site.pages) section(title_of(pg.doc, en), page_url_of(pg.doc, en));
  page["sections"] = sections;
  out.other = en ? "/site-map/" : "/en/site-map/";
}

void not_found_view(const SiteViews& views, PageView& out) {
  bool en = out.en;
  json& page = out.page;
  out.title = views.t(en, "ui", "not_found_title");
  page["title"] = out.title;
  out.crumbs.clear();
  out.other = en ? "/" : "/en/";
}

}  // namespace takao
