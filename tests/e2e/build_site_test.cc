// Builds the fixture site with the real binary and checks pages, links, languages and output guarantees.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
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
