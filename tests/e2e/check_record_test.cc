// takao check answers from the record a successful build leaves beside its output (issue 15,
// pipeline/check_record): the same warnings and counts as a full check when the sources are the ones the
// build read, and a full check whenever they may not be (an edit, a theme change, a damaged record, files
// modified too close to the build).
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>

#include "e2e_util.h"

namespace fs = std::filesystem;
using namespace e2e;

namespace {

constexpr const char* kFromRecord = "from the build state";

struct TestSite {
  fs::path root, content, theme, out;
  std::string args(const fs::path& out_dir) const {
    return "--content '" + content.string() + "' --theme '" + theme.string() + "' --out '" + out_dir.string() + "'";
  }
  std::string args() const { return args(out); }
};

// Every file's modification time an hour back: not racy for the record (a file modified within 2 s of
// the build is never trusted).
void set_time(const fs::path& root, fs::file_time_type when) {
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) fs::last_write_time(e.path(), when);
  }
}
void set_back(const fs::path& root) { set_time(root, fs::file_time_type::clock::now() - std::chrono::hours(1)); }

// The fixture site with a copy of the default theme (so a test may change it), set back, and built.
TestSite built_site(const std::string& name, bool back = true) {
  TestSite s;
  s.content = fixture_copy(name);
  s.root = s.content.parent_path();
  s.theme = s.root / "theme";
  s.out = s.root / "public";
  fs::copy(fs::path(TAKAO_SOURCE_DIR) / "themes/default", s.theme, fs::copy_options::recursive);
  // Not set back: modified "now", just before the build starts.
  back ? set_back(s.root) : set_time(s.root, fs::file_time_type::clock::now());
  e2e::Run r = takao("build " + s.args());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(fs::exists(s.root / ".public.takao-check"));
  return s;
}

// The lines a check prints, without the progress and timing lines, and the final line without its time:
// "takao: checked 62 pages in 2 languages, 0 files, 2 warning(s)".
std::string answer(const std::string& err) {
  std::istringstream in(err);
  std::string line, out;
  while (std::getline(in, line)) {
    if (line.rfind("takao: checked ", 0) == 0) {
      out += line.substr(0, line.rfind(" in ")) + "\n";
    } else if (line.rfind("takao:", 0) != 0 && line.find(": warning: ") != std::string::npos) {
      out += line + "\n";
    } else if (line.find(": error: ") != std::string::npos) {
      out += line + "\n";
    }
  }
  return out;
}

// A full check of the same sources: against an output folder with no record.
e2e::Run full_check(const TestSite& s) {
  e2e::Run r = takao("check --timings " + s.args(s.root / "no-such-site"));
  EXPECT_EQ(r.err.find(kFromRecord), std::string::npos) << r.err;
  return r;
}

TEST(CheckRecord, AnUnchangedSiteIsAnsweredFromTheRecord) {
  TestSite s = built_site("check-unchanged");
  e2e::Run full = full_check(s);
  ASSERT_EQ(full.status, 0) << full.err;
  ASSERT_NE(full.err.find(": warning: "), std::string::npos) << "the fixture should have warnings to replay";
  e2e::Run r = takao("check --timings " + s.args());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find(kFromRecord), std::string::npos) << r.err;
  EXPECT_EQ(answer(r.err), answer(full.err));
  EXPECT_NE(answer(r.err).find("takao: checked 62 pages in 2 languages, 0 files, 2 warning(s)"), std::string::npos) << r.err;
}

TEST(CheckRecord, AnEditThatAddsAnErrorIsFound) {
  TestSite s = built_site("check-edit");
  fs::path article = s.content / "journal/001/01-first.md";
  std::string text = read(article);
  write(article, std::regex_replace(text, std::regex("\ntitle: [^\n]*"), "\ntitle: [unclosed", std::regex_constants::format_first_only));
  set_back(s.content);  // an old time, yet not the recorded one: the stamps tell the edit
  e2e::Run r = takao("check " + s.args());
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("01-first.md:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("check failed"), std::string::npos) << r.err;
}

TEST(CheckRecord, AThemeChangeIsCheckedInFull) {
  TestSite s = built_site("check-theme");
  fs::path tmpl = s.theme / "templates/article.mustache";
  write(tmpl, read(tmpl) + "{{page.no_such_variable}}\n");
  e2e::Run r = takao("check --timings " + s.args());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err.find(kFromRecord), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("page.no_such_variable"), std::string::npos) << r.err;
  EXPECT_EQ(answer(r.err), answer(full_check(s).err));
}

