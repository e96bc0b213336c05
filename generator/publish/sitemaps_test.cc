#include "publish/sitemaps.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>

#include "publish/feeds.h"
#include "render/lang_marks.h"

namespace takao {
namespace {

Site sample_site() {
  Site site;
  site.config.title = "高雄市政府研究發展考核委員會";
  site.config.title_en = "RDEC";
  site.config.base_url = "https://example.gov.tw/";
  Page about;
  about.doc.url = "/about/";
  about.doc.title = "關於本會 & <我們>";
  about.doc.published = Date{2014, 5, 1};
  site.pages.push_back(about);
  Issue is17, is18;
  is17.number = 17;
  is17.doc.url = "/journal/017/";
  is17.doc.title = "高雄·會展新星";
  is17.doc.published = Date{2014, 8, 1};
  is18.number = 18;
  is18.doc.url = "/journal/018/";
  is18.doc.title = "宜居城市";
  is18.doc.title_en = "A Livable City";
  is18.doc.published = Date{2015, 2, 1};
  is18.doc.body.text = "本期以「承擔工業化風險的宜居城市」為題。\n第二段";
  site.issues = {is18, is17};
  Report r1, r2;
  r1.doc.url = "/reports/theses/2013-a/";
  r1.doc.title = "論文";
  r1.year = 2013;
  r1.series = "theses";
  r1.authors = {{"周志明", "", "", ""}};
  r2.doc.url = "/reports/self-research/2014-b/";
  r2.doc.title = "自行研究";
  r2.doc.title_en = "In-house study";
  r2.doc.has_english = true;
  r2.doc.published = Date{2014, 3, 15};
  r2.series = "self-research";
  site.reports = {r1, r2};
  return site;
}

PlannedPage planned(PageKind kind, bool en, const std::string& url, size_t index = 0) {
  PlannedPage p;
  p.kind = kind;
  p.en = en;
  p.url = url;
  p.path = output_path_for_url(url);
  p.index = index;
  return p;
}

bool well_formed(const std::string& xml) {
  xmlDocPtr doc = xmlReadMemory(xml.data(), xml.size(), nullptr, "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc) xmlFreeDoc(doc);
  return doc != nullptr;
}

size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++n;
  return n;
}

TEST(Sitemaps, IndexNamesOneSitemapPerLanguage) {
  Site site = sample_site();
  std::vector<PlannedPage> plan = {planned(PageKind::home, false, "/"), planned(PageKind::page, false, "/about/"),
                                   planned(PageKind::home, true, "/en/"), planned(PageKind::not_found, false, "/404.html")};
  OutputFiles files = write_sitemaps(site, plan);
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0].path, "sitemap.xml");
  EXPECT_EQ(files[1].path, "sitemap-zh-Hant.xml");
  EXPECT_EQ(files[2].path, "sitemap-en.xml");
  for (const auto& f : files) EXPECT_TRUE(well_formed(f.bytes)) << f.bytes;
  EXPECT_NE(files[0].bytes.find("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"), std::string::npos);
  EXPECT_NE(files[0].bytes.find("<loc>https://example.gov.tw/sitemap-en.xml</loc>"), std::string::npos);
  EXPECT_NE(files[1].bytes.find("<loc>https://example.gov.tw/about/</loc>\n  <lastmod>2014-05-01</lastmod>"), std::string::npos);
  // Generated pages change with the content: the newest date of the site.
  EXPECT_NE(files[1].bytes.find("<loc>https://example.gov.tw/</loc>\n  <lastmod>2015-02-01</lastmod>"), std::string::npos);
  EXPECT_EQ(files[1].bytes.find("404"), std::string::npos);
  EXPECT_EQ(count(files[2].bytes, "<url>"), 1u);
}

