// Rebuilds for takao serve that redo only what an edit touched and still give, byte for byte, what a clean
// build gives. The output folder is written in place: changed files are replaced (write then rename), files
// no longer produced are removed, the rest is left alone.
//
// What is redone, and why that is never stale:
// - Sources: with the watcher's list of changed paths only those files are looked at (a folder, a symbolic
//   link or a path that cannot be placed makes it walk the whole folder); a file is read again only when
//   its size, mtime or inode changed.
// - Each file splits into its "skeleton" (path, front matter; whole text for site.yaml and glossary
//   tables) and its body. The body only reaches the pages whose view read it (SiteRenderer records every
//   read of a document's body, ids and word count).
// - Bodies only (an editor's usual save): when every file added, changed or removed since the last good
//   build is a Markdown document whose skeleton is byte for byte the last good one's, and the theme is the
//   same, the edited bodies are rendered again into the model in place (model/site_bodies.h): links are
//   resolved against the targets kept with the site, anchors are checked anew across the site, the other
//   diagnostics are the last good build's. Only the pages that read an edited body are considered (found
//   through an index of readers by body), and the feeds when they quote one; nothing else the model
//   derives (URLs, lists, indexes, plan, sitemaps, glossary) can differ. The site's renderer is kept.
// - The theme: read again when the watcher's list names anything but content files (or there is no list);
//   what changed in it is measured against the last good build's theme.
// - Otherwise the model is rebuilt whole, with front matter and Markdown from a ParseCache. When no
//   skeleton changed, only the pages that read a changed body are considered; otherwise, or when the
//   theme's strings or assets changed, every page is. A considered page renders again only when the hash
//   of its view or its templates differ from the last build; it is written only when its bytes differ.
//   Feeds, sitemaps and robots.txt are remade, the lookup index and open data when a skeleton changed.
// - The search index when any source changed (optionally later, after the page reload).
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/disk.h"
#include "core/output_file.h"
#include "model/parse_cache.h"
#include "pdf/pdf_library.h"
#include "pipeline/build.h"

namespace takao {

struct PublishedAssets;

struct IncrementalResult {
  bool ok = false;
  bool full = false;                  // every page was considered (first build, theme or skeleton change)
  bool bodies_only = false;           // only Markdown bodies changed: the model was patched, not rebuilt
  std::vector<std::string> written;   // output files written (new or changed), sorted
  std::vector<std::string> removed;   // output files removed, sorted
  size_t pages = 0;                   // pages planned
  size_t pages_considered = 0;        // views built and compared
  size_t pages_rendered = 0;          // templates rendered
  bool search_pending = false;        // the search index waits for finish_search()
  double seconds = 0;
  std::vector<std::pair<std::string, double>> steps;  // seconds per step, in order, for --timings
};

class IncrementalBuilder {
 public:
  // `config.out_dir` is written in place and must be a folder takao serve owns (or a new one).
  // With `defer_search`, build() leaves a changed search index for finish_search().
  // `disk`: where the content is read and the output written (the real one when null; tests pass a
  // MemoryDisk). The theme and the PDFs' text cache are read from the real disk.
  explicit IncrementalBuilder(BuildConfig config, bool defer_search = false, Disk* disk = nullptr);
  ~IncrementalBuilder();

  // Brings the output up to date with the content and theme. On any error nothing is written and the
  // output stays as the last good build left it. `changed_paths`: what a file watcher saw change (as
  // content_dir/... or theme_dir/...); only those content files are then looked at, not the whole folder.
  IncrementalResult build(Diagnostics& diags, const std::vector<std::string>* changed_paths = nullptr);

  // Writes the search index of the last good build if it is out of date.
  IncrementalResult finish_search(Diagnostics& diags);
  bool search_pending() const;

  // The same in three steps, so the index can be made on another thread while rebuilds go on:
  // take_search_job() (this thread), make_search_files(job) (any thread), apply_search(...) (this thread),
  // which writes the files only if no build changed the searchable content since the job was taken.
  struct SearchJob {
    std::shared_ptr<const struct Site> site;
    uint64_t generation = 0;
    std::shared_ptr<const pdf::PdfLibrary> pdfs;  // the PDFs' text, kept alive with the job
  };
  std::optional<SearchJob> take_search_job() const;
  static OutputFiles make_search_files(const SearchJob& job);
  IncrementalResult apply_search(const SearchJob& job, OutputFiles files, Diagnostics& diags);

  const BuildConfig& config() const { return config_; }

 private:
  // The path for an edit that changed only Markdown bodies (incremental.cc says when and why); false:
  // take the whole path.
  bool build_bodies_only(const PublishedAssets& assets, int jobs, Diagnostics& diags, IncrementalResult& result);

  struct State;
  BuildConfig config_;
  std::unique_ptr<Disk> own_disk_;
  Disk* disk_;
  bool defer_search_;
  std::unique_ptr<State> state_;
};

}  // namespace takao
