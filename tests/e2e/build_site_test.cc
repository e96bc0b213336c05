// Builds the fixture site with the real binary and checks pages, links, languages and output guarantees.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <regex>
#include <thread>

#include "e2e_util.h"

namespace fs = std::filesystem;
using namespace e2e;

namespace {

class BuiltSite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    out_ = temp_dir("built") / "public";
    run_ = takao("build --content tests/fixtures/site --out '" + out_.string() + "' --jobs 2");
  }
  static std::string page(const std::string& path) { return read(out_ / path); }
  static fs::path out_;
  static e2e::Run run_;
};
fs::path BuiltSite::out_;
e2e::Run BuiltSite::run_;

TEST_F(BuiltSite, BuildSucceeds) {
  EXPECT_EQ(run_.status, 0) << run_.err;
}

TEST_F(BuiltSite, EveryCollectionHasPagesInBothLanguages) {
  for (const char* p : {"index.html", "en/index.html", "404.html", "en/404.html", "about/index.html",
                        "en/about/index.html", "journal/index.html", "en/journal/index.html", "journal/001/index.html",
                        "journal/001/01-first/index.html", "en/journal/001/01-first/index.html",
                        "journal/001/02-second/index.html", "reports/index.html", "reports/self-research/index.html",
                        "reports/self-research/2014-traffic/index.html", "reports/commissioned/2013-graduates/index.html",
                        "glossary/index.html", "en/glossary/index.html", "glossary/districts/index.html",
                        "glossary/landmarks/index.html", "authors/index.html", "authors/王小明/index.html",
                        "en/authors/王小明/index.html", "keywords/會展/index.html", "agencies/交通局/index.html",
                        "search/index.html", "en/search/index.html", "journal/001/issue.pdf", ".takao-output"}) {
    EXPECT_TRUE(fs::exists(out_ / p)) << p;
  }
  // 02-second has no title_en and no twin: no English page.
  EXPECT_FALSE(fs::exists(out_ / "en/journal/001/02-second/index.html"));
}

TEST_F(BuiltSite, ChinesePagesShowRocYearsEnglishGregorian) {
  EXPECT_NE(page("journal/001/index.html").find("民國103年8月1日"), std::string::npos);
  EXPECT_NE(page("en/journal/001/index.html").find("1 August 2014"), std::string::npos);
  EXPECT_NE(page("reports/self-research/index.html").find("民國103年"), std::string::npos);
}

TEST_F(BuiltSite, ArticlePageHasItsMetadata) {
  std::string html = page("journal/001/01-first/index.html");
  EXPECT_NE(html.find("會展產業期程研究"), std::string::npos);
  EXPECT_NE(html.find("A Study of the MICE Industry"), std::string::npos);
  EXPECT_NE(html.find("研究發展考核委員會"), std::string::npos);
  EXPECT_NE(html.find("本文分析高雄會展產業的發展期程。"), std::string::npos);
  EXPECT_NE(html.find("This article analyses"), std::string::npos);
  EXPECT_NE(html.find("6-21"), std::string::npos);
  EXPECT_NE(html.find("href=\"/journal/001/issue.pdf\""), std::string::npos);
  EXPECT_NE(html.find("rel=\"next\""), std::string::npos);
  EXPECT_NE(html.find("hreflang=\"en\" href=\"https://example.gov.tw/en/journal/001/01-first/\""), std::string::npos);
  EXPECT_NE(html.find("<h2 id=\"結論\">"), std::string::npos);
}

TEST_F(BuiltSite, LinksAreRewrittenPerLanguage) {
  std::string zh = page("about/index.html");
  EXPECT_NE(zh.find("href=\"/journal/001/01-first/#%E7%B5%90%E8%AB%96\""), std::string::npos) << zh;
  std::string en = page("en/about/index.html");
  EXPECT_NE(en.find("href=\"/en/journal/001/01-first/\""), std::string::npos);
  EXPECT_NE(en.find("A small site for end-to-end tests."), std::string::npos);
}

TEST_F(BuiltSite, EnglishPageWithoutTranslationMarksChineseBody) {
  std::string en = page("en/reports/self-research/2014-traffic/index.html");
  EXPECT_NE(en.find("Improving Traffic Safety"), std::string::npos);
  EXPECT_NE(en.find("lang=\"zh-Hant\""), std::string::npos);
  EXPECT_NE(en.find("<html lang=\"en\">"), std::string::npos);
}

TEST_F(BuiltSite, UntrustedTextIsEscaped) {
  std::string html = page("hostile/index.html");
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;標題"), std::string::npos);
  EXPECT_EQ(html.find("javascript:"), std::string::npos);
  std::string en = page("en/hostile/index.html");
  EXPECT_EQ(en.find("<img src=x"), std::string::npos);
}

TEST_F(BuiltSite, GlossaryEntriesHaveTheirOwnPages) {
  std::string table = page("glossary/districts/index.html");
  EXPECT_NE(table.find("Cianjhen Dist."), std::string::npos);
  EXPECT_TRUE(fs::exists(out_ / "glossary/glossary.csv"));
  EXPECT_TRUE(fs::exists(out_ / "glossary/glossary.json"));
}

