// The watcher sees edits, new files in new folders (watched as they appear), renames and deletions, and
// leaves editors' temporary files alone.
#include "serve/watcher.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace takao {
namespace {

bool has(const std::vector<std::string>& v, const fs::path& p) { return std::find(v.begin(), v.end(), p.string()) != v.end(); }

// Collects changes until `want` shows up or two seconds pass.
std::vector<std::string> until(DirectoryWatcher& w, const fs::path& want) {
  std::vector<std::string> all;
  for (int i = 0; i < 20 && !has(all, want); ++i) {
    auto got = w.wait(100ms, 20ms);
    all.insert(all.end(), got.begin(), got.end());
  }
  return all;
}

TEST(DirectoryWatcher, SeesEditsNewFoldersRenamesAndDeletions) {
  fs::path root = fs::temp_directory_path() / ("takao-watch-" + std::to_string(getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "journal/017");
  std::ofstream(root / "journal/017/a.md") << "a";
  DirectoryWatcher w;
  ASSERT_TRUE(w.add_tree(root.string()));
  EXPECT_TRUE(w.wait(50ms, 10ms).empty());

  std::ofstream(root / "journal/017/a.md", std::ios::app) << "more";
  EXPECT_TRUE(has(until(w, root / "journal/017/a.md"), root / "journal/017/a.md"));

  // A new folder and, quickly, a file in it (maybe before its watch exists), then a file later.
  fs::create_directories(root / "journal/019/sub");
  std::ofstream(root / "journal/019/sub/first.md") << "1";
  EXPECT_TRUE(has(until(w, root / "journal/019/sub/first.md"), root / "journal/019/sub/first.md"));
  std::this_thread::sleep_for(50ms);
  std::ofstream(root / "journal/019/sub/second.md") << "2";
  EXPECT_TRUE(has(until(w, root / "journal/019/sub/second.md"), root / "journal/019/sub/second.md"));

  fs::rename(root / "journal/017/a.md", root / "journal/017/b.md");
  auto renamed = until(w, root / "journal/017/b.md");
  EXPECT_TRUE(has(renamed, root / "journal/017/a.md"));
  EXPECT_TRUE(has(renamed, root / "journal/017/b.md"));
  fs::remove(root / "journal/017/b.md");
  EXPECT_TRUE(has(until(w, root / "journal/017/b.md"), root / "journal/017/b.md"));

  // Only an editor's temporary file: no change reported.
  std::ofstream(root / "journal/017/.b.md.swp") << "x";
  std::ofstream(root / "journal/017/4913") << "x";
  EXPECT_TRUE(w.wait(200ms, 20ms).empty());

  // stop() wakes a waiting thread at once.
  std::thread stopper([&] {
    std::this_thread::sleep_for(50ms);
    w.stop();
  });
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(w.wait(5s, 20ms).empty());
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  stopper.join();
  fs::remove_all(root);
}

TEST(DirectoryWatcher, KnowsEditorTemporaryFiles) {
  EXPECT_TRUE(is_editor_temp_file("content/journal/4913"));
  EXPECT_TRUE(is_editor_temp_file("content/a.md~"));
  EXPECT_TRUE(is_editor_temp_file("content/.a.md.swp"));
  EXPECT_TRUE(is_editor_temp_file("content/.#a.md"));
  EXPECT_TRUE(is_editor_temp_file("content/#a.md#"));
  EXPECT_FALSE(is_editor_temp_file("content/a.md"));
}

}  // namespace
}  // namespace takao
