#include "pipeline/incremental.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <unordered_map>

#include "cite/citation_files.h"
#include "core/disk.h"
#include "core/text.h"
#include "core/parallel.h"
#include "core/step_timer.h"
#include "lookup/lookup_index_writer.h"
#include "model/site.h"
#include "model/site_bodies.h"
#include "output/content_digest.h"
#include "output/link_check.h"
#include "output/staging.h"
#include "pipeline/page_origin.h"
#include "pipeline/search_documents.h"
#include "pipeline/site_pdfs.h"
#include "pipeline/source_split.h"
#include "publish/assets.h"
#include "publish/compress.h"
#include "publish/feeds.h"
#include "publish/sitemaps.h"
#include "render/page_plan.h"
#include "render/page_views.h"
#include "render/template_engine.h"
#include "render/theme.h"
#include "search/index_writer.h"
#include "source/source_file.h"

namespace takao {

namespace {

// 128 bits of SHA-256, the build state's digest (output/content_digest.h): a changed file is never taken
// for an unchanged one.
using Fingerprint = Digest;

Fingerprint fingerprint(std::string_view bytes) { return digest_of(bytes); }

Fingerprint stamp_fingerprint(const std::string& from, const FileStamp& s) {
  std::string key = from + '\0' + std::to_string(s.size) + ':' + std::to_string(s.mtime_ns) + ':' + std::to_string(s.inode);
  return fingerprint(key);
}

// Lists the given paths only (the files that changed), reading them from the disk below: load_sources
// then classifies and checks just those.
class SubsetDisk : public Disk {
 public:
  SubsetDisk(Disk& disk, std::vector<std::string> paths) : disk_(disk), paths_(std::move(paths)) {}
  std::vector<std::string> list_files(const std::string&, std::vector<std::string>*) override { return paths_; }
  std::optional<std::string> read(const std::string& path) override { return disk_.read(path); }
  bool exists(const std::string& path) override { return disk_.exists(path); }
  DiskEntry look(const std::string& path) override { return disk_.look(path); }
  bool write(const std::string&, std::string_view, std::string* error) override {
    if (error) *error = "a subset of the sources is read only";
    return false;
  }
  void remove(const std::string&, const std::string&) override {}
  bool real() const override { return disk_.real(); }

 private:
  Disk& disk_;
  std::vector<std::string> paths_;
};

// A source file as the last good build had it.
struct FileParts {
  FileKind kind;
  std::string zh_path;
  FileSplit split;
};

// A page as the last good build made it.
struct PageRecord {
  Fingerprint view{}, templates{};
  std::vector<std::string> body_deps;  // source paths of the documents whose body the view read
};

// Records the seconds of each rebuild step in the result, for --timings.
class StepLaps {
 public:
  explicit StepLaps(IncrementalResult& result) : result_(result) {}
  void operator()(const char* step) { result_.steps.emplace_back(step, timer_.lap()); }

 private:
  IncrementalResult& result_;
  StepTimer timer_;
};

// A pending output: bytes to write, or a file to copy.
struct Pending {
  std::string bytes;
  std::string copy_from;
};

}  // namespace

struct IncrementalBuilder::State {
  // Sources, by path relative to the content folder.
  struct SourceEntry {
    FileStamp stamp;
    std::optional<SourceFile> file;  // nullopt: skipped or unreadable (its diagnostics say why)
    std::vector<Diagnostic> diags;
    std::optional<FileSplit> parts;  // once a good build's model split it
  };
  std::map<std::string, SourceEntry> sources;
  ParseCache parse_cache;

  // The last good build.
  bool built = false;
  std::map<std::string, FileParts> files;
  std::set<std::string> dirty;  // sources added, changed or removed since the last good build
  std::vector<Diagnostic> skeleton_diags;  // the model's, but for the bodies' links and anchors
  std::shared_ptr<const pdf::PdfLibrary> pdfs;  // the PDFs read at the last whole build (site_pdfs.h)
  Date today;
  std::map<std::string, Fingerprint> templates;  // name -> expanded text
  Fingerprint strings{}, assets_view{};
  std::map<std::string, PageRecord> pages;  // by output path
  std::vector<PlannedPage> plan;
  std::unordered_map<std::string, size_t> plan_index;  // output path -> plan entry
  std::map<PageKind, Fingerprint> template_fps;       // of the base and the kind's own template
  std::map<std::string, Fingerprint> outputs;  // every file in the output folder (but the marker)
  std::set<std::string> lookup_paths, search_paths;