TEST(Sitemaps, SplitsPastTheLimitAndEscapes) {
  Site site = sample_site();
  std::vector<PlannedPage> plan;
  for (int i = 0; i < 5; ++i) plan.push_back(planned(PageKind::index_term, false, "/keywords/a&b" + std::to_string(i) + "/"));
  OutputFiles files = write_sitemaps(site, plan, 2);
  ASSERT_EQ(files.size(), 4u);
  EXPECT_EQ(files[1].path, "sitemap-zh-Hant.xml");
  EXPECT_EQ(files[2].path, "sitemap-zh-Hant-2.xml");
  EXPECT_EQ(files[3].path, "sitemap-zh-Hant-3.xml");
  EXPECT_EQ(count(files[0].bytes, "<sitemap>"), 3u);
  EXPECT_EQ(count(files[3].bytes, "<url>"), 1u);
  EXPECT_NE(files[1].bytes.find("a&amp;b0"), std::string::npos);
  for (const auto& f : files) EXPECT_TRUE(well_formed(f.bytes));
}

TEST(Sitemaps, RobotsNamesTheIndex) {
  EXPECT_EQ(write_robots_txt(sample_site()).bytes, "User-agent: *\nAllow: /\n\nSitemap: https://example.gov.tw/sitemap.xml\n");
}

TEST(Feeds, IssuesAndReportsInBothLanguages) {
  Site site = sample_site();
  OutputFiles feeds = write_feeds(site);
  ASSERT_EQ(feeds.size(), 4u);
  EXPECT_EQ(feeds[0].path, "journal/feed.atom");
  EXPECT_EQ(feeds[1].path, "reports/feed.atom");
  EXPECT_EQ(feeds[2].path, "en/journal/feed.atom");
  EXPECT_EQ(feeds[3].path, "en/reports/feed.atom");
  for (const auto& f : feeds) EXPECT_TRUE(well_formed(f.bytes)) << f.bytes;
  const std::string& journal = feeds[0].bytes;
  EXPECT_NE(journal.find("<feed xml:lang=\"zh-Hant\" xmlns=\"http://www.w3.org/2005/Atom\">"), std::string::npos);
  EXPECT_NE(journal.find("<updated>2015-02-01T00:00:00+08:00</updated>"), std::string::npos);
  // Newest first.
  EXPECT_LT(journal.find("第18期：宜居城市"), journal.find("第17期：高雄·會展新星"));
  EXPECT_NE(journal.find("<summary>本期以「承擔工業化風險的宜居城市」為題。 第二段</summary>"), std::string::npos);
  EXPECT_NE(feeds[2].bytes.find("<title>No. 18: A Livable City</title>"), std::string::npos);
  EXPECT_NE(feeds[2].bytes.find("href=\"https://example.gov.tw/en/journal/018/\""), std::string::npos);
  // A report without an English page: the English feed links its Chinese page, marked as Chinese.
  const std::string& en_reports = feeds[3].bytes;
  EXPECT_NE(en_reports.find("<entry xml:lang=\"zh-Hant\">\n  <id>https://example.gov.tw/reports/theses/2013-a/</id>"), std::string::npos);
  EXPECT_NE(en_reports.find("<id>https://example.gov.tw/en/reports/self-research/2014-b/</id>"), std::string::npos);
  // A report without a date stands at the start of its year.
  EXPECT_NE(feeds[1].bytes.find("<updated>2013-01-01T00:00:00+08:00</updated>"), std::string::npos);
  EXPECT_NE(feeds[1].bytes.find("<author>\n   <name>周志明</name>"), std::string::npos);
  EXPECT_EQ(write_feeds(site)[1].bytes, feeds[1].bytes);
}