TEST(BuildOutput, IsByteIdenticalAcrossRunsAndJobCounts) {
  fs::path a = temp_dir("det-a") / "public", b = temp_dir("det-b") / "public";
  ASSERT_EQ(takao("build --content tests/fixtures/site --out '" + a.string() + "' --jobs 1").status, 0);
  ASSERT_EQ(takao("build --content tests/fixtures/site --out '" + b.string() + "' --jobs 2").status, 0);
  auto ta = tree(a), tb = tree(b);
  ASSERT_EQ(ta.size(), tb.size());
  for (const auto& [path, bytes] : ta) EXPECT_TRUE(tb[path] == bytes) << path;
}

TEST(BuildOutput, RebuildReplacesTheOldSiteWhole) {
  fs::path content = fixture_copy("rebuild");
  fs::path out = content.parent_path() / "public";
  ASSERT_EQ(takao("build --content '" + content.string() + "' --out '" + out.string() + "'").status, 0);
  fs::remove(content / "pages/hostile.md");
  ASSERT_EQ(takao("build --content '" + content.string() + "' --out '" + out.string() + "'").status, 0);
  EXPECT_FALSE(fs::exists(out / "hostile/index.html"));
  EXPECT_TRUE(fs::exists(out / "about/index.html"));
  // No staging folder is left behind, and the previous site, removed in the background after the swap
  // (".public.takao-old-PID"), is gone soon after.
  for (const auto& e : fs::directory_iterator(content.parent_path())) {
    EXPECT_EQ(e.path().filename().string().find("takao-staging"), std::string::npos);
  }
  auto old_sites = [&] {
    int n = 0;
    for (const auto& e : fs::directory_iterator(content.parent_path())) n += e.path().filename().string().find(".takao-old-") != std::string::npos;
    return n;
  };
  for (int i = 0; i < 600 && old_sites() > 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(old_sites(), 0) << "the previous site was not removed within 60 s";
}

TEST(BuildOutput, UnchangedFilesAreLinkedFromThePreviousSiteAndChangedOnesWrittenAnew) {
  fs::path content = fixture_copy("reuse");
  fs::path out = content.parent_path() / "public";
  std::string cmd = "build --content '" + content.string() + "' --out '" + out.string() + "'";
  ASSERT_EQ(takao(cmd).status, 0);
  auto before = tree(out);
  struct stat about{}, about_br{};
  ASSERT_EQ(::stat((out / "about/index.html").c_str(), &about), 0);
  ASSERT_EQ(::stat((out / "about/index.html.br").c_str(), &about_br), 0);
  // A page whose text changes, and a rebuild: the changed page and its twins are new files with the new
  // text, the unchanged page is the same file (inode) as before, and the sites agree byte for byte
  // everywhere else.
  fs::path page = content / "pages/hostile.md";
  std::string text = read(page);
  text += "\n\nA sentence added for the reuse test.\n";
  write(page, text);
  ASSERT_EQ(takao(cmd).status, 0);
  auto after = tree(out);
  struct stat about2{}, about_br2{};
  ASSERT_EQ(::stat((out / "about/index.html").c_str(), &about2), 0);
  ASSERT_EQ(::stat((out / "about/index.html.br").c_str(), &about_br2), 0);
  EXPECT_EQ(about.st_ino, about2.st_ino);
  EXPECT_EQ(about_br.st_ino, about_br2.st_ino);
  EXPECT_NE(after["hostile/index.html"].find("A sentence added for the reuse test."), std::string::npos);
  EXPECT_NE(before["hostile/index.html"], after["hostile/index.html"]);
  EXPECT_NE(before["hostile/index.html.gz"], after["hostile/index.html.gz"]);
  // The rebuilt site is what a build into an empty folder gives.
  fs::path fresh = content.parent_path() / "fresh";
  ASSERT_EQ(takao("build --content '" + content.string() + "' --out '" + fresh.string() + "'").status, 0);
  EXPECT_TRUE(tree(fresh) == after);
}

// The tree a build swaps out stays beside the output as the spare (".public.takao-spare"), and the next
// build brings it up to date in place: an unchanged rebuild finds every file already there (the same inode
// as in the live site), so it links nothing, writes nothing and changes no folder.
std::map<std::string, struct stat> stats_below(const fs::path& root) {
  std::map<std::string, struct stat> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    struct stat st{};
    ::lstat(e.path().c_str(), &st);
    out[fs::relative(e.path(), root).string()] = st;
  }
  return out;
}

