// A rebuild with nothing to do answers from the records the last build left (issue 15, pipeline/tree_record):
// when the sources are the ones it read and the output is still the tree it swapped in. Anything done to
// the output from outside (a page edited, a file added, removed or made unreadable) or to the sources makes
// the build run in full, and what it leaves equals a clean build.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <chrono>
#include <thread>

#include <nlohmann/json.hpp>

#include "e2e_util.h"

namespace fs = std::filesystem;
using namespace e2e;

namespace {

constexpr const char* kNothingToDo = "nothing to do";

struct TestSite {
  fs::path root, content, out;
  std::string args() const { return "--timings --content '" + content.string() + "' --out '" + out.string() + "'"; }
};

// Sources an hour old: not racy for the check record (a file modified within 2 s of a build is never
// trusted), so a second build can answer from the records.
void set_back(const fs::path& root) {
  auto when = fs::file_time_type::clock::now() - std::chrono::hours(1);
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) fs::last_write_time(e.path(), when);
  }
}

TestSite built_site(const std::string& name) {
  TestSite s;
  s.content = fixture_copy(name);
  s.root = s.content.parent_path();
  s.out = s.root / "public";
  set_back(s.content);
  e2e::Run r = takao("build " + s.args());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err.find(kNothingToDo), std::string::npos) << r.err;
  return s;
}

// The site a clean build of the same content makes.
std::map<std::string, std::string> clean_build(const TestSite& s) {
  fs::path out = s.root / "clean";
  fs::remove_all(out);
  e2e::Run r = takao("build --content '" + s.content.string() + "' --out '" + out.string() + "'");
  EXPECT_EQ(r.status, 0) << r.err;
  return tree(out);
}

// Builds and expects a full run (not from the records) whose output equals a clean build, then a second
// build that has nothing to do.
void expect_repaired(const TestSite& s) {
  e2e::Run r = takao("build " + s.args());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err.find(kNothingToDo), std::string::npos) << r.err;
  EXPECT_TRUE(tree(s.out) == clean_build(s)) << "the rebuilt site differs from a clean build";
  e2e::Run again = takao("build " + s.args());
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.err.find(kNothingToDo), std::string::npos) << again.err;
}

int64_t mtime_of(const fs::path& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 ? st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec : -1;
}

TEST(TreeRecord, AnUnchangedSiteHasNothingToDo) {
  TestSite s = built_site("tree-unchanged");
  auto before = tree(s.out);
  fs::path page = s.out / "index.html";
  int64_t page_time = mtime_of(page);
  e2e::Run r = takao("build " + s.args());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find(kNothingToDo), std::string::npos) << r.err;
  // The same answer as the build that wrote the site: its warnings, its counts.
  e2e::Run full = takao("build " + s.args() + " --out '" + (s.root / "other").string() + "'");
  auto summary = [](const std::string& err) {
    size_t at = err.find("takao: built ");
    return at == std::string::npos ? std::string() : err.substr(at, err.find(" in ", at) - at);
  };
  EXPECT_EQ(summary(r.err), summary(full.err));
  EXPECT_TRUE(tree(s.out) == before);
  EXPECT_EQ(mtime_of(page), page_time) << "nothing may be written";
}

TEST(TreeRecord, APageEditedInTheOutputIsRepaired) {
  TestSite s = built_site("tree-edited");
  ASSERT_EQ(takao("build " + s.args()).err.find(kNothingToDo) != std::string::npos, true);
  fs::path page = s.out / "index.html";
  std::string html = read(page);
  html.replace(html.find("</body>"), 7, "<script>alert(1)</script></body>");
  write(page, html);
  expect_repaired(s);
}

TEST(TreeRecord, AFileAddedOrRemovedInTheOutputIsRepaired) {
  TestSite s = built_site("tree-added");
  write(s.out / "journal" / "stray.html", "not ours");
  expect_repaired(s);
  EXPECT_FALSE(fs::exists(s.out / "journal" / "stray.html"));
  fs::remove(s.out / "robots.txt");
  expect_repaired(s);
  EXPECT_TRUE(fs::exists(s.out / "robots.txt"));
}

TEST(TreeRecord, AFileMadeUnreadableIsMadeAgain) {
  TestSite s = built_site("tree-mode");
  fs::path robots = s.out / "robots.txt";
  fs::permissions(robots, fs::perms::none);
  expect_repaired(s);
  EXPECT_NE(fs::status(robots).permissions() & fs::perms::owner_read, fs::perms::none);
}

