// The reference-manager exports written beside every article, report, issue and series page (both
// languages): cite.bib, cite.ris and cite.json. An issue's files hold its articles, a series' its reports.
#pragma once
#include <array>
#include <string>

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

// Every page's exports, in a fixed order whatever `jobs` (threads; 1 by default).
OutputFiles write_citation_files(const Site& site, int jobs = 1);

}  // namespace takao
