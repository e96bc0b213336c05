#include "publish/feeds.h"

#include <algorithm>

#include "core/text.h"
#include "publish/page_info.h"
#include "publish/xml_document.h"
#include "render/lang_marks.h"
#include "render/page_plan.h"
#include "render/view_parts.h"

namespace takao {

namespace {

constexpr const char* kAtomNs = "http://www.w3.org/2005/Atom";

struct FeedEntry {
  std::string id_url;  // site-absolute URL of the page (the entry's id and link)
  std::string title, lang, category;
  std::vector<std::string> authors;
  Date date;
  // The summary quotes this body; made only for the entries the feed keeps (a body is long, feeds short).
  const Document* summary_doc = nullptr;
  bool summary_en = false;
  // What a feed reader shows when there is no body to quote: a line in the feed's language (the English
  // titles of an issue's articles, a report's series, year and agency), never an empty summary.
  std::string fallback;
  std::string summary_lang;   // the quoted body's language
  std::string fallback_lang;  // the fallback's
};

std::string title_in(const Document& d, bool en) { return en && !d.title_en.empty() ? d.title_en : d.title; }

std::string summary_of(const Document& d, bool en) {
  note_body_read(d);  // takao serve remakes the feeds only when a body they quote changed
  const std::string& text = (en && d.has_en_body) ? d.body_en.text : d.body.text;
  std::string flat;
  for (char c : text) flat += (c == '\n') ? ' ' : c;
  return utf8_truncate(trim(flat), 300);
}

std::string write_feed(const Site& site, bool en, const std::string& feed_url, const std::string& page_url,
                       const std::string& title, std::vector<FeedEntry> entries) {
  // Newest first; ties by URL so the order never depends on anything but the content.
  std::stable_sort(entries.begin(), entries.end(), [](const FeedEntry& a, const FeedEntry& b) {
    if (a.date != b.date) return b.date < a.date;
    return a.id_url < b.id_url;
  });
  if (entries.size() > kFeedMaxEntries) entries.resize(kFeedMaxEntries);
  Date updated = entries.empty() ? newest_date(site) : entries.front().date;

  XmlDocument doc;
  doc.start_ns("feed", kAtomNs);
  doc.attribute("xml:lang", en ? "en" : "zh-Hant");
  doc.element("id", absolute_url(site, feed_url));
  doc.element("title", title);
  doc.element("updated", atom_date(updated));
  doc.start("link");
  doc.attribute("rel", "self");
  doc.attribute("type", "application/atom+xml");
  doc.attribute("href", absolute_url(site, feed_url));
  doc.end();
  doc.start("link");
  doc.attribute("rel", "alternate");
  doc.attribute("type", "text/html");
  doc.attribute("href", absolute_url(site, page_url));
  doc.end();
  doc.start("author");
  doc.element("name", en && !site.config.title_en.empty() ? site.config.title_en : site.config.title);
  doc.element("uri", absolute_url(site, en ? "/en/" : "/"));
  doc.end();
  doc.element("generator", "Takao");
  for (const auto& e : entries) {
    doc.start("entry");
    if (e.lang != (en ? "en" : "zh-Hant")) doc.attribute("xml:lang", e.lang);
    doc.element("id", absolute_url(site, e.id_url));
    doc.element("title", e.title);
    doc.element("updated", atom_date(e.date));
    doc.element("published", atom_date(e.date));
    doc.start("link");
    doc.attribute("rel", "alternate");
    doc.attribute("type", "text/html");
    doc.attribute("href", absolute_url(site, e.id_url));
    doc.end();
    for (const auto& a : e.authors) {
      doc.start("author");
      if (e.lang != "zh-Hant" && has_han(a)) doc.attribute("xml:lang", "zh-Hant");  // a name without its English form
      doc.element("name", a);
      doc.end();
    }
    if (!e.category.empty()) {
      doc.start("category");
      doc.attribute("term", e.category);
      doc.end();
    }
    std::string summary = e.summary_doc ? summary_of(*e.summary_doc, e.summary_en) : "";
    std::string summary_lang = e.summary_lang;
    if (summary.empty()) {
      summary = e.fallback;
      summary_lang = e.fallback_lang;
    }
    if (!summary.empty()) {
      doc.start("summary");
      // Text in another language than its entry's is marked, so a reader (and its voice) knows.
      if (!summary_lang.empty() && summary_lang != e.lang) doc.attribute("xml:lang", summary_lang);
      doc.text(summary);
      doc.end();
    }
    doc.end();
  }
  return doc.finish();
}

}  // namespace

std::string atom_date(const Date& date) {
  if (date.empty()) return "1970-01-01T00:00:00Z";
  return date.iso() + "T00:00:00+08:00";
}

OutputFiles write_feeds(const Site& site) {
  OutputFiles files;
  Date fallback = newest_date(site);
  for (bool en : {false, true}) {
    std::string prefix = en ? "/en" : "";
    if (!site.issues.empty()) {
      std::vector<FeedEntry> entries;
      for (const auto& is : site.issues) {
        FeedEntry e;
        e.id_url = prefix + is.doc.url;  // issue pages exist in both languages
        std::string label = en ? "No. " + std::to_string(is.number) + ": " : "第" + std::to_string(is.number) + "期：";
        e.title = label + title_in(is.doc, en);
        e.lang = en ? "en" : "zh-Hant";
        // An English entry quotes the issue's English text; without one it lists the articles' English
        // titles, and only when there are none quotes the Chinese text, marked as Chinese.
        std::vector<std::string> titles;
        for (size_t a : is.articles) {
          const Document& d = site.articles[a].doc;
          if (!en || !d.title_en.empty()) titles.push_back(title_in(d, en));
        }
        if (!en || is.doc.has_en_body || titles.empty()) {
          e.summary_doc = &is.doc;
          e.summary_en = en && is.doc.has_en_body;
          e.summary_lang = e.summary_en || !en ? e.lang : "zh-Hant";
        }
        e.fallback = titles.empty() ? e.title : (en ? "In this issue: " + join(titles, "; ") + "." : "本期文章：" + join(titles, "；") + "。");
        e.fallback_lang = has_han(e.fallback) ? "zh-Hant" : "en";
        e.date = is.doc.published.empty() ? fallback : is.doc.published;
        entries.push_back(std::move(e));
      }
      std::string title = site.journal ? title_in(site.journal->doc, en) : (en ? "Journal" : "期刊");
      std::string url = prefix + kJournalFeedUrl;
      files.push_back({url.substr(1), write_feed(site, en, url, prefix + "/journal/", title, std::move(entries)), ""});
    }
    if (!site.reports.empty()) {
      std::vector<FeedEntry> entries;
      for (const auto& r : site.reports) {
        FeedEntry e;
        // A report without an English page links its Chinese page from the English feed, marked as Chinese.
        bool english = en && r.doc.has_english;
        e.id_url = (english ? "/en" : "") + r.doc.url;
        e.title = title_in(r.doc, english);
        e.lang = english ? "en" : "zh-Hant";
        // An English page without its own body shows the Chinese text: its entry says what the report is
        // in English instead (series, year, agency's official English name) of quoting Chinese.
        if (!english || r.doc.has_en_body) {
          e.summary_doc = &r.doc;
          e.summary_en = english;
          e.summary_lang = e.lang;
        }
        std::vector<std::string> parts;
        for (const auto& s : site.series) {
          if (s.kind == r.series) parts.push_back(title_in(s.doc, english));
        }
        if (r.year > 0) parts.push_back(english ? std::to_string(r.year) : format_year_zh(r.year));
        if (!r.agency.empty()) parts.push_back(agency_name(site, r.agency, english));
        e.fallback = parts.empty() ? e.title : join(parts, english ? ", " : "，") + (english ? "." : "。");
        e.fallback_lang = has_han(e.fallback) ? "zh-Hant" : "en";
        for (const auto& a : r.authors) e.authors.push_back(english && !a.name_en.empty() ? a.name_en : a.name);
        e.category = r.series;
        e.date = !r.doc.published.empty() ? r.doc.published : r.year > 0 ? Date{r.year, 1, 1} : fallback;
        entries.push_back(std::move(e));
      }
      std::string archive = site.report_archive ? title_in(*site.report_archive, en) : (en ? "Research Reports" : "研究報告");
      std::string site_title = en && !site.config.title_en.empty() ? site.config.title_en : site.config.title;
      std::string url = prefix + kReportsFeedUrl;
      files.push_back({url.substr(1), write_feed(site, en, url, prefix + "/reports/", archive + " | " + site_title, std::move(entries)), ""});
    }
  }
  return files;
}

}  // namespace takao
