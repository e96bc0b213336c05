// The glossary's pages: its home, a table (whole or one district of a long one), an entry.
#include "render/views.h"

#include "lookup/name_forms.h"
#include "render/glossary_districts.h"
#include "render/glossary_postal_view.h"
#include "render/lang_marks.h"

namespace takao {

using json = nlohmann::json;

namespace {

// The glossary's crumb, on tables and entries.
void glossary_crumb(const SiteViews& views, PageView& out) {
  bool en = out.en;
  out.crumb(views.site.glossary_home ? title_of(*views.site.glossary_home, en) : views.t(en, "ui", "nav_glossary"), en ? "/en/glossary/" : "/glossary/");
}

}  // namespace

void glossary_home_view(const SiteViews& views, PageView& out) {
  const Site& site = views.site;
  bool en = out.en;
  json& page = out.page;
  if (site.glossary_home) page = views.doc_view(*site.glossary_home, en);
  else page = {{"title", views.t(en, "ui", "nav_glossary")}, {"body", ""}, {"has_body", false}};
  json tables = json::array();
  for (const auto& tb : site.glossary_tables) tables.push_back({{"title", title_of(tb.doc, en)}, {"url", url_of(tb.doc, en)}, {"count", tb.entries.size()}});
  page["tables"] = tables;
  page["count"] = site.glossary.size();
  page["postal_open_data"] = !site.postal.rows.empty();
  out.title = page["title"];
  out.other = en ? "/glossary/" : "/en/glossary/";
}

void glossary_table_view(const SiteViews& views, PageView& out) {
  const Site& site = views.site;
  bool en = out.en;
  const PlannedPage& p = out.plan;
  json& page = out.page;
  const GlossaryTable& tb = site.glossary_tables[p.index];
  glossary_crumb(views, out);
  page = views.doc_view(tb.doc, en);
  page["body"] = "";  // the body is the table itself, shown as entries
  page["has_body"] = false;
  page["count"] = tb.entries.size();
  page["postal_open_data"] = !site.postal.rows.empty();
  out.title = page["title"];
  std::vector<size_t> shown = tb.entries;
  // A long table lists its districts; each district's page lists the entries in it.
  bool split = glossary_table_split(tb);
  if (split) {
    const auto& groups = views.table_districts(p.index);
    // The list of districts on the table's page only: copied into each district's page it made the
    // pages of a table with many districts quadratic (5.7 ms a page on the 10,000-page corpus).
    if (p.kind == PageKind::glossary_table) page["districts"] = views.table_district_list(p.index, en);
    shown.clear();
    if (p.kind == PageKind::glossary_district && p.group < groups.size()) {
      const auto& g = groups[p.group];
      shown = g.entries;
      out.crumb(out.title, url_of(tb.doc, en));
      std::string name = g.zh.empty() ? views.t(en, "ui", "no_district") : views.district_name(g.zh, en);
      out.title = views.phrase(en, "two_part_title", {{"first", out.title}, {"second", name}});
      page["title"] = out.title;
      page["title_lang"] = zh_mark(en, out.title);
      page["count"] = g.entries.size();
      page["district"] = name;
    }
  }
  page["split"] = split && p.kind == PageKind::glossary_table;
  json entries = json::array();
  for (size_t i : shown) entries.push_back(views.entry_item(i, en));
  page["entries"] = entries;
  page["has_entries"] = !entries.empty();
  out.other = en ? p.url.substr(3) : "/en" + p.url;
}

void glossary_entry_view(const SiteViews& views, PageView& out) {
  const Site& site = views.site;
  bool en = out.en;
  const PlannedPage& p = out.plan;
  json& page = out.page;
  const GlossaryEntry& e = site.glossary[p.index];
  glossary_crumb(views, out);
  for (const auto& tb : site.glossary_tables) {
    if (tb.slug == e.table_slug) out.crumb(title_of(tb.doc, en), url_of(tb.doc, en));
  }
  page = views.entry_item(p.index, en);
  NameForms forms = name_forms(e);
  page["hanyu"] = forms.hanyu;
  page["tongyong"] = forms.tongyong;
  page["wade_giles"] = forms.wade_giles;
  page["source_line"] = e.line;
  add_postal_view(page, site, e, en, [&](const std::string& zh) { return views.district_name(zh, en); });
  out.title = views.phrase(en, "glossary_entry_title", {{"zh", e.zh}, {"en", e.en}});
  page["title"] = out.title;
  out.crumb_label = en ? e.en : e.zh;
  out.other = en ? e.url : "/en" + e.url;
}

}  // namespace takao
