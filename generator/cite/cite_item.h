// One citable document (journal article, report or thesis) as the reference formats see it, in one
// language's rendition: the Chinese one (Chinese title and names) or the English one (English title and
// romanized names where the content gives them, the Chinese title kept as the original). Every writer and
// formatter of this stage reads only this, so all of them say the same thing about a document.
#pragma once
#include <string>
#include <vector>

#include "core/date.h"
#include "model/site.h"

namespace takao {

enum class CiteType { article, report, thesis };

struct CiteName {
  std::string name;   // one literal name, never split into given and family names
  std::string orcid;  // bare, "" when not given
};

struct CiteItem {
  CiteType type = CiteType::article;
  std::string key;       // BibTeX key and CSL id, ASCII, from the document's URL: "journal-017-01-mice"
  bool en = false;       // the English rendition
  std::string language;  // of the document's text on this rendition's page: "zh-Hant" or "en"
  std::string title;
  std::string original_title;  // the Chinese title, on English renditions whose title differs
  std::vector<CiteName> authors;
  Date date;             // full date when known
  int year = 0;
  std::string journal, issn, volume, issue, pages;  // pages as written, "6-21"
  int first_page = 0, last_page = 0;
  std::string doi, url, pdf_url, abstract;
  std::vector<std::string> keywords;
  std::string publisher;  // reports: the agency (else the site's publisher); theses: the university
  std::string number, series, degree, advisor;  // degree in words: "Master's thesis", "碩士論文"
};

// The items of one page's export files: an article or report page gives its document, an issue page its
// articles in order, a series page its reports in order. `index` is into the Site collection of `kind`.
enum class CiteScope { article, issue, report, series };
std::vector<CiteItem> cite_items(const Site& site, CiteScope scope, size_t index, bool en);

CiteItem article_cite_item(const Site& site, size_t article, bool en);
CiteItem report_cite_item(const Site& site, size_t report, bool en);

}  // namespace takao
