#include "pipeline/search_documents.h"

#include <algorithm>

#include "core/text.h"

namespace takao {

namespace {

std::string author_names(const std::vector<Author>& authors) {
  std::vector<std::string> names;
  for (const auto& a : authors) {
    names.push_back(a.name);
    if (!a.name_en.empty()) names.push_back(a.name_en);
  }
  return join(names, ", ");
}

// The common part: title in the page's language, the other title, the body in the page's language.
SearchDocument base(const Document& d, bool en, const std::string& collection) {
  SearchDocument s;
  s.url = en ? "/en" + d.url : d.url;
  s.lang = en ? "en" : "zh-Hant";
  s.collection = collection;
  s.title = en && !d.title_en.empty() ? d.title_en : d.title;
  s.title_alt = en ? d.title : d.title_en;
  if (s.title_alt == s.title) s.title_alt.clear();
  s.body_view = en && d.has_en_body ? &d.body_en.text : &d.body.text;  // the site outlives the index
  s.date = d.published.empty() ? "" : d.published.iso();
  s.year = d.published.year;
  return s;
}

}  // namespace

SearchDocuments search_documents(const Site& site) {
  SearchDocuments out;
  auto both = [&](const Document& d, auto&& extra, const std::string& collection, bool always_en = false) {
    for (bool en : {false, true}) {
      if (en && !(d.has_english || always_en)) continue;
      SearchDocument s = base(d, en, collection);
      extra(s, en);
      out.push_back(std::move(s));
    }
  };
  auto none = [](SearchDocument&, bool) {};
  for (const auto& p : site.pages) both(p.doc, none, "page");
  if (site.journal) both(site.journal->doc, none, "journal", true);
  for (const auto& is : site.issues) both(is.doc, none, "issue", true);
  for (const auto& a : site.articles) {
    both(a.doc, [&](SearchDocument& s, bool en) {
      s.authors = author_names(a.authors);
      s.keywords = join(a.keywords, ", ") + (a.keywords_en.empty() ? "" : ", " + join(a.keywords_en, ", "));
      s.abstract = en ? a.abstract_en + "\n" + a.abstract : a.abstract + "\n" + a.abstract_en;
      s.abstract = trim(s.abstract);
      const Issue& is = site.issues[a.issue];
      s.date = is.doc.published.empty() ? "" : is.doc.published.iso();
      s.year = is.doc.published.year;
    }, "article");
  }
  for (const auto& s : site.series) both(s.doc, none, "series", true);
  for (const auto& r : site.reports) {
    both(r.doc, [&](SearchDocument& s, bool) {
      s.authors = author_names(r.authors);
      s.keywords = join({r.agency, r.award, r.university, r.destination}, " ");
      s.keywords = trim(s.keywords);
      s.year = r.year;
    }, "report");
  }
  for (const auto& e : site.glossary) {
    for (bool en : {false, true}) {
      SearchDocument s;
      s.url = en ? "/en" + e.url : e.url;
      s.lang = en ? "en" : "zh-Hant";
      s.collection = "glossary";
      s.title = en ? e.en : e.zh;
      s.title_alt = en ? e.zh : e.en;
      s.keywords = join(e.aliases, ", ");
      s.body_text = join({e.category, e.district, e.note}, " ");
      out.push_back(std::move(s));
    }
  }
  std::sort(out.begin(), out.end(), [](const SearchDocument& a, const SearchDocument& b) { return a.url < b.url; });
  return out;
}

}  // namespace takao