// The summaries of an Atom feed, each with its xml:lang ("" when it has none) and text.
std::vector<std::pair<std::string, std::string>> summaries(const std::string& feed) {
  std::vector<std::pair<std::string, std::string>> out;
  for (size_t pos = feed.find("<summary"); pos != std::string::npos; pos = feed.find("<summary", pos + 1)) {
    size_t close = feed.find('>', pos), end = feed.find("</summary>", pos);
    std::string open = feed.substr(pos, close - pos);
    size_t lang = open.find("xml:lang=\"");
    out.push_back({lang == std::string::npos ? "" : open.substr(lang + 10, open.find('"', lang + 10) - lang - 10), feed.substr(close + 1, end - close - 1)});
  }
  return out;
}

TEST(Feeds, EnglishFeedsSpeakEnglishOrMarkChineseAndNoSummaryIsEmpty) {
  Site site = sample_site();
  Article a;
  a.doc.url = "/journal/018/01-a/";
  a.doc.title = "文章";
  a.doc.title_en = "Living next to industry";
  a.doc.has_english = true;
  site.articles.push_back(a);
  site.issues[0].articles = {0};
  site.reports[0].agency = "都市發展局";
  site.reports[1].agency = "都市發展局";
  site.reports[1].year = 2014;
  site.config.fields = {{"agencies", {{"都市發展局", "Urban Development Bureau"}}}};
  OutputFiles feeds = write_feeds(site);
  ASSERT_EQ(feeds.size(), 4u);
  for (const auto& f : feeds) {
    EXPECT_EQ(summaries(f.bytes).size(), count(f.bytes, "<entry")) << f.path << ": an entry without a summary\n" << f.bytes;
    for (const auto& [lang, text] : summaries(f.bytes)) EXPECT_FALSE(text.empty()) << f.path;
  }
  // English feeds: English text, or Chinese marked xml:lang="zh-Hant" (on the summary or its entry).
  for (size_t i : {2u, 3u}) {
    const std::string& f = feeds[i].bytes;
    size_t pos = 0;
    for (const auto& [lang, text] : summaries(f)) {
      pos = f.find("<summary", pos + 1);
      size_t entry = f.rfind("<entry", pos);
      bool entry_zh = f.compare(entry, 26, "<entry xml:lang=\"zh-Hant\">") == 0;
      if (has_han(text)) {
        EXPECT_TRUE(lang == "zh-Hant" || entry_zh) << feeds[i].path << ": unmarked Chinese summary " << text;
      }
    }
  }
  // The issue without English text lists its articles' English titles; the report without an English body
  // says what it is, with the agency's official English name.
  EXPECT_NE(feeds[2].bytes.find("<summary>In this issue: Living next to industry.</summary>"), std::string::npos) << feeds[2].bytes;
  EXPECT_NE(feeds[3].bytes.find("<summary>2014, Urban Development Bureau.</summary>"), std::string::npos) << feeds[3].bytes;
  // The Chinese report on the English feed keeps its Chinese summary, in an entry marked as Chinese.
  EXPECT_NE(feeds[3].bytes.find("<summary>民國102年，都市發展局。</summary>"), std::string::npos) << feeds[3].bytes;
  // The Chinese feed quotes the Chinese text as before.
  EXPECT_NE(feeds[0].bytes.find("<summary>本期以「承擔工業化風險的宜居城市」為題。 第二段</summary>"), std::string::npos);
}

TEST(Feeds, NothingToAnnounceNoFeed) {
  Site site;
  site.config.base_url = "https://example.gov.tw/";
  EXPECT_TRUE(write_feeds(site).empty());
  EXPECT_EQ(atom_date(Date{2014, 8, 1}), "2014-08-01T00:00:00+08:00");
}

TEST(Xml, ControlCharactersCannotBreakTheDocument) {
  Site site = sample_site();
  site.issues[0].doc.title = std::string("A\x01") + "B</title><x>";
  OutputFiles feeds = write_feeds(site);
  EXPECT_TRUE(well_formed(feeds[0].bytes)) << feeds[0].bytes;
  EXPECT_NE(feeds[0].bytes.find("AB&lt;/title&gt;&lt;x&gt;"), std::string::npos);
}

}  // namespace
}  // namespace takao