// A Markdown document of the site (one with a title), for an editor's edit.
fs::path a_document(const fs::path& content) {
  fs::path found;
  for (const auto& e : fs::recursive_directory_iterator(content)) {
    if (e.path().extension() == ".md" && read(e.path()).find("title:") != std::string::npos) found = e.path();
  }
  return found;
}

TEST(TreeRecord, AnEditedSourceIsBuilt) {
  TestSite s = built_site("tree-source");
  fs::path about = a_document(s.content);
  ASSERT_FALSE(about.empty());
  write(about, read(about) + "\nA paragraph added by the editor.\n");
  set_back(s.content);  // even with its old time back: another size
  e2e::Run r = takao("build " + s.args());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err.find(kNothingToDo), std::string::npos) << r.err;
  EXPECT_TRUE(tree(s.out) == clean_build(s));
}

// A build that brings the spare up to date records the tree from what its prune saw of it (no second walk,
// output/staging.h): that record must be the tree as it is, so the next build has nothing to do.
TEST(TreeRecord, ABuildInTheSpareRecordsTheTreeItLeaves) {
  TestSite s = built_site("tree-spare");
  fs::path about = a_document(s.content);
  ASSERT_FALSE(about.empty());
  for (int edit = 0; edit < 2; ++edit) {
    write(about, read(about) + "\nA paragraph added by the editor.\n");
    set_back(s.content);
    e2e::Run r = takao("build " + s.args());
    ASSERT_EQ(r.status, 0) << r.err;
    // The first edit's build swaps out the first site, which becomes the spare; the second's uses it.
    if (edit == 1) EXPECT_EQ(r.err.find("takao: 0 of them already in the spare tree"), std::string::npos) << r.err;
  }
  EXPECT_TRUE(tree(s.out) == clean_build(s));
  e2e::Run again = takao("build " + s.args());
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.err.find(kNothingToDo), std::string::npos) << again.err;
}

// The racy files of the check record (written within 2 s of the build that read them) in its JSON body.
size_t racy_in_check_record(const TestSite& s) {
  std::string bytes = read(s.root / ".public.takao-check");
  nlohmann::json record = nlohmann::json::parse(bytes.substr(bytes.find('\n') + 1), nullptr, false);
  return record.is_object() && record.contains("racy") ? record["racy"].size() : 0;
}

TEST(TreeRecord, RacySourcesAreReadOnceThenRecordedAgain) {
  TestSite s;
  s.content = fixture_copy("tree-racy");
  s.root = s.content.parent_path();
  s.out = s.root / "public";
  // The Markdown files just written (racy for the build right after, which records what it read of
  // them); the others, whose content the record does not keep, an hour old.
  set_back(s.content);
  for (const auto& e : fs::recursive_directory_iterator(s.content)) {
    if (e.path().extension() == ".md") write(e.path(), read(e.path()));
  }
  ASSERT_EQ(takao("build " + s.args()).status, 0);
  ASSERT_GT(racy_in_check_record(s), 0u);
  // Not a timing check: the sources must be older than the 2 s racy window at the next build's snapshot.
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  e2e::Run r = takao("build " + s.args());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find(kNothingToDo), std::string::npos) << r.err;
  EXPECT_EQ(racy_in_check_record(s), 0u) << "trusted by content once, then recorded by their stamps";
  e2e::Run again = takao("build " + s.args());
  EXPECT_NE(again.err.find(kNothingToDo), std::string::npos) << "the tree record names the new check record: " << again.err;
  // And a source edited after all that is still seen.
  fs::path page;
  for (const auto& e : fs::recursive_directory_iterator(s.content)) {
    if (e.path().extension() == ".md" && read(e.path()).find("title:") != std::string::npos) page = e.path();
  }
  write(page, read(page) + "\nA paragraph added by the editor.\n");
  e2e::Run edited = takao("build " + s.args());
  EXPECT_EQ(edited.err.find(kNothingToDo), std::string::npos) << edited.err;
  EXPECT_TRUE(tree(s.out) == clean_build(s));
}

TEST(TreeRecord, ADamagedOrMissingRecordMeansAFullBuild) {
  TestSite s = built_site("tree-damaged");
  fs::path record = s.root / ".public.takao-tree";
  ASSERT_TRUE(fs::exists(record));
  std::string bytes = read(record);
  bytes[bytes.size() / 2] ^= 1;
  write(record, bytes);
  expect_repaired(s);
  fs::remove(record);
  expect_repaired(s);
  // The record of another build's check record is not taken either.
  fs::remove(s.root / ".public.takao-check");
  expect_repaired(s);
}

}  // namespace
