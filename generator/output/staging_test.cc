#include "output/staging.h"
#include "core/scratch_folder.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace takao {

namespace {

fs::path fresh(const std::string& name) {
  return scratch_folder("takao-staging-test", name);
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A site takao made at `out` and its spare beside it, each with the marker and the folder `sub`.
void site_and_spare(const fs::path& out, const fs::path& spare, const std::string& sub) {
  fs::create_directories(out / sub);
  fs::create_directories(spare / sub);
  std::ofstream(out / kOutputMarker) << "";
  std::ofstream(spare / kOutputMarker) << "";
}

}  // namespace

TEST(Staging, CommitReplacesTheWholeOutput) {
  fs::path root = fresh("commit");
  fs::path out = root / "public";
  fs::create_directories(out / "old");
  std::ofstream(out / "old/index.html") << "old";
  Diagnostics d;
  {
    StagingFolder s;
    ASSERT_TRUE(s.begin(out.string(), d));
    ASSERT_TRUE(s.write("new/index.html", "new"));
    ASSERT_TRUE(s.write("前鎮/index.html", "中文"));
    // Until commit the old site is untouched.
    EXPECT_TRUE(fs::exists(out / "old/index.html"));
    EXPECT_FALSE(fs::exists(out / "new/index.html"));
    ASSERT_TRUE(s.commit(d));
  }
  EXPECT_FALSE(fs::exists(out / "old/index.html"));
  EXPECT_EQ(slurp(out / "new/index.html"), "new");
  EXPECT_EQ(slurp(out / "前鎮/index.html"), "中文");
  EXPECT_TRUE(fs::exists(out / kOutputMarker));
  // The previous site is removed in the background after the swap: gone within seconds.
  size_t entries = 0;
  for (int i = 0; i < 600; ++i) {
    entries = 0;
    for (const auto& e : fs::directory_iterator(root)) entries += e.path() != out;
    if (entries == 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(entries, 0u) << "staging folder or previous site left behind";
}

TEST(Staging, AbandonedBuildLeavesNoTrace) {
  fs::path root = fresh("abandon");
  fs::path out = root / "public";
  fs::create_directories(out);
  std::ofstream(out / "index.html") << "old";
  Diagnostics d;
  {
    StagingFolder s;
    ASSERT_TRUE(s.begin(out.string(), d));
    s.write("index.html", "new");
  }
  EXPECT_EQ(slurp(out / "index.html"), "old");
  size_t entries = 0;
  for (const auto& e : fs::directory_iterator(root)) entries += e.path() != out;
  EXPECT_EQ(entries, 0u);
}

TEST(Staging, FirstBuildCreatesTheFolder) {
  fs::path root = fresh("first");
  Diagnostics d;
  StagingFolder s;
  ASSERT_TRUE(s.begin((root / "site").string(), d));
  s.write("a.txt", "a");
  ASSERT_TRUE(s.commit(d));
  EXPECT_EQ(slurp(root / "site/a.txt"), "a");
}

TEST(Staging, SyncThenCommitRunsAfterSwapBesideTheNewSite) {
  fs::path root = fresh("sync");
  fs::path out = root / "public";
  fs::create_directories(out);
  std::ofstream(out / kOutputMarker) << "";
  std::ofstream(out / "kept.html") << "kept";
  std::ofstream(root / "state.tmp") << "new state";
  Diagnostics d;
  StagingFolder s;
  ASSERT_TRUE(s.begin(out.string(), d));
  ASSERT_TRUE(s.write("a/b/c/deep.html", "deep"));
  ASSERT_TRUE(s.reuse("kept.html", "kept"));  // linked, not written
  ASSERT_TRUE(s.sync(4));
  bool called = false;
  ASSERT_TRUE(s.commit(d, [&] {
    // Right after the swap: the new site is live, and a file renamed beside it is synced with it.
    called = true;
    EXPECT_EQ(slurp(out / "a/b/c/deep.html"), "deep");
    fs::rename(root / "state.tmp", root / "state");
  }));
  EXPECT_TRUE(called);
  EXPECT_EQ(slurp(root / "state"), "new state");
  EXPECT_EQ(slurp(out / "kept.html"), "kept");
  EXPECT_FALSE(d.has_errors());
}

TEST(Staging, SyncFailsWhenAWrittenFileIsGone) {
  fs::path root = fresh("sync-gone");
  Diagnostics d;
  StagingFolder s;
  ASSERT_TRUE(s.begin((root / "site").string(), d));
  ASSERT_TRUE(s.write("x/a.txt", "a"));
  fs::remove(fs::path(s.dir()) / "x/a.txt");
  EXPECT_FALSE(s.sync(2));
  EXPECT_FALSE(s.commit(d));
  EXPECT_TRUE(d.has_errors());
  EXPECT_FALSE(fs::exists(root / "site"));
}

TEST(Staging, StateLeftByADeadBuildIsRemoved) {
  fs::path root = fresh("dead-state");
  fs::path out = root / "public";
  std::ofstream(root / ".public.takao-state") << "live state";
  std::ofstream(root / ".public.takao-state.tmp-4194305") << "a dead build's";  // above the default pid_max
  std::ofstream(root / ".public.takao-state.tmp-notapid") << "not ours";
  std::ofstream(root / ".other.takao-state.tmp-4194305") << "another output's";
  Diagnostics d;
  StagingFolder s;
  ASSERT_TRUE(s.begin(out.string(), d));
  EXPECT_FALSE(fs::exists(root / ".public.takao-state.tmp-4194305"));
  EXPECT_TRUE(fs::exists(root / ".public.takao-state"));
  EXPECT_TRUE(fs::exists(root / ".public.takao-state.tmp-notapid"));
  EXPECT_TRUE(fs::exists(root / ".other.takao-state.tmp-4194305"));
}

// The spare beside the output is brought up to date in place: an entry that is already the live site's
// file is kept (no link), others are replaced, what the build did not produce is removed, and after the
// exchange the previous site is the spare.
TEST(Staging, SpareIsBroughtUpToDateInPlaceAndKeptAfterTheSwap) {
  fs::path root = fresh("spare");
  fs::path out = root / "public", spare = root / ".public.takao-spare";
  site_and_spare(out, spare, "a");
  std::ofstream(out / "a/same.html") << "same";
  std::ofstream(out / "old.html") << "old";
  fs::create_hard_link(out / "a/same.html", spare / "a/same.html");
  std::ofstream(spare / "changed.html") << "x";
  fs::create_directories(spare / "gone");
  std::ofstream(spare / "gone/gone.html") << "gone";
  struct stat same_before {};
  ASSERT_EQ(::stat((out / "a/same.html").c_str(), &same_before), 0);
  Diagnostics d;
  {
    StagingFolder s;
    ASSERT_TRUE(s.begin(out.string(), d));
    ASSERT_TRUE(s.spare());
    EXPECT_EQ(s.dir(), spare.string());
    ASSERT_TRUE(s.reuse("a/same.html", "same"));
    EXPECT_EQ(s.kept(), 1u);
    ASSERT_TRUE(s.write("changed.html", "new"));
    ASSERT_TRUE(s.sync(2));
    EXPECT_FALSE(fs::exists(spare / "gone"));
    EXPECT_EQ(slurp(out / "old.html"), "old");  // the live site is untouched until the exchange
    ASSERT_TRUE(s.commit(d));
  }
  struct stat same_after {};
  ASSERT_EQ(::stat((out / "a/same.html").c_str(), &same_after), 0);
  EXPECT_EQ(same_after.st_ino, same_before.st_ino);
  EXPECT_EQ(slurp(out / "changed.html"), "new");
  EXPECT_FALSE(fs::exists(out / "old.html"));
  EXPECT_EQ(slurp(spare / "old.html"), "old");  // the previous site is the spare now
  EXPECT_TRUE(fs::exists(out / kOutputMarker));
}

// The prune's listing of the spare takes the stamps of the files the build made or checked as it saw them
// (no second look): it must be the tree as a walk of it finds it, entry by entry.
TEST(Staging, ThePrunesListingIsTheSpareAsItIs) {
  fs::path root = fresh("spare-listing");
  fs::path out = root / "public", spare = root / ".public.takao-spare";
  site_and_spare(out, spare, "a");
  fs::create_directories(out / "a/b");
  std::ofstream(out / "a/kept.html") << "kept";
  std::ofstream(out / "a/b/linked.html") << "linked";
  fs::create_hard_link(out / "a/kept.html", spare / "a/kept.html");
  std::ofstream(spare / "a/stale.html") << "stale";
  Diagnostics d;
  StagingFolder s;
  ASSERT_TRUE(s.begin(out.string(), d));
  ASSERT_TRUE(s.spare());
  ASSERT_TRUE(s.reuse("a/kept.html", "kept"));          // already in the spare
  ASSERT_TRUE(s.reuse("a/b/linked.html", "linked"));    // linked from the live site
  ASSERT_TRUE(s.write("a/new.html", "new"));            // written
  ASSERT_TRUE(s.write("a/new.html", "written twice"));  // the last one counts
  ASSERT_TRUE(s.sync(2));
  ASSERT_NE(s.listing(), nullptr);
  auto walked = list_tree(
      spare.string(), 1, [](const std::string&, bool, std::optional<EntryStamp>&) { return true; },
      [](const std::string&) { return false; });
  ASSERT_TRUE(walked.has_value());
  EXPECT_TRUE(*s.listing() == *walked);
  EXPECT_FALSE(fs::exists(spare / "a/stale.html"));
  size_t files = 0;
  for (const auto& folder : *walked) files += folder.entries.size();
  EXPECT_EQ(files, 6u);  // the marker, a, a/b and three files
}

// Without a spare, the tree swapped out becomes one when it is a site takao made.
TEST(Staging, ThePreviousSiteBecomesTheSpare) {
  fs::path root = fresh("to-spare");
  fs::path out = root / "public";
  fs::create_directories(out);
  std::ofstream(out / kOutputMarker) << "";
  std::ofstream(out / "old.html") << "old";
  Diagnostics d;
  {
    StagingFolder s;
    ASSERT_TRUE(s.begin(out.string(), d));
    EXPECT_FALSE(s.spare());
    ASSERT_TRUE(s.write("new.html", "new"));
    ASSERT_TRUE(s.sync(2));
    ASSERT_TRUE(s.commit(d));
  }
  EXPECT_EQ(slurp(root / ".public.takao-spare/old.html"), "old");
  EXPECT_EQ(slurp(out / "new.html"), "new");
}

// An empty output folder, swapped out, leaves an empty folder under the spare's name: it is not a spare
// (no marker), and the next build removes it so that the site it swaps out can become one.
TEST(Staging, AnEmptyFolderUnderTheSparesNameMakesWayForTheNextSpare) {
  fs::path root = fresh("empty-spare");
  fs::path out = root / "public", spare = root / ".public.takao-spare";
  fs::create_directories(out);
  fs::create_directories(spare);
  std::ofstream(out / kOutputMarker) << "";
  Diagnostics d;
  {
    StagingFolder s;
    ASSERT_TRUE(s.begin(out.string(), d));
    EXPECT_FALSE(s.spare());
    ASSERT_TRUE(s.write("new.html", "new"));
    ASSERT_TRUE(s.commit(d));
  }
  EXPECT_TRUE(fs::exists(spare / kOutputMarker));
}

}  // namespace takao
