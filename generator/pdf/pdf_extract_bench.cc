// CPU time of extraction, per PDF page: the 3-page Chromium-printed test report (Noto CJK embedded, like
// the office's PDFs), text only and with the first-page thumbnail. Google Benchmark reports CPU time, so
// the figure holds on a busy machine where wall time does not.
#include <benchmark/benchmark.h>

#include "pdf/pdf_extract.h"
#include "../../tests/fixtures/pdf/test_pdfs.h"

namespace {

void extract(benchmark::State& state, int thumbnail_width) {
  std::string file = takao::testing::test_pdf("report.pdf");
  takao::pdf::ExtractLimits limits;
  limits.thumbnail_width = thumbnail_width;
  int pages = 0;
  for (auto _ : state) {
    auto t = takao::pdf::extract_pdf_file(file, limits, "/tmp/takao-pdf-bench-thumb.png");
    pages += t.page_count;
    benchmark::DoNotOptimize(t);
  }
  state.counters["pages"] = benchmark::Counter(pages, benchmark::Counter::kIsRate);
}

void BM_ExtractText(benchmark::State& state) { extract(state, 0); }
void BM_ExtractTextAndThumbnail(benchmark::State& state) { extract(state, 200); }
BENCHMARK(BM_ExtractText)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExtractTextAndThumbnail)->Unit(benchmark::kMillisecond);

}  // namespace
