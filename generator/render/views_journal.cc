// The journal's pages: the journal with its issues, an issue with its contents, an article.
#include "render/views.h"

#include <algorithm>

#include "core/text.h"
#include "render/lang_marks.h"
#include "render/pdf_view.h"

namespace takao {

using json = nlohmann::json;

namespace {

// The journal's crumb, on its issues and articles.
void journal_crumb(const SiteViews& views, PageView& out) {
  if (views.site.journal) out.crumb(title_of(views.site.journal->doc, out.en), out.en ? "/en/journal/" : "/journal/");
}

}  // namespace

void journal_view(const SiteViews& views, PageView& out) {
  const Site& site = views.site;
  bool en = out.en;
  json& page = out.page;
  const Journal& j = *site.journal;
  page = views.doc_view(j.doc, en);
  page["issn"] = j.issn;
  page["gpn"] = j.gpn;
  page["frequency"] = j.frequency == "biannual" || j.frequency == "半年刊" ? views.t(en, "ui", "biannual") : j.frequency;
  json issues = json::array();
  for (size_t i : j.issues) issues.push_back(views.issue_item(i, en));
  page["issues"] = issues;
  out.title = page["title"];
  out.other = en ? j.doc.url : "/en" + j.doc.url;
}

void issue_view(const SiteViews& views, PageView& out) {
  const Site& site = views.site;
  bool en = out.en;
  const PlannedPage& p = out.plan;
  json& page = out.page;
  const Issue& is = site.issues[p.index];
  journal_crumb(views, out);
  page = views.doc_view(is.doc, en);
  json body = page["body"];  // the issue's own text, whatever the item's fields overwrite
  json item = views.issue_item(p.index, en);
  for (auto it = item.begin(); it != item.end(); ++it) page[it.key()] = it.value();
  page["body"] = std::move(body);
  page["pdf_file"] = pdf_file_view(views.options.pdfs, is.pdf, views.strings(en));
  json toc = json::array();
  for (size_t a : is.articles) toc.push_back(views.article_item(a, en));
  page["toc"] = toc;
  out.title = views.phrase(en, "two_part_title",
                           {{"first", item["label"].get<std::string>()}, {"second", page["title"].get<std::string>()}});
  out.other = en ? is.doc.url : "/en" + is.doc.url;
}

void article_view(const SiteViews& views, PageView& out) {
  const Site& site = views.site;
  bool en = out.en;
  const PlannedPage& p = out.plan;
  json& page = out.page;
  const Article& a = site.articles[p.index];
  const Issue& is = site.issues[a.issue];
  journal_crumb(views, out);
  out.crumb(views.issue_item(a.issue, en)["label"], url_of(is.doc, en));
  page = views.doc_view(a.doc, en);
  page["authors"] = views.authors_view(a.authors, en);
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
      list.push_back({{"name", words[i]}, {"url", views.term_url(IndexKind::keywords, words[i], en_index)}, {"last", i + 1 == words.size()}});
    }
    return list;
  };
  // Keyword pages exist per language: Chinese keywords on Chinese pages, English ones (when any) on English pages.
  bool en_keywords = en && !site.keywords_en.empty();
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
  page["pdf_file"] = pdf_file_view(views.options.pdfs, a.pdf, views.strings(en));
  page["doi"] = a.doi;
  page["issue"] = views.issue_item(a.issue, en);
  page["journal_title"] = site.journal ? title_of(site.journal->doc, en) : "";
  page["issn"] = site.journal ? site.journal->issn : "";
  const auto& arts = is.articles;
  auto pos = std::find(arts.begin(), arts.end(), p.index) - arts.begin();
  page["prev"] = pos > 0 ? views.article_item(arts[pos - 1], en) : json(false);
  page["next"] = pos + 1 < static_cast<long>(arts.size()) ? views.article_item(arts[pos + 1], en) : json(false);
  if (en) {
    // A previous/next article without an English page links to its Chinese page.
    for (const char* k : {"prev", "next"}) {
      if (page[k].is_object()) {
        size_t idx = arts[pos + (std::string(k) == "prev" ? -1 : 1)];
        if (!site.articles[idx].doc.has_english) page[k]["url"] = site.articles[idx].doc.url;
      }
    }
  }
  out.title = page["title"];
  out.view["description"] = excerpt(page["abstract_first"].get<std::string>(), 150);
  out.other = en ? a.doc.url : (a.doc.has_english ? "/en" + a.doc.url : "");
}

}  // namespace takao
