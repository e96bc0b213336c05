#include "cli/cli.h"

#include <cstdio>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/progress.h"
#include "core/parallel.h"
#include "lookup/lookup_cli.h"
#include "markdown/markdown.h"
#include "pipeline/build.h"
#include "scaffold/scaffold.h"
#include "search/search_cli.h"
#include "serve/serve_command.h"

namespace takao {

namespace {

constexpr const char* kUsage =
    "usage: takao <command> [options]\n"
    "\n"
    "  build   [--content DIR] [--out DIR] [--jobs N] [--drafts] [--base-url URL] [--quiet]\n"
    "  check   [--content DIR] [--out DIR] [--quiet]   validate everything, write nothing; when DIR (default\n"
    "          public) was built from these very sources, answer from its build's record\n"
    "  serve   [--content DIR] [--port N] [--drafts] [--quiet]   preview on 127.0.0.1 with live reload\n"
    "  new     KIND PATH [--title TEXT]        scaffold an issue, article, report or page\n"
    "  search  [--site DIR] [--limit N] [--lang zh-Hant|en] [--json] QUERY\n"
    "  lookup  [--site DIR] [--limit N] [--json] QUERY\n"
    "\n"
    "Exit status: 0 done, 1 the content has errors (nothing was published), 2 the command line is wrong.\n";

int usage_error(const std::string& message) {
  std::cerr << "takao: " << message << "\n\n" << kUsage;
  return 2;
}

void print_diagnostics(const Diagnostics& diags) {
  for (const auto& d : diags.sorted()) std::cerr << d.format() << '\n';
}

int build_or_check(int argc, char** argv, bool check) {
  BuildConfig config;
  config.jobs = default_jobs();
  config.write = !check;
  bool quiet = false;
  bool timings = false;  // --timings: seconds per pipeline stage, for profiling
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](std::string& out) -> bool {
      if (i + 1 >= argc) return false;
      out = argv[++i];
      return true;
    };
    std::string v;
    if (a == "--content") {
      if (!value(config.content_dir)) return usage_error("--content needs a folder");
    } else if (a == "--out") {  // check: the built site whose record may answer (pipeline/check_record)
      if (!value(config.out_dir)) return usage_error("--out needs a folder");
    } else if (a == "--jobs" && !check) {
      if (!value(v)) return usage_error("--jobs needs a number");
      char* end = nullptr;
      long n = std::strtol(v.c_str(), &end, 10);
      if (*end || n < 1 || n > 256) return usage_error("--jobs needs a number from 1 to 256");
      config.jobs = static_cast<int>(n);
    } else if (a == "--drafts") {
      config.drafts = true;
    } else if (a == "--base-url" && !check) {
      if (!value(config.base_url)) return usage_error("--base-url needs a URL");
    } else if (a == "--theme") {
      if (!value(config.theme_dir)) return usage_error("--theme needs a folder");
    } else if (a == "--timings") {
      timings = true;
    } else if (a == "--quiet" || a == "-q") {
      quiet = true;
    } else {
      return usage_error("unknown option for " + std::string(check ? "check" : "build") + ": " + a);
    }
  }
  Diagnostics diags;
  BuildStats stats;
  BuildProgress progress;
  config.progress = &progress;
  bool ok;
  {
    std::optional<ProgressReporter> reporter;
    if (!quiet) reporter.emplace(progress, stderr);
    ok = run_build(config, diags, &stats);
  }
  print_diagnostics(diags);
  if (!ok) {
    std::cerr << "takao: " << diags.error_count() << " error(s); "
              << (check ? "check failed" : "nothing was published, " + config.out_dir + " is unchanged") << '\n';
    return 1;
  }
  if (timings) {
    for (const auto& [stage, seconds] : stats.stage_seconds) {
      auto peak = stats.stage_peak_kib.find(stage);
      long mib = peak == stats.stage_peak_kib.end() ? 0 : peak->second / 1024;
      std::fprintf(stderr, "takao: stage %-8s %7.3f s  (peak memory so far %ld MiB)\n", stage.c_str(), seconds, mib);
    }
    for (const auto& [step, seconds] : stats.render_step_seconds) {
      std::fprintf(stderr, "takao:   render step %-10s %7.3f s (all workers)\n", step.c_str(), seconds);
    }
    if (stats.up_to_date) {
      std::fprintf(stderr, "takao: the sources and %s are those the last build recorded: nothing to do\n", config.out_dir.c_str());
      std::fprintf(stderr, "takao: %zu of %zu pages unchanged (build state), not rendered\n", stats.pages_reused, stats.pages);
    } else if (stats.from_check_record) {
      std::fprintf(stderr, "takao: the sources are those %s's build recorded: its answer, from the build state\n",
                   config.out_dir.c_str());
    } else {
      std::fprintf(stderr, "takao: %zu of %zu files unchanged, linked from the previous site\n", stats.reused, stats.files);
      std::fprintf(stderr, "takao: %zu of them already in the spare tree, not linked\n", stats.kept);
      std::fprintf(stderr, "takao: %zu of %zu pages unchanged (build state), not rendered\n", stats.pages_reused, stats.pages);
      std::fprintf(stderr, "takao: %zu of them kept without building their view (nothing they read changed)\n",
                   stats.pages_without_view);
      std::fprintf(stderr, "takao: %zu of %zu pages' citation exports made (the others cite what they cited)\n",
                   stats.citation_pages_made, stats.citation_pages);
      if (stats.bodies_changed >= 0) {
        std::fprintf(stderr, "takao: no front matter changed, %ld bodies did: only the pages that read them were looked at\n",
                     stats.bodies_changed);
      }
    }
    if (stats.search_index_kept) std::fprintf(stderr, "takao: search documents unchanged, the index was kept\n");
  }
  if (!quiet) {
    std::fprintf(stderr, "takao: %s %zu pages in %zu languages, %zu files, %zu warning(s) in %.2f s\n",
                 check ? "checked" : "built", stats.pages, stats.languages, stats.files, diags.warning_count(), stats.seconds);
  }
  return 0;
}

}  // namespace

int cli_main(int argc, char** argv) {
  init_markdown();  // cmark-gfm's extension registry is global: fill it before any thread starts
  if (argc < 2) return usage_error("no command given");
  std::string command = argv[1];
  if (command == "build") return build_or_check(argc - 1, argv + 1, false);
  if (command == "check") return build_or_check(argc - 1, argv + 1, true);
  if (command == "serve") return serve_main(argc - 1, argv + 1);
  if (command == "new") return new_main(argc - 1, argv + 1, today_local());
  if (command == "search") return search_main(argc - 1, argv + 1);
  if (command == "lookup") return lookup_main(argc - 1, argv + 1);
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return 0;
  }
  return usage_error("unknown command '" + command + "'");
}

}  // namespace takao