TEST(StagingSpare, UnchangedRebuildLinksNothingAndChangesNoFolder) {
  fs::path content = fixture_copy("spare");
  fs::path out = content.parent_path() / "public", spare = content.parent_path() / ".public.takao-spare";
  std::string cmd = "build --content '" + content.string() + "' --out '" + out.string() + "' --timings";
  ASSERT_EQ(takao(cmd).status, 0);
  EXPECT_FALSE(fs::exists(spare));  // a first build swaps nothing out
  ASSERT_EQ(takao(cmd).status, 0);
  ASSERT_TRUE(fs::exists(spare / ".takao-output"));  // the first site, kept as the spare
  auto live = stats_below(out), kept = stats_below(spare);
  e2e::Run r = takao(cmd);
  ASSERT_EQ(r.status, 0) << r.err;
  // Every file of the site: already in the spare, not linked.
  std::smatch m, k;
  ASSERT_TRUE(std::regex_search(r.err, m, std::regex("takao: (\\d+) of (\\d+) files unchanged"))) << r.err;
  ASSERT_TRUE(std::regex_search(r.err, k, std::regex("takao: (\\d+) of them already in the spare tree"))) << r.err;
  size_t files = std::stoul(m[2]), linked = std::stoul(m[1]), in_spare = std::stoul(k[1]);
  EXPECT_GT(linked, 100u) << r.err;
  EXPECT_GE(linked + 10, files) << r.err;  // copied attachments are not counted as linked
  EXPECT_EQ(in_spare, linked) << r.err;
  // The live site is the former spare's tree, with the same files (inodes) as before; no folder of it
  // changed (modification time), and the former live tree is the spare now, untouched as well.
  auto now = stats_below(out), now_spare = stats_below(spare);
  ASSERT_EQ(now.size(), live.size());
  for (const auto& [path, st] : live) {
    ASSERT_TRUE(now.count(path)) << path;
    // (The marker is the spare's own: each build into a fresh staging folder writes one.)
    if (!S_ISDIR(st.st_mode) && path != ".takao-output") {
      EXPECT_EQ(now[path].st_ino, st.st_ino) << path;
    }
    if (S_ISDIR(st.st_mode)) {
      EXPECT_EQ(now[path].st_ino, kept[path].st_ino) << path;
      EXPECT_EQ(now[path].st_mtim.tv_nsec, kept[path].st_mtim.tv_nsec) << path;
      EXPECT_EQ(now[path].st_mtim.tv_sec, kept[path].st_mtim.tv_sec) << path;
      EXPECT_EQ(now_spare[path].st_ino, st.st_ino) << path;
      EXPECT_EQ(now_spare[path].st_mtim.tv_nsec, st.st_mtim.tv_nsec) << path;
    }
  }
}

// Whatever state a killed build (or anyone else) left the spare in, the next build brings it up to date:
// missing, replaced and stray files, a folder replaced by a file or by a symlink to somewhere else (which
// is removed, never followed), and the site equals a clean build.
TEST(StagingSpare, AHalfUpdatedOrTamperedSpareIsBroughtUpToDate) {
  fs::path content = fixture_copy("spare-tampered");
  fs::path root = content.parent_path();
  fs::path out = root / "public", spare = root / ".public.takao-spare";
  std::string cmd = "build --content '" + content.string() + "' --out '" + out.string() + "'";
  ASSERT_EQ(takao(cmd).status, 0);
  ASSERT_EQ(takao(cmd).status, 0);
  ASSERT_TRUE(fs::exists(spare / "about/index.html"));
  fs::remove(spare / "about/index.html.br");
  fs::remove(spare / "index.html");
  write(spare / "index.html", "stale");
  fs::remove(spare / "en/about/index.html.gz");
  write(spare / "en/about/index.html.gz", "not gzip");  // a new inode where the link was
  write(spare / "stray/page.html", "not made by this build");
  fs::remove_all(spare / "journal");
  write(spare / "journal", "a file where a folder belongs");
  fs::path elsewhere = root / "elsewhere";
  write(elsewhere / "keep.txt", "keep");
  fs::remove_all(spare / "reports");
  fs::create_directory_symlink(elsewhere, spare / "reports");
  e2e::Run r = takao(cmd);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(read(elsewhere / "keep.txt"), "keep");
  EXPECT_EQ(fs::directory_iterator(elsewhere)->path().filename(), "keep.txt");
  EXPECT_FALSE(fs::is_symlink(out / "reports"));
  EXPECT_FALSE(fs::exists(out / "stray"));
  fs::path fresh = root / "fresh";
  ASSERT_EQ(takao("build --content '" + content.string() + "' --out '" + fresh.string() + "'").status, 0);
  EXPECT_TRUE(tree(fresh) == tree(out));
  // And once more, from the tree that was live (now the spare).
  ASSERT_EQ(takao(cmd).status, 0);
  EXPECT_TRUE(tree(fresh) == tree(out));
}

TEST(Cli, WrongCommandLineExitsTwo) {
  EXPECT_EQ(takao("build --no-such-option").status, 2);
  EXPECT_EQ(takao("frobnicate").status, 2);
  EXPECT_EQ(takao("build --jobs zero").status, 2);
  EXPECT_EQ(takao("").status, 2);
}

TEST(Cli, CheckValidatesAndWritesNothing) {
  fs::path dir = temp_dir("check");
  e2e::Run r = takao("check --content tests/fixtures/site");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(fs::exists("public-check-should-not-exist"));
}

}  // namespace
