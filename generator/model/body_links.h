// The links in a document's Markdown body, resolved against every page and attachment of the site.
// Kept apart from the rest of the model so that takao serve can render one edited body again, into the
// site it already has, and report exactly what a whole build would (see patch_bodies in site.h).
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "markdown/markdown.h"

namespace takao {

// Where relative links may point.
struct LinkTargets {
  struct Page {
    std::string url;         // Chinese URL, percent-encoded
    bool published = false;  // false: draft or scheduled (the link becomes plain text)
  };
  std::map<std::string, Page> pages;   // by the content path of every Chinese Markdown document
  std::set<std::string> attachments;   // content paths
  // Chinese documents that exist but whose front matter failed to load (that is their error; a link to
  // one is not reported again as a link to a missing page).
  std::set<std::string> unloaded;
};

// A link to a fragment of another page, checked once every body is rendered.
struct AnchorCheck {
  std::string display_path;  // the file the link is in
  LinkRef ref;
  std::string target_path;   // zh content path of the page linked to
  std::string id;            // the fragment, decoded
};

// What resolving one body's links found: the anchors to check and the problems to report.
struct BodyLinks {
  std::vector<AnchorCheck> anchors;
  std::vector<Diagnostic> diagnostics;
};

// Resolves a relative destination written in the file `from_path` (content-relative; `display_path` for
// messages). nullopt keeps the destination as written (an error was recorded in `out`); an empty url
// drops the link and keeps its text.
std::optional<ResolvedLink> resolve_link(const LinkTargets& targets, const std::string& display_path,
                                         const std::string& from_path, const LinkRef& ref, BodyLinks& out);

// "journal/017/01-mice.md" -> "journal/017"; "" for a file at the top.
std::string folder_of(const std::string& path);

// Joins a relative destination to a folder and folds "." and ".."; nullopt when it climbs out of content/.
std::optional<std::string> join_relative(const std::string& folder, const std::string& relative);

}  // namespace takao
