#include "pipeline/build.h"

#include <algorithm>
#include <ctime>
#include <filesystem>

#include "cite/citation_files.h"
#include "core/disk.h"
#include "core/heap.h"
#include "core/parallel.h"
#include "core/step_timer.h"
#include "core/text.h"
#include "glossary/glossary_reader.h"
#include "lookup/lookup_index_writer.h"
#include "markdown/markdown.h"
#include "model/site.h"
#include "model/site_bodies.h"
#include "output/link_check.h"
#include "output/staging.h"
#include "pipeline/build_memo.h"
#include "pipeline/check_record.h"
#include "pipeline/page_origin.h"
#include "pipeline/search_documents.h"
#include "pipeline/source_split.h"
#include "pipeline/tree_record.h"
#include "pipeline/view_inputs.h"
#include "pipeline/site_pdfs.h"
#include "publish/assets.h"
#include "publish/compress.h"
#include "publish/feeds.h"
#include "publish/page_info.h"
#include "publish/sitemaps.h"
#include "render/page_plan.h"
#include "render/page_views.h"
#include "render/view_parts.h"
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

// Threads for the sync before the swap: they mostly wait for the disk, not for a core.
constexpr int kSyncThreads = 8;

// The build's stages, for --timings (stage_seconds and seconds of BuildStats).
class StageTimer {
 public:
  explicit StageTimer(BuildStats* stats) : stats_(stats) {}
  void lap(const std::string& name) {
    double seconds = timer_.lap();
    if (!stats_) return;
    stats_->stage_seconds[name] += seconds;
    stats_->stage_peak_kib[name] = peak_resident_kib();
  }
  void finish() {
    if (stats_) stats_->seconds = timer_.total();
  }

 private:
  BuildStats* stats_;
  StepTimer timer_;
};

// Sums the wall time of each step of the render loop over all workers, each timing its steps with its own
// StepTimer. On an idle machine that is close to their CPU time; on a busy one it also counts time spent
// waiting for a core.
class StepClock {
 public:
  enum Step { views, templates, link_parse, gzip, brotli, write, kSteps };
  using Time = StepTimer;
  Time start() const { return StepTimer(); }
  void lap(Time& t, Step step) { nanos_[step] += t.lap_ns(); }
  void report(std::map<std::string, double>& out) const {
    static constexpr const char* kNames[] = {"views", "templates", "link parse", "gzip", "brotli", "write"};
    for (int s = 0; s < kSteps; ++s) out[kNames[s]] += nanos_[s].load() / 1e9;
  }

 private:
  std::atomic<int64_t> nanos_[kSteps] = {};
};

// Writes a file and, for text files, its pre-compressed .gz and .br twins; when the current site holds the
// same bytes, links the file and its twins from there instead (no compressing, no new inodes). Twins are
// linked only when they are the files the build state recorded (`previous`), or, without a state, when the
// file itself was. What was written goes into `record`. Returns the number of files written.
size_t write_with_twins(StagingFolder& staging, const std::string& path, std::string_view bytes, bool compress,
                        OutputRecord& record, const OutputRecord* previous, StepClock* steps = nullptr,
                        StepClock::Time* t = nullptr) {
  auto lap = [&](StepClock::Step step) {
    if (steps) steps->lap(*t, step);
  };
  bool reused = staging.reuse(path, bytes, &record.file);
  if (!reused) staging.write(path, bytes, &record.file);
  lap(StepClock::write);
  if (!compress || !is_compressible(path)) return 1;
  auto reuse_twin = [&](const std::string& twin, const DiskStamp* recorded, DiskStamp& stamp) {
    if (!reused) return false;
    if (!previous) return staging.reuse_twin(twin, &stamp);
    // The twins were made from the bytes the file had when recorded: only if it is still that file.
    return previous->file == record.file && recorded->present() && staging.reuse_recorded(twin, *recorded) &&
           (stamp = *recorded, true);
  };
  if (!reuse_twin(path + ".gz", previous ? &previous->gz : nullptr, record.gz)) {
    std::string gz = gzip_compress(bytes);
    lap(StepClock::gzip);
    staging.write(path + ".gz", gz, &record.gz);
  }
  lap(StepClock::write);
  if (!reuse_twin(path + ".br", previous ? &previous->br : nullptr, record.br)) {
    std::string br = brotli_compress(bytes);
    lap(StepClock::brotli);
    staging.write(path + ".br", br, &record.br);
  }
  lap(StepClock::write);
  return 3;
}

