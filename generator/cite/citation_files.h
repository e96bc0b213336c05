// The reference-manager exports written beside every article, report, issue and series page (both
// languages): cite.bib, cite.ris and cite.json. An issue's files hold its articles, a series' its reports.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "cite/cite_item.h"
#include "core/output_file.h"
#include "model/site.h"

namespace takao {

struct CiteFormat {
  const char* file;       // beside the page: "cite.bib"
  const char* media_type; // for <link rel="alternate" type> and <a type>
  const char* label;      // what the export line shows
};
constexpr std::array<CiteFormat, 3> kCiteFormats = {{
    {"cite.bib", "application/x-bibtex", "BibTeX"},
    {"cite.ris", "application/x-research-info-systems", "RIS"},
    {"cite.json", "application/vnd.citationstyles.csl+json", "CSL-JSON"},
}};

// What one page's exports cite: an article or report, or an issue's articles, or a series' reports, in
// one language.
struct CitationExport {
  CiteScope scope;
  size_t index;  // into the site's articles, reports, issues or series
  bool en;
  std::string folder;  // of the page, relative to the output root: "en/journal/017/01-mice/"
};

// Every page that has exports, in a fixed order.
std::vector<CitationExport> citation_exports(const Site& site);

// The three files of one page (none when it cites nothing, such as an issue without articles).
OutputFiles write_citation_export(const Site& site, const CitationExport& page);

// Every page's exports, in a fixed order whatever `jobs` (threads; 1 by default).
OutputFiles write_citation_files(const Site& site, int jobs = 1);

}  // namespace takao
