// The orchestrator: load -> model -> plan -> render -> indexes -> write -> swap. Thin on purpose: each step
// is a stage of its own; this file only runs them in order and stops before writing if any error was found.
#pragma once
#include <atomic>
#include <map>
#include <string>

#include "core/date.h"
#include "core/diagnostics.h"

namespace takao {

// How far a build has come, for the progress line of the command line (read from another thread).
struct BuildProgress {
  enum Stage { reading, parsing, indexing, rendering, writing, done };
  std::atomic<int> stage{reading};
  std::atomic<size_t> files{0};        // source files read
  std::atomic<size_t> pages_done{0}, pages_total{0};
};

struct BuildConfig {
  std::string content_dir = "content";
  std::string out_dir = "public";
  std::string theme_dir;  // empty: themes/default here, else the one Takao was built with
  int jobs = 1;
  bool drafts = false;
  bool preview = false;     // takao serve
  bool write = true;        // false for takao check: validate everything, write nothing (out_dir then names
                            // the built site whose check record may answer instead, pipeline/check_record)
  bool compress = true;     // .gz and .br twins of text files (the preview server has no use for them)
  std::string base_url;     // overrides site.yaml
  Date today;               // the clock for scheduled pages; empty = today's date
  BuildProgress* progress = nullptr;  // updated as the build goes, when set
};

struct BuildStats {
  size_t pages = 0;         // HTML pages written
  size_t files = 0;         // all files written
  size_t reused = 0;        // of those, linked unchanged from the previous site
  size_t kept = 0;          // of those, already in place in the spare tree (no link made)
  size_t pages_reused = 0;  // pages not rendered: the build state showed them unchanged
  size_t pages_without_view = 0;  // of those, kept without building their view (no input they read changed)
  bool search_index_kept = false;
  // Pages with citation exports, and of those the ones whose exports were made (the others cite what they
  // cited, ViewParts::of_citations: linked from the last build).
  size_t citation_pages = 0, citation_pages_made = 0;
  // Documents whose body changed while no skeleton did (only pages that read them were looked at); -1
  // when a skeleton changed (or no state), and every page's view was built.
  long bodies_changed = -1;  // the search documents were unchanged: the last index was linked
  // takao check: the sources were the ones the last build recorded (pipeline/check_record), so its warnings
  // and counts were replayed without reading them.
  bool from_check_record = false;
  // takao build: the sources were the ones the last build recorded and its output is untouched
  // (pipeline/tree_record): nothing was made, its warnings and counts were replayed.
  bool up_to_date = false;
  double seconds = 0;
  size_t languages = 0;
  std::map<std::string, double> stage_seconds;  // "load", "model", "render", "search", ...
  // The process's peak resident memory (VmHWM, KiB) when each stage ended: the first stage showing the
  // build's peak is the one that made it.
  std::map<std::string, long> stage_peak_kib;
  // Thread time summed over the workers of the render stage, by step ("templates", "link parse",
  // "gzip", "brotli", "write"): where the render stage's CPU goes, for --timings.
  std::map<std::string, double> render_step_seconds;
};

// Returns true when the site was built (or, with write=false, checked) without errors.
bool run_build(const BuildConfig& config, Diagnostics& diags, BuildStats* stats);

std::string find_theme_dir(const std::string& configured);
Date today_local();

}  // namespace takao
