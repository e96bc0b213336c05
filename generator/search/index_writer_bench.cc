// Google Benchmark: tokenising (folding and runs) and writing the whole index, on synthetic Chinese
// pages shaped like the benchmark corpus (Zipf-distributed 2-4 character words, some English).
#include <benchmark/benchmark.h>

#include <random>

#include "search/index_writer.h"
#include "search/search_text.h"

namespace takao::search {
namespace {

SearchDocuments make_pages(int count, int chars_per_page) {
  std::mt19937 rng(1);
  std::vector<std::u32string> vocab;
  for (int i = 0; i < 20000; ++i) {
    std::u32string w;
    int len = 2 + static_cast<int>(rng() % 3);
    for (int k = 0; k < len; ++k) w += static_cast<char32_t>(0x4E00 + rng() % 2500);
    vocab.push_back(w);
  }
  std::vector<double> weights(vocab.size());
  for (size_t i = 0; i < weights.size(); ++i) weights[i] = 1.0 / static_cast<double>(i + 1);
  std::discrete_distribution<size_t> zipf(weights.begin(), weights.end());
  SearchDocuments docs;
  for (int p = 0; p < count; ++p) {
    std::u32string body;
    while (static_cast<int>(body.size()) < chars_per_page) {
      body += vocab[zipf(rng)];
      if (rng() % 12 == 0) body += U"，";
      if (rng() % 30 == 0) body += U"。";
      if (rng() % 200 == 0) body += U" transport planning ";
    }
    SearchDocument d;
    char url[48];
    std::snprintf(url, sizeof url, "/reports/r%05d/", p);
    d.url = url;
    d.lang = "zh-Hant";
    d.collection = "report";
    d.title = to_utf8(vocab[zipf(rng)] + vocab[zipf(rng)]);
    d.body_text = to_utf8(body);
    d.year = 2006 + p % 20;
    docs.push_back(std::move(d));
  }
  return docs;
}

void BM_FoldAndRuns(benchmark::State& state) {
  SearchDocuments docs = make_pages(50, 3300);
  Folder folder;
  FoldedText ft;
  size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& d : docs) {
      fold_text(d.body(), folder, ft);
      benchmark::DoNotOptimize(text_runs(ft.cps));
      bytes += d.body().size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_FoldAndRuns)->Unit(benchmark::kMillisecond);

void BM_WriteIndex(benchmark::State& state) {
  SearchDocuments docs = make_pages(static_cast<int>(state.range(0)), 3300);
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.body().size();
  for (auto _ : state) benchmark::DoNotOptimize(write_search_index(docs, static_cast<int>(state.range(1))));
  state.SetBytesProcessed(static_cast<int64_t>(bytes * state.iterations()));
  state.counters["pages"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_WriteIndex)->Args({1000, 1})->Args({1000, 2})->Args({10000, 2})->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace takao::search
