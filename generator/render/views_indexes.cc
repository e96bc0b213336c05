// The indexes of authors, keywords and agencies: the list of terms (whole or one bucket) and a term's page.
#include "render/views.h"

#include <algorithm>

#include "core/text.h"
#include "render/lang_marks.h"

namespace takao {

using json = nlohmann::json;

void index_list_view(const SiteViews& views, PageView& out) {
  const Site& site = views.site;
  bool en = out.en;
  const PlannedPage& p = out.plan;
  json& page = out.page;
  const auto& terms = index_terms(site, p.index_kind, en);
  std::string kind = index_kind_name(p.index_kind);
  std::string base = (en ? "/en/" : "/") + kind + "/";
  page["kind"] = kind;
  page["is_" + kind] = true;
  std::string kind_title = views.t(en, "ui", "index_" + kind);
  auto buckets = index_buckets(terms, en);
  bool split = terms.size() > kIndexSplitThreshold;
  if (p.index_kind == IndexKind::agencies && en && !split) buckets = english_agency_buckets(site, terms);
  json bl = json::array();
  for (size_t b = 0; b < buckets.size(); ++b) {
    if (p.kind == PageKind::index_bucket && b != p.index) continue;
    json item = {{"label", buckets[b].label}, {"url", base + "by/" + std::to_string(b + 1) + "/"}, {"count", buckets[b].terms.size()}, {"terms", json::array()}};
    if (!split || p.kind == PageKind::index_bucket) {
      for (size_t ti : buckets[b].terms) {
        const IndexTerm& term = terms[ti];
        std::string shown = p.index_kind == IndexKind::agencies ? agency_name(site, term.name, en) : term.name;
        item["terms"].push_back({{"name", shown}, {"lang", zh_mark(en, shown)}, {"url", base + url_encode_path(term.slug) + "/"}, {"count", term.articles.size() + term.reports.size()}});
      }
    }
    bl.push_back(item);
  }
  page["buckets"] = bl;
  page["split"] = split && p.kind == PageKind::index_home;
  page["count"] = terms.size();
  out.title = kind_title;
  if (p.kind == PageKind::index_bucket) {
    out.crumb(kind_title, base);
    out.title = kind_title + " " + buckets[p.index].label;
  }
  page["title"] = out.title;
  out.other = (en ? "/" : "/en/") + kind + "/";
}

void index_term_view(const SiteViews& views, PageView& out) {
  const Site& site = views.site;
  bool en = out.en;
  const PlannedPage& p = out.plan;
  json& page = out.page;
  const auto& terms = index_terms(site, p.index_kind, en);
  std::string kind = index_kind_name(p.index_kind);
  std::string base = (en ? "/en/" : "/") + kind + "/";
  page["kind"] = kind;
  page["is_" + kind] = true;
  std::string kind_title = views.t(en, "ui", "index_" + kind);
  out.crumb(kind_title, base);
  const IndexTerm& term = terms[p.index];
  std::string shown = p.index_kind == IndexKind::agencies ? agency_name(site, term.name, en) : term.name;
  page["title"] = shown;
  page["title_lang"] = zh_mark(en, shown);
  json arts = json::array(), reps = json::array();
  for (size_t a : term.articles) arts.push_back(views.article_item(a, en));
  for (size_t r : term.reports) reps.push_back(views.report_item(r, en));
  page["articles"] = arts;
  page["reports"] = reps;
  page["count"] = term.articles.size() + term.reports.size();
  out.title = shown;
  // The same term in the other language exists when both use one list.
  const auto& other_terms = index_terms(site, p.index_kind, !en);
  bool shared = std::any_of(other_terms.begin(), other_terms.end(), [&](const IndexTerm& o) { return o.name == term.name; });
  out.other = shared ? (en ? p.url.substr(3) : "/en" + p.url) : (en ? "/" : "/en/") + kind + "/";
}

}  // namespace takao