  std::unique_ptr<Theme> theme;
  std::unique_ptr<TemplateEngine> engine;
  PublishedAssets assets;                 // of `theme`, as last published
  std::map<std::string, Fingerprint> loaded_templates;  // `theme`'s, as `templates` are the last good build's
  Fingerprint loaded_strings{}, loaded_assets_view{};
  std::vector<Diagnostic> theme_diags;    // what loading `theme` reported (replayed while it stands)
  std::shared_ptr<Site> site;  // changed in place by the bodies-only path when nothing else holds it
  // The renderer of `site` with `theme` and `engine` (making one indexes the whole site: a third of a
  // bodies-only rebuild); dropped whenever any of the three is replaced.
  std::unique_ptr<SiteRenderer> renderer;
  const Site* renderer_site = nullptr;
  // Source path -> plan entries of the pages whose views read that document's body (from `pages`).
  std::unordered_map<std::string, std::set<size_t>> body_readers;
  std::set<std::string> feed_deps;  // source paths of the documents whose bodies the feeds quote
  // Every page's links as the link check of the rendered HTML kept them (slots by `plan` entry), and the
  // files that settled each page's other links: a page not rendered again keeps its parse while all of
  // those still exist.
  std::unique_ptr<LinkChecker> links;
  std::vector<std::vector<std::string>> settled;
  bool walked = false;  // `sources` came from a walk of the whole folder that found no symbolic link
  bool search_dirty = false;
  uint64_t search_generation = 0;  // counts builds that changed what the search index holds
};

IncrementalBuilder::IncrementalBuilder(BuildConfig config, bool defer_search, Disk* disk)
    : config_(std::move(config)),
      own_disk_(disk ? nullptr : std::make_unique<RealDisk>()),
      disk_(disk ? disk : own_disk_.get()),
      defer_search_(defer_search),
      state_(std::make_unique<State>()) {}

IncrementalBuilder::~IncrementalBuilder() = default;

bool IncrementalBuilder::search_pending() const { return state_->search_dirty; }

namespace {

// Writes or removes files in the output folder through the disk, whose write replaces a file whole (the
// preview server never sends half a file); keeps the first error.
class OutputWriter {
 public:
  OutputWriter(Disk& disk, std::string root) : disk_(disk), root_(std::move(root)) {}

  bool write(const std::string& path, const Pending& p) {
    std::string message;
    if (p.copy_from.empty()) {
      if (!disk_.write(root_ + "/" + path, p.bytes, &message)) return fail(message);
      return true;
    }
    std::optional<std::string> bytes = disk_.read(p.copy_from);
    if (!bytes) return fail("cannot copy " + p.copy_from);
    if (!disk_.write(root_ + "/" + path, *bytes, &message)) return fail(message);
    return true;
  }

  // Folders left empty go too, as a clean build would not make them.
  void remove(const std::string& path) { disk_.remove(root_ + "/" + path, root_); }

  std::string error() {
    std::lock_guard lock(mutex_);
    return error_;
  }

 private:
  bool fail(const std::string& message) {
    std::lock_guard lock(mutex_);
    if (error_.empty()) error_ = message;
    return false;
  }

