#include "serve/serve_command.h"

#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <mutex>
#include <optional>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/parallel.h"
#include "pipeline/build.h"
#include "pipeline/incremental.h"
#include "serve/preview_server.h"
#include "serve/reload_hub.h"
#include "serve/watcher.h"

namespace fs = std::filesystem;

namespace takao {

namespace {

constexpr const char* kServeUsage =
    "usage: takao serve [--content DIR] [--port N] [--drafts] [--theme DIR] [--jobs N] [--quiet] [--timings]\n"
    "  Serves a preview on http://127.0.0.1:PORT/ (a free port unless --port), rebuilds on every save and\n"
    "  reloads open pages. Stop with Ctrl-C. --timings prints the seconds of each rebuild step.\n";

std::atomic<bool> g_stop{false};
DirectoryWatcher* g_watcher = nullptr;

void on_signal(int) {
  g_stop = true;
  if (g_watcher) g_watcher->stop();  // a write() to a pipe: safe in a signal handler
}

// Diagnostics as the overlay shows them (and the terminal prints them).
nlohmann::json diagnostics_json(const Diagnostics& diags) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& d : diags.sorted()) {
    list.push_back({{"path", d.path}, {"line", d.line}, {"col", d.col},
                    {"severity", d.severity == Severity::error ? "error" : "warning"}, {"message", d.message}});
  }
  return list;
}

std::string one_line(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

// Reload when the page itself, or anything every page loads (assets), changed; the script decides per page.
nlohmann::json reload_json(const IncrementalResult& r, bool all) {
  nlohmann::json changed = nlohmann::json::array();
  for (const auto& p : r.written) {
    if (p.rfind("assets/", 0) == 0) all = true;
    if (p.size() > 5 && p.compare(p.size() - 5, 5, ".html") == 0) changed.push_back(p);
  }
  if (all || changed.size() > 2000) {
    all = true;
    changed = nlohmann::json::array();  // every page reloads: no need to name them
  }
  return {{"all", all}, {"changed", changed}, {"removed", r.removed.size()}};
}

struct TempFolder {
  std::string path;
  ~TempFolder() {
    if (!path.empty()) {
      std::error_code ec;
      fs::remove_all(path, ec);
    }
  }
};

}  // namespace

