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

}  // namespace
}  // namespace takao
