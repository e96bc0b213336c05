#include <gtest/gtest.h>

#include "core/disk.h"
#include "model/site.h"

namespace takao {

namespace {

std::unique_ptr<Site> build(std::map<std::string, std::string> files, Diagnostics& diags, BuildOptions options = {}) {
  MemoryDisk disk;
  if (!files.count("content/site.yaml")) files["content/site.yaml"] = "title: 站\nbase_url: https://example.gov.tw\n";
  disk.files = std::move(files);
  return build_site(load_sources(disk, "content", diags), options, diags);
}

std::string errors(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d.sorted()) out += x.format() + "\n";
  return out;
}

}  // namespace

TEST(SiteBuilder, BuildsJournalWithIssuesNewestFirst) {
  Diagnostics d;
  auto site = build({{"content/journal/_index.md", "---\ntitle: 城市發展\n---\n"},
                     {"content/journal/017/_index.md", "---\ntitle: 十七\nnumber: 17\npublished: 2014-08-01\n---\n"},
                     {"content/journal/018/_index.md", "---\ntitle: 十八\nnumber: 18\npublished: 2015-02-01\n---\n"},
                     {"content/journal/017/02-b.md", "---\ntitle: B\n---\n"},
                     {"content/journal/017/01-a.md",
                      "---\ntitle: A\nauthors:\n  - name: 王小明\n    affiliation: 研考會\n  - 陳大文\npages: 6-21\n---\n"}},
                    d);
  ASSERT_FALSE(d.has_errors()) << errors(d);
  EXPECT_EQ(site->config.base_url, "https://example.gov.tw/");
  ASSERT_EQ(site->issues.size(), 2u);
  EXPECT_EQ(site->issues[0].number, 18);
  const Issue& is17 = site->issues[1];
  ASSERT_EQ(is17.articles.size(), 2u);
  const Article& a = site->articles[is17.articles[0]];
  EXPECT_EQ(a.doc.title, "A");
  EXPECT_EQ(a.doc.url, "/journal/017/01-a/");
  EXPECT_EQ(a.first_page, 6);
  EXPECT_EQ(a.last_page, 21);
  ASSERT_EQ(a.authors.size(), 2u);
  EXPECT_EQ(a.authors[0].affiliation, "研考會");
  EXPECT_EQ(site->authors.size(), 2u);
  EXPECT_EQ(site->authors[0].name, "王小明");  // 4 strokes before 16
}

TEST(SiteBuilder, ReportsTypedFieldErrorsAtTheField) {
  Diagnostics d;
  build({{"content/reports/self-research/a.md", "---\ntitle: A\nyear: abc\naward: 特優\n---\n"}}, d);
  auto all = d.sorted();
  ASSERT_EQ(all.size(), 2u) << errors(d);
  EXPECT_EQ(all[0].line, 3);
  EXPECT_EQ(all[1].line, 4);
  EXPECT_NE(all[1].message.find("甲等"), std::string::npos);
}

TEST(SiteBuilder, DraftsAndScheduledPagesStayOut) {
  Diagnostics d;
  BuildOptions o;
  o.today = {2020, 1, 1};
  auto site = build({{"content/pages/a.md", "---\ntitle: A\ndraft: true\n---\n"},
                     {"content/pages/b.md", "---\ntitle: B\npublished: 2030-01-01\n---\n"},
                     {"content/pages/c.md", "---\ntitle: C\n---\n"}},
                    d, o);
  ASSERT_FALSE(d.has_errors()) << errors(d);
  ASSERT_EQ(site->pages.size(), 1u);
  EXPECT_EQ(site->pages[0].doc.title, "C");
  o.drafts = true;
  Diagnostics d2;
  EXPECT_EQ(build({{"content/pages/a.md", "---\ntitle: A\ndraft: true\n---\n"}}, d2, o)->pages.size(), 1u);
}

