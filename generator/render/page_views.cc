#include "render/page_views.h"

#include <cctype>
#include <functional>

#include "core/text.h"
#include "render/cite_view.h"
#include "render/lang_marks.h"
#include "render/page_descriptions.h"
#include "render/page_metadata.h"
#include "render/views.h"

namespace takao {

using json = nlohmann::json;

SiteRenderer::SiteRenderer(const Site& site, const Theme& theme, TemplateEngine& engine, RenderOptions options)
    : views_(site, theme, std::move(options)), site_(site), theme_(theme), engine_(engine), options_(views_.options),
      newest_(newest_date(site)) {

  // The interface strings and the asset table are the same on every page of a language: the engine
  // converts them once (they were a third of the template library's work, converted twice per page).
  json assets = options_.assets;
  if (!assets.is_object()) {
    assets = json::object();
    for (const auto& rel : theme_.assets) {
      std::string key;
      for (char c : rel) key += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
      assets[key] = {{"url", "/assets/" + rel}, {"plain_url", "/assets/" + rel}, {"integrity", ""}};
    }
  }
  for (bool en : {false, true}) {
    json shared = {{"t", en ? theme_.strings_en : theme_.strings_zh}, {"asset", assets}};
    shared_view_[en] = engine_.add_shared(shared);
    // Stands for the shared part in each page's own view, so comparing views (takao serve) still sees
    // a changed stylesheet or string.
    shared_hash_[en] = std::to_string(std::hash<std::string>{}(shared.dump()));
  }
}

std::string SiteRenderer::template_name(PageKind kind) {
  switch (kind) {
    case PageKind::home: return "home";
    case PageKind::page: return "page";
    case PageKind::journal: return "journal";
    case PageKind::issue: return "issue";
    case PageKind::article: return "article";
    case PageKind::report_archive: return "reports";
    case PageKind::series: return "series";
    case PageKind::series_year: return "series";
    case PageKind::report: return "report";
    case PageKind::glossary_home: return "glossary";
    case PageKind::glossary_table: return "glossary-table";
    case PageKind::glossary_district: return "glossary-table";
    case PageKind::glossary_entry: return "glossary-entry";
    case PageKind::index_home: return "index";
    case PageKind::index_bucket: return "index";
    case PageKind::index_term: return "index-term";
    case PageKind::search: return "search";
    case PageKind::site_map: return "site-map";
    case PageKind::not_found: return "404";
  }
  return "page";
}

json SiteRenderer::common(const PlannedPage& p) const {
  bool en = p.en;
  json v;
  v["lang"] = en ? "en" : "zh-Hant";
  v["is_en"] = en;
  v["lang_prefix"] = en ? "/en" : "";
  v["shared_view"] = shared_hash_[en];
  const auto& c = site_.config;
  v["site"] = {{"title", en && !c.title_en.empty() ? c.title_en : c.title},
               {"title_alt", en ? c.title : c.title_en},
               {"base_url", c.base_url},
               {"fields", c.fields}};
  v["url"] = p.url;
  std::string base = c.base_url.empty() ? "/" : c.base_url;
  auto absolute = [&](const std::string& url) { return base + (url.empty() ? "" : url.substr(1)); };
  v["canonical"] = absolute(p.url);
  v["preview"] = options_.preview;
  v["asset_version"] = options_.asset_version;
  // Atom feeds of new issues and new reports, for <link rel="alternate"> in every page's head.
  json feeds = json::array();
  if (!site_.issues.empty()) feeds.push_back({{"url", (en ? "/en" : "") + std::string(kJournalFeedUrl)}, {"title", views_.t(en, "ui", "feed_journal")}});
  if (!site_.reports.empty()) feeds.push_back({{"url", (en ? "/en" : "") + std::string(kReportsFeedUrl)}, {"title", views_.t(en, "ui", "feed_reports")}});
  v["feeds"] = feeds;
  v["has_feeds"] = !feeds.empty();
  // Pages with `footer: true` (privacy and security policy, open-data declaration) are linked in every footer.
  json footer = json::array();
  for (const auto& page : site_.pages) {
    if (page.doc.fields.value("footer", false) == true) footer.push_back({{"label", title_of(page.doc, en)}, {"url", page_url_of(page.doc, en)}});
  }
  v["footer_links"] = footer;
  v["updated"] = views_.date_label(newest_, en);
  v["updated_iso"] = newest_.empty() ? "" : newest_.iso();
  json nav = json::array();
  auto nav_item = [&](const std::string& key, const std::string& url) {
    std::string full = (en ? "/en" : "") + url;
    bool current = p.url == full || (url != "/" && starts_with(p.url, full));
    nav.push_back({{"label", views_.t(en, "ui", key)}, {"url", full}, {"current", current}});
  };
  nav_item("nav_home", "/");
  if (site_.journal) nav_item("nav_journal", "/journal/");
  if (site_.report_archive || !site_.series.empty()) nav_item("nav_reports", "/reports/");
  if (site_.glossary_home || !site_.glossary_tables.empty()) nav_item("nav_glossary", "/glossary/");
  for (const auto& page : site_.pages) {
    if (page.doc.fields.value("menu", false) == true) nav.push_back({{"label", title_of(page.doc, en)}, {"url", page_url_of(page.doc, en)}, {"current", p.url == page_url_of(page.doc, en)}});
  }
  v["nav"] = nav;
  // The collections this site has: the theme links only those (a site of pages alone, or a journal alone).
  v["has_journal"] = site_.journal.has_value() || !site_.issues.empty();
  v["has_reports"] = site_.report_archive.has_value() || !site_.series.empty();
  v["has_glossary"] = site_.glossary_home.has_value() || !site_.glossary_tables.empty();
  v["breadcrumbs"] = json::array();
  v["title"] = "";
  v["description"] = "";
  v["page"] = json::object();
  v["body_lang"] = "";
  return v;
}

void SiteRenderer::fill(json& v, const PlannedPage& p) const {
  bool en = p.en;
  PageView out(p, v);
  out.crumbs.push_back({{"label", views_.t(en, "ui", "nav_home")}, {"url", en ? "/en/" : "/"}});
  switch (p.kind) {
    case PageKind::home: home_view(views_, out); break;
    case PageKind::page: page_view(views_, out); break;
    case PageKind::journal: journal_view(views_, out); break;
    case PageKind::issue: issue_view(views_, out); break;
    case PageKind::article: article_view(views_, out); break;
    case PageKind::report_archive: report_archive_view(views_, out); break;
    case PageKind::series:
    case PageKind::series_year: series_view(views_, out); break;
    case PageKind::report: report_view(views_, out); break;
    case PageKind::glossary_home: glossary_home_view(views_, out); break;
    case PageKind::glossary_table:
    case PageKind::glossary_district: glossary_table_view(views_, out); break;
    case PageKind::glossary_entry: glossary_entry_view(views_, out); break;
    case PageKind::index_home:
    case PageKind::index_bucket: index_list_view(views_, out); break;
    case PageKind::index_term: index_term_view(views_, out); break;
    case PageKind::search: search_view(views_, out); break;
    case PageKind::site_map: site_map_view(views_, out); break;
    case PageKind::not_found: not_found_view(views_, out); break;
  }
  json& page = out.page;
  json& crumbs = out.crumbs;
  const std::string& title = out.title;
  const std::string& crumb_label = out.crumb_label;
  std::string& other = out.other;
  if (!crumbs.empty()) crumbs.push_back({{"label", crumb_label.empty() ? title : crumb_label}, {"url", ""}, {"current", true}});
  for (size_t i = 0; i < crumbs.size(); ++i) {
    crumbs[i]["last"] = i + 1 == crumbs.size();
    crumbs[i]["lang"] = zh_mark(en, crumbs[i]["label"].get<std::string>());
  }
  v["has_breadcrumbs"] = crumbs.size() > 1;
  v["title"] = title;
  if (page.contains("body_lang")) v["body_lang"] = page["body_lang"];
  if (v["description"].get<std::string>().empty() && page.contains("body")) {
    // A description for search engines and link previews: the first sentences of the text.
    std::string text;
    const Document* d = nullptr;
    if (p.kind == PageKind::page) d = &site_.pages[p.index].doc;
    if (p.kind == PageKind::report) d = &site_.reports[p.index].doc;
    if (p.kind == PageKind::issue) d = &site_.issues[p.index].doc;
    if (p.kind == PageKind::journal) d = &site_.journal->doc;
    if (p.kind == PageKind::series) d = &site_.series[p.index].doc;
    if (p.kind == PageKind::report_archive && site_.report_archive) d = &*site_.report_archive;
    if (p.kind == PageKind::glossary_home && site_.glossary_home) d = &*site_.glossary_home;
    // English pages describe themselves in English: a Chinese-only text gives way to the page's purpose.
    if (d && (!en || d->has_en_body)) {
      note_body_read(*d);
      text = en ? d->body_en.text : d->body.text;
    }
    v["description"] = excerpt(text, 150);
  }
  // Every other page (home, lists, indexes, search, site map, 404) says what it is for (i18n/describe).
  if (v["description"].get<std::string>().empty()) v["description"] = purpose_description(site_, p, v, views_.strings(en));
  // Counterpart in the other language, for the switch and hreflang.
  std::string base = site_.config.base_url.empty() ? "/" : site_.config.base_url;
  bool exact = !other.empty();
  if (other.empty()) other = en ? "/" : "/en/";
  v["alternate"] = {{"url", other}, {"lang", en ? "zh-Hant" : "en"}, {"label", views_.t(en, "ui", "switch_language")}, {"exact", exact}};
  json hreflang = json::array();
  if (exact && p.kind != PageKind::not_found) {
    std::string zh_url = en ? other : p.url, en_url = en ? p.url : other;
    hreflang.push_back({{"lang", "zh-Hant"}, {"href", base + zh_url.substr(1)}});
    hreflang.push_back({{"lang", "en"}, {"href", base + en_url.substr(1)}});
    hreflang.push_back({{"lang", "x-default"}, {"href", base + zh_url.substr(1)}});
  }
  v["hreflang"] = hreflang;
  v["cite"] = cite_view(site_, p, [&](const std::string& key) { return views_.t(en, "cite", key); });
  v["head"] = page_metadata(site_, p, v);
}

json SiteRenderer::view(const PlannedPage& page) const {
  json v = common(page);
  fill(v, page);
  return v;
}

std::string SiteRenderer::render(const PlannedPage& page) const { return render_view(page, view(page)); }

json SiteRenderer::layout_view(const PlannedPage& page) const {
  return {
      {"page", json::object({{"kind", template_name(page.kind)}})},  // the layout needs no page data again
      {"page_kind", template_name(page.kind)},
      // Pages with a browser app link its stylesheet (the lookup on the glossary home, search on /search/).
      {"needs_search_css", page.kind == PageKind::search},
      {"needs_lookup_css", page.kind == PageKind::glossary_home ||
                               (page.kind == PageKind::home && (site_.glossary_home || !site_.glossary_tables.empty()))},
  };
}

std::string SiteRenderer::render_view(const PlannedPage& page, json v, TemplateNames* names) const {
  return engine_.render_in_layout(template_name(page.kind), "base", v, layout_view(page), shared_view_[page.en], names);
}

}  // namespace takao
