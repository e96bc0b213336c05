#include "pipeline/build.h"

#include <chrono>
#include <ctime>
#include <filesystem>

#include "core/disk.h"
#include "core/parallel.h"
#include "glossary/glossary_reader.h"
#include "lookup/lookup_index_writer.h"
#include "markdown/markdown.h"
#include "model/site.h"
#include "output/staging.h"
#include "pipeline/search_documents.h"
#include "render/page_plan.h"
#include "render/page_views.h"
#include "render/template_engine.h"
#include "render/theme.h"
#include "search/index_writer.h"
#include "source/source_file.h"

namespace takao {

std::string find_theme_dir(const std::string& configured) {
  if (!configured.empty()) return configured;
  std::error_code ec;
  if (std::filesystem::is_directory("themes/default/templates", ec)) return "themes/default";
  return TAKAO_DEFAULT_THEME;
}

Date today_local() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

namespace {

class StageTimer {
 public:
  explicit StageTimer(BuildStats* stats) : stats_(stats), last_(std::chrono::steady_clock::now()), start_(last_) {}
  void lap(const std::string& name) {
    auto now = std::chrono::steady_clock::now();
    if (stats_) stats_->stage_seconds[name] += std::chrono::duration<double>(now - last_).count();
    last_ = now;
  }
  void finish() {
    if (stats_) stats_->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  BuildStats* stats_;
  std::chrono::steady_clock::time_point last_, start_;
};

bool write_files(StagingFolder& staging, const OutputFiles& files, int jobs, BuildStats* stats) {
  parallel_for(files.size(), jobs, [&](size_t i) {
    const auto& f = files[i];
    if (f.copy_from.empty()) staging.write(f.path, f.bytes);
    else staging.copy(f.path, f.copy_from);
  });
  if (stats) stats->files += files.size();
  return !staging.failed();
}

}  // namespace

bool run_build(const BuildConfig& config, Diagnostics& diags, BuildStats* stats) {
  init_markdown();
  StageTimer timer(stats);
  int jobs = config.jobs > 0 ? config.jobs : default_jobs();

  Theme theme = load_theme(find_theme_dir(config.theme_dir), diags);
  RealDisk disk;
  if (!disk.exists(config.content_dir)) {
    diags.error(config.content_dir, 1, 1, "content folder not found");
    return false;
  }
  auto sources = load_sources(disk, config.content_dir, diags);
  timer.lap("load");

  BuildOptions options;
  options.drafts = config.drafts;
  options.today = config.today.empty() ? today_local() : config.today;
  options.jobs = jobs;
  options.base_url = config.base_url;
  auto site = build_site(std::move(sources), options, diags);
  timer.lap("model");
  if (diags.has_errors()) return false;

  auto plan = plan_pages(*site);
  TemplateEngine engine(theme);
  RenderOptions render_options;
  render_options.preview = config.preview;
  SiteRenderer renderer(*site, theme, engine, render_options);

  StagingFolder staging;
  if (config.write && !staging.begin(config.out_dir, diags)) return false;
  parallel_for(plan.size(), jobs, [&](size_t i) {
    std::string html = renderer.render(plan[i]);
    if (config.write) staging.write(plan[i].path, html);
  });
  if (stats) {
    stats->pages = plan.size();
    stats->files += plan.size();
  }
  engine.report_unused_variables(diags);
  timer.lap("render");

  SearchDocuments docs = search_documents(*site);
  OutputFiles search_files = write_search_index(docs);
  timer.lap("search");
  OutputFiles lookup_files = write_lookup_index(site->glossary);
  OutputFiles open_data = write_glossary_open_data(site->glossary);
  timer.lap("lookup");

  if (diags.has_errors() || !config.write) {
    timer.finish();
    return !diags.has_errors();
  }
  OutputFiles copies = theme_asset_files(theme);
  for (const auto& a : site->attachments) copies.push_back({a.path, "", config.content_dir + "/" + a.path});
  write_files(staging, copies, jobs, stats);
  write_files(staging, search_files, jobs, stats);
  write_files(staging, lookup_files, jobs, stats);
  write_files(staging, open_data, jobs, stats);
  timer.lap("write");
  if (!staging.commit(diags)) return false;
  timer.lap("swap");
  timer.finish();
  return true;
}

}  // namespace takao