TEST(CheckRecord, ANewFileIsCheckedInFull) {
  TestSite s = built_site("check-new-file");
  write(s.content / "journal/001/03-third.md", read(s.content / "journal/001/02-second.md"));
  set_back(s.content);
  e2e::Run r = takao("check --timings " + s.args());
  EXPECT_EQ(r.err.find(kFromRecord), std::string::npos) << r.err;
  EXPECT_EQ(answer(r.err), answer(full_check(s).err));
}

TEST(CheckRecord, ADamagedRecordMeansAFullCheck) {
  TestSite s = built_site("check-damaged");
  fs::path record = s.root / ".public.takao-check";
  std::string bytes = read(record);
  // Same length, other words: replayed, it would print a message no full check gives.
  size_t at = bytes.find("never provided");
  ASSERT_NE(at, std::string::npos) << bytes.substr(0, 400);
  bytes.replace(at, 5, "NEVER");
  write(record, bytes);
  e2e::Run r = takao("check --timings " + s.args());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err.find(kFromRecord), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("NEVER"), std::string::npos) << r.err;
  EXPECT_EQ(answer(r.err), answer(full_check(s).err));

  write(record, read(record).substr(0, 100));  // cut short
  r = takao("check --timings " + s.args());
  EXPECT_EQ(r.err.find(kFromRecord), std::string::npos) << r.err;
  EXPECT_EQ(answer(r.err), answer(full_check(s).err));
}

TEST(CheckRecord, AnotherConfigurationIsCheckedInFull) {
  TestSite s = built_site("check-drafts");
  e2e::Run r = takao("check --drafts --timings " + s.args());
  EXPECT_EQ(r.err.find(kFromRecord), std::string::npos) << r.err;
}

TEST(CheckRecord, FilesModifiedJustBeforeTheBuildAreNotTrusted) {
  // Fresh copies: every file was modified within 2 s of the build, so its stamp cannot vouch for what
  // the build read; the theme's files are not content, whose bytes the record keeps: a full check.
  TestSite s = built_site("check-racy", /*back=*/false);
  e2e::Run r = takao("check --timings " + s.args());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err.find(kFromRecord), std::string::npos) << r.err;
}

TEST(CheckRecord, RacyContentIsTrustedOnlyWhileItHoldsTheBytesTheBuildRead) {
  TestSite s;
  s.content = fixture_copy("check-racy-content");
  s.root = s.content.parent_path();
  s.theme = s.root / "theme";
  s.out = s.root / "public";
  fs::copy(fs::path(TAKAO_SOURCE_DIR) / "themes/default", s.theme, fs::copy_options::recursive);
  set_back(s.theme);
  set_time(s.content, fs::file_time_type::clock::now());  // edited just before the build
  // but for attachments (the PDF): copied, never read, so the record has no bytes of them to compare.
  for (const auto& e : fs::recursive_directory_iterator(s.content)) {
    if (e.path().extension() == ".pdf") fs::last_write_time(e.path(), fs::file_time_type::clock::now() - std::chrono::hours(1));
  }
  ASSERT_EQ(takao("build " + s.args()).status, 0);
  // Racy, but each file still holds what the build read (compared by digest): the record answers.
  e2e::Run same = takao("check --timings " + s.args());
  EXPECT_NE(same.err.find(kFromRecord), std::string::npos) << same.err;
  // An edit the stamp cannot show (same size, same inode, the old modification time put back): the bytes
  // differ from what the build read, so the check runs in full and sees it.
  fs::path site = s.content / "site.yaml";
  auto when = fs::last_write_time(site);
  std::string text = read(site);
  size_t at = text.find("title:");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 6, "titlx:");
  { std::ofstream(site, std::ios::binary | std::ios::in | std::ios::out) << text; }
  fs::last_write_time(site, when);
  e2e::Run changed = takao("check --timings " + s.args());
  EXPECT_EQ(changed.err.find(kFromRecord), std::string::npos) << changed.err;
  EXPECT_NE(changed.status, 0) << "site.yaml without its title is an error";
}

}  // namespace
