// Google Benchmark: splitting and parsing the front matter of a typical journal article (bilingual title
// and abstract, two authors with affiliations, keyword lists, pages, pdf), as content/journal/017 holds.
#include <benchmark/benchmark.h>

#include <string>

#include "frontmatter/front_matter.h"

namespace takao {
namespace {

const std::string kArticle =
    "---\n"
    "title: 高雄展覽館的營運模式與周邊效益\n"
    "title_en: \"The Kaohsiung Exhibition Center: Operating Model and Local Benefits\"\n"
    "authors:\n"
    "  - name: 黃建國\n"
    "    name_en: Huang Chien-kuo\n"
    "    affiliation: 高雄市政府研究發展考核委員會\n"
    "  - name: 陳志明\n"
    "    name_en: Chen Chih-ming\n"
    "    affiliation: 國立高雄餐旅大學\n"
    "abstract: 高雄展覽館採公有民營模式營運。本文比較國內外展覽場館的營運方式，說明委託經營契約的重點，"
    "並以示例數據估算展覽活動對周邊旅館、餐飲與交通的效益。\n"
    "abstract_en: The Kaohsiung Exhibition Center is publicly owned and privately operated. This article "
    "compares how exhibition venues at home and abroad are run, sets out the key terms of the operating "
    "contract, and estimates with sample figures what shows bring to nearby hotels, restaurants and transport.\n"
    "keywords: [高雄展覽館, 公有民營, 委託經營, 外溢效益]\n"
    "keywords_en: [Kaohsiung Exhibition Center, public ownership with private operation, operating contract, "
    "spillover effects]\n"
    "pages: 22-37\n"
    "pdf: 02-exhibition-center.pdf\n"
    "---\n"
    "\n"
    "## 場館概況\n"
    "\n"
    "高雄展覽館位於前鎮區成功二路，面臨高雄港。\n";

void BM_ParseArticleFrontMatter(benchmark::State& state) {
  {
    Diagnostics diags;
    auto fm = parse_front_matter("content/journal/017/02-exhibition-center.md", kArticle, diags);
    if (!fm || diags.has_errors() || fm->fields.size() != 9 || fm->fields["authors"].size() != 2 ||
        fm->fields["keywords"].size() != 4 || fm->body.empty()) {
      state.SkipWithError("front matter did not parse as expected");
      return;
    }
  }
  for (auto _ : state) {
    Diagnostics diags;
    auto fm = parse_front_matter("content/journal/017/02-exhibition-center.md", kArticle, diags);
    benchmark::DoNotOptimize(fm);
  }
  state.SetBytesProcessed(static_cast<int64_t>(kArticle.size() * state.iterations()));
}
BENCHMARK(BM_ParseArticleFrontMatter)->Unit(benchmark::kMicrosecond);

// A page with only a title: the floor every file pays (splitting, yaml-cpp set-up, the JSON tree).
void BM_ParseMinimalFrontMatter(benchmark::State& state) {
  const std::string text = "---\ntitle: 關於本會\n---\n\n本會負責市政研究發展與考核。\n";
  {
    Diagnostics diags;
    auto fm = parse_front_matter("content/pages/about.md", text, diags);
    if (!fm || diags.has_errors() || fm->fields.value("title", "") != "關於本會") {
      state.SkipWithError("front matter did not parse as expected");
      return;
    }
  }
  for (auto _ : state) {
    Diagnostics diags;
    auto fm = parse_front_matter("content/pages/about.md", text, diags);
    benchmark::DoNotOptimize(fm);
  }
  state.SetBytesProcessed(static_cast<int64_t>(text.size() * state.iterations()));
}
BENCHMARK(BM_ParseMinimalFrontMatter)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace takao
