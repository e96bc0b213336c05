// The theme links only the collections a site has: a site of standing pages alone, or a journal alone,
// builds with no error and no warning, and links nowhere it does not have (issue 16).
#include <gtest/gtest.h>

#include "e2e_util.h"

namespace fs = std::filesystem;
using namespace e2e;

namespace {

struct Built {
  Run run;
  fs::path out;
};

Built build(const std::string& fixture) {
  Built b;
  b.out = temp_dir(fixture) / "public";
  b.run = takao("build --content tests/fixtures/" + fixture + " --out '" + b.out.string() + "' --jobs 2");
  return b;
}

void expect_no_link(const std::string& html, const std::string& where, std::initializer_list<const char*> paths) {
  for (const char* p : paths) EXPECT_EQ(html.find(std::string("href=\"") + p), std::string::npos) << where << " links " << p;
}

TEST(Collections, ASiteOfPagesAloneBuildsCleanly) {
  Built b = build("pages-only");
  ASSERT_EQ(b.run.status, 0) << b.run.err;
  EXPECT_EQ(b.run.err.find(" warning: "), std::string::npos) << b.run.err;
  EXPECT_EQ(b.run.err.find(" error: "), std::string::npos) << b.run.err;
  for (const char* page : {"index.html", "en/index.html"}) {
    std::string html = read(b.out / page);
    expect_no_link(html, page, {"/glossary/", "/en/glossary/", "/journal/", "/en/journal/", "/reports/", "/en/reports/",
                                "/authors/", "/en/authors/", "/agencies/", "/en/agencies/"});
    // The home lists the site's pages, and describes itself.
    EXPECT_NE(html.find("<meta name=\"description\" content=\""), std::string::npos) << page;
  }
  EXPECT_NE(read(b.out / "en/index.html").find("href=\"/en/about/\""), std::string::npos);
  EXPECT_FALSE(fs::exists(b.out / "glossary/index.html"));
  expect_no_link(read(b.out / "en/site-map/index.html"), "en/site-map", {"/en/authors/", "/en/glossary/", "/en/journal/"});
}

TEST(Collections, AJournalAloneBuildsCleanly) {
  Built b = build("journal-only");
  ASSERT_EQ(b.run.status, 0) << b.run.err;
  EXPECT_EQ(b.run.err.find(" warning: "), std::string::npos) << b.run.err;
  for (const char* page : {"index.html", "en/index.html", "journal/001/01-hello/index.html"}) {
    expect_no_link(read(b.out / page), page, {"/glossary/", "/en/glossary/", "/reports/", "/en/reports/", "/agencies/", "/en/agencies/"});
  }
  std::string home = read(b.out / "en/index.html");
  EXPECT_NE(home.find("href=\"/en/journal/001/\""), std::string::npos);
  EXPECT_NE(home.find("href=\"/en/authors/\""), std::string::npos);
  // English punctuation between names; the name without an English form marked as Chinese.
  EXPECT_NE(home.find("<span lang=\"zh-Hant\">本刊編輯部</span>, <span>Wang Hsiao-ming</span>"), std::string::npos) << home;
  EXPECT_NE(read(b.out / "index.html").find("<span>本刊編輯部</span>、<span>王小明</span>"), std::string::npos);
}

}  // namespace
