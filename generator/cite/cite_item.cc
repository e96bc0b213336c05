#include "cite/cite_item.h"

#include <set>

#include "core/text.h"

namespace takao {

namespace {

std::string title_in(const Document& d, bool en) { return en && !d.title_en.empty() ? d.title_en : d.title; }

std::string absolute(const Site& site, const std::string& url) {
  if (url.empty() || url.find("://") != std::string::npos) return url;
  const std::string& base = site.config.base_url;
  return base.empty() ? url : base + url.substr(1);
}

// The page a rendition cites: the English page when there is one, else the Chinese page.
std::string page_url(const Site& site, const Document& d, bool en) { return absolute(site, (en && d.has_english ? "/en" : "") + d.url); }

// ASCII key from the document's path: letters, digits and '-' (percent escapes of non-ASCII kept as hex).
std::string key_of(const Document& d) {
  std::string key;
  for (char c : d.url) {
    if (std::isalnum(static_cast<unsigned char>(c))) key += c;
    else if (!key.empty() && key.back() != '-' && c != '%') key += '-';
  }
  while (!key.empty() && key.back() == '-') key.pop_back();
  return key.empty() ? "site" : key;
}

void common(const Site& site, const Document& d, bool en, CiteItem& item) {
  item.key = key_of(d);
  item.en = en;
  item.language = en && d.has_en_body ? "en" : "zh-Hant";
  item.title = title_in(d, en);
  if (en && d.title != item.title) item.original_title = d.title;
  item.url = page_url(site, d, en);
}

std::vector<CiteName> names(const std::vector<Author>& authors, bool en) {
  std::vector<CiteName> out;
  for (const auto& a : authors) out.push_back({en && !a.name_en.empty() ? a.name_en : a.name, a.orcid});
  return out;
}

std::string publisher_name(const Site& site, bool en) {
  return en && !site.config.title_en.empty() ? site.config.title_en : site.config.title;
}

}  // namespace

CiteItem article_cite_item(const Site& site, size_t index, bool en) {
  const Article& a = site.articles[index];
  const Issue& is = site.issues[a.issue];
  CiteItem item;
  item.type = CiteType::article;
  common(site, a.doc, en, item);
  item.authors = names(a.authors, en);
  item.date = a.doc.published.empty() ? is.doc.published : a.doc.published;
  item.year = item.date.year;
  if (site.journal) {
    item.journal = title_in(site.journal->doc, en);
    item.issn = site.journal->issn;
  }
  item.volume = is.volume;
  item.issue = std::to_string(is.number);
  item.pages = a.pages;
  item.first_page = a.first_page;
  item.last_page = a.last_page;
  item.doi = a.doi;
  item.pdf_url = absolute(site, a.pdf);
  item.abstract = en && !a.abstract_en.empty() ? a.abstract_en : a.abstract;
  item.keywords = en && !a.keywords_en.empty() ? a.keywords_en : a.keywords;
  item.publisher = publisher_name(site, en);
  return item;
}

CiteItem report_cite_item(const Site& site, size_t index, bool en) {
  const Report& r = site.reports[index];
  CiteItem item;
  item.type = r.series == "theses" ? CiteType::thesis : CiteType::report;
  common(site, r.doc, en, item);
  item.authors = names(r.authors, en);
  // The date it was published (what citation_publication_date says) before the report's own year.
  item.date = r.doc.published;
  item.year = item.date.empty() ? r.year : item.date.year;
  auto text_field = [&](const std::string& key) {
    auto it = r.doc.fields.find(key);
    return it != r.doc.fields.end() && it->is_string() ? trim(it->get<std::string>()) : std::string();
  };
  item.abstract = en && !text_field("abstract_en").empty() ? text_field("abstract_en") : text_field("abstract");
  if (item.type == CiteType::thesis) {
    // The university and agency as the content gives them (the page's citation_* tags say the same).
    item.publisher = r.university;
    std::string degree = r.degree;
    if (degree == "碩士") degree = en ? "Master's thesis" : "碩士論文";
    else if (degree == "博士") degree = en ? "Doctoral dissertation" : "博士論文";
    item.degree = degree;
    item.advisor = r.advisor;
  } else {
    item.publisher = r.agency.empty() ? publisher_name(site, en) : r.agency;
    item.number = r.number;
  }
  for (const auto& s : site.series) {
    if (s.kind == r.series) item.series = title_in(s.doc, en);
  }
  item.doi = r.doi;
  item.pdf_url = absolute(site, r.pdf);
  return item;
}

std::vector<CiteItem> cite_items(const Site& site, CiteScope scope, size_t index, bool en) {
  std::vector<CiteItem> out;
  switch (scope) {
    case CiteScope::article: out.push_back(article_cite_item(site, index, en)); break;
    case CiteScope::report: out.push_back(report_cite_item(site, index, en)); break;
    case CiteScope::issue:
      for (size_t a : site.issues[index].articles) out.push_back(article_cite_item(site, a, en));
      break;
    case CiteScope::series:
      for (size_t r : site.series[index].reports) out.push_back(report_cite_item(site, r, en));
      break;
  }
  // Keys unique within one file ("a-b" and "a_b" both give "a-b"): later ones get "-2", "-3".
  std::set<std::string> seen;
  for (auto& item : out) {
    std::string key = item.key;
    for (int n = 2; !seen.insert(key).second; ++n) key = item.key + "-" + std::to_string(n);
    item.key = key;
  }
  return out;
}

}  // namespace takao
