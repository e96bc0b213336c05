// Google Benchmark: the cite stage's share of a build, write_citation_files over a whole site (every
// article, report, issue and series page's three exports in both languages), and the two formatters on
// one article. The site is the repository's content/, or the folder in $TAKAO_BENCH_CONTENT (e.g. a
// ../shared/bench/make-corpus tree) loaded and modelled once.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <memory>

#include "cite/apa.h"
#include "cite/chicago.h"
#include "cite/citation_files.h"
#include "cite/cite_item.h"
#include "core/disk.h"
#include "markdown/markdown.h"
#include "model/site.h"
#include "source/source_file.h"

namespace takao {
namespace {

const Site& site() {
  static std::unique_ptr<Site> s = [] {
    init_markdown();
    const char* env = std::getenv("TAKAO_BENCH_CONTENT");
    std::string dir = env && *env ? env : std::string(TAKAO_SOURCE_DIR) + "/content";
    Diagnostics diags;
    RealDisk disk;
    BuildOptions options;
    options.today = {2026, 1, 1};
    options.jobs = 2;
    return build_site(load_sources(disk, dir, diags), options, diags);
  }();
  return *s;
}

void BM_WriteCitationFiles(benchmark::State& state) {
  const Site& s = site();
  size_t bytes = 0, files = 0;
  for (auto _ : state) {
    OutputFiles out = write_citation_files(s);
    files = out.size();
    bytes = 0;
    for (const auto& f : out) bytes += f.bytes.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["files"] = static_cast<double>(files);
  state.counters["documents"] = static_cast<double>(s.articles.size() + s.reports.size());
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
}
BENCHMARK(BM_WriteCitationFiles)->Unit(benchmark::kMillisecond);

void BM_FormatBothStyles(benchmark::State& state) {
  const Site& s = site();
  if (s.articles.empty()) return state.SkipWithError("no articles");
  for (auto _ : state) {
    for (bool en : {false, true}) {
      CiteItem item = article_cite_item(s, 0, en);
      benchmark::DoNotOptimize(format_apa(item));
      benchmark::DoNotOptimize(format_chicago(item));
    }
  }
}
BENCHMARK(BM_FormatBothStyles)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace takao