  Disk& disk_;
  std::string root_;
  std::mutex mutex_;
  std::string error_;
};

}  // namespace

namespace {

// Adds the compressed twins of every pending text file, as the clean build writes them.
void add_compressed_twins(std::map<std::string, Pending>& pending, std::map<std::string, Fingerprint>& fingerprints, int jobs) {
  std::vector<std::string> names;
  for (const auto& [path, p] : pending) names.push_back(path);
  std::vector<OutputFiles> twins(names.size());
  parallel_for(names.size(), jobs, [&](size_t i) {
    const Pending& p = pending.at(names[i]);
    twins[i] = compressed_twins(OutputFile{names[i], p.bytes, p.copy_from});
  });
  for (auto& group : twins) {
    for (auto& z : group) {
      fingerprints[z.path] = fingerprint(z.bytes);
      pending[z.path] = Pending{std::move(z.bytes), ""};
    }
  }
}

// Writes every pending file; returns their paths, sorted.
std::vector<std::string> write_pending(OutputWriter& writer, const std::map<std::string, Pending>& pending, int jobs) {
  std::vector<std::string> paths;
  for (const auto& [path, p] : pending) paths.push_back(path);
  parallel_for(paths.size(), jobs, [&](size_t i) { writer.write(paths[i], pending.at(paths[i])); });
  return paths;
}

// The feeds, and in `quoted` the documents whose bodies they quote (the bodies-only path makes them again
// only when one of those was edited).
OutputFiles feeds_quoting(const Site& site, std::set<std::string>& quoted) {
  std::vector<const Document*> reads;
  record_body_reads(&reads);
  OutputFiles feeds = write_feeds(site);
  record_body_reads(nullptr);
  quoted.clear();
  for (const Document* d : reads) quoted.insert(d->source_path);
  return feeds;
}

// Whether every path the watcher named is a file of the content folder, none of the theme's (then the
// theme need not be read again). A path it cannot place counts as the theme's.
bool names_content_only(const std::vector<std::string>& paths, const std::string& content_dir, const std::string& theme_dir) {
  auto below = [](const std::string& path, const std::string& dir) {
    if (dir.empty()) return false;
    std::string prefix = dir.back() == '/' ? dir : dir + "/";
    return path == dir || starts_with(path, prefix);
  };
  for (const auto& path : paths) {
    if (!below(path, content_dir) || below(path, theme_dir)) return false;
  }
  return true;
}

// Builds a page's view and renders it, unless the view and the templates are those of `old` (the page on
// disk is then still right): nullopt.
std::optional<std::string> refresh_page(const SiteRenderer& renderer, const PlannedPage& p, const PageRecord* old,
                                        const Fingerprint& templates, PageRecord& rec) {
  std::vector<const Document*> reads;
  record_body_reads(&reads);
  nlohmann::json view = renderer.view(p);
  record_body_reads(nullptr);
  rec.view = fingerprint(view.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  rec.templates = templates;
  for (const Document* d : reads) rec.body_deps.push_back(d->source_path);
  std::sort(rec.body_deps.begin(), rec.body_deps.end());
  rec.body_deps.erase(std::unique(rec.body_deps.begin(), rec.body_deps.end()), rec.body_deps.end());
  if (old && old->templates == rec.templates && old->view == rec.view) return std::nullopt;
  return renderer.render_view(p, std::move(view));
}

}  // namespace

IncrementalResult IncrementalBuilder::build(Diagnostics& diags, const std::vector<std::string>* changed_paths) {
  StepTimer started;
  init_markdown();
  State& s = *state_;
  IncrementalResult result;
  StepLaps lap(result);
  auto finish = [&] {
    result.seconds = started.total();
    return result;
  };
  int jobs = config_.jobs > 0 ? config_.jobs : default_jobs();

  // Theme: read again unless the watcher named content files only (reading and hashing it was a tenth of
  // a bodies-only rebuild); the engine is kept while the templates stay the same.
  const std::string& root = config_.content_dir;
  std::string theme_dir = find_theme_dir(config_.theme_dir);
  std::unique_ptr<Theme> theme;
  PublishedAssets assets;
  std::map<std::string, Fingerprint> templates;
  Fingerprint strings{}, assets_view{};
  if (s.theme && changed_paths && names_content_only(*changed_paths, root, theme_dir)) {
    for (const auto& d : s.theme_diags) diags.add(d);
    assets = s.assets;  // a copy: the whole path gives its files away
    templates = s.loaded_templates;
    strings = s.loaded_strings;
    assets_view = s.loaded_assets_view;
  } else {
    Diagnostics theme_diags;
    theme = std::make_unique<Theme>(load_theme(theme_dir, theme_diags));
    assets = publish_theme_assets(*theme, theme_diags);
    for (const auto& d : theme_diags.sorted()) diags.add(d);
    if (diags.has_errors()) return finish();
    for (const auto& [name, text] : theme->templates) templates[name] = fingerprint(text);
    strings = fingerprint(theme->strings_zh.dump() + '\0' + theme->strings_en.dump());
    assets_view = fingerprint(assets.view.dump());
    s.theme_diags = theme_diags.sorted();
  }
  // Against the last good build's theme (a build that failed may have loaded another since).
  bool theme_changed = templates != s.templates;
  bool views_changed = !(strings == s.strings) || !(assets_view == s.assets_view);
  if (theme) s.assets = assets;
  if (theme && (!s.engine || templates != s.loaded_templates || !(strings == s.loaded_strings) ||
                !(assets_view == s.loaded_assets_view))) {
    // Views read the theme's strings, the engine its templates: both follow the theme just read.
    s.renderer.reset();
    s.engine.reset();
    s.theme = std::move(theme);
    s.engine = std::make_unique<TemplateEngine>(*s.theme);
    s.loaded_templates = templates;
    s.loaded_strings = strings;
    s.loaded_assets_view = assets_view;
  }
  lap("theme");

  // Sources: read again only what changed on disk.
  if (disk_->look(root).kind != DiskEntry::folder) {
    diags.error(root, 1, 1, "content folder not found");
    return finish();
  }
  std::string display_root = content_display_root(root);
  std::vector<std::string> links, changed;
  std::map<std::string, FileStamp> stamps;  // of the files looked at
  // With the watcher's list of what changed, only the files it names are looked at. Anything else it
  // names (a folder, a symbolic link, a path outside content and theme, as after lost events) takes the
  // walk of the whole folder, which is also what finds a folder moved away.
  auto look_at_named = [&]() -> bool {
    if (!changed_paths || !s.walked) return false;
    std::string content_prefix = root.back() == '/' ? root : root + "/";
    std::string theme_prefix = config_.theme_dir.empty() || config_.theme_dir.back() == '/' ? config_.theme_dir : config_.theme_dir + "/";
    std::vector<std::string> gone;
    for (const auto& full : *changed_paths) {
      bool in_theme = !theme_prefix.empty() && (starts_with(full, theme_prefix) || full == config_.theme_dir);
      if (in_theme) continue;  // the theme is read whole anyway
      if (!starts_with(full, content_prefix)) return false;
      std::string rel = full.substr(content_prefix.size());
      DiskEntry entry = disk_->look(full);
      if (entry.kind == DiskEntry::file) {
        stamps[rel] = entry.stamp;
        auto it = s.sources.find(rel);
        if (it == s.sources.end() || !(it->second.stamp == stamps[rel])) changed.push_back(rel);
      } else {
        if (entry.kind != DiskEntry::none) return false;
        auto below = s.sources.lower_bound(rel + "/");
        if (below != s.sources.end() && starts_with(below->first, rel + "/")) return false;
        if (s.sources.count(rel)) gone.push_back(rel);
      }
    }
    for (const auto& rel : gone) {
      s.dirty.insert(rel);
      s.sources.erase(rel);
    }
    return true;
  };
  if (!look_at_named()) {
    changed.clear();
    stamps.clear();
    std::vector<std::string> paths;
    std::string prefix = root.back() == '/' ? root : root + "/";
    for (const auto& rel : disk_->list_files(root, &links)) {
      DiskEntry entry = disk_->look(prefix + rel);
      if (entry.kind != DiskEntry::file) continue;  // gone since it was listed
      paths.push_back(rel);
      stamps[rel] = entry.stamp;
    }
    report_symbolic_links(root, links, diags);
    for (const auto& p : paths) {
      auto it = s.sources.find(p);
      if (it == s.sources.end() || !(it->second.stamp == stamps[p])) changed.push_back(p);
    }
    for (auto it = s.sources.begin(); it != s.sources.end();) {
      if (stamps.count(it->first)) {
        ++it;
      } else {
        s.dirty.insert(it->first);
        it = s.sources.erase(it);
      }
    }
    s.walked = links.empty();
  }
  lap("walk");
  if (!changed.empty()) {
    SubsetDisk subset(*disk_, changed);
    Diagnostics local;
    auto loaded = load_sources(subset, root, local);
    for (const auto& p : changed) {
      s.sources[p] = State::SourceEntry{stamps[p], std::nullopt, {}, std::nullopt};
      s.dirty.insert(p);
    }
    for (auto& f : loaded) s.sources[f.path].file = std::move(f);
    for (const auto& d : local.sorted()) {
      std::string rel = d.path.substr(std::min(d.path.size(), display_root.size()));
      auto it = s.sources.find(rel);
      if (it != s.sources.end()) it->second.diags.push_back(d);
      else diags.add(d);
    }
  }
  lap("load");
  for (const auto& [path, e] : s.sources) {
    for (const auto& d : e.diags) diags.add(d);
  }
  Date today = config_.today.empty() ? today_local() : config_.today;
  lap("sources");

  if (links.empty() && !theme_changed && !views_changed && today == s.today) {
    if (build_bodies_only(assets, jobs, diags, result)) return finish();
  }

  // The whole path: the model anew (parses of unchanged files come from the cache).
  std::vector<SourceFile> sources;
  sources.reserve(s.sources.size());
  for (const auto& [path, e] : s.sources) {
    if (e.file) sources.push_back(*e.file);
  }
  std::map<std::string, FileParts> files;
  for (const auto& f : sources) files[f.path] = {f.kind, f.zh_path.empty() ? f.path : f.zh_path, {}};
  BuildOptions options;
  options.drafts = config_.drafts;
  options.today = today;
  options.jobs = jobs;
  options.base_url = config_.base_url;
  options.cache = &s.parse_cache;
  options.body_diagnostics = false;  // kept apart from the rest, for build_bodies_only
  Diagnostics model_diags;
  std::shared_ptr<Site> site = build_site(std::move(sources), options, model_diags);
  s.parse_cache.prune();
  // The PDFs, as takao build reads them (from the cache when unchanged); their warnings are replayed
  // with the model's by a bodies-only build.
  auto pdfs = std::make_shared<pdf::PdfLibrary>();
  if (site && !model_diags.has_errors()) {
    *pdfs = read_site_pdfs(*site, site_pdfs(*site), config_.content_dir, config_.out_dir, jobs, model_diags, disk_);
  }
  std::vector<Diagnostic> skeleton_diags = model_diags.sorted();
  for (const auto& d : skeleton_diags) diags.add(d);
  report_body_diagnostics(*site, diags);
  if (diags.has_errors()) return finish();
  lap("model");

  // Split each file once (its stamp unchanged, its bytes and therefore its parse are the same).
  for (auto& [path, parts] : files) {
    auto& e = s.sources[path];
    if (!e.parts) e.parts = split_file(*e.file, s.parse_cache.body_offset(e.file->display_path));
    parts.split = *e.parts;
  }
  bool skeleton_changed = !s.built || !(today == s.today) || files.size() != s.files.size();
  std::set<std::string> body_changed;  // source paths of documents whose body changed
  if (!skeleton_changed) {
    for (const auto& [path, parts] : files) {
      auto old = s.files.find(path);
      if (old == s.files.end() || old->second.kind != parts.kind || !(old->second.split.skeleton == parts.split.skeleton)) {
        skeleton_changed = true;
        break;
      }
      if (!(old->second.split.body == parts.split.body)) body_changed.insert(parts.zh_path);
    }
  }
  bool consider_all = skeleton_changed || views_changed;
  result.full = consider_all;
  lap("split");

  // Pages.
  auto plan = plan_pages(*site);
  RenderOptions render_options;
  render_options.preview = config_.preview;
  render_options.assets = assets.view;
  render_options.pdfs = pdf_views(*pdfs);
  auto renderer_of_site = std::make_unique<SiteRenderer>(*site, *s.theme, *s.engine, render_options);
  const SiteRenderer& renderer = *renderer_of_site;
  s.template_fps.clear();
  for (const auto& p : plan) {
    if (s.template_fps.count(p.kind)) continue;
    auto fp_of = [&](const std::string& name) { return templates.count(name) ? templates[name] : Fingerprint{}; };
    Fingerprint base = fp_of("base"), page = fp_of(SiteRenderer::template_name(p.kind));
    s.template_fps[p.kind] = DigestBuilder().add(base).add(page).finish();
  }
  std::vector<PageRecord> records(plan.size());
  std::vector<char> keep(plan.size(), 0);  // the old record stands, nothing to do
  std::vector<std::optional<Pending>> html(plan.size());
  std::atomic<size_t> considered{0}, rendered{0};
  parallel_for(plan.size(), jobs, [&](size_t i) {
    const PlannedPage& p = plan[i];
    auto old = s.pages.find(p.path);
    bool have = old != s.pages.end() && old->second.templates == s.template_fps.at(p.kind);
    if (have && !consider_all) {
      bool touched = false;
      for (const auto& dep : old->second.body_deps) {
        if (body_changed.count(dep)) touched = true;
      }
      if (!touched) {
        keep[i] = 1;
        return;
      }
    }
    ++considered;
    auto page = refresh_page(renderer, p, have ? &old->second : nullptr, s.template_fps.at(p.kind), records[i]);
    if (!page) return;
    ++rendered;
    html[i] = Pending{std::move(*page), ""};
  });
  s.engine->report_unused_variables(diags);
  result.pages = plan.size();
  result.pages_considered = considered;
  result.pages_rendered = rendered;
  lap("pages");

  // Every file the output should now hold, with its fingerprint; `pending` holds the bytes of new ones.
  std::map<std::string, Fingerprint> outputs;
  std::map<std::string, Pending> pending;
  auto carry = [&](const std::string& path) {
    for (const char* suffix : {"", ".gz", ".br"}) {
      auto it = s.outputs.find(path + suffix);
      if (it != s.outputs.end()) outputs[it->first] = it->second;
    }
  };
  auto add = [&](const std::string& path, Fingerprint fp, Pending p) {
    auto it = s.outputs.find(path);
    if (it != s.outputs.end() && it->second == fp) {
      carry(path);
      return;
    }
    outputs[path] = fp;
    pending[path] = std::move(p);
  };
  std::set<std::string> feed_deps;
  OutputFiles others = feeds_quoting(*site, feed_deps);
  for (auto& f : write_sitemaps(*site, plan)) others.push_back(std::move(f));
  others.push_back(write_robots_txt(*site));
  for (auto& f : write_citation_files(*site, jobs)) others.push_back(std::move(f));
  for (auto& f : assets.files) others.push_back(std::move(f));
  for (const auto& a : site->attachments) {
    std::string from = config_.content_dir + "/" + a.path;
    add(a.path, stamp_fingerprint(from, s.sources.at(a.path).stamp), Pending{"", from});
  }
  for (const auto& [url, info] : pdfs->by_url)
    if (!info.thumbnail_url.empty()) others.push_back({url_decode(info.thumbnail_url.substr(1)), info.text.thumbnail_png, ""});
  lap("feeds, sitemaps, assets");
  std::set<std::string> lookup_paths = s.lookup_paths;
  if (skeleton_changed) {
    OutputFiles lookup = write_lookup_index(site->glossary, site->postal);
    for (auto& f : write_glossary_open_data(site->glossary, site->postal)) lookup.push_back(std::move(f));
    lookup_paths.clear();
    for (const auto& f : lookup) lookup_paths.insert(f.path);
    for (auto& f : lookup) others.push_back(std::move(f));
  } else {
    for (const auto& p : lookup_paths) carry(p);
  }
  for (auto& f : others) {
    Fingerprint fp = fingerprint(f.bytes);
    add(f.path, fp, Pending{std::move(f.bytes), ""});
  }
  lap("lookup");
  bool search_inputs_changed = skeleton_changed || !body_changed.empty();
  bool search_dirty = s.search_dirty || search_inputs_changed;
  std::set<std::string> search_paths = s.search_paths;
  if (search_dirty && !defer_search_) {
    std::vector<DocumentPdf> doc_pdfs = site_pdfs(*site);
    OutputFiles search = write_search_index(search_documents(*site, &doc_pdfs, pdfs.get()));
    search_paths.clear();
    for (auto& f : search) {
      search_paths.insert(f.path);
      Fingerprint fp = fingerprint(f.bytes);
      add(f.path, fp, Pending{std::move(f.bytes), ""});
    }
    search_dirty = false;
  } else {
    for (const auto& p : search_paths) carry(p);
  }
  lap("search");
  // The link check of the rendered HTML, as takao build runs it, before anything is written: pages
  // rendered now are parsed; the others are the last build's files, whose parse stands while every file
  // that settled one of their links is still made (otherwise they are read back and parsed again).
  std::vector<std::string> page_files, site_files;
  for (const auto& p : plan) page_files.push_back(p.path);
  for (const auto& f : others) site_files.push_back(f.path);
  for (const auto& a : site->attachments) site_files.push_back(a.path);
  site_files.insert(site_files.end(), lookup_paths.begin(), lookup_paths.end());
  site_files.insert(site_files.end(), search_paths.begin(), search_paths.end());
  auto checker = std::make_unique<LinkChecker>(plan.size(), site->config.base_url, page_files, site_files);
  std::vector<std::vector<std::string>> settled(plan.size());
  parallel_for(plan.size(), jobs, [&](size_t i) {
    const PlannedPage& p = plan[i];
    PageOrigin origin = page_origin(*site, s.theme->dir, p);
    if (!html[i] && s.links) {
      if (auto old = s.plan_index.find(p.path); old != s.plan_index.end()) {
        const auto& by = s.settled[old->second];
        if (std::all_of(by.begin(), by.end(), [&](const std::string& f) { return checker->knows_file(f); })) {
          checker->add_parsed_page(i, p.url, p.path, s.links->parsed(old->second), std::move(origin));
          settled[i] = by;
          return;
        }
      }
    }
    std::optional<std::string> page = html[i] ? std::nullopt : disk_->read(config_.out_dir + "/" + p.path);
    if (!html[i] && !page) page = renderer.render_view(p, renderer.view(p));
    checker->add_page(i, p.url, p.path, html[i] ? html[i]->bytes : *page, std::move(origin), &settled[i]);
  });
  for (const auto& [file, text] : s.theme->texts) checker->add_template(file, text);
  checker->check(diags);
  if (diags.has_errors()) return finish();
  lap("links");

  std::map<std::string, PageRecord> page_records;
  for (size_t i = 0; i < plan.size(); ++i) {
    const std::string& path = plan[i].path;
    if (keep[i] || !html[i]) {
      // Unchanged page: its file (and twins) stay.
      page_records[path] = keep[i] ? s.pages[path] : records[i];
      carry(path);
      continue;
    }
    page_records[path] = records[i];
    Fingerprint fp = fingerprint(html[i]->bytes);
    add(path, fp, std::move(*html[i]));
  }
  lap("collect pages");
  if (config_.compress) add_compressed_twins(pending, outputs, jobs);
  lap("compress");

  // Write what changed, remove what is gone.
  OutputWriter writer(*disk_, config_.out_dir);
  if (!s.built) {
    // A first build starts from an empty folder, or one takao made (it has the marker).
    std::vector<std::string> there, links_there;
    there = disk_->list_files(config_.out_dir, &links_there);
    there.insert(there.end(), links_there.begin(), links_there.end());
    if (!there.empty() && !disk_->exists(config_.out_dir + "/" + kOutputMarker)) {
      diags.error(config_.out_dir, 1, 1, "the output folder is not empty and was not made by takao; refusing to write into it");
      return finish();
    }
    for (const auto& rel : there) writer.remove(rel);
    writer.write(kOutputMarker, Pending{"This folder was written by takao; it may be replaced whole at the next build.\n", ""});
  }
  result.written = write_pending(writer, pending, jobs);
  if (!writer.error().empty()) {
    diags.error(config_.out_dir, 1, 1, writer.error());
    result.written.clear();
    s.outputs.clear();  // unknown state on disk: the next build writes everything
    s.built = false;
    return finish();
  }
  for (const auto& [path, fp] : s.outputs) {
    if (!outputs.count(path)) {
      writer.remove(path);
      result.removed.push_back(path);
    }
  }
  lap("write");

  s.built = true;
  s.files = std::move(files);
  s.dirty.clear();
  s.skeleton_diags = std::move(skeleton_diags);
  s.pdfs = pdfs;
  s.today = today;
  s.templates = std::move(templates);
  s.strings = strings;
  s.assets_view = assets_view;
  s.pages = std::move(page_records);
  s.plan = std::move(plan);
  s.plan_index.clear();
  for (size_t i = 0; i < s.plan.size(); ++i) s.plan_index[s.plan[i].path] = i;
  s.body_readers.clear();
  for (const auto& [path, rec] : s.pages) {
    for (const auto& dep : rec.body_deps) s.body_readers[dep].insert(s.plan_index.at(path));
  }
  s.feed_deps = std::move(feed_deps);
  s.links = std::move(checker);
  s.settled = std::move(settled);
  s.outputs = std::move(outputs);
  s.lookup_paths = std::move(lookup_paths);
  s.search_paths = std::move(search_paths);
  s.site = site;
  s.renderer = std::move(renderer_of_site);
  s.renderer_site = site.get();
  s.search_dirty = search_dirty;
  if (search_inputs_changed) ++s.search_generation;
  result.search_pending = search_dirty;
  result.ok = true;
  return finish();
}

// The path for an edit that changed only Markdown bodies, which is what an editor's save usually is. When
// every file added, changed or removed since the last good build is a Markdown document that is still
// there with its front matter byte for byte the same, nothing the model derives from front matter can
// differ (URLs, lists, indexes, the glossary, the page plan, the sitemaps): the edited bodies are rendered
// again into the site in place, the diagnostics are the last build's but for the bodies' links and anchors
// (checked anew), and only the pages whose views read an edited body are considered, plus the feeds
// (their summaries quote bodies) and the search index. Returns false when the edit is not such.
bool IncrementalBuilder::build_bodies_only(const PublishedAssets& assets, int jobs, Diagnostics& diags,
                                           IncrementalResult& result) {
  State& s = *state_;
  if (!s.built || !s.site || !s.engine || !s.links) return false;
  StepLaps lap(result);
  struct Edit {
    const SourceFile* file;
    FileSplit split;
  };
  std::vector<Edit> edits;
  for (const auto& path : s.dirty) {
    auto source = s.sources.find(path);
    auto old = s.files.find(path);
    if (source == s.sources.end() || !source->second.file || !source->second.diags.empty() || old == s.files.end()) return false;
    const SourceFile& f = *source->second.file;
    const FileSplit& was = old->second.split;
    if (f.kind != old->second.kind || !is_markdown_kind(f.kind) || !was.at_line || f.bytes.size() < was.at) return false;
    std::string_view text = f.bytes;
    if (!(fingerprint(text.substr(0, was.at)) == was.skeleton)) return false;
    FileSplit now = was;
    now.body = fingerprint(text.substr(was.at));
    if (!(now.body == was.body)) edits.push_back({&f, now});
  }

  // The site, edited in place unless the search thread still reads it (then a copy, with its renderer).
  if (s.site.use_count() > 1) s.site = std::make_shared<Site>(*s.site);
  if (s.renderer_site != s.site.get()) s.renderer.reset();
  std::vector<SourceFile> edited;
  for (const auto& e : edits) edited.push_back(*e.file);
  auto patch = patch_bodies(*s.site, edited, &s.parse_cache);
  if (!patch) return false;
  result.bodies_only = true;
  for (const auto& d : s.skeleton_diags) diags.add(d);
  report_body_diagnostics(*s.site, diags);
  if (diags.has_errors()) {
    patch->undo();
    return true;  // result.ok stays false: the last good site stays
  }

  lap("patch model");

  // The pages whose views read an edited body.
  std::set<std::string> body_changed;
  for (const auto& e : edits) body_changed.insert(e.file->zh_path.empty() ? e.file->path : e.file->zh_path);
  std::set<size_t> readers;
  for (const auto& source : body_changed) {
    auto it = s.body_readers.find(source);
    if (it != s.body_readers.end()) readers.insert(it->second.begin(), it->second.end());
  }
  std::vector<size_t> candidates(readers.begin(), readers.end());
  if (!s.renderer) {
    RenderOptions render_options;
    render_options.preview = config_.preview;
    render_options.assets = assets.view;
    if (s.pdfs) render_options.pdfs = pdf_views(*s.pdfs);
    s.renderer = std::make_unique<SiteRenderer>(*s.site, *s.theme, *s.engine, render_options);
    s.renderer_site = s.site.get();
  }
  const SiteRenderer& renderer = *s.renderer;
  std::vector<PageRecord> records(candidates.size());
  std::vector<std::optional<std::string>> html(candidates.size());
  parallel_for(candidates.size(), jobs, [&](size_t i) {
    const PlannedPage& p = s.plan[candidates[i]];
    html[i] = refresh_page(renderer, p, &s.pages.at(p.path), s.template_fps.at(p.kind), records[i]);
  });
  s.engine->report_unused_variables(diags);
  result.pages = s.plan.size();
  result.pages_considered = candidates.size();
  lap("pages");

  // The link check of the rendered HTML: the pages rendered again are parsed anew; the rest of the site's
  // pages and files are the last build's. On an error the parses are put back with the model.
  std::vector<size_t> parsed_again;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (html[i]) parsed_again.push_back(i);
  }
  std::vector<ParsedPage> old_parsed;
  std::vector<std::vector<std::string>> old_settled;
  for (size_t i : parsed_again) {
    old_parsed.push_back(s.links->parsed(candidates[i]));
    old_settled.push_back(std::move(s.settled[candidates[i]]));
    s.settled[candidates[i]].clear();
  }
  parallel_for(parsed_again.size(), jobs, [&](size_t k) {
    size_t slot = candidates[parsed_again[k]];
    const PlannedPage& p = s.plan[slot];
    s.links->add_page(slot, p.url, p.path, *html[parsed_again[k]], page_origin(*s.site, s.theme->dir, p), &s.settled[slot]);
  });
  std::vector<size_t> slots;
  for (size_t i : parsed_again) slots.push_back(candidates[i]);
  s.links->check_changed(slots, diags);
  if (diags.has_errors()) {
    patch->undo();
    for (size_t k = 0; k < parsed_again.size(); ++k) {
      const PlannedPage& p = s.plan[slots[k]];
      s.links->add_parsed_page(slots[k], p.url, p.path, std::move(old_parsed[k]), page_origin(*s.site, s.theme->dir, p));
      s.settled[slots[k]] = std::move(old_settled[k]);
    }
    s.links->reindex(slots);  // the last good build's parses are back: its index of ids asked for too
    return true;  // result.ok stays false: the last good site stays
  }
  lap("links");

