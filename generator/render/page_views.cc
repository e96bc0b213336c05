#include "render/page_views.h"

#include <set>

#include "core/text.h"
#include "lookup/name_forms.h"
#include "render/lang_marks.h"
#include "render/page_descriptions.h"
#include "render/glossary_districts.h"
#include "render/glossary_postal_view.h"
#include "model/identifiers.h"
#include "render/cite_view.h"
#include "render/page_metadata.h"
#include "render/pdf_view.h"

namespace takao {

using json = nlohmann::json;

namespace {

thread_local std::vector<const Document*>* body_reads = nullptr;
void note_body_read(const Document& d) {
  if (body_reads) body_reads->push_back(&d);
}

std::string title_of(const Document& d, bool en) { return en && !d.title_en.empty() ? d.title_en : d.title; }
std::string alt_title_of(const Document& d, bool en) {
  std::string other = en ? d.title : d.title_en;
  return other == title_of(d, en) ? "" : other;
}
std::string url_of(const Document& d, bool en) { return en ? "/en" + d.url : d.url; }
// For documents whose English page exists only with a translation (pages, articles, reports): an English
// listing links the Chinese page when there is no English one.
std::string page_url_of(const Document& d, bool en) { return en && d.has_english ? "/en" + d.url : d.url; }
std::string excerpt(const std::string& text, size_t chars) {
  std::string flat;
  flat.reserve(std::min(text.size(), chars * 4));
  for (char c : text) {
    if (flat.size() > chars * 4) break;
    flat += (c == '\n') ? ' ' : c;
  }
  return utf8_truncate(trim(flat), chars);
}

}  // namespace

void record_body_reads(std::vector<const Document*>* sink) { body_reads = sink; }

SiteRenderer::SiteRenderer(const Site& site, const Theme& theme, TemplateEngine& engine, RenderOptions options)
    : site_(site), theme_(theme), engine_(engine), options_(std::move(options)) {
  auto consider = [&](const Date& d) {
    if (!d.empty() && newest_ < d) newest_ = d;
  };
  for (const auto& i : site.issues) consider(i.doc.published);
  for (const auto& r : site.reports) consider(r.doc.published);
  for (const auto& p : site.pages) consider(p.doc.published);
  auto index = [&](const Document& d) { docs_by_url_[d.url] = &d; };
  for (const auto& p : site.pages) index(p.doc);
  for (const auto& i : site.issues) index(i.doc);
  for (const auto& a : site.articles) index(a.doc);
  for (const auto& r : site.reports) index(r.doc);
  for (const auto& s : site.series) index(s.doc);
  for (const auto& t : site.glossary_tables) index(t.doc);
  if (site.journal) index(site.journal->doc);
  if (site.report_archive) index(*site.report_archive);
  if (site.glossary_home) index(*site.glossary_home);
  for (const auto& g : site.glossary)
    if (g.category == "district" && !g.en.empty()) district_en_.emplace(g.zh, g.en);

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

std::string SiteRenderer::english_fragments(std::string html) const {
  static const std::string kOpen = "href=\"/en/";
  size_t pos = 0;
  while ((pos = html.find(kOpen, pos)) != std::string::npos) {
    size_t start = pos + 6;  // at "/en/"
    size_t end = html.find('"', start);
    if (end == std::string::npos) break;
    std::string_view url(html.data() + start, end - start);
    size_t hash = url.find('#');
    pos = end;
    if (hash == std::string_view::npos) continue;
    auto it = docs_by_url_.find(std::string(url.substr(3, hash - 3)));
    if (it == docs_by_url_.end() || !it->second->has_en_body) continue;
    note_body_read(*it->second);
    std::string id = url_decode(url.substr(hash + 1));
    const auto& en_ids = it->second->body_en.ids;
    const auto& zh_ids = it->second->body.ids;
    if (std::find(en_ids.begin(), en_ids.end(), id) == en_ids.end() && std::find(zh_ids.begin(), zh_ids.end(), id) != zh_ids.end()) {
      html.erase(start, 3);
      pos = end - 3;
    }
  }
  return html;
}

std::string SiteRenderer::t(bool en, const std::string& group, const std::string& key) const {
  const json& s = en ? theme_.strings_en : theme_.strings_zh;
  if (s.contains(group) && s[group].contains(key) && s[group][key].is_string()) return s[group][key].get<std::string>();
  return key;
}

std::string SiteRenderer::date_label(const Date& d, bool en) const {
  if (d.empty()) return "";
  return en ? format_date_en(d) : format_date_zh(d);
}

std::string SiteRenderer::year_label(int year, bool en) const {
  if (year == 0) return "";
  return en ? std::to_string(year) : format_year_zh(year);
}

std::string SiteRenderer::term_url(IndexKind kind, const std::string& name, bool en) const {
  std::string slug = name;
  std::replace(slug.begin(), slug.end(), '/', '-');
  if (slug == "." || slug == "..") slug = "_" + slug;
  return (en ? "/en/" : "/") + index_kind_name(kind) + "/" + url_encode_path(slug) + "/";
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

json SiteRenderer::doc_view(const Document& d, bool en) const {
  note_body_read(d);
  json v;
  v["title"] = title_of(d, en);
  v["title_alt"] = alt_title_of(d, en);
  v["title_lang"] = zh_mark(en, v["title"].get<std::string>());
  v["url"] = url_of(d, en);
  bool english_body = en && d.has_en_body;
  const RenderedMarkdown& body = english_body ? d.body_en : d.body;
  v["body"] = !en ? body.html_for(false)
              : english_body ? mark_chinese_in_html(english_fragments(body.html_for(true)))
                             : english_fragments(body.html_for(true));
  v["has_body"] = !trim(body.html).empty();
  // An English page without its own translation shows the Chinese body, marked as Chinese.
  v["body_lang"] = (en && !english_body) ? "zh-Hant" : "";
  v["date"] = date_label(d.published, en);
  v["date_iso"] = d.published.empty() ? "" : d.published.iso();
  v["draft"] = d.draft && options_.preview;
  v["fields"] = en && !d.fields_en.is_null() ? d.fields_en : d.fields;
  v["word_count"] = d.word_count;
  return v;
}

json SiteRenderer::authors_view(const std::vector<Author>& authors, bool en) const {
  json list = json::array();
  for (size_t i = 0; i < authors.size(); ++i) {
    const auto& a = authors[i];
    json item;
    item["name"] = en && !a.name_en.empty() ? a.name_en : a.name;
    item["name_alt"] = en ? (a.name_en.empty() ? "" : a.name) : a.name_en;
    // Language of parts: a name without a romanized form, and the other-language form, keep their language.
    item["name_lang"] = zh_mark(en, item["name"].get<std::string>());
    item["name_alt_lang"] = en ? zh_mark(en, item["name_alt"].get<std::string>()) : (a.name_en.empty() ? "" : "en");
    item["affiliation"] = agency_name(site_, a.affiliation, en);
    item["affiliation_lang"] = zh_mark(en, item["affiliation"].get<std::string>());
    item["sep"] = list_separator(en);
    item["orcid_url"] = a.orcid.empty() ? "" : orcid_url(a.orcid);
    item["url"] = term_url(IndexKind::authors, a.name, en);
    item["last"] = i + 1 == authors.size();
    list.push_back(item);
  }
  return list;
}

json SiteRenderer::issue_item(size_t index, bool en) const {
  const Issue& is = site_.issues[index];
  json v = doc_view(is.doc, en);
  v.erase("body");
  v.erase("fields");
  v["number"] = is.number;
  v["label"] = en ? "No. " + std::to_string(is.number) : "第" + std::to_string(is.number) + "期";
  v["cover"] = is.cover;
  v["pdf"] = is.pdf;
  v["article_count"] = is.articles.size();
  return v;
}

json SiteRenderer::article_item(size_t index, bool en) const {
  const Article& a = site_.articles[index];
  json v;
  v["title"] = title_of(a.doc, en);
  v["title_alt"] = alt_title_of(a.doc, en);
  v["title_lang"] = zh_mark(en, v["title"].get<std::string>());
  v["url"] = page_url_of(a.doc, en);
  v["authors"] = authors_view(a.authors, en);
  v["pages"] = a.pages;
  v["issue_label"] = en ? "No. " + std::to_string(site_.issues[a.issue].number)
                        : "第" + std::to_string(site_.issues[a.issue].number) + "期";
  v["issue_url"] = url_of(site_.issues[a.issue].doc, en);
  return v;
}

json SiteRenderer::report_item(size_t index, bool en) const {
  const Report& r = site_.reports[index];
  json v;
  v["title"] = title_of(r.doc, en);
  v["title_alt"] = alt_title_of(r.doc, en);
  v["title_lang"] = zh_mark(en, v["title"].get<std::string>());
  v["url"] = page_url_of(r.doc, en);
  v["year"] = year_label(r.year, en);
  v["agency"] = agency_name(site_, r.agency, en);
  v["agency_lang"] = zh_mark(en, v["agency"].get<std::string>());
  v["award"] = r.award.empty() ? "" : (en ? t(en, "ui", "award_" + r.award) : r.award);
  v["award_class"] = r.award == "甲等" ? "award-first" : r.award == "乙等" ? "award-second" : r.award == "佳作" ? "award-merit" : "";
  v["date"] = date_label(r.doc.published, en);
  for (const auto& s : site_.series) {
    if (s.kind == r.series) v["series"] = title_of(s.doc, en);
  }
  return v;
}

std::string SiteRenderer::district_name(const std::string& zh, bool en) const {
  auto it = district_en_.find(zh);
  return en && it != district_en_.end() ? it->second : zh;
}

json SiteRenderer::entry_item(size_t index, bool en) const {
  const GlossaryEntry& e = site_.glossary[index];
  json v;
  v["zh"] = e.zh;
  v["en"] = e.en;
  // Categories in the page's language (the lookup's words); a district by its English name on English pages.
  v["category"] = e.category.empty() ? "" : t(en, "lookup", "category_" + e.category);
  if (v["category"] == "category_" + e.category) v["category"] = e.category;
  v["district"] = district_name(e.district, en);
  v["district_lang"] = zh_mark(en, v["district"].get<std::string>());
  v["note"] = e.note;
  // Aliases mix simplified Chinese and romanizations: each Chinese one is marked on English pages.
  v["aliases"] = join(e.aliases, "; ");
  v["alias_runs"] = lang_runs_view(en, v["aliases"].get<std::string>());
  v["url"] = en ? "/en" + e.url : e.url;
  return v;
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
  if (!site_.issues.empty()) feeds.push_back({{"url", (en ? "/en" : "") + std::string(kJournalFeedUrl)}, {"title", t(en, "ui", "feed_journal")}});
  if (!site_.reports.empty()) feeds.push_back({{"url", (en ? "/en" : "") + std::string(kReportsFeedUrl)}, {"title", t(en, "ui", "feed_reports")}});
  v["feeds"] = feeds;
  v["has_feeds"] = !feeds.empty();
  // Pages with `footer: true` (privacy and security policy, open-data declaration) are linked in every footer.
  json footer = json::array();
  for (const auto& page : site_.pages) {
    if (page.doc.fields.value("footer", false) == true) footer.push_back({{"label", title_of(page.doc, en)}, {"url", page_url_of(page.doc, en)}});
  }
  v["footer_links"] = footer;
  v["updated"] = date_label(newest_, en);
  v["updated_iso"] = newest_.empty() ? "" : newest_.iso();
  json nav = json::array();
  auto nav_item = [&](const std::string& key, const std::string& url) {
    std::string full = (en ? "/en" : "") + url;
    bool current = p.url == full || (url != "/" && starts_with(p.url, full));
    nav.push_back({{"label", t(en, "ui", key)}, {"url", full}, {"current", current}});
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
  json& page = v["page"];
  json& crumbs = v["breadcrumbs"];
  std::string home = en ? "/en/" : "/";
  crumbs.push_back({{"label", t(en, "ui", "nav_home")}, {"url", home}});
  // The counterpart in the other language; "" when the other language has no such page (then its home).
  std::string other;
  auto crumb = [&](const std::string& label, const std::string& url) { crumbs.push_back({{"label", label}, {"url", url}}); };
  auto journal_crumb = [&] {
    if (site_.journal) crumb(title_of(site_.journal->doc, en), en ? "/en/journal/" : "/journal/");
  };
  auto reports_crumb = [&] {
    crumb(site_.report_archive ? title_of(*site_.report_archive, en) : t(en, "ui", "nav_reports"), en ? "/en/reports/" : "/reports/");
  };
  auto glossary_crumb = [&] {
    crumb(site_.glossary_home ? title_of(*site_.glossary_home, en) : t(en, "ui", "nav_glossary"), en ? "/en/glossary/" : "/glossary/");
  };
  std::string title;
  std::string crumb_label;  // the current page's breadcrumb, when not its title
  switch (p.kind) {
    case PageKind::home: {
      title = v["site"]["title"];
      crumbs.clear();
      page["latest_issue"] = false;
      if (!site_.issues.empty()) {
        page["latest_issue"] = issue_item(0, en);
        json arts = json::array();
        for (size_t a : site_.issues[0].articles) arts.push_back(article_item(a, en));
        page["latest_issue"]["articles"] = arts;
      }
      std::vector<size_t> newest(site_.reports.size());
      for (size_t i = 0; i < newest.size(); ++i) newest[i] = i;
      std::stable_sort(newest.begin(), newest.end(), [&](size_t a, size_t b) {
        return site_.reports[b].doc.published < site_.reports[a].doc.published;
      });
      json reps = json::array();
      for (size_t i = 0; i < newest.size() && i < 6; ++i) reps.push_back(report_item(newest[i], en));
      page["reports"] = reps;
      json series = json::array();
      for (const auto& s : site_.series) series.push_back({{"title", title_of(s.doc, en)}, {"url", url_of(s.doc, en)}, {"count", s.reports.size()}});
      page["series"] = series;
      page["glossary_count"] = site_.glossary.size();
      page["has_authors"] = !site_.authors.empty();
      page["has_keywords"] = !index_terms(site_, IndexKind::keywords, en).empty();
      page["has_agencies"] = !site_.agencies.empty();
      page["has_indexes"] = !site_.authors.empty() || !site_.keywords.empty() || !site_.agencies.empty();
      // A site of standing pages alone: its home lists them.
      page["only_pages"] = !v["has_journal"].get<bool>() && !v["has_reports"].get<bool>() && !v["has_glossary"].get<bool>() && !site_.pages.empty();
      json pages = json::array();
      for (const auto& pg : site_.pages) {
        std::string t = title_of(pg.doc, en);
        pages.push_back({{"title", t}, {"title_lang", zh_mark(en, t)}, {"url", page_url_of(pg.doc, en)}});
      }
      page["pages"] = pages;
      other = en ? "/" : "/en/";
      break;
    }
    case PageKind::page: {
      const Document& d = site_.pages[p.index].doc;
      page = doc_view(d, en);
      title = page["title"];
      other = en ? d.url : (d.has_english ? "/en" + d.url : "");
      break;
    }
    case PageKind::journal: {
      const Journal& j = *site_.journal;
      page = doc_view(j.doc, en);
      page["issn"] = j.issn;
      page["gpn"] = j.gpn;
      page["frequency"] = j.frequency == "biannual" || j.frequency == "半年刊" ? t(en, "ui", "biannual") : j.frequency;
      json issues = json::array();
      for (size_t i : j.issues) issues.push_back(issue_item(i, en));
      page["issues"] = issues;
      title = page["title"];
      other = en ? j.doc.url : "/en" + j.doc.url;
      break;
    }
    case PageKind::issue: {
      const Issue& is = site_.issues[p.index];
      journal_crumb();
      page = doc_view(is.doc, en);
      json item = issue_item(p.index, en);
      for (auto it = item.begin(); it != item.end(); ++it) page[it.key()] = it.value();
      page["body"] = doc_view(is.doc, en)["body"];
      page["pdf_file"] = pdf_file_view(options_.pdfs, is.pdf, en ? theme_.strings_en : theme_.strings_zh);
      json toc = json::array();
      for (size_t a : is.articles) toc.push_back(article_item(a, en));
      page["toc"] = toc;
      title = item["label"].get<std::string>() + (en ? ": " : "：") + page["title"].get<std::string>();
      other = en ? is.doc.url : "/en" + is.doc.url;
      break;
    }
    case PageKind::article: {
      const Article& a = site_.articles[p.index];
      const Issue& is = site_.issues[a.issue];
      journal_crumb();
      crumb(issue_item(a.issue, en)["label"], url_of(is.doc, en));
      page = doc_view(a.doc, en);
      page["authors"] = authors_view(a.authors, en);
      page["has_authors"] = !a.authors.empty();
      page["abstract"] = a.abstract;
      page["abstract_en"] = a.abstract_en;
      // The page's language first.
      page["abstract_first"] = en && !a.abstract_en.empty() ? a.abstract_en : a.abstract;
      page["abstract_first_lang"] = en && !a.abstract_en.empty() ? "en" : "zh-Hant";
      page["abstract_second"] = en && !a.abstract_en.empty() ? a.abstract : a.abstract_en;
      page["abstract_second_lang"] = en && !a.abstract_en.empty() ? "zh-Hant" : "en";
      auto keyword_list = [&](const std::vector<std::string>& words, bool en_index) {
        json list = json::array();
        for (size_t i = 0; i < words.size(); ++i) {
          list.push_back({{"name", words[i]}, {"url", term_url(IndexKind::keywords, words[i], en_index)}, {"last", i + 1 == words.size()}});
        }
        return list;
      };
      // Keyword pages exist per language: Chinese keywords on Chinese pages, English ones (when any) on English pages.
      bool en_keywords = en && !site_.keywords_en.empty();
      page["keywords"] = keyword_list(a.keywords, false);
      page["keywords_en"] = keyword_list(a.keywords_en, true);
      if (en) {
        if (!en_keywords) page["keywords"] = keyword_list(a.keywords, true);
        else page["keywords"] = json::array();
      } else {
        page["keywords_en"] = json::array();
        for (size_t i = 0; i < a.keywords_en.size(); ++i) page["keywords_en"].push_back({{"name", a.keywords_en[i]}, {"url", ""}, {"last", i + 1 == a.keywords_en.size()}});
      }
      page["has_keywords"] = !page["keywords"].empty();
      // Chinese keywords on an English page (no English ones given) are read in a Chinese voice.
      page["keywords_lang"] = en && page["has_keywords"].get<bool>() ? zh_mark(en, join(a.keywords, "")) : "";
      page["has_keywords_en"] = !page["keywords_en"].empty();
      page["pages"] = a.pages;
      page["first_page"] = a.first_page;
      page["last_page"] = a.last_page;
      page["pdf"] = a.pdf;
      page["pdf_file"] = pdf_file_view(options_.pdfs, a.pdf, en ? theme_.strings_en : theme_.strings_zh);
      page["doi"] = a.doi;
      page["issue"] = issue_item(a.issue, en);
      page["journal_title"] = site_.journal ? title_of(site_.journal->doc, en) : "";
      page["issn"] = site_.journal ? site_.journal->issn : "";
      const auto& arts = is.articles;
      auto pos = std::find(arts.begin(), arts.end(), p.index) - arts.begin();
      page["prev"] = pos > 0 ? article_item(arts[pos - 1], en) : json(false);
      page["next"] = pos + 1 < static_cast<long>(arts.size()) ? article_item(arts[pos + 1], en) : json(false);
      if (en) {
        // A previous/next article without an English page links to its Chinese page.
        for (const char* k : {"prev", "next"}) {
          if (page[k].is_object()) {
            size_t idx = arts[pos + (std::string(k) == "prev" ? -1 : 1)];
            if (!site_.articles[idx].doc.has_english) page[k]["url"] = site_.articles[idx].doc.url;
          }
        }
      }
      title = page["title"];
      v["description"] = excerpt(page["abstract_first"].get<std::string>(), 150);
      other = en ? a.doc.url : (a.doc.has_english ? "/en" + a.doc.url : "");
      break;
    }
    case PageKind::report_archive: {
      if (site_.report_archive) page = doc_view(*site_.report_archive, en);
      else page = {{"title", t(en, "ui", "nav_reports")}, {"body", ""}, {"has_body", false}};
      json series = json::array();
      for (const auto& s : site_.series) {
        json item = {{"title", title_of(s.doc, en)}, {"title_alt", alt_title_of(s.doc, en)}, {"url", url_of(s.doc, en)}, {"count", s.reports.size()}};
        json latest = json::array();
        for (size_t i = 0; i < s.reports.size() && i < 3; ++i) latest.push_back(report_item(s.reports[i], en));
        item["latest"] = latest;
        series.push_back(item);
      }
      page["series"] = series;
      title = page["title"];
      other = en ? "/reports/" : "/en/reports/";
      break;
    }
    case PageKind::series:
    case PageKind::series_year: {
      const ReportSeries& s = site_.series[p.index];
      reports_crumb();
      page = doc_view(s.doc, en);
      bool split = s.reports.size() > kSeriesSplitThreshold;
      json years = json::array();
      for (size_t r : s.reports) {
        int y = site_.reports[r].year;
        if (p.kind == PageKind::series_year && y != p.year) continue;
        if (years.empty() || years.back()["year"] != y) {
          years.push_back({{"year", y}, {"label", year_label(y, en)}, {"reports", json::array()}, {"count", 0},
                           {"url", url_of(s.doc, en) + std::to_string(y) + "/"}});
        }
        json& yv = years.back();
        yv["count"] = yv["count"].get<int>() + 1;
        if (!split || p.kind == PageKind::series_year) yv["reports"].push_back(report_item(r, en));
      }
      page["years"] = years;
      page["split"] = split && p.kind == PageKind::series;
      page["count"] = s.reports.size();
      page["is_self_research"] = s.kind == "self-research";
      title = page["title"];
      if (p.kind == PageKind::series_year) {
        crumb(title, url_of(s.doc, en));
        title = title + " " + year_label(p.year, en);
        page["title"] = title;
        page["body"] = "";
        page["has_body"] = false;
      }
      other = en ? p.url.substr(3) : "/en" + p.url;
      break;
    }
    case PageKind::report: {
      const Report& r = site_.reports[p.index];
      reports_crumb();
      json item = report_item(p.index, en);
      for (const auto& s : site_.series) {
        if (s.kind == r.series) crumb(title_of(s.doc, en), url_of(s.doc, en));
      }
      page = doc_view(r.doc, en);
      page["award"] = item["award"];
      page["award_class"] = item["award_class"];
      page["authors"] = authors_view(r.authors, en);
      page["has_authors"] = !r.authors.empty();
      page["pdf"] = r.pdf;
      page["pdf_file"] = pdf_file_view(options_.pdfs, r.pdf, en ? theme_.strings_en : theme_.strings_zh);
      page["series_kind"] = r.series;
      page["year"] = r.year;
      page["agency"] = item["agency"];
      page["agency_lang"] = item["agency_lang"];
      page["agency_url"] = r.agency.empty() ? "" : term_url(IndexKind::agencies, r.agency, en);
      page["university"] = r.university;
      json meta = json::array();
      auto row = [&](const std::string& key, const std::string& value) {
        if (!value.empty()) meta.push_back({{"label", t(en, "ui", key)}, {"value", value}, {"value_lang", zh_mark(en, value)}});
      };
      row("field_year", year_label(r.year, en));
      row("field_published", date_label(r.doc.published, en));
      row("field_award", item["award"]);
      row("field_status", r.status);
      row("field_number", r.number);
      row("field_university", agency_name(site_, r.university, en));
      row("field_degree", r.degree);
      row("field_advisor", r.advisor);
      row("field_destination", r.destination);
      page["meta"] = meta;
      title = page["title"];
      other = en ? r.doc.url : (r.doc.has_english ? "/en" + r.doc.url : "");
      break;
    }
    case PageKind::glossary_home: {
      if (site_.glossary_home) page = doc_view(*site_.glossary_home, en);
      else page = {{"title", t(en, "ui", "nav_glossary")}, {"body", ""}, {"has_body", false}};
      json tables = json::array();
      for (const auto& tb : site_.glossary_tables) tables.push_back({{"title", title_of(tb.doc, en)}, {"url", url_of(tb.doc, en)}, {"count", tb.entries.size()}});
      page["tables"] = tables;
      page["count"] = site_.glossary.size();
      page["postal_open_data"] = !site_.postal.rows.empty();
      title = page["title"];
      other = en ? "/glossary/" : "/en/glossary/";
      break;
    }
    case PageKind::glossary_table:
    case PageKind::glossary_district: {
      const GlossaryTable& tb = site_.glossary_tables[p.index];
      glossary_crumb();
      page = doc_view(tb.doc, en);
      page["body"] = "";  // the body is the table itself, shown as entries
      page["has_body"] = false;
      page["count"] = tb.entries.size();
      page["postal_open_data"] = !site_.postal.rows.empty();
      title = page["title"];
      std::vector<size_t> shown = tb.entries;
      // A long table lists its districts; each district's page lists the entries in it.
      bool split = glossary_table_split(tb);
      if (split) {
        auto groups = glossary_table_districts(site_, tb);
        json districts = json::array();
        for (const auto& g : groups) {
          std::string name = g.zh.empty() ? t(en, "ui", "no_district") : district_name(g.zh, en);
          std::string url = glossary_district_url(tb, g);
          districts.push_back({{"name", name}, {"name_lang", zh_mark(en, name)}, {"count", g.entries.size()},
                               {"url", en ? "/en" + url : url}});
        }
        page["districts"] = districts;
        shown.clear();
        if (p.kind == PageKind::glossary_district && p.group < groups.size()) {
          const auto& g = groups[p.group];
          shown = g.entries;
          crumb(title, url_of(tb.doc, en));
          std::string name = g.zh.empty() ? t(en, "ui", "no_district") : district_name(g.zh, en);
          title = en ? title + ": " + name : title + "：" + name;
          page["title"] = title;
          page["title_lang"] = zh_mark(en, title);
          page["count"] = g.entries.size();
          page["district"] = name;
        }
      }
      page["split"] = split && p.kind == PageKind::glossary_table;
      json entries = json::array();
      for (size_t i : shown) entries.push_back(entry_item(i, en));
      page["entries"] = entries;
      page["has_entries"] = !entries.empty();
      other = en ? p.url.substr(3) : "/en" + p.url;
      break;
    }
    case PageKind::glossary_entry: {
      const GlossaryEntry& e = site_.glossary[p.index];
      glossary_crumb();
      for (const auto& tb : site_.glossary_tables) {
        if (tb.slug == e.table_slug) crumb(title_of(tb.doc, en), url_of(tb.doc, en));
      }
      page = entry_item(p.index, en);
      NameForms forms = name_forms(e);
      page["hanyu"] = forms.hanyu;
      page["tongyong"] = forms.tongyong;
      page["wade_giles"] = forms.wade_giles;
      page["source_line"] = e.line;
      add_postal_view(page, site_, e, en, [&](const std::string& zh) { return district_name(zh, en); });
      title = en ? e.en + " (" + e.zh + ")" : e.zh + "（" + e.en + "）";
      page["title"] = title;
      crumb_label = en ? e.en : e.zh;
      other = en ? e.url : "/en" + e.url;
      break;
    }
    case PageKind::index_home:
    case PageKind::index_bucket:
    case PageKind::index_term: {
      const auto& terms = index_terms(site_, p.index_kind, en);
      std::string kind = index_kind_name(p.index_kind);
      std::string base = (en ? "/en/" : "/") + kind + "/";
      page["kind"] = kind;
      page["is_" + kind] = true;
      std::string kind_title = t(en, "ui", "index_" + kind);
      if (p.kind == PageKind::index_term) {
        crumb(kind_title, base);
        const IndexTerm& term = terms[p.index];
        std::string shown = p.index_kind == IndexKind::agencies ? agency_name(site_, term.name, en) : term.name;
        page["title"] = shown;
        page["title_lang"] = zh_mark(en, shown);
        json arts = json::array(), reps = json::array();
        for (size_t a : term.articles) arts.push_back(article_item(a, en));
        for (size_t r : term.reports) reps.push_back(report_item(r, en));
        page["articles"] = arts;
        page["reports"] = reps;
        page["count"] = term.articles.size() + term.reports.size();
        title = shown;
        // The same term in the other language exists when both use one list.
        const auto& other_terms = index_terms(site_, p.index_kind, !en);
        bool shared = std::any_of(other_terms.begin(), other_terms.end(), [&](const IndexTerm& o) { return o.name == term.name; });
        other = shared ? (en ? p.url.substr(3) : "/en" + p.url) : (en ? "/" : "/en/") + kind + "/";
      } else {
        auto buckets = index_buckets(terms, en);
        bool split = terms.size() > kIndexSplitThreshold;
        if (p.index_kind == IndexKind::agencies && en && !split) buckets = english_agency_buckets(site_, terms);
        json bl = json::array();
        for (size_t b = 0; b < buckets.size(); ++b) {
          if (p.kind == PageKind::index_bucket && b != p.index) continue;
          json item = {{"label", buckets[b].label}, {"url", base + "by/" + std::to_string(b + 1) + "/"}, {"count", buckets[b].terms.size()}, {"terms", json::array()}};
          if (!split || p.kind == PageKind::index_bucket) {
            for (size_t ti : buckets[b].terms) {
              const IndexTerm& term = terms[ti];
              std::string shown = p.index_kind == IndexKind::agencies ? agency_name(site_, term.name, en) : term.name;
              item["terms"].push_back({{"name", shown}, {"lang", zh_mark(en, shown)}, {"url", base + url_encode_path(term.slug) + "/"}, {"count", term.articles.size() + term.reports.size()}});
            }
          }
          bl.push_back(item);
        }
        page["buckets"] = bl;
        page["split"] = split && p.kind == PageKind::index_home;
        page["count"] = terms.size();
        title = kind_title;
        if (p.kind == PageKind::index_bucket) {
          crumb(kind_title, base);
          title = kind_title + " " + buckets[p.index].label;
        }
        page["title"] = title;
        other = (en ? "/" : "/en/") + kind + "/";
      }
      break;
    }
    case PageKind::search: {
      title = t(en, "ui", "search_title");
      page["title"] = title;
      other = en ? "/search/" : "/en/search/";
      break;
    }
    case PageKind::site_map: {
      // 網站導覽: the access keys explained (in the template) and every section of the site with its parts.
      title = t(en, "ui", "site_map");
      page["title"] = title;
      json sections = json::array();
      auto section = [&](const std::string& label, const std::string& url, json children = json::array()) {
        sections.push_back({{"title", label}, {"url", url}, {"children", children}, {"has_children", !children.empty()}});
      };
      std::string pre = en ? "/en" : "";
      section(t(en, "ui", "nav_home"), pre + "/");
      if (site_.journal) {
        json issues = json::array();
        for (size_t i : site_.journal->issues) {
          json item = issue_item(i, en);
          issues.push_back({{"title", item["label"].get<std::string>() + (en ? ": " : "：") + item["title"].get<std::string>()}, {"url", item["url"]}});
        }
        section(title_of(site_.journal->doc, en), pre + "/journal/", issues);
      }
      if (site_.report_archive || !site_.series.empty()) {
        json series = json::array();
        for (const auto& s : site_.series) series.push_back({{"title", title_of(s.doc, en)}, {"url", url_of(s.doc, en)}});
        section(site_.report_archive ? title_of(*site_.report_archive, en) : t(en, "ui", "nav_reports"), pre + "/reports/", series);
      }
      if (site_.glossary_home || !site_.glossary_tables.empty()) {
        json tables = json::array();
        for (const auto& tb : site_.glossary_tables) tables.push_back({{"title", title_of(tb.doc, en)}, {"url", url_of(tb.doc, en)}});
        section(site_.glossary_home ? title_of(*site_.glossary_home, en) : t(en, "ui", "nav_glossary"), pre + "/glossary/", tables);
      }
      for (IndexKind k : {IndexKind::authors, IndexKind::keywords, IndexKind::agencies}) {
        if (index_terms(site_, k, en).empty()) continue;  // an index with nothing in it is not linked
        section(t(en, "ui", "index_" + index_kind_name(k)), pre + "/" + index_kind_name(k) + "/");
      }
      section(t(en, "ui", "search_title"), pre + "/search/");
      for (const auto& pg : site_.pages) section(title_of(pg.doc, en), page_url_of(pg.doc, en));
      page["sections"] = sections;
      other = en ? "/site-map/" : "/en/site-map/";
      break;
    }
    case PageKind::not_found: {
      title = t(en, "ui", "not_found_title");
      page["title"] = title;
      crumbs.clear();
      other = en ? "/" : "/en/";
      break;
    }
  }
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
  if (v["description"].get<std::string>().empty()) v["description"] = purpose_description(site_, p, v, en ? theme_.strings_en : theme_.strings_zh);
  // Counterpart in the other language, for the switch and hreflang.
  std::string base = site_.config.base_url.empty() ? "/" : site_.config.base_url;
  bool exact = !other.empty();
  if (other.empty()) other = en ? "/" : "/en/";
  v["alternate"] = {{"url", other}, {"lang", en ? "zh-Hant" : "en"}, {"label", t(en, "ui", "switch_language")}, {"exact", exact}};
  json hreflang = json::array();
  if (exact && p.kind != PageKind::not_found) {
    std::string zh_url = en ? other : p.url, en_url = en ? p.url : other;
    hreflang.push_back({{"lang", "zh-Hant"}, {"href", base + zh_url.substr(1)}});
    hreflang.push_back({{"lang", "en"}, {"href", base + en_url.substr(1)}});
    hreflang.push_back({{"lang", "x-default"}, {"href", base + zh_url.substr(1)}});
  }
  v["hreflang"] = hreflang;
  v["cite"] = cite_view(site_, p, [&](const std::string& key) { return t(en, "cite", key); });
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
