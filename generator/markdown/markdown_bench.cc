// Google Benchmark: Markdown to HTML (with heading ids, resolved links and the plain text for search) of a
// Chinese article body of about 10 KB shaped like content/journal: headings, paragraphs, lists, a table,
// relative links to other articles and absolute ones.
#include <benchmark/benchmark.h>

#include <string>

#include "markdown/markdown.h"

namespace takao {
namespace {

std::string make_article(size_t target_bytes) {
  static const char* const kParagraphs[] = {
      "會展產業以會議、獎勵旅遊、大型會議與展覽帶動住宿、餐飲、交通與零售消費，被視為「火車頭產業」。"
      "高雄過去以港口與重工業聞名，缺少大型展覽場地，國際展覽多集中在臺北。",
      "103年高雄展覽館啟用後，南部首次有了可以辦理國際專業展的場館，並帶動**亞洲新灣區**的開發；"
      "詳見[高雄展覽館的營運模式與周邊效益](02-exhibition-center.md)。",
      "根據[經濟部統計](https://www.moea.gov.tw/)，展覽期間周邊旅館住房率平均提高一成以上，"
      "餐飲與交通業者亦同步受惠，惟效益集中於展期前後數日。",
      "在人才培育方面，本市可與在地大學的會展學系合作，建立實習與媒合制度，"
      "並參考[地下工業管線的管理](../018/02-pipelines.md#前言)一文對大型活動安全的建議。",
  };
  std::string md = "> 本文為示例內容（sample text），非《城市發展》實際刊載文章。\n\n";
  int section = 0;
  while (md.size() < target_bytes) {
    ++section;
    md += "## 第" + std::to_string(section) + "節　高雄的優勢與挑戰\n\n";
    for (const char* p : kParagraphs) md += std::string(p) + "\n\n";
    md += "### 具體建議\n\n";
    md += "- **港灣景觀與腹地**：展覽館位於亞洲新灣區，臨高雄港，鄰近捷運。\n"
          "- **產業基礎**：遊艇、扣件、金屬加工與石化等產業聚落，提供專業展覽的題材與買主。\n"
          "- **旅館與觀光資源**：駁二藝術特區、愛河與旗津等景點，有利發展獎勵旅遊。\n\n";
    md += "1. 以在地產業建立自有展覽品牌。\n2. 與大學合作培育會展人才。\n3. 整合旅館、交通與觀光服務。\n\n";
    if (section % 2 == 1) {
      md += "| 模式 | 代表做法 | 優點 | 限制 |\n|---|---|---|---|\n"
            "| 公有公營 | 政府機關或法人自行經營 | 政策目標容易貫徹 | 人事與採購彈性較低 |\n"
            "| 公有民營 | 委託專業廠商經營 | 引進國際展務經驗 | 需嚴謹的履約管理 |\n"
            "| 民有民營 | 民間投資興建並經營 | 政府財政負擔最小 | 公共性較難確保 |\n\n";
    }
  }
  md += "## 結論\n\n會展不只是一棟建築，而是城市整體接待能力的考驗。[^1]\n\n[^1]: 本文數據均為示例。\n";
  return md;
}

std::optional<ResolvedLink> resolve(const LinkRef& ref) {
  // What the model's resolver does for a sibling article: a site-absolute URL, localised for English.
  std::string d = ref.destination;
  size_t hash = d.find('#');
  std::string fragment = hash == std::string::npos ? "" : d.substr(hash);
  std::string path = d.substr(0, hash);
  if (path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0) path.resize(path.size() - 3);
  return ResolvedLink{"/journal/017/" + path + "/" + fragment, true};
}

void BM_RenderArticle(benchmark::State& state) {
  init_markdown();
  const std::string body = make_article(static_cast<size_t>(state.range(0)));
  RenderedMarkdown check = render_markdown(body, 20, resolve);
  if (check.html.size() < body.size() / 2 || check.headings.empty() || check.localised_links.empty() ||
      check.html.find("<table>") == std::string::npos || check.text.empty()) {
    state.SkipWithError("markdown did not render as expected");
    return;
  }
  for (auto _ : state) {
    RenderedMarkdown r = render_markdown(body, 20, resolve);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(body.size() * state.iterations()));
  state.counters["md_bytes"] = static_cast<double>(body.size());
  state.counters["headings"] = static_cast<double>(check.headings.size());
}
BENCHMARK(BM_RenderArticle)->Arg(10 * 1024)->Arg(40 * 1024)->Unit(benchmark::kMicrosecond);

// The English rendering of the same body: "/en" inserted at the recorded link offsets.
void BM_HtmlForEnglish(benchmark::State& state) {
  init_markdown();
  const std::string body = make_article(10 * 1024);
  RenderedMarkdown r = render_markdown(body, 20, resolve);
  std::string en = r.html_for(true);
  if (en.size() != r.html.size() + 3 * r.localised_links.size() || en.find("\"/en/journal/") == std::string::npos) {
    state.SkipWithError("English HTML not as expected");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(r.html_for(true));
  state.SetBytesProcessed(static_cast<int64_t>(r.html.size() * state.iterations()));
}
BENCHMARK(BM_HtmlForEnglish)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace takao