  // Only files whose bytes changed are written; the set of files stays the same.
  std::map<std::string, Pending> pending;
  std::map<std::string, Fingerprint> fingerprints;
  auto add = [&](const std::string& path, std::string bytes) {
    Fingerprint fp = fingerprint(bytes);
    auto it = s.outputs.find(path);
    if (it != s.outputs.end() && it->second == fp) return;
    fingerprints[path] = fp;
    pending[path] = Pending{std::move(bytes), ""};
  };
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (!html[i]) continue;
    ++result.pages_rendered;
    add(s.plan[candidates[i]].path, std::move(*html[i]));
  }
  // The feeds quote the bodies of their newest entries only: made again when one of those was edited.
  bool feeds_read_edit = false;
  for (const auto& source : body_changed) feeds_read_edit = feeds_read_edit || s.feed_deps.count(source);
  if (feeds_read_edit) {
    for (auto& f : feeds_quoting(*s.site, s.feed_deps)) add(f.path, std::move(f.bytes));
  }
  lap("feeds");
  if (config_.compress) add_compressed_twins(pending, fingerprints, jobs);
  OutputWriter writer(*disk_, config_.out_dir);
  result.written = write_pending(writer, pending, jobs);
  if (!writer.error().empty()) {
    diags.error(config_.out_dir, 1, 1, writer.error());
    result.written.clear();
    patch->undo();
    s.outputs.clear();  // unknown state on disk: the next build writes everything
    s.built = false;
    return true;
  }

