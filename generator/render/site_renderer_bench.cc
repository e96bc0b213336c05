// Google Benchmark: one journal article page through the real default theme (themes/default), as takao
// build renders it: the site is the repository's content/ (loaded, modelled, planned once), the theme's
// asset table comes from publish_theme_assets. Measured: building the page's view and rendering it
// (SiteRenderer::render), the view alone, and the templates alone (render_view from a built view).
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "core/disk.h"
#include "markdown/markdown.h"
#include "model/site.h"
#include "publish/assets.h"
#include "render/page_plan.h"
#include "render/page_views.h"
#include "render/template_engine.h"
#include "render/theme.h"
#include "source/source_file.h"

namespace takao {
namespace {

struct Fixture {
  Theme theme;
  std::unique_ptr<Site> site;
  std::vector<PlannedPage> plan;
  std::unique_ptr<TemplateEngine> engine;
  std::unique_ptr<SiteRenderer> renderer;
  std::string error;

  Fixture() {
    init_markdown();
    Diagnostics diags;
    theme = load_theme(std::string(TAKAO_SOURCE_DIR) + "/themes/default", diags);
    RealDisk disk;
    BuildOptions options;
    options.today = {2026, 1, 1};
    site = build_site(load_sources(disk, std::string(TAKAO_SOURCE_DIR) + "/content", diags), options, diags);
    if (diags.has_errors()) {
      for (const auto& d : diags.sorted()) error += d.format() + "\n";
      return;
    }
    plan = plan_pages(*site);
    engine = std::make_unique<TemplateEngine>(theme);
    RenderOptions render_options;
    render_options.assets = publish_theme_assets(theme, diags).view;
    renderer = std::make_unique<SiteRenderer>(*site, theme, *engine, render_options);
  }

  // The article page at `url` (e.g. "/en/journal/017/01-mice/"), or the first article page of that language.
  const PlannedPage* article(const std::string& url, bool en) const {
    const PlannedPage* first = nullptr;
    for (const auto& p : plan) {
      if (p.kind != PageKind::article || p.en != en) continue;
      if (p.url == url) return &p;
      if (!first) first = &p;
    }
    return first;
  }
};

const Fixture& fixture() {
  static Fixture f;
  return f;
}

// Sets up the page for a benchmark (range(0): 0 Chinese, 1 English); nullptr after SkipWithError.
const PlannedPage* page_for(benchmark::State& state) {
  const Fixture& f = fixture();
  if (!f.error.empty() || !f.renderer) {
    state.SkipWithError(("content/ did not build: " + f.error).c_str());
    return nullptr;
  }
  bool en = state.range(0) == 1;
  const PlannedPage* page = f.article(en ? "/en/journal/017/01-mice/" : "/journal/017/01-mice/", en);
  if (!page) {
    state.SkipWithError("no article page in content/");
    return nullptr;
  }
  std::string html = f.renderer->render(*page);
  std::string title = f.site->articles[page->index].doc.title;
  if (html.size() < 2000 || html.find("<html") == std::string::npos || html.find("</html>") == std::string::npos ||
      (!en && html.find(title) == std::string::npos)) {
    state.SkipWithError("article page did not render as expected");
    return nullptr;
  }
  state.SetLabel(page->url);
  state.counters["html_bytes"] = static_cast<double>(html.size());
  return page;
}

void BM_ArticleViewAndRender(benchmark::State& state) {
  const PlannedPage* page = page_for(state);
  if (!page) return;
  const SiteRenderer& r = *fixture().renderer;
  for (auto _ : state) benchmark::DoNotOptimize(r.render(*page));
}
BENCHMARK(BM_ArticleViewAndRender)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

void BM_ArticleView(benchmark::State& state) {
  const PlannedPage* page = page_for(state);
  if (!page) return;
  const SiteRenderer& r = *fixture().renderer;
  for (auto _ : state) benchmark::DoNotOptimize(r.view(*page));
}
BENCHMARK(BM_ArticleView)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

// Templates only: the view is built outside the timed region (render_view takes it by value).
void BM_ArticleRenderOnly(benchmark::State& state) {
  const PlannedPage* page = page_for(state);
  if (!page) return;
  const SiteRenderer& r = *fixture().renderer;
  const nlohmann::json view = r.view(*page);
  for (auto _ : state) {
    state.PauseTiming();
    nlohmann::json copy = view;
    state.ResumeTiming();
    benchmark::DoNotOptimize(r.render_view(*page, std::move(copy)));
  }
}
BENCHMARK(BM_ArticleRenderOnly)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace takao
