// `takao build --out` never destroys what takao did not make: it refuses the content folder, a folder
// holding it or inside it, a repository root, `/`, the home folder, a file, and any non-empty folder
// without the .takao-output marker, and leaves them exactly as they were.
#include <gtest/gtest.h>

#include <fstream>

#include "../hostile/hostile_util.h"

namespace fs = std::filesystem;
using namespace hostile;

namespace {

std::vector<std::string> build_args(const std::string& content, const std::string& out) {
  std::vector<std::string> args = {"build", "--content", content, "--out", out, "--jobs", "2"};
  for (auto& a : theme_args()) args.push_back(a);
  return args;
}

// Builds `content` into `out` from `cwd` and expects a refusal that names the reason; `guarded` (a folder)
// must be byte for byte what it was.
void expect_refused(const fs::path& cwd, const std::string& content, const std::string& out, const fs::path& guarded,
                    const std::string& reason, const std::map<std::string, std::string>& env = {}) {
  auto before = snapshot(guarded);
  Outcome r = run_takao(build_args(content, out), cwd, 120, env);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("refusing to use " + out + " as the output folder"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(reason), std::string::npos) << r.err;
  EXPECT_TRUE(snapshot(guarded) == before) << out << " was changed";
  // No staging folder is left beside it either.
  for (const auto& e : fs::directory_iterator(guarded.parent_path())) {
    EXPECT_EQ(e.path().filename().string().find(".takao-staging-"), std::string::npos) << e.path();
  }
}

TEST(OutputFolder, RefusesTheContentFolder) {
  fs::path dir = fresh_dir("out-content");
  copy_fixture(dir);
  expect_refused(dir, "content", "content", dir / "content", "it is the content folder");
  expect_refused(dir, "content", "./content/", dir / "content", "it is the content folder");
  expect_refused(dir, "content", "content/../content", dir / "content", "it is the content folder");
}

TEST(OutputFolder, RefusesAFolderHoldingTheContent) {
  fs::path dir = fresh_dir("out-holds");
  copy_fixture(dir / "site");
  expect_refused(dir, "site/content", "site", dir / "site", "it holds the content folder");
  expect_refused(dir / "site/content", ".", "..", dir / "site", "it holds the content folder");
}

TEST(OutputFolder, RefusesAFolderInsideTheContent) {
  fs::path dir = fresh_dir("out-inside");
  copy_fixture(dir);
  expect_refused(dir, "content", "content/public", dir / "content", "inside the content folder");
}

TEST(OutputFolder, RefusesASymlinkToTheContent) {
  fs::path dir = fresh_dir("out-symlink");
  copy_fixture(dir);
  fs::create_directory_symlink(dir / "content", dir / "public");
  expect_refused(dir, "content", "public", dir / "content", "it is the content folder");
  EXPECT_TRUE(fs::is_symlink(dir / "public"));
}

TEST(OutputFolder, RefusesARepositoryRoot) {
  fs::path dir = fresh_dir("out-git");
  copy_fixture(dir);
  put(dir / "repo/.git/HEAD", "ref: refs/heads/main\n");
  // Even a marker does not make a repository disposable.
  put(dir / "repo/.takao-output", "");
  expect_refused(dir, "content", "repo", dir / "repo", "root of a repository");
}

TEST(OutputFolder, RefusesTheFileSystemRoot) {
  fs::path dir = fresh_dir("out-root");
  copy_fixture(dir);
  Outcome r = run_takao(build_args("content", "/"), dir, 120);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("it is the root of the file system"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists("/.takao-output"));
}

TEST(OutputFolder, RefusesTheHomeFolder) {
  fs::path dir = fresh_dir("out-home");
  copy_fixture(dir);
  put(dir / "home/notes.txt", "mine\n");
  put(dir / "home/.takao-output", "");  // even if a marker got there somehow
  expect_refused(dir, "content", "home", dir / "home", "it is the home folder", {{"HOME", (dir / "home").string()}});
}

TEST(OutputFolder, RefusesANonEmptyFolderTakaoDidNotMake) {
  fs::path dir = fresh_dir("out-foreign");
  copy_fixture(dir);
  put(dir / "docs/thesis.docx", "years of work");
  put(dir / "docs/sub/data.csv", "1,2,3\n");
  expect_refused(dir, "content", "docs", dir / "docs", "was not made by takao");
  // A hidden file alone is still someone's.
  fs::path hidden = dir / "hidden";
  put(hidden / ".config", "x");
  expect_refused(dir, "content", "hidden", hidden, "was not made by takao");
}

TEST(OutputFolder, RefusesAFile) {
  fs::path dir = fresh_dir("out-file");
  copy_fixture(dir);
  put(dir / "public", "not a folder");
  Outcome r = run_takao(build_args("content", "public"), dir, 120);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("it is a file, not a folder"), std::string::npos) << r.err;
  std::ifstream in(dir / "public");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "not a folder");
}

TEST(OutputFolder, AcceptsAnEmptyFolderAMissingOneAndItsOwnOutput) {
  fs::path dir = fresh_dir("out-ok");
  copy_fixture(dir);
  fs::create_directories(dir / "empty");
  Outcome a = run_takao(build_args("content", "empty"), dir, 120);
  ASSERT_EQ(a.status, 0) << a.err;
  EXPECT_TRUE(fs::exists(dir / "empty/.takao-output"));
  Outcome b = run_takao(build_args("content", "new/deeper/public"), dir, 120);
  ASSERT_EQ(b.status, 0) << b.err;
  // A second build over takao's own output replaces it.
  put(dir / "empty/stale.html", "old");
  Outcome c = run_takao(build_args("content", "empty"), dir, 120);
  ASSERT_EQ(c.status, 0) << c.err;
  EXPECT_FALSE(fs::exists(dir / "empty/stale.html"));
  EXPECT_TRUE(snapshot(dir / "empty") == snapshot(dir / "new/deeper/public"));
}

TEST(OutputFolder, CheckNeverLooksAtTheOutput) {
  fs::path dir = fresh_dir("out-check");
  copy_fixture(dir);
  std::vector<std::string> args = {"check", "--content", "content"};
  for (auto& a : theme_args()) args.push_back(a);
  Outcome r = run_takao(args, dir, 120);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(fs::exists(dir / "public"));
}

}  // namespace