// Everything of the search documents the index reads, in order.
Digest search_documents_digest(const SearchDocuments& docs) {
  DigestBuilder d;
  d.add("search documents 1");
  for (const auto& doc : docs) {
    d.add(doc.url).add(doc.lang).add(doc.collection).add(doc.title).add(doc.title_alt).add(doc.authors);
    d.add(doc.keywords).add(doc.abstract).add(doc.body()).add(doc.date);
    d.add(std::to_string(doc.year) + " " + std::to_string(doc.page));
  }
  return d.finish();
}

// Files made together from one input: when it is the recorded one, the last build's files are linked
// instead of made again (`kept`).
struct OutputGroup {
  std::string name;
  Digest input{};
  bool kept = false;
  std::vector<std::string> paths;  // the group's files (without compressed twins)
  size_t kept_files = 0;           // with twins, when kept
};

bool keep_group(OutputGroup& group, bool write, BuildMemo& memo, StagingFolder& staging, int jobs) {
  group.kept = write && memo.relink_group(staging, group.name, group.input, group.paths, group.kept_files, jobs);
  return group.kept;
}

size_t file_count(const OutputRecord& record) { return 1 + record.gz.present() + record.br.present(); }

// Writes files that are not pages. One whose bytes are what the build state recorded, with its published
// files unchanged, is linked without reading the current copy or compressing. Each file's bytes are let go
// as soon as it is on disk (its path stays).
bool write_files(StagingFolder& staging, OutputFiles& files, int jobs, bool compress, BuildMemo& memo,
                 BuildStats* stats) {
  std::vector<size_t> written(files.size());
  std::vector<OutputRecord> records(files.size());
  std::vector<char> recorded(files.size());  // not vector<bool>: the workers set neighbouring entries
  parallel_for(files.size(), jobs, [&](size_t i) {
    const auto& f = files[i];
    if (!f.copy_from.empty()) {
      staging.copy(f.path, f.copy_from);
      written[i] = 1;
      if (!compress) return;
      // Twins equal to the live site's are linked (or already in the spare), not written again.
      for (const auto& z : compressed_twins(f)) {
        if (!staging.reuse(z.path, z.bytes)) staging.write(z.path, z.bytes);
        ++written[i];
      }
      return;
    }
    recorded[i] = true;
    if (f.make) files[i].bytes = f.make();
    OutputRecord& rec = records[i];
    rec.input = digest_of(f.bytes);
    if (const OutputRecord* same = memo.unchanged(f.path, rec.input, nullptr); same && memo.relink(staging, f.path, *same)) {
      rec = *same;
      written[i] = file_count(rec);
    } else {
      written[i] = write_with_twins(staging, f.path, f.bytes, compress, rec, memo.previous(f.path));
    }
    std::string().swap(files[i].bytes);  // on disk now: let go at once (the search index is 133 MB)
    files[i].make = nullptr;
  });
  for (size_t i = 0; i < files.size(); ++i) {
    if (recorded[i]) memo.put(files[i].path, std::move(records[i]));
  }
  if (stats) {
    for (size_t n : written) stats->files += n;
  }
  return !staging.failed();
}

// A group's files, made: written into the staging folder at once (when the build writes) and let go, so
// that they do not stay in memory until the other files are written (the search index is 133 MB on the
// 10,000-page corpus: held, it was a fifth of the build's peak). Files of a build that then fails are left
// in the staging folder like its pages: no state vouches for them.
void put_group(OutputGroup& group, OutputFiles made, const BuildConfig& config, StagingFolder& staging, int jobs,
               BuildMemo& memo, BuildStats* stats) {
  for (const auto& f : made) group.paths.push_back(f.path);
  if (!config.write) return;
  write_files(staging, made, jobs, config.compress, memo, stats);
  memo.put_group(group.name, group.input, group.paths);
}