int serve_main(int argc, char** argv) {
  BuildConfig config;
  config.jobs = default_jobs();
  config.preview = true;
  config.compress = false;
  int port = 0;
  bool quiet = false;
  bool timings = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](std::string& out) -> bool {
      if (i + 1 >= argc) return false;
      out = argv[++i];
      return true;
    };
    std::string v;
    if (a == "--content") {
      if (!value(config.content_dir)) return std::cerr << "takao: --content needs a folder\n\n" << kServeUsage, 2;
    } else if (a == "--theme") {
      if (!value(config.theme_dir)) return std::cerr << "takao: --theme needs a folder\n\n" << kServeUsage, 2;
    } else if (a == "--port") {
      char* end = nullptr;
      long n = value(v) ? std::strtol(v.c_str(), &end, 10) : -1;
      if (v.empty() || *end || n < 0 || n > 65535) return std::cerr << "takao: --port needs a number from 0 to 65535\n\n" << kServeUsage, 2;
      port = static_cast<int>(n);
    } else if (a == "--jobs") {
      char* end = nullptr;
      long n = value(v) ? std::strtol(v.c_str(), &end, 10) : -1;
      if (v.empty() || *end || n < 1 || n > 256) return std::cerr << "takao: --jobs needs a number from 1 to 256\n\n" << kServeUsage, 2;
      config.jobs = static_cast<int>(n);
    } else if (a == "--drafts") {
      config.drafts = true;
    } else if (a == "--quiet" || a == "-q") {
      quiet = true;
    } else if (a == "--timings") {
      timings = true;
    } else if (a == "--help" || a == "-h") {
      std::cout << kServeUsage;
      return 0;
    } else {
      std::cerr << "takao: unknown option for serve: " << a << "\n\n" << kServeUsage;
      return 2;
    }
  }
  std::error_code ec;
  if (!fs::is_directory(config.content_dir, ec)) {
    std::cerr << config.content_dir << ":1:1: error: content folder not found\n";
    return 1;
  }
  std::string theme_dir = find_theme_dir(config.theme_dir);
  config.theme_dir = theme_dir;

  // The preview goes to a folder of its own, never over public/.
  TempFolder out;
  std::string pattern = (fs::temp_directory_path() / "takao-serve-XXXXXX").string();
  if (!mkdtemp(pattern.data())) {
    std::perror("takao: cannot create a temporary folder");
    return 1;
  }
  out.path = pattern;
  config.out_dir = out.path;

  std::string script;
  {
    std::ifstream in(theme_dir + "/assets/takao-preview.mjs", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    script = ss.str();
  }
  ReloadHub hub;
  PreviewServer server(out.path, script, hub);
  int bound = server.bind(port);
  if (bound < 0) {
    std::cerr << "takao: cannot listen on 127.0.0.1:" << port << " (in use?)\n";
    return 1;
  }

  DirectoryWatcher watcher;
  std::string error;
  if (!watcher.add_tree(config.content_dir, &error) || !watcher.add_tree(theme_dir, &error)) {
    std::cerr << "takao: " << error << '\n';
    return 1;
  }
  g_watcher = &watcher;
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  signal(SIGPIPE, SIG_IGN);

  IncrementalBuilder builder(config, /*defer_search=*/true);
  // `changed`: what the watcher saw, so the builder looks at those files only (it skips the theme's,
  // as config.theme_dir is the folder watched, and reads the theme whole).
  auto rebuild = [&](bool first, const std::vector<std::string>* changed) {
    Diagnostics diags;
    IncrementalResult r = builder.build(diags, changed);
    for (const auto& d : diags.sorted()) {
      if (d.severity == Severity::error || !quiet) std::cerr << d.format() << '\n';
    }
    if (!r.ok) {
      std::cerr << "takao: " << diags.error_count() << " error(s); still serving the last good build\n";
      hub.publish("build-error", one_line({{"diagnostics", diagnostics_json(diags)}, {"errors", diags.error_count()}}));
      return;
    }
    server.set_site_ready(true);
    if (!quiet) {
      std::fprintf(stderr, "takao: %s in %.3f s: %zu of %zu pages rendered, %zu files written, %zu removed\n",
                   first ? "built" : "rebuilt", r.seconds, r.pages_rendered, r.pages, r.written.size(), r.removed.size());
    }
    if (timings) {
      std::string line;
      for (const auto& [step, seconds] : r.steps) line += "  " + step + " " + std::to_string(static_cast<int>(seconds * 1000)) + " ms";
      std::fprintf(stderr, "takao: steps:%s\n", line.c_str());
    }
    hub.publish("reload", one_line(reload_json(r, first)));
  };
  rebuild(true, nullptr);
  std::printf("takao: serving http://127.0.0.1:%d/ (preview of %s%s, built in %s; Ctrl-C stops)\n", bound,
              config.content_dir.c_str(), config.drafts ? " with drafts" : "", out.path.c_str());
  std::fflush(stdout);

  std::thread http([&] { server.run(); });
  // The search index is made on a thread of its own after a quiet moment, so saves keep reloading at
  // once; a result that a later save made old is dropped and made again.
  struct SearchWork {
    std::mutex mutex;
    bool done = false;
    OutputFiles files;
  };
  std::shared_ptr<SearchWork> search_work;
  std::optional<IncrementalBuilder::SearchJob> search_job;
  std::thread search_thread;
  auto last_change = std::chrono::steady_clock::now();
  while (!g_stop) {
    auto changed = watcher.wait(std::chrono::milliseconds(250), std::chrono::milliseconds(15));
    if (g_stop) break;
    if (search_work) {
      bool done;
      {
        std::lock_guard lock(search_work->mutex);
        done = search_work->done;
      }
      if (done) {
        search_thread.join();
        Diagnostics diags;
        auto r = builder.apply_search(*search_job, std::move(search_work->files), diags);
        if (!quiet && r.ok && !r.written.empty()) std::fprintf(stderr, "takao: search index updated\n");
        search_work.reset();
        search_job.reset();
      }
    }
    if (changed.empty()) {
      if (!search_work && builder.search_pending() &&
          std::chrono::steady_clock::now() - last_change > std::chrono::milliseconds(800)) {
        search_job = builder.take_search_job();
        if (search_job) {
          search_work = std::make_shared<SearchWork>();
          search_thread = std::thread([work = search_work, job = *search_job] {
            OutputFiles files = IncrementalBuilder::make_search_files(job);
            std::lock_guard lock(work->mutex);
            work->files = std::move(files);
            work->done = true;
          });
        }
      }
      continue;
    }
    last_change = std::chrono::steady_clock::now();
    if (!quiet) std::fprintf(stderr, "takao: changed: %s%s\n", changed[0].c_str(), changed.size() > 1 ? " and more" : "");
    rebuild(false, &changed);
  }
  server.stop();
  http.join();
  g_watcher = nullptr;
  if (search_thread.joinable()) {
    // An index still being made holds no file open and is not wanted any more: leave without waiting.
    if (!quiet) std::fprintf(stderr, "takao: stopped\n");
    std::fflush(nullptr);
    std::error_code rec;
    fs::remove_all(out.path, rec);
    std::_Exit(0);
  }
  if (!quiet) std::fprintf(stderr, "takao: stopped\n");
  return 0;
}

}  // namespace takao
