// The views of several page kinds of a small site made in memory, read as data: no template is rendered.
#include "render/views.h"

#include <gtest/gtest.h>

#include "render/page_views.h"

namespace takao {
namespace {

using json = nlohmann::json;

Document doc(const std::string& url, const std::string& title, const std::string& title_en, bool has_english = true) {
  Document d;
  d.url = url;
  d.title = title;
  d.title_en = title_en;
  d.has_english = has_english;
  d.fields = json::object();
  return d;
}

Author author(const std::string& name, const std::string& name_en) {
  Author a;
  a.name = name;
  a.name_en = name_en;
  return a;
}

// A journal with one issue of two articles (the second without an English page), a series of one report,
// a glossary table of two entries, and an author index.
Site small_site() {
  Site site;
  site.config.title = "高雄研究";
  site.config.title_en = "Kaohsiung Studies";
  site.config.base_url = "https://example.org/";
  site.config.fields = json::object();

  Journal j;
  j.doc = doc("/journal/", "高雄文獻", "Kaohsiung Historical Journal");
  j.issn = "2222-0000";
  j.issues = {0};
  site.journal = j;

  Issue is;
  is.doc = doc("/journal/017/", "港市專號", "The Port City");
  is.doc.published = Date{2014, 8, 1};
  is.number = 17;
  is.folder = "017";
  is.articles = {0, 1};
  site.issues.push_back(is);

  Article a;
  a.doc = doc("/journal/017/01-harbour/", "打狗港的興起", "The Rise of Takao Harbour");
  a.doc.body.html = "<p>港口</p>\n";
  a.doc.body.text = "港口";
  a.authors = {author("王小明", "Wang Hsiao-ming")};
  a.abstract = "本文討論打狗港。";
  a.abstract_en = "On the harbour of Takao.";
  a.keywords = {"港口", "鹽埕"};
  a.pages = "6-21";
  a.issue = 0;
  site.articles.push_back(a);
  Article b;
  b.doc = doc("/journal/017/02-salt/", "鹽田", "", false);
  b.authors = {author("林美慧", "")};
  b.issue = 0;
  site.articles.push_back(b);

  ReportSeries s;
  s.doc = doc("/reports/self-research/", "自行研究", "Self-initiated Research");
  s.kind = "self-research";
  s.reports = {0};
  site.series.push_back(s);
  Report r;
  r.doc = doc("/reports/self-research/2014-port/", "港區再生", "Regenerating the Port");
  r.doc.published = Date{2014, 12, 1};
  r.series = "self-research";
  r.year = 2014;
  r.agency = "高雄市政府都市發展局";
  r.award = "甲等";
  r.authors = {author("王小明", "Wang Hsiao-ming")};
  site.reports.push_back(r);

  GlossaryTable tb;
  tb.doc = doc("/glossary/roads/", "道路", "Roads");
  tb.slug = "roads";
  tb.entries = {0, 1};
  site.glossary_tables.push_back(tb);
  GlossaryEntry district;
  district.zh = "苓雅區";
  district.en = "Lingya Dist.";
  district.category = "district";
  district.table_slug = "roads";
  district.slug = "lingya-dist";
  district.url = "/glossary/roads/lingya-dist/";
  site.glossary.push_back(district);
  GlossaryEntry road;
  road.zh = "中正路";
  road.en = "Zhongzheng Rd.";
  road.category = "road";
  road.district = "苓雅區";
  road.districts = {"苓雅區"};
  road.table_slug = "roads";
  road.slug = "zhongzheng-rd";
  road.url = "/glossary/roads/zhongzheng-rd/";
  site.glossary.push_back(road);

  IndexTerm wang;
  wang.name = "王小明";
  wang.slug = "王小明";
  wang.articles = {0};
  wang.reports = {0};
  site.authors.push_back(wang);
  return site;
}

class Views : public ::testing::Test {
 protected:
  void SetUp() override {
    theme_ = load_theme(std::string(TAKAO_SOURCE_DIR) + "/themes/default", diags_);
    ASSERT_FALSE(diags_.has_errors());
    engine_ = std::make_unique<TemplateEngine>(theme_);
    renderer_ = std::make_unique<SiteRenderer>(site_, theme_, *engine_, RenderOptions{});
    plan_ = plan_pages(site_);
  }