TEST(SiteBuilder, EnglishTwinsAndTitleEn) {
  Diagnostics d;
  auto site = build({{"content/pages/a.md", "---\ntitle: 甲\n---\n中文\n"},
                     {"content/pages/a.en.md", "---\ntitle: A\n---\nEnglish\n"},
                     {"content/pages/b.md", "---\ntitle: 乙\ntitle_en: B\n---\n"},
                     {"content/pages/c.md", "---\ntitle: 丙\n---\n"}},
                    d);
  ASSERT_FALSE(d.has_errors()) << errors(d);
  ASSERT_EQ(site->pages.size(), 3u);
  EXPECT_TRUE(site->pages[0].doc.has_en_body);
  EXPECT_EQ(site->pages[0].doc.title_en, "A");
  EXPECT_TRUE(site->pages[1].doc.has_english);
  EXPECT_FALSE(site->pages[1].doc.has_en_body);
  EXPECT_FALSE(site->pages[2].doc.has_english);
}

TEST(SiteBuilder, LinksAndAnchorsAreChecked) {
  Diagnostics d;
  auto site = build({{"content/pages/a.md", "---\ntitle: A\n---\n[b](b.md#結論) [c](c.md) [x](#nope) [f](file.pdf)\n"},
                     {"content/pages/b.md", "---\ntitle: B\n---\n## 結論\n"},
                     {"content/pages/file.pdf", "%PDF"}},
                    d);
  auto all = d.sorted();
  ASSERT_EQ(all.size(), 2u) << errors(d);
  EXPECT_NE(all[0].message.find("missing"), std::string::npos);
  EXPECT_EQ(all[0].line, 4);
  const Page& a = site->pages[0];
  EXPECT_NE(a.doc.body.html.find("href=\"/b/#%E7%B5%90%E8%AB%96\""), std::string::npos) << a.doc.body.html;
  EXPECT_NE(a.doc.body.html.find("href=\"/pages/file.pdf\""), std::string::npos);
  EXPECT_NE(a.doc.body.html_for(true).find("href=\"/en/b/"), std::string::npos);
}

TEST(SiteBuilder, DuplicateUrlsAndOrphanTwins) {
  Diagnostics d;
  build({{"content/pages/a.md", "---\ntitle: A\n---\n"},
         {"content/pages/b.md", "---\ntitle: B\nslug: a\n---\n"},
         {"content/pages/z.en.md", "---\ntitle: Z\n---\n"}},
        d);
  std::string all = errors(d);
  EXPECT_NE(all.find("both map to URL /a/"), std::string::npos) << all;
  EXPECT_NE(all.find("z.en.md:1:1: error: English version without its Chinese page"), std::string::npos) << all;
}

TEST(SiteBuilder, SlugCannotEscape) {
  Diagnostics d;
  build({{"content/pages/a.md", "---\ntitle: A\nslug: ../../etc\n---\n"}}, d);
  EXPECT_NE(errors(d).find("one path segment"), std::string::npos);
}

}  // namespace takao

namespace takao {

TEST(SiteBuilder, ScheduledIssueHoldsBackItsArticlesAndLinksToThemBecomeText) {
  Diagnostics d;
  BuildOptions o;
  o.today = {2020, 1, 1};
  auto site = build({{"content/journal/_index.md", "---\ntitle: J\n---\n"},
                     {"content/journal/099/_index.md", "---\ntitle: 未來\nnumber: 99\npublished: 2099-01-01\n---\n"},
                     {"content/journal/099/01-a.md", "---\ntitle: A\n---\n"},
                     {"content/pages/p.md", "---\ntitle: P\n---\n見[未來文章](../journal/099/01-a.md)。\n"}},
                    d, o);
  EXPECT_FALSE(d.has_errors()) << errors(d);
  EXPECT_EQ(d.warning_count(), 1u);
  EXPECT_TRUE(site->issues.empty());
  EXPECT_TRUE(site->articles.empty());
  EXPECT_EQ(site->pages[0].doc.body.html, "<p>見未來文章。</p>\n");
}

}  // namespace takao
