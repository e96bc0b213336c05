#include "pipeline/search_documents.h"

#include <algorithm>
#include <map>
#include <tuple>

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


// The pages of each PDF, as documents of the document that names it: its title, collection and dates.
void add_pdf_pages(SearchDocuments& out, const std::vector<DocumentPdf>& pdfs, const pdf::PdfLibrary& library) {
  std::map<std::string, std::vector<size_t>> by_url;  // a document's search documents, by their url
  for (size_t i = 0; i < out.size(); ++i) by_url[out[i].url].push_back(i);
  size_t html_count = out.size();
  for (const DocumentPdf& p : pdfs) {
    const pdf::PdfInfo* info = library.find(p.url);
    if (!info) continue;
    for (bool en : {false, true}) {
      auto it = by_url.find(en ? "/en" + p.doc->url : p.doc->url);
      if (it == by_url.end()) continue;
      for (size_t parent : it->second) {
        if (parent >= html_count || out[parent].collection != p.collection) continue;
        const std::vector<std::string>& pages = info->text.pages;
        for (size_t n = 0; n < pages.size(); ++n) {
          if (pages[n].empty()) continue;
          SearchDocument s;
          const SearchDocument& doc = out[parent];
          s.url = p.url + "#page=" + std::to_string(n + 1);
          s.lang = doc.lang;
          s.collection = doc.collection;
          s.title = doc.title;
          s.title_alt = doc.title_alt;
          s.date = doc.date;
          s.year = doc.year;
          s.page = static_cast<int>(n + 1);
          s.body_view = &pages[n];  // the library outlives the index
          out.push_back(std::move(s));
        }
      }
    }
  }
}

}  // namespace

SearchDocuments search_documents(const Site& site, const std::vector<DocumentPdf>* pdfs, const pdf::PdfLibrary* library) {
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
  if (pdfs && library) add_pdf_pages(out, *pdfs, *library);
  // Both languages of a PDF page share its url: the language orders them.
  std::sort(out.begin(), out.end(), [](const SearchDocument& a, const SearchDocument& b) {
    return std::tie(a.url, a.lang) < std::tie(b.url, b.lang);
  });
  return out;
}

}  // namespace takao