// The citation exports (cite/citation_files.h), a group per page: 41,000 files on the 10,000-page corpus,
// of which a title edited changes a handful (its document's, its issue's or series'). Each page's group is
// kept while what it cites is the same (ViewParts::of_citations), else made again. Adds every export's path
// to `paths`.
void put_citation_exports(const Site& site, const ViewParts* parts, const BuildConfig& config, StagingFolder& staging,
                          int jobs, BuildMemo& memo, BuildStats* stats, std::vector<std::string>& paths) {
  std::vector<CitationExport> pages = citation_exports(site);
  std::vector<Digest> inputs(pages.size());
  std::vector<std::optional<BuildMemo::KeptGroup>> kept(pages.size());
  std::vector<OutputFiles> made(pages.size());
  auto name = [&](size_t i) { return "citations " + pages[i].folder; };
  parallel_for(pages.size(), jobs, [&](size_t i) {
    if (config.write && parts) {
      inputs[i] = parts->of_citations(pages[i]);
      kept[i] = memo.relink_group_files(staging, name(i), inputs[i], 1);
    }
    if (!kept[i]) made[i] = write_citation_export(site, pages[i]);
  });
  OutputFiles to_write;
  for (size_t i = 0; i < pages.size(); ++i) {
    std::vector<std::string> group_paths;
    if (kept[i]) {
      group_paths = kept[i]->paths;
      if (stats) stats->files += kept[i]->files;
      memo.adopt_group(name(i), inputs[i], *kept[i]);
    } else {
      for (auto& f : made[i]) {
        group_paths.push_back(f.path);
        to_write.push_back(std::move(f));
      }
      if (config.write) memo.put_group(name(i), inputs[i], group_paths);
    }
    for (auto& p : group_paths) paths.push_back(std::move(p));
  }
  if (config.write) write_files(staging, to_write, jobs, config.compress, memo, stats);
  if (stats) {
    stats->citation_pages = pages.size();
    stats->citation_pages_made = static_cast<size_t>(std::count(kept.begin(), kept.end(), std::nullopt));
  }
}

}  // namespace

