// What the search index knows of one published page: the model hands one per page and language.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace takao {

struct SearchDocument {
  std::string url;         // site-absolute path, "/journal/017/01-mice/" or "/en/journal/017/01-mice/"
  std::string lang;        // "zh-Hant" or "en": the language of the page (an English page may carry a Chinese body)
  std::string collection;  // "article", "issue", "journal", "report", "series", "glossary", "page", "index"
  std::string title;       // the page's title in its language
  std::string title_alt;   // the other language's title, if any (weighted like the title)
  std::string authors;     // names joined with ", "
  std::string keywords;    // joined with ", "
  std::string abstract;    // abstract in the page's language, plus the other one when present
  // Plain text of the body, no markup: read it with body(). A build points body_view at the site model's
  // text, which outlives the index; copying each body for both language pages took 170 MB on 10,000 pages.
  std::string body_text;                   // the body, when the document holds its own
  const std::string* body_view = nullptr;  // else the text it is borrowed from
  std::string date;        // ISO "YYYY-MM-DD" or "" (published date; for reports without one, "")
  int year = 0;            // Gregorian year for the year filter, 0 when none
  // > 0: page `page` of a PDF of a document (url "/x/file.pdf#page=N"). Only its body (the page's text) is
  // indexed; title and collection are the document's, shown with the hit. Such pages rank after every
  // page of the site itself for the same terms (index_writer.cc: impact tiers).
  int page = 0;

  std::string_view body() const { return body_view ? std::string_view(*body_view) : std::string_view(body_text); }
};

using SearchDocuments = std::vector<SearchDocument>;

}  // namespace takao
