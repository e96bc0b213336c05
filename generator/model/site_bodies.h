// The parts of the model that come from Markdown bodies, and what reads all of them: rendering one body
// with its links resolved, the anchor check across the site, and takao serve's fast path for an edit that
// changed only bodies (the front matter of every file byte for byte the same as when the site was built).
#pragma once
#include <vector>

#include "core/diagnostics.h"
#include "frontmatter/front_matter.h"
#include "model/parse_cache.h"
#include "model/site.h"
#include "source/source_file.h"

namespace takao {

// Renders the body of `fm` (the front matter of `file`), resolving its links against `targets`; the
// cache, when given, reuses an earlier rendering of the same body with the same link answers.
void render_body(const LinkTargets& targets, const SourceFile& file, const FrontMatter& fm, ParseCache* cache,
                 RenderedMarkdown& body, BodyLinks& links);

// Reports every body's link problems, then checks every link to an anchor (on the same page or another).
void report_body_diagnostics(const Site& site, Diagnostics& diags);

// Frees every body's HTML and heading list, the largest part of the model. takao build calls it once
// every page is rendered: what comes after (search index, feeds) reads only the bodies' plain text.
void release_body_html(Site& site);

// takao serve's fast path. Renders again, in place, the bodies of `edited` files whose front matter is
// unchanged since `site` was built (the caller checked that byte for byte; no file was added or removed).
// A file whose page the site does not publish (a draft, a scheduled page) changes nothing. Returns what
// undo() puts back if the caller decides against the result (a build error), or nullopt when a file's
// front matter no longer parses (the caller then builds the model anew).
class BodyPatch {
 public:
  void undo();

 private:
  friend std::optional<BodyPatch> patch_bodies(Site&, const std::vector<SourceFile>&, ParseCache*);
  struct Saved {
    Document* doc;
    RenderedMarkdown body, body_en;
    BodyLinks links, links_en;
    size_t word_count;
  };
  std::vector<Saved> saved_;
};
std::optional<BodyPatch> patch_bodies(Site& site, const std::vector<SourceFile>& edited, ParseCache* cache);

}  // namespace takao
