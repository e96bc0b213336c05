#include "render/lang_marks.h"

#include <gtest/gtest.h>

namespace takao {
namespace {

TEST(LangMarks, HanAndCjkPunctuationAreChinese) {
  EXPECT_TRUE(has_han("都市發展局"));
  EXPECT_TRUE(has_han("Cijin Dist. (旗津區)"));
  EXPECT_TRUE(has_han("、"));
  EXPECT_TRUE(has_han("A：B"));
  EXPECT_FALSE(has_han("Urban Development Bureau"));
  EXPECT_FALSE(has_han("Café – “quoted” · 2014"));
  EXPECT_FALSE(has_han(""));
  EXPECT_FALSE(has_han("\xff\xfe broken"));
}

TEST(LangMarks, OnlyChineseOnEnglishPagesIsMarked) {
  EXPECT_EQ(zh_mark(true, "本刊編輯部"), "zh-Hant");
  EXPECT_EQ(zh_mark(true, "Editorial Office"), "");
  EXPECT_EQ(zh_mark(false, "本刊編輯部"), "");
  EXPECT_STREQ(list_separator(true), ", ");
  EXPECT_STREQ(list_separator(false), "、");
}

TEST(LangMarks, AgenciesTakeTheirEnglishNameFromSiteYaml) {
  Site site;
  EXPECT_EQ(agency_name(site, "民政局", true), "民政局");  // no map at all
  site.config.fields = {{"agencies", {{"民政局", "Civil Affairs Bureau"}, {"交通局", 3}, {"衛生局", ""}}}};
  EXPECT_EQ(agency_name(site, "民政局", true), "Civil Affairs Bureau");
  EXPECT_EQ(agency_name(site, "民政局", false), "民政局");
  EXPECT_EQ(agency_name(site, "交通局", true), "交通局");  // not text: ignored
  EXPECT_EQ(agency_name(site, "衛生局", true), "衛生局");  // empty: ignored
  EXPECT_EQ(agency_name(site, "勞工局", true), "勞工局");  // missing: the Chinese name, marked by its template
}

TEST(LangMarks, EnglishAgencyIndexFollowsTheEnglishNames) {
  Site site;
  site.config.fields = {{"agencies", {{"民政局", "Civil Affairs Bureau"}, {"都市發展局", "Urban Development Bureau"}, {"交通局", "Transportation Bureau"}}}};
  std::vector<IndexTerm> terms = {{"民政局", "", {}, {}}, {"交通局", "", {}, {}}, {"勞工局", "", {}, {}}, {"都市發展局", "", {}, {}}};
  auto buckets = english_agency_buckets(site, terms);
  ASSERT_EQ(buckets.size(), 4u);
  EXPECT_EQ(buckets[0].label, "C");
  EXPECT_EQ(buckets[1].label, "T");
  EXPECT_EQ(buckets[2].label, "U");
  EXPECT_EQ(buckets[2].terms, std::vector<size_t>{3});
  EXPECT_EQ(buckets[3].terms, std::vector<size_t>{2});  // no English name: after the English ones
}

std::string marked(bool en, const std::string& text) {
  std::string out;
  for (const auto& r : lang_runs(en, text)) out += r.lang.empty() ? r.text : "[" + r.text + "]";
  return out;
}

TEST(LangMarks, RunsMarkEachStretchOfChineseOnEnglishPages) {
  EXPECT_EQ(marked(true, "陳冠宇 & 林淑芬. (2013). 高雄市公共自行車. Kaohsiung: 交通局."),
            "[陳冠宇 & 林淑芬. (2013). 高雄市公共自行車]. Kaohsiung: [交通局].");
  EXPECT_EQ(marked(true, "City Development, 17, 6–21."), "City Development, 17, 6–21.");
  EXPECT_EQ(marked(true, "第 17 期 Issue"), "[第 17 期] Issue");
  EXPECT_EQ(marked(true, "前鎮; Qianzhen; 前镇"), "[前鎮]; Qianzhen; [前镇]");
  EXPECT_EQ(marked(false, "林美慧（2014）。City Development"), "林美慧（2014）。City Development");
  EXPECT_TRUE(lang_runs(true, "").empty());
  // The runs put together are the text, whatever it holds.
  std::string mixed = "a 中 b\xE4\xB8 c";
  std::string joined;
  for (const auto& r : lang_runs(true, mixed)) joined += r.text;
  EXPECT_EQ(joined, mixed);
}

TEST(LangMarks, ChineseInEnglishHtmlIsWrappedOutsideTags) {
  EXPECT_EQ(mark_chinese_in_html("<p>See <a href=\"/glossary/前鎮\" title=\"前鎮\">前鎮區</a> (Cianjhen).</p>"),
            "<p>See <a href=\"/glossary/前鎮\" title=\"前鎮\"><span lang=\"zh-Hant\">前鎮區</span></a> (Cianjhen).</p>");
  EXPECT_EQ(mark_chinese_in_html("<li>zh is jh: 中山 Jhongshan &amp; 新興</li>"),
            "<li>zh is jh: <span lang=\"zh-Hant\">中山</span> Jhongshan &amp; <span lang=\"zh-Hant\">新興</span></li>");
  EXPECT_EQ(mark_chinese_in_html("<p>English only</p>"), "<p>English only</p>");
}

}  // namespace
}  // namespace takao
