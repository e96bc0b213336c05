// The preview's engine on an in-memory disk: content (PDFs too) read from it, output written to it; of the
// real disk it only reads the theme (and poppler's thumbnail passes through a scratch file). Each step's output equals what a new engine builds from the same content.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/disk.h"
#include "markdown/markdown.h"
#include "pipeline/incremental.h"

namespace fs = std::filesystem;

namespace takao {
namespace {

// A root that is not on the real disk; a write that reached it would make it.
const std::string kRoot = "/takao-in-memory-test";

class InMemoryEngine : public ::testing::Test {
 protected:
  void SetUp() override {
    init_markdown();
    ASSERT_FALSE(fs::exists(kRoot));
    fs::path repo_content = fs::path(TAKAO_SOURCE_DIR) / "content";
    for (const auto& e : fs::recursive_directory_iterator(repo_content)) {
      if (!e.is_regular_file()) continue;
      std::string rel = fs::relative(e.path(), repo_content).generic_string();
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      disk_.files[kRoot + "/content/" + rel] = bytes.str();
    }
    // The whole city's street entries add nothing these builds test: the first 30 stay.
    std::string& streets = disk_.files.at(kRoot + "/content/glossary/streets.md");
    size_t at = 0;
    for (int line = 0; line < 40 && at != std::string::npos; ++line) at = streets.find('\n', at + 1);
    if (at != std::string::npos) streets.resize(at + 1);
    config_.content_dir = kRoot + "/content";
    config_.out_dir = kRoot + "/public";
    config_.theme_dir = (fs::path(TAKAO_SOURCE_DIR) / "themes/default").string();
    config_.jobs = 2;
    config_.today = Date{2025, 6, 1};
  }
  void TearDown() override { EXPECT_FALSE(fs::exists(kRoot)) << "the engine wrote to the real disk"; }

  std::string& content(const std::string& rel) { return disk_.files.at(kRoot + "/content/" + rel); }

  // The output files (without the marker) of a disk.
  static std::map<std::string, std::string> output(const MemoryDisk& disk) {
    std::map<std::string, std::string> out;
    std::string prefix = kRoot + "/public/";
    for (const auto& [path, bytes] : disk.files) {
      if (path.rfind(prefix, 0) == 0 && path != prefix + ".takao-output") out[path.substr(prefix.size())] = bytes;
    }
    return out;
  }

  // Builds, and compares the output with a new engine's first build of the same content.
  IncrementalResult build(IncrementalBuilder& engine, const std::string& step) {
    Diagnostics diags;
    IncrementalResult r = engine.build(diags);
    EXPECT_TRUE(r.ok) << step;
    for (const auto& d : diags.sorted()) {
      if (d.severity == Severity::error) ADD_FAILURE() << step << ": " << d.format();
    }
    MemoryDisk fresh;
    std::string content_prefix = kRoot + "/content/";
    for (const auto& [path, bytes] : disk_.files) {
      if (path.rfind(content_prefix, 0) == 0) fresh.files[path] = bytes;
    }
    Diagnostics fresh_diags;
    EXPECT_TRUE(IncrementalBuilder(config_, false, &fresh).build(fresh_diags).ok) << step;
    auto want = output(fresh), got = output(disk_);
    EXPECT_GT(want.size(), 100u) << step;
    std::vector<std::string> differ;
    for (const auto& [path, bytes] : want) {
      auto it = got.find(path);
      if (it == got.end() || it->second != bytes) differ.push_back(path);
    }
    for (const auto& [path, bytes] : got) {
      if (!want.count(path)) differ.push_back("extra " + path);
    }
    EXPECT_TRUE(differ.empty()) << step << ": " << differ.size() << " files differ, first " << differ.front();
    return r;
  }

  MemoryDisk disk_;
  BuildConfig config_;
};

TEST_F(InMemoryEngine, EditsRenamesAndRemovalsEqualAFreshBuild) {
  IncrementalBuilder engine(config_, false, &disk_);
  auto first = build(engine, "first build");
  EXPECT_TRUE(disk_.files.count(kRoot + "/public/index.html"));
  EXPECT_TRUE(disk_.files.count(kRoot + "/public/en/journal/017/01-mice/index.html"));
  EXPECT_TRUE(disk_.files.count(kRoot + "/public/journal/017/02-exhibition-center.pdf"));  // an attachment, copied
  // The PDF's text and thumbnail, read from the bytes in memory.
  EXPECT_TRUE(disk_.files.count(kRoot + "/public/journal/017/02-exhibition-center.pdf.png"));

  std::string& mice = content("journal/017/01-mice.md");
  mice.replace(mice.find("\n## "), 1, "\n只在記憶體裡改的一句話。\n\n");
  auto body = build(engine, "body");
  EXPECT_TRUE(body.bodies_only);
  EXPECT_NE(std::find(body.written.begin(), body.written.end(), "journal/017/01-mice/index.html"), body.written.end());

  mice.replace(mice.find("title: "), 7, "title: 改題：");
  EXPECT_FALSE(build(engine, "title").bodies_only);

  // A document moved to another file name, then one removed.
  std::string air = content("journal/018/04-air-quality.md");
  disk_.files.erase(kRoot + "/content/journal/018/04-air-quality.md");
  disk_.files[kRoot + "/content/journal/018/04-clean-air.md"] = air;
  auto moved = build(engine, "renamed");
  EXPECT_NE(std::find(moved.removed.begin(), moved.removed.end(), "journal/018/04-air-quality/index.html"), moved.removed.end());
  EXPECT_TRUE(disk_.files.count(kRoot + "/public/journal/018/04-clean-air/index.html"));
  disk_.files.erase(kRoot + "/content/journal/018/04-clean-air.md");
  auto removed = build(engine, "removed");
  EXPECT_FALSE(disk_.files.count(kRoot + "/public/journal/018/04-clean-air/index.html"));

  // A broken link: an error, and the output stays as the last good build left it.
  auto before = output(disk_);
  mice.replace(mice.find("只在記憶體裡改的一句話。"), std::string("只在記憶體裡改的一句話。").size(), "見[不存在](/no-such-page/)。");
  Diagnostics diags;
  EXPECT_FALSE(engine.build(diags).ok);
  EXPECT_TRUE(diags.has_errors());
  EXPECT_EQ(output(disk_), before);
}

}  // namespace
}  // namespace takao
