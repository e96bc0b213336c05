#include "render/view_parts.h"

#include <algorithm>

#include "core/text.h"
#include "model/identifiers.h"
#include "render/lang_marks.h"

namespace takao {

using json = nlohmann::json;

namespace {
thread_local std::vector<const Document*>* body_reads = nullptr;
}  // namespace

void record_body_reads(std::vector<const Document*>* sink) { body_reads = sink; }
void note_body_read(const Document& d) {
  if (body_reads) body_reads->push_back(&d);
}

std::string title_of(const Document& d, bool en) { return en && !d.title_en.empty() ? d.title_en : d.title; }
std::string alt_title_of(const Document& d, bool en) {
  std::string other = en ? d.title : d.title_en;
  return other == title_of(d, en) ? "" : other;
}
std::string url_of(const Document& d, bool en) { return en ? "/en" + d.url : d.url; }
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

SiteViews::SiteViews(const Site& site, const Theme& theme, RenderOptions options)
    : site(site), theme(theme), options(std::move(options)) {
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
  // After district_en_: the lists name districts in each language.
  table_districts_.resize(site.glossary_tables.size());
  district_lists_.resize(site.glossary_tables.size());
  for (size_t t = 0; t < site.glossary_tables.size(); ++t) {
    const GlossaryTable& tb = site.glossary_tables[t];
    if (!glossary_table_split(tb)) continue;
    table_districts_[t] = glossary_table_districts(site, tb);
    for (bool en : {false, true}) {
      nlohmann::json list = nlohmann::json::array();
      for (const auto& g : table_districts_[t]) {
        std::string name = g.zh.empty() ? this->t(en, "ui", "no_district") : district_name(g.zh, en);
        std::string url = glossary_district_url(tb, g);
        list.push_back({{"name", name}, {"name_lang", zh_mark(en, name)}, {"count", g.entries.size()},
                        {"url", en ? "/en" + url : url}});
      }
      district_lists_[t][en] = std::move(list);
    }
  }
}

std::string SiteViews::english_fragments(std::string html) const {
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

std::string SiteViews::t(bool en, const std::string& group, const std::string& key) const {
  const json& s = en ? theme.strings_en : theme.strings_zh;
  if (s.contains(group) && s[group].contains(key) && s[group][key].is_string()) return s[group][key].get<std::string>();
  return key;
}

std::string SiteViews::phrase(bool en, const std::string& key,
                              std::initializer_list<std::pair<std::string_view, std::string_view>> values) const {
  std::string pattern = t(en, "ui", key), out;
  for (size_t i = 0; i < pattern.size();) {
    size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string::npos;
    if (close != std::string::npos) {
      std::string_view name(pattern.data() + i + 1, close - i - 1);
      auto it = std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == name; });
      if (it != values.end()) {
        out += it->second;
        i = close + 1;
        continue;
      }
    }
    out += pattern[i++];
  }
  return out;
}

std::string SiteViews::issue_label(int number, bool en) const {
  return phrase(en, "issue_number", {{"number", std::to_string(number)}});
}

std::string SiteViews::date_label(const Date& d, bool en) const {
  if (d.empty()) return "";
  return en ? format_date_en(d) : format_date_zh(d);
}

std::string SiteViews::year_label(int year, bool en) const {
  if (year == 0) return "";
  return en ? std::to_string(year) : format_year_zh(year);
}

std::string SiteViews::term_url(IndexKind kind, const std::string& name, bool en) const {
  std::string slug = name;
  std::replace(slug.begin(), slug.end(), '/', '-');
  if (slug == "." || slug == "..") slug = "_" + slug;
  return (en ? "/en/" : "/") + index_kind_name(kind) + "/" + url_encode_path(slug) + "/";
}

json SiteViews::doc_view(const Document& d, bool en) const {
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
  v["draft"] = d.draft && options.preview;
  v["fields"] = en && !d.fields_en.is_null() ? d.fields_en : d.fields;
  v["word_count"] = d.word_count;
  return v;
}