  lap("write");
  for (const auto& [path, fp] : fingerprints) s.outputs[path] = fp;
  for (size_t i = 0; i < candidates.size(); ++i) {
    PageRecord& rec = s.pages[s.plan[candidates[i]].path];
    if (rec.body_deps != records[i].body_deps) {
      for (const auto& dep : rec.body_deps) s.body_readers[dep].erase(candidates[i]);
      for (const auto& dep : records[i].body_deps) s.body_readers[dep].insert(candidates[i]);
    }
    rec = std::move(records[i]);
  }
  for (const auto& e : edits) {
    s.files[e.file->path].split = e.split;
    s.sources[e.file->path].parts = e.split;
  }
  s.dirty.clear();
  if (!edits.empty()) {
    s.search_dirty = true;
    ++s.search_generation;
  }
  result.ok = true;
  if (s.search_dirty && !defer_search_) {
    IncrementalResult search = finish_search(diags);
    result.written.insert(result.written.end(), search.written.begin(), search.written.end());
    std::sort(result.written.begin(), result.written.end());
    result.removed = std::move(search.removed);
    result.ok = search.ok;
  }
  result.search_pending = s.search_dirty;
  return true;
}

std::optional<IncrementalBuilder::SearchJob> IncrementalBuilder::take_search_job() const {
  if (!state_->search_dirty || !state_->site) return std::nullopt;
  return SearchJob{state_->site, state_->search_generation, state_->pdfs};
}