bool run_build(const BuildConfig& config, Diagnostics& diags, BuildStats* stats) {
  init_markdown();
  StageTimer timer(stats);
  int jobs = config.jobs > 0 ? config.jobs : default_jobs();
  std::string theme_dir = find_theme_dir(config.theme_dir);
  Date today = config.today.empty() ? today_local() : config.today;

  // takao check of sources a build has recorded, unchanged since: that build's answer, without reading them
  // (pipeline/check_record; any doubt and the check below runs in full).
  if (!config.write && !config.preview && answer_from_check_record(config, theme_dir, today, diags, stats)) {
    if (config.progress) config.progress->stage = BuildProgress::done;
    timer.lap("record");
    timer.finish();
    return !diags.has_errors();
  }
  // takao build of sources the last build recorded, unchanged since, with its output untouched: nothing to
  // do (pipeline/tree_record; any doubt and the build runs).
  if (config.write && !config.preview && answer_from_tree_record(config, theme_dir, today, jobs, diags, stats)) {
    if (config.progress) config.progress->stage = BuildProgress::done;
    timer.lap("record");
    timer.finish();
    return !diags.has_errors();
  }
  // takao build: the sources' stamps before any is read, for the check record written after the swap.
  SourceSnapshot sources_seen;
  if (config.write && !config.preview) {
    sources_seen = snapshot_sources(config, theme_dir, today);
    timer.lap("stamps");
  }

  Theme theme = load_theme(theme_dir, diags);
  RealDisk disk;
  if (!disk.exists(config.content_dir)) {
    diags.error(config.content_dir, 1, 1, "content folder not found");
    return false;
  }
  if (config.write && !check_output_folder(config.out_dir, config.content_dir, diags)) return false;
  auto sources = load_sources(disk, config.content_dir, diags);
  timer.lap("load");
  if (config.progress) {
    config.progress->files = sources.size();
    config.progress->stage = BuildProgress::parsing;
  }

  BuildOptions options;
  options.drafts = config.drafts;
  options.today = today;
  options.jobs = jobs;
  options.base_url = config.base_url;
  SourceSplits splits;  // each file's skeleton and body, for pages that need no view (pipeline/source_split.h)
  if (config.write) options.on_source = [&](const SourceFile& f, std::optional<size_t> at) { splits.add(f, at); };
  auto site = build_site(std::move(sources), options, diags);
  trim_heap();  // the sources' bytes, parsed: a third of the memory in use
  timer.lap("model");
  if (diags.has_errors()) return false;

  // The PDFs' text, page counts and thumbnails (pdf/): before rendering, which shows them.
  std::vector<DocumentPdf> doc_pdfs = site_pdfs(*site);
  pdf::PdfLibrary pdfs = read_site_pdfs(*site, doc_pdfs, config.content_dir, config.out_dir, jobs, diags);
  timer.lap("pdf");

  auto plan = plan_pages(*site);
  if (stats) stats->languages = site->config.languages.size();
  if (config.progress) {
    config.progress->pages_total = plan.size();
    config.progress->stage = BuildProgress::rendering;
  }
  TemplateEngine engine(theme);
  PublishedAssets assets = publish_theme_assets(theme, diags);
  RenderOptions render_options;
  render_options.preview = config.preview;
  render_options.assets = assets.view;
  render_options.pdfs = pdf_views(pdfs);
  SiteRenderer renderer(*site, theme, engine, render_options);

  StagingFolder staging;
  if (config.write && !staging.begin(config.out_dir, diags)) return false;
  BuildMemo memo(config, theme, assets.view);
  // Besides the sources' skeletons, views read today's date (scheduled pages) and the PDFs' facts.
  std::string view_extra = today.iso() + "\n" + render_options.pdfs.dump();
  Digest skeleton = splits.skeleton(view_extra);
  // The glossary's sources: the lookup index and the open data are made of them, its pages of them and the
  // frame (pipeline/view_inputs.h).
  Digest glossary_input = splits.skeleton(today.iso(), is_glossary_input);
  std::optional<ViewParts> parts;
  if (config.write) parts.emplace(splits, *site, view_extra, glossary_input);
  std::optional<std::set<std::string>> changed_bodies = memo.changed_bodies(splits, skeleton);
  if (stats) stats->bodies_changed = changed_bodies ? static_cast<long>(changed_bodies->size()) : -1;
  timer.lap("render");

  // The search index before the pages: the model is then the only other big thing in memory (after the
  // pages, their records and link graph were too: the index was the build's peak). Every group of files
  // is written as soon as it is made and let go (put_group).
  if (config.progress) config.progress->stage = BuildProgress::indexing;
  SearchDocuments docs = search_documents(*site, &doc_pdfs, &pdfs);
  trim_heap();  // what the render's preparations let go: the index writer's peak comes on top of the rest
  trim_heap();
  // The index is a function of its documents: when their digest is the recorded one, the last build's
  // index files are linked instead of made again.
  OutputGroup search{"search", search_documents_digest(docs), false, {}, 0};
  if (!keep_group(search, config.write, memo, staging, jobs)) put_group(search, search::write_search_index_lazily(docs, jobs), config, staging, jobs, memo, stats);
  if (stats) stats->search_index_kept = search.kept;
  docs = SearchDocuments();
  trim_heap();
  timer.lap("search");
  // The lookup index and the open data are functions of the glossary (its tables, CSV files and postal
  // table, read whole into the skeleton), whose entries nothing else in the content changes: a title
  // edited elsewhere does not make them again (1 s on the 10,000-page corpus).
  OutputGroup lookup{"lookup", glossary_input, false, {}, 0};
  if (!keep_group(lookup, config.write, memo, staging, jobs)) {
    OutputFiles made = write_lookup_index(site->glossary, site->postal);
    for (auto& f : write_glossary_open_data(site->glossary, site->postal)) made.push_back(std::move(f));
    put_group(lookup, std::move(made), config, staging, jobs, memo, stats);
  }
  timer.lap("lookup");

  // Files that do not depend on the rendered pages come first, so that the link check knows them while
  // the pages are parsed; written now too (the citation exports alone are 70 MB on the 10,000-page corpus).
  // The sitemaps and robots.txt read front matter and file names only (dates, titles, which languages a
  // document has): a function of the skeleton, like the lookup index.
  OutputGroup skeletal{"sitemaps", skeleton, false, {}, 0};
  if (!keep_group(skeletal, config.write, memo, staging, jobs)) {
    OutputFiles made = write_sitemaps(*site, plan);
    made.push_back(write_robots_txt(*site));
    put_group(skeletal, std::move(made), config, staging, jobs, memo, stats);
  }
  std::vector<std::string> early_files = std::move(skeletal.paths);  // not needed after: no copy
  put_citation_exports(*site, parts ? &*parts : nullptr, config, staging, jobs, memo, stats, early_files);
  {
    OutputFiles copies = std::move(assets.files);
    for (const auto& a : site->attachments) copies.push_back({a.path, "", config.content_dir + "/" + a.path});
    for (const auto& [url, info] : pdfs.by_url)
      if (!info.thumbnail_url.empty()) copies.push_back({url_decode(info.thumbnail_url.substr(1)), info.text.thumbnail_png, ""});
    OutputFiles published = write_feeds(*site);  // they quote bodies
    for (OutputFiles* group : {&copies, &published}) {
      for (const auto& f : *group) early_files.push_back(f.path);
      if (config.write) write_files(staging, *group, jobs, config.compress, memo, stats);
    }
  }
  timer.lap("write");

  // Pages are parsed for the link check and compressed in the same worker that rendered them.
  std::vector<std::string> page_files;
  for (const auto& p : plan) page_files.push_back(p.path);
  LinkChecker links(plan.size(), site->config.base_url, page_files, early_files);
  if (config.progress) config.progress->stage = BuildProgress::rendering;
  std::vector<size_t> written(plan.size());
  std::vector<OutputRecord> page_records(plan.size());
  std::vector<char> page_reused(plan.size());  // not vector<bool>: the workers set neighbouring entries
  std::atomic<size_t> without_view{0};
  bool same_skeleton = changed_bodies.has_value();
  StepClock steps;
  parallel_for(plan.size(), jobs, [&](size_t i) {
    auto t = steps.start();
    const PlannedPage& page = plan[i];
    OutputRecord& rec = page_records[i];
    if (config.progress) ++config.progress->pages_done;
    // No skeleton changed (or not the part of it the view reads, pipeline/view_inputs.h) and the view read
    // no changed body: the page it was, if still on disk as recorded. With the skeleton unchanged every
    // part is the recorded one and a kept page keeps its own, so the part is made only for pages built.
    std::optional<Digest> part = parts && !same_skeleton ? parts->of(page) : std::nullopt;
    if (const OutputRecord* same = config.write ? memo.kept(page.path, &links, part) : nullptr;
        same && memo.relink(staging, page.path, *same)) {
      rec = *same;
      if (!same_skeleton) rec.part = part.value_or(Digest{});
      page_reused[i] = true;
      ++without_view;
      written[i] = file_count(rec);
      steps.lap(t, StepClock::write);
      return;
    }
    if (parts && same_skeleton) part = parts->of(page);
    std::vector<const Document*> reads;
    record_body_reads(&reads);
    nlohmann::json view = renderer.view(page);
    record_body_reads(nullptr);
    if (config.write) rec.input = memo.page_input(view, renderer.layout_view(page));
    steps.lap(t, StepClock::views);
    if (const OutputRecord* same = config.write ? memo.unchanged(page.path, rec.input, &links) : nullptr;
        same && memo.relink(staging, page.path, *same)) {
      // Made from the same inputs and still on disk as recorded: the page's bytes are known without
      // templates, its twins need no compressing, its links were found by the last build.
      rec = *same;
      rec.body_deps = memo.body_deps(reads);
      rec.part = part.value_or(Digest{});
      page_reused[i] = true;
      written[i] = file_count(rec);
      steps.lap(t, StepClock::write);
      return;
    }
    TemplateNames names;
    std::string html = renderer.render_view(page, std::move(view), &names);
    steps.lap(t, StepClock::templates);
    std::vector<std::string> settled;
    links.add_page(i, page.url, page.path, html, page_origin(*site, theme.dir, page), &settled);
    steps.lap(t, StepClock::link_parse);
    if (!config.write) return;
    memo.record_page(rec, links.parsed(i), settled, names);
    rec.body_deps = memo.body_deps(reads);
    rec.part = part.value_or(Digest{});
    written[i] = write_with_twins(staging, page.path, html, config.compress, rec, memo.previous(page.path), &steps, &t);
  });
  // What reused pages recorded stands in for parsing and rendering them (one thread: the sets are shared).
  size_t pages_reused = 0;
  // The bodies' HTML is spent (the feeds that quote it were written before the pages): let it go before the
  // reused pages' parses join the link check, which was a rebuild's peak of memory.
  release_body_html(*site);
  trim_heap();
  for (size_t i = 0; i < plan.size(); ++i) {
    if (!page_reused[i]) continue;
    ++pages_reused;
    links.add_parsed_page(i, plan[i].url, plan[i].path, memo.parsed_page(page_records[i]), page_origin(*site, theme.dir, plan[i]));
    memo.add_names(page_records[i], engine);
  }
  for (size_t i = 0; i < plan.size() && config.write; ++i) memo.put(plan[i].path, std::move(page_records[i]));
  if (stats) stats->pages_reused = pages_reused, stats->pages_without_view = without_view;
  if (stats) steps.report(stats->render_step_seconds);
  if (stats) {
    stats->pages = plan.size();
    for (size_t n : written) stats->files += n;
  }
  engine.report_unused_variables(diags);
  trim_heap();  // the render's buffers
  timer.lap("render");

  for (const OutputGroup* group : {&search, &lookup}) {
    for (const auto& path : group->paths) links.add_file(path);
  }
  for (const auto& [file, text] : theme.texts) links.add_template(file, text);
  links.check(diags);
  timer.lap("links");

  if (diags.has_errors() || !config.write) {
    timer.finish();
    return !diags.has_errors();
  }
  // What the rest needs of the model is two counts: the model (a quarter of a gigabyte on the 10,000-page
  // corpus), its view parts and the PDFs' text go now, so that the state, the spare's listing and the
  // records are made in the memory they held, not on top of it (the end of a rebuild was its peak).
  size_t planned_pages = plan.size(), languages = site->config.languages.size();
  parts.reset();
  site.reset();
  pdfs = pdf::PdfLibrary();
  trim_heap();
  if (config.progress) config.progress->stage = BuildProgress::writing;
  for (const OutputGroup* group : {&search, &lookup, &skeletal}) {
    if (group->kept && stats) stats->files += group->kept_files;
  }
  if (stats) stats->reused = staging.reused(), stats->kept = staging.kept();
  // What takao check will answer for these sources: the diagnostics so far, not those about saving.
  std::vector<Diagnostic> answer = diags.sorted();
  // Durable, in this order, so that a power cut (not only a kill) leaves the old site or the new one, and
  // a state that vouches only for files that are live:
  //  1. each file written reached the disk: its writeback was started as it was written, and sync() runs
  //     fdatasync on it, then fsync on every folder of a fresh tree, or, when the spare was brought up to
  //     date in place, on the folders whose entries changed (linked files were synced by the build that
  //     wrote them; the spare's other folders when they last changed);
  //  2. the new state, in a temporary file beside the output, fdatasync'ed (it names the new tree's inodes);
  //  3. the swap (RENAME_EXCHANGE), then at once the state's rename over the old one: two renames in the
  //     output's parent folder, made durable together by one fsync of that folder.
  // A cut before 3 leaves the old site and the old state. A cut between the two renames (or after the swap
  // only reached the disk) leaves the new site with the old state, which is safe: a record vouches for a
  // file only while its inode, size and mtime match, and every file this build wrote is a new inode, so
  // only the files it linked unchanged are trusted. Were the state's rename on the disk and not the swap,
  // the records of the files written would name inodes of the abandoned staging tree: made again too.
  bool state_ready = memo.prepare_save();
  timer.lap("state");
  if (!staging.sync(std::max(jobs, kSyncThreads))) {
    staging.commit(diags);  // reports the failure; nothing is swapped
    return false;
  }
  timer.lap("sync");
  bool state_saved = false;
  forget_tree_record(config.out_dir);  // it describes the site being replaced
  if (!staging.commit(diags, [&] { state_saved = state_ready && memo.finish_save(); })) return false;
  timer.lap("swap");
  if (!state_saved) diags.warning(BuildState::file_for(config.out_dir), 1, 1, "cannot write the build state; the next build will be a full one");
  // After the swap: a build killed before this leaves the last record, whose stamps are not those of the
  // sources read now, so takao check checks everything.
  if (!config.preview) {
    // The snapshot names files "CONTENT/path"; the splits know what the build read of them by "path".
    std::string content_prefix = config.content_dir;
    while (content_prefix.size() > 1 && content_prefix.back() == '/') content_prefix.pop_back();
    content_prefix += '/';
    auto content_of = [&](const std::string& path) -> std::optional<Digest> {
      if (path.rfind(content_prefix, 0) != 0) return std::nullopt;
      return splits.content(path.substr(content_prefix.size()));
    };
    if (!save_check_record(config.out_dir, sources_seen, answer, planned_pages, languages, content_of)) {
      diags.warning(check_record_file(config.out_dir), 1, 1, "cannot write the check record; takao check will check everything");
    } else if (sources_seen.ok) {
      // Last: the tree record names the check record just written (a rebuild with nothing to do answers
      // from both). Without it the next build runs in full.
      save_tree_record(config, jobs, staging.listing());
    }
  }
  timer.lap("record");
  timer.finish();
  return true;
}

}  // namespace takao