json SiteViews::authors_view(const std::vector<Author>& authors, bool en) const {
  json list = json::array();
  for (size_t i = 0; i < authors.size(); ++i) {
    const auto& a = authors[i];
    json item;
    item["name"] = en && !a.name_en.empty() ? a.name_en : a.name;
    item["name_alt"] = en ? (a.name_en.empty() ? "" : a.name) : a.name_en;
    // Language of parts: a name without a romanized form, and the other-language form, keep their language.
    item["name_lang"] = zh_mark(en, item["name"].get<std::string>());
    item["name_alt_lang"] = en ? zh_mark(en, item["name_alt"].get<std::string>()) : (a.name_en.empty() ? "" : "en");
    item["affiliation"] = agency_name(site, a.affiliation, en);
    item["affiliation_lang"] = zh_mark(en, item["affiliation"].get<std::string>());
    item["sep"] = list_separator(en);
    item["orcid_url"] = a.orcid.empty() ? "" : orcid_url(a.orcid);
    item["url"] = term_url(IndexKind::authors, a.name, en);
    item["last"] = i + 1 == authors.size();
    list.push_back(item);
  }
  return list;
}

json SiteViews::issue_item(size_t index, bool en) const {
  const Issue& is = site.issues[index];
  json v = doc_view(is.doc, en);
  v.erase("body");
  v.erase("fields");
  v["number"] = is.number;
  v["label"] = issue_label(is.number, en);
  v["cover"] = is.cover;
  v["pdf"] = is.pdf;
  v["article_count"] = is.articles.size();
  return v;
}

json SiteViews::article_item(size_t index, bool en) const {
  const Article& a = site.articles[index];
  json v;
  v["title"] = title_of(a.doc, en);
  v["title_alt"] = alt_title_of(a.doc, en);
  v["title_lang"] = zh_mark(en, v["title"].get<std::string>());
  v["url"] = page_url_of(a.doc, en);
  v["authors"] = authors_view(a.authors, en);
  v["pages"] = a.pages;
  v["issue_label"] = issue_label(site.issues[a.issue].number, en);
  v["issue_url"] = url_of(site.issues[a.issue].doc, en);
  return v;
}

json SiteViews::report_item(size_t index, bool en) const {
  const Report& r = site.reports[index];
  json v;
  v["title"] = title_of(r.doc, en);
  v["title_alt"] = alt_title_of(r.doc, en);
  v["title_lang"] = zh_mark(en, v["title"].get<std::string>());
  v["url"] = page_url_of(r.doc, en);
  v["year"] = year_label(r.year, en);
  v["agency"] = agency_name(site, r.agency, en);
  v["agency_lang"] = zh_mark(en, v["agency"].get<std::string>());
  v["award"] = r.award.empty() ? "" : (en ? t(en, "ui", "award_" + r.award) : r.award);
  v["award_class"] = r.award == "甲等" ? "award-first" : r.award == "乙等" ? "award-second" : r.award == "佳作" ? "award-merit" : "";
  v["date"] = date_label(r.doc.published, en);
  for (const auto& s : site.series) {
    if (s.kind == r.series) v["series"] = title_of(s.doc, en);
  }
  return v;
}

std::string SiteViews::district_name(const std::string& zh, bool en) const {
  auto it = district_en_.find(zh);
  return en && it != district_en_.end() ? it->second : zh;
}

json SiteViews::entry_item(size_t index, bool en) const {
  const GlossaryEntry& e = site.glossary[index];
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

PageView::PageView(const PlannedPage& plan, json& view)
    : plan(plan), en(plan.en), view(view), page(view["page"]), crumbs(view["breadcrumbs"]) {}

void PageView::crumb(const std::string& label, const std::string& url) { crumbs.push_back({{"label", label}, {"url", url}}); }

}  // namespace takao
