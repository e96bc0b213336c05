// What the views of some page kinds read of the site, digested, so that a skeleton change elsewhere keeps
// their pages without building their views (BuildMemo::changed_bodies' `parts`). A title edited in a
// report changes the views of that report, its lists, indexes and feeds, never a glossary page: on the
// 10,000-page corpus the glossary's 20,000 pages were 30% of the views a title change built.
//
// Conservative on purpose: a part's digest holds more than its views read (any doubt costs only time, a
// missing input would leave a page stale).
#pragma once
#include <map>
#include <string>
#include <vector>

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

// The part (a name for changed_bodies) whose digest covers the view of page `p`; "" for kinds whose views
// may read any document's front matter (lists, the home page, an issue, an article, which shows its
// issue's other articles). The glossary's pages share one part; a report's page and an index term's have
// their own.
std::string view_part_of(const Site& site, const PlannedPage& p);

// Every part of the plan's pages, digested: the glossary's views read the frame and `glossary_input`; a
// report's the frame and its own files' front matter (its series' is in the frame); an index term's the
// frame, the front matter of each article and report it lists (and of an article's issue), and whether
// the other language has the term.
std::map<std::string, Digest> view_parts(const SourceSplits& splits, const Site& site, const std::vector<PlannedPage>& plan,
                                         const std::string& extra, const Digest& glossary_input);

}  // namespace takao
