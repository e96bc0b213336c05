#include "render/glossary_districts.h"

#include <gtest/gtest.h>

#include "render/page_plan.h"

namespace takao {
namespace {

GlossaryEntry entry(const std::string& zh, const std::string& category, std::vector<std::string> districts, const std::string& slug = "") {
  GlossaryEntry e;
  e.zh = zh;
  e.en = zh;
  e.category = category;
  e.districts = std::move(districts);
  if (!e.districts.empty()) e.district = e.districts.front();
  e.slug = slug.empty() ? zh : slug;
  return e;
}

// Two districts in the city's order (鹽埕 before 鳳山), a long table of streets in them.
Site city(size_t streets) {
  Site site;
  site.glossary.push_back(entry("鹽埕區", "district", {}, "yancheng-dist"));
  site.glossary.push_back(entry("鳳山區", "district", {}, "fongshan-dist"));
  GlossaryTable tb;
  tb.doc.url = "/glossary/streets/";
  for (size_t i = 0; i < streets; ++i) {
    std::vector<std::string> d = i % 2 ? std::vector<std::string>{"鳳山區"} : std::vector<std::string>{"鹽埕區"};
    if (i == 0) d = {"鳳山區", "鹽埕區"};  // runs through both
    if (i == 1) d = {"東沙群島"};          // a district the glossary has no entry for
    if (i == 2) d = {};                    // no district at all
    tb.entries.push_back(site.glossary.size());
    site.glossary.push_back(entry("路" + std::to_string(i), "road", d));
  }
  site.glossary_tables.push_back(tb);
  return site;
}

TEST(GlossaryDistricts, ALongTableIsBrowsedByDistrictInTheCitysOrder) {
  Site site = city(kGlossarySplitThreshold + 1);
  const GlossaryTable& tb = site.glossary_tables[0];
  ASSERT_TRUE(glossary_table_split(tb));
  auto groups = glossary_table_districts(site, tb);
  ASSERT_EQ(groups.size(), 4u);
  EXPECT_EQ(groups[0].zh, "鹽埕區");
  EXPECT_EQ(groups[0].slug, "yancheng-dist");
  EXPECT_EQ(groups[1].zh, "鳳山區");
  EXPECT_EQ(groups[2].zh, "東沙群島");  // unknown districts after the known ones, under their own name
  EXPECT_EQ(groups[2].slug, "東沙群島");
  EXPECT_EQ(groups[3].zh, "");           // then the entries without a district
  EXPECT_EQ(groups[3].entries.size(), 1u);
  // The street through two districts is listed in both; every entry is somewhere.
  EXPECT_EQ(groups[0].entries.front(), tb.entries[0]);
  EXPECT_EQ(groups[1].entries.front(), tb.entries[0]);
  size_t listed = 0;
  for (const auto& g : groups) listed += g.entries.size();
  EXPECT_EQ(listed, tb.entries.size() + 1);
  EXPECT_EQ(glossary_district_url(tb, groups[1]), "/glossary/streets/district/fongshan-dist/");
  EXPECT_EQ(glossary_district_url(tb, groups[2]), "/glossary/streets/district/%E6%9D%B1%E6%B2%99%E7%BE%A4%E5%B3%B6/");
}

TEST(GlossaryDistricts, EveryDistrictPageIsPlannedInBothLanguages) {
  Site site = city(kGlossarySplitThreshold + 1);
  size_t district_pages = 0;
  for (const auto& p : plan_pages(site)) {
    if (p.kind != PageKind::glossary_district) continue;
    ++district_pages;
    if (p.group == 1) {
      EXPECT_EQ(p.url, p.en ? "/en/glossary/streets/district/fongshan-dist/" : "/glossary/streets/district/fongshan-dist/");
    }
  }
  EXPECT_EQ(district_pages, 8u);
}

TEST(GlossaryDistricts, AShortTableStaysOnePage) {
  Site site = city(kGlossarySplitThreshold);
  EXPECT_FALSE(glossary_table_split(site.glossary_tables[0]));
  for (const auto& p : plan_pages(site)) EXPECT_NE(p.kind, PageKind::glossary_district);
}

}  // namespace
}  // namespace takao
