// What the views of some page kinds read of the site, digested, so that a skeleton change elsewhere keeps
// their pages without building their views (BuildMemo::kept with a part). A title edited in a
// report changes the views of that report, its lists, indexes and feeds, never a glossary page: on the
// 10,000-page corpus the glossary's 20,000 pages were 30% of the views a title change built.
//
// Conservative on purpose: a part's digest holds more than its views read (any doubt costs only time, a
// missing input would leave a page stale).
#pragma once
#include <map>
#include <optional>
#include <string>

#include "cite/citation_files.h"
#include "model/site.h"
#include "output/content_digest.h"
#include "pipeline/source_split.h"
#include "render/page_plan.h"

namespace takao {

// What the frame of every page reads (SiteRenderer::common and what fill() adds around a kind's view:
// site.yaml, the standalone pages' titles and flags for the menu and footer, which collections exist, the
// newest date), and what any body's links resolve against, over-approximated as: the path and kind of
// every source file; the skeleton of every file but the articles', issues', reports' and the glossary's
// (which reach the frame only through the values below); which collections have pages; the newest date; every link
// target (documents' URLs and whether they are published, attachments); and `extra` (today's date and the
// PDFs' facts, as for the whole skeleton).
Digest frame_digest(const SourceSplits& splits, const Site& site, const std::string& extra);

// The glossary's own sources (its tables, CSV files, _index.md) with site.yaml: what the lookup index, the
// open data and, with the frame, the glossary's pages are made from.
bool is_glossary_input(FileKind kind);

// The part of the skeleton the view of a page reads, digested, for the kinds whose views read a known
// part: the glossary's pages read the frame and `glossary_input`; a report's page the frame and its own
// files' front matter (its series' is in the frame); an index term's page the frame, the front matter of
// each article (and its issue) and report it lists, and whether the other language has the term. Other
// kinds (lists, the home page, an issue, an article, which shows its issue's other articles) may read
// any document's front matter: none. A page record keeps its part (OutputRecord::part).
class ViewParts {
 public:
  ViewParts(const SourceSplits& splits, const Site& site, const std::string& extra, const Digest& glossary_input);
  // Thread-safe.
  std::optional<Digest> of(const PlannedPage& page) const;
  // What a page's citation exports read (cite/cite_item.cc): the frame (site.yaml, the journal's and the
  // series' front matter, which documents exist) and the front matter of each document cited, with the
  // issue of each article. Thread-safe.
  Digest of_citations(const CitationExport& page) const;

 private:
  void add_document(DigestBuilder& d, const Document& doc) const;

  const Site& site_;
  Digest frame_{}, glossary_{};
  std::map<std::string, Digest> documents_;  // SourceSplits::document_skeletons
};

}  // namespace takao