  // The view of the planned page of `kind` in a language (the `index`th of its kind, by Site index).
  json view(PageKind kind, bool en, size_t index = 0) {
    for (const auto& p : plan_) {
      if (p.kind == kind && p.en == en && p.index == index) return renderer_->view(p);
    }
    ADD_FAILURE() << "no such page planned";
    return json::object();
  }

  static std::vector<std::string> crumb_labels(const json& v) {
    std::vector<std::string> out;
    for (const auto& c : v["breadcrumbs"]) out.push_back(c["label"]);
    return out;
  }

  Site site_ = small_site();
  Diagnostics diags_;
  Theme theme_;
  std::unique_ptr<TemplateEngine> engine_;
  std::unique_ptr<SiteRenderer> renderer_;
  std::vector<PlannedPage> plan_;
};

TEST_F(Views, AnIssueIsTitledByItsNumberInEachLanguageAndListsItsArticles) {
  json zh = view(PageKind::issue, false);
  EXPECT_EQ(zh["title"], "第17期：港市專號");
  EXPECT_EQ(zh["page"]["label"], "第17期");
  EXPECT_EQ(zh["page"]["date"], "民國103年8月1日");
  ASSERT_EQ(zh["page"]["toc"].size(), 2u);
  EXPECT_EQ(zh["page"]["toc"][0]["url"], "/journal/017/01-harbour/");
  EXPECT_EQ(zh["page"]["toc"][0]["authors"][0]["name"], "王小明");
  EXPECT_EQ(crumb_labels(zh), (std::vector<std::string>{"首頁", "高雄文獻", "第17期：港市專號"}));
  EXPECT_EQ(zh["alternate"]["url"], "/en/journal/017/");

  json en = view(PageKind::issue, true);
  EXPECT_EQ(en["title"], "No. 17: The Port City");
  EXPECT_EQ(en["page"]["label"], "No. 17");
  EXPECT_EQ(en["page"]["date"], "1 August 2014");
  EXPECT_EQ(en["page"]["toc"][0]["title"], "The Rise of Takao Harbour");
  EXPECT_EQ(en["page"]["toc"][0]["authors"][0]["name"], "Wang Hsiao-ming");
  // An article without an English page is listed by its Chinese title and page, marked as Chinese.
  EXPECT_EQ(en["page"]["toc"][1]["title"], "鹽田");
  EXPECT_EQ(en["page"]["toc"][1]["title_lang"], "zh-Hant");
  EXPECT_EQ(en["page"]["toc"][1]["url"], "/journal/017/02-salt/");
  EXPECT_EQ(en["breadcrumbs"][1]["url"], "/en/journal/");
}

TEST_F(Views, AnArticleHasItsAuthorsKeywordsAbstractAndNeighbours) {
  json zh = view(PageKind::article, false);
  EXPECT_EQ(zh["title"], "打狗港的興起");
  EXPECT_EQ(zh["page"]["issue"]["label"], "第17期");
  EXPECT_EQ(zh["page"]["keywords"].size(), 2u);
  EXPECT_EQ(zh["page"]["keywords"][0]["url"], "/keywords/%E6%B8%AF%E5%8F%A3/");
  EXPECT_EQ(zh["page"]["abstract_first"], "本文討論打狗港。");
  EXPECT_EQ(zh["description"], "本文討論打狗港。");  // the abstract, not the body
  EXPECT_EQ(zh["page"]["prev"], false);
  EXPECT_EQ(zh["page"]["next"]["url"], "/journal/017/02-salt/");
  EXPECT_EQ(crumb_labels(zh), (std::vector<std::string>{"首頁", "高雄文獻", "第17期", "打狗港的興起"}));

  json en = view(PageKind::article, true);
  EXPECT_EQ(en["title"], "The Rise of Takao Harbour");
  EXPECT_EQ(en["page"]["title_alt"], "打狗港的興起");
  EXPECT_EQ(en["page"]["authors"][0]["name_alt"], "王小明");
  EXPECT_EQ(en["page"]["abstract_first"], "On the harbour of Takao.");
  EXPECT_EQ(en["page"]["body_lang"], "zh-Hant");  // no English body: the Chinese one, marked
  EXPECT_EQ(en["page"]["next"]["url"], "/journal/017/02-salt/");  // no English page: the Chinese one
  EXPECT_EQ(crumb_labels(en)[2], "No. 17");
}

TEST_F(Views, AReportShowsItsFieldsInThePagesLanguage) {
  json zh = view(PageKind::report, false);
  EXPECT_EQ(zh["title"], "港區再生");
  EXPECT_EQ(zh["page"]["award_class"], "award-first");
  EXPECT_EQ(zh["page"]["agency_url"], "/agencies/%E9%AB%98%E9%9B%84%E5%B8%82%E6%94%BF%E5%BA%9C%E9%83%BD%E5%B8%82%E7%99%BC%E5%B1%95%E5%B1%80/");
  ASSERT_FALSE(zh["page"]["meta"].empty());
  EXPECT_EQ(zh["page"]["meta"][0]["value"], "民國103年");
  EXPECT_EQ(crumb_labels(zh), (std::vector<std::string>{"首頁", "研究報告", "自行研究", "港區再生"}));

  json en = view(PageKind::report, true);
  EXPECT_EQ(en["title"], "Regenerating the Port");
  EXPECT_EQ(en["page"]["meta"][0]["value"], "2014");
  EXPECT_EQ(en["page"]["award"], "First prize");
  EXPECT_EQ(en["alternate"]["url"], "/reports/self-research/2014-port/");

  json series = view(PageKind::series, true);
  EXPECT_EQ(series["title"], "Self-initiated Research");
  ASSERT_EQ(series["page"]["years"].size(), 1u);
  EXPECT_EQ(series["page"]["years"][0]["label"], "2014");
  EXPECT_EQ(series["page"]["years"][0]["reports"][0]["url"], "/en/reports/self-research/2014-port/");
  json archive = view(PageKind::report_archive, false);
  EXPECT_EQ(archive["page"]["series"][0]["latest"][0]["year"], "民國103年");
}

TEST_F(Views, AGlossaryEntryIsTitledInBothItsNamesAndItsDistrictIsInThePagesLanguage) {
  json zh = view(PageKind::glossary_entry, false, 1);
  EXPECT_EQ(zh["title"], "中正路（Zhongzheng Rd.）");
  EXPECT_EQ(zh["page"]["district"], "苓雅區");
  EXPECT_EQ(crumb_labels(zh), (std::vector<std::string>{"首頁", "道路地名英譯", "道路", "中正路"}));
  json en = view(PageKind::glossary_entry, true, 1);
  EXPECT_EQ(en["title"], "Zhongzheng Rd. (中正路)");
  EXPECT_EQ(en["page"]["district"], "Lingya Dist.");
  EXPECT_EQ(en["page"]["url"], "/en/glossary/roads/zhongzheng-rd/");

  json table = view(PageKind::glossary_table, true);
  EXPECT_EQ(table["title"], "Roads");
  EXPECT_EQ(table["page"]["count"], 2);
  ASSERT_EQ(table["page"]["entries"].size(), 2u);
  EXPECT_EQ(table["page"]["entries"][1]["zh"], "中正路");
  EXPECT_EQ(table["page"]["has_body"], false);
  json home = view(PageKind::glossary_home, false);
  EXPECT_EQ(home["page"]["tables"][0]["url"], "/glossary/roads/");
}

TEST_F(Views, AnAuthorsPageListsTheirArticlesAndReports) {
  PlannedPage p;
  for (const auto& q : plan_)
    if (q.kind == PageKind::index_term && q.index_kind == IndexKind::authors && q.en) p = q;
  json en = renderer_->view(p);
  EXPECT_EQ(en["title"], "王小明");
  EXPECT_EQ(en["page"]["title_lang"], "zh-Hant");
  EXPECT_EQ(en["page"]["count"], 2);
  EXPECT_EQ(en["page"]["articles"][0]["issue_label"], "No. 17");
  EXPECT_EQ(en["page"]["reports"][0]["title"], "Regenerating the Port");
  EXPECT_EQ(en["alternate"]["url"], "/authors/%E7%8E%8B%E5%B0%8F%E6%98%8E/");
  EXPECT_EQ(crumb_labels(en), (std::vector<std::string>{"Home", "Authors", "王小明"}));
}

TEST_F(Views, TheHomeAndTheSiteMapLinkWhatTheSiteHas) {
  json home = view(PageKind::home, false);
  EXPECT_EQ(home["title"], "高雄研究");
  EXPECT_EQ(home["page"]["latest_issue"]["label"], "第17期");
  EXPECT_EQ(home["page"]["latest_issue"]["articles"].size(), 2u);
  EXPECT_EQ(home["page"]["reports"][0]["url"], "/reports/self-research/2014-port/");
  EXPECT_TRUE(home["breadcrumbs"].empty());

  json map = view(PageKind::site_map, true);
  std::vector<std::string> sections;
  for (const auto& s : map["page"]["sections"]) sections.push_back(s["url"]);
  EXPECT_EQ(sections, (std::vector<std::string>{"/en/", "/en/journal/", "/en/reports/", "/en/glossary/", "/en/authors/", "/en/search/"}));
  EXPECT_EQ(map["page"]["sections"][1]["children"][0]["title"], "No. 17: The Port City");

  json missing = view(PageKind::not_found, true);
  EXPECT_TRUE(missing["breadcrumbs"].empty());
  EXPECT_EQ(missing["alternate"]["url"], "/");
}

// The words around numbers and names in titles are the theme's (i18n/ui.*.yaml), not the generator's.
TEST_F(Views, IssueLabelsAndTitlesOfTwoPartsComeFromTheThemesStrings) {
  theme_.strings_en["ui"]["issue_number"] = "Issue {number}";
  theme_.strings_en["ui"]["two_part_title"] = "{second} ({first})";
  theme_.strings_zh["ui"]["glossary_entry_title"] = "{zh} {en}";
  renderer_ = std::make_unique<SiteRenderer>(site_, theme_, *engine_, RenderOptions{});
  json en = view(PageKind::issue, true);
  EXPECT_EQ(en["page"]["label"], "Issue 17");
  EXPECT_EQ(en["title"], "The Port City (Issue 17)");
  EXPECT_EQ(view(PageKind::article, true)["page"]["issue"]["label"], "Issue 17");
  EXPECT_EQ(view(PageKind::glossary_entry, false, 1)["title"], "中正路 Zhongzheng Rd.");

  SiteViews views(site_, theme_, RenderOptions{});
  // A value is put in once, not read again for names; names with no value stay as written.
  EXPECT_EQ(views.phrase(true, "two_part_title", {{"first", "{second}"}, {"second", "A"}}), "A ({second})");
  EXPECT_EQ(views.phrase(true, "issue_number", {}), "Issue {number}");
  EXPECT_EQ(views.phrase(true, "no_such_string", {}), "no_such_string");
}

// A kind's view function alone, without SiteRenderer: it fills in only the page's own part.
TEST_F(Views, AViewFunctionFillsThePageItsGiven) {
  SiteViews views(site_, theme_, RenderOptions{});
  PlannedPage p;
  p.kind = PageKind::journal;
  p.en = true;
  p.url = "/en/journal/";
  json v = {{"page", json::object()}, {"breadcrumbs", json::array()}};
  PageView out(p, v);
  journal_view(views, out);
  EXPECT_EQ(out.title, "Kaohsiung Historical Journal");
  EXPECT_EQ(out.other, "/journal/");
  EXPECT_EQ(v["page"]["issn"], "2222-0000");
  ASSERT_EQ(v["page"]["issues"].size(), 1u);
  EXPECT_EQ(v["page"]["issues"][0]["label"], "No. 17");
  EXPECT_EQ(v["page"]["issues"][0]["article_count"], 2);
}

}  // namespace
}  // namespace takao