OutputFiles IncrementalBuilder::make_search_files(const SearchJob& job) {
  std::vector<DocumentPdf> doc_pdfs = site_pdfs(*job.site);
  return write_search_index(search_documents(*job.site, &doc_pdfs, job.pdfs.get()));
}

IncrementalResult IncrementalBuilder::finish_search(Diagnostics& diags) {
  auto job = take_search_job();
  if (!job) {
    IncrementalResult result;
    result.ok = true;
    return result;
  }
  return apply_search(*job, make_search_files(*job), diags);
}

IncrementalResult IncrementalBuilder::apply_search(const SearchJob& job, OutputFiles search, Diagnostics& diags) {
  StepTimer started;
  State& s = *state_;
  IncrementalResult result;
  result.ok = true;
  // A build since the job was taken changed the searchable content: this index is already old.
  if (!s.search_dirty || job.generation != s.search_generation) {
    result.search_pending = s.search_dirty;
    return result;
  }
  int jobs = config_.jobs > 0 ? config_.jobs : default_jobs();
  std::map<std::string, Pending> pending;
  std::set<std::string> paths;
  for (auto& f : search) paths.insert(f.path);
  std::map<std::string, Fingerprint> fresh;
  for (auto& f : search) {
    Fingerprint fp = fingerprint(f.bytes);
    fresh[f.path] = fp;
    auto it = s.outputs.find(f.path);
    if (it == s.outputs.end() || !(it->second == fp)) pending[f.path] = Pending{std::move(f.bytes), ""};
  }
  if (config_.compress) {
    for (auto& [path, p] : std::map<std::string, Pending>(pending)) {
      for (auto& z : compressed_twins(path, p.bytes)) {
        fresh[z.path] = fingerprint(z.bytes);
        pending[z.path] = Pending{std::move(z.bytes), ""};
      }
    }
    for (const auto& p : paths) {
      if (pending.count(p)) continue;
      for (const char* suffix : {".gz", ".br"}) {
        auto it = s.outputs.find(p + suffix);
        if (it != s.outputs.end()) fresh[it->first] = it->second;
      }
    }
  }
  OutputWriter writer(*disk_, config_.out_dir);
  std::vector<std::string> to_write;
  for (const auto& [path, p] : pending) to_write.push_back(path);
  parallel_for(to_write.size(), jobs, [&](size_t i) { writer.write(to_write[i], pending.at(to_write[i])); });
  if (!writer.error().empty()) {
    diags.error(config_.out_dir, 1, 1, writer.error());
    result.ok = false;
    return result;
  }
  // Old index files (and their twins) that the new index does not have.
  for (const auto& old : s.search_paths) {
    for (const char* suffix : {"", ".gz", ".br"}) {
      std::string path = old + suffix;
      if (!fresh.count(path) && s.outputs.count(path)) {
        writer.remove(path);
        s.outputs.erase(path);
        result.removed.push_back(path);
      }
    }
  }
  for (const auto& [path, fp] : fresh) s.outputs[path] = fp;
  s.search_paths = std::move(paths);
  s.search_dirty = false;
  result.written = std::move(to_write);
  result.seconds = started.total();
  return result;
}

}  // namespace takao
