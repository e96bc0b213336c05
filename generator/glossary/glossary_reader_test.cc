#include "glossary/glossary_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "glossary/csv_table.h"
#include "glossary/road_name_rules.h"

namespace takao {
namespace {

using ::testing::HasSubstr;

GlossaryTableInfo info(const std::string& slug, const std::string& category = "", const std::string& ext = ".md") {
  return {"content/glossary/" + slug + ext, "glossary/" + slug + ext, slug, category};
}

std::vector<std::string> messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.sorted()) out.push_back(x.format());
  return out;
}

TEST(GlossaryMarkdown, ReadsEveryTableWithFileLinesAndDefaults) {
  const std::string body =
      "Intro text.\n"
      "\n"
      "| 中文 | English | 備註 | 別名 |\n"
      "|---|---|---|---|\n"
      "| 前鎮區 | Cianjhen Dist. | 郵遞區號 806 | Qianzhen; 前镇；Cianjhen District |\n"
      "| 鳳山區 | Fongshan Dist. | | |\n"
      "\n"
      "More text.\n"
      "\n"
      "| English | 中文 | 類別 | 行政區 |\n"
      "|---|---|---|---|\n"
      "| Jhongshan 2nd Rd. | 中山二路 | road | 前鎮區 |\n";
  Diagnostics d;
  auto entries = read_glossary_markdown(body, 5, info("mixed", "district"), d);
  EXPECT_THAT(messages(d), ::testing::IsEmpty());
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].zh, "前鎮區");
  EXPECT_EQ(entries[0].en, "Cianjhen Dist.");
  EXPECT_EQ(entries[0].line, 9);  // body line 5 + file offset 4
  EXPECT_EQ(entries[0].category, "district");
  EXPECT_EQ(entries[0].note, "郵遞區號 806");
  EXPECT_THAT(entries[0].aliases, ::testing::ElementsAre("Qianzhen", "前镇", "Cianjhen District"));
  EXPECT_EQ(entries[1].line, 10);
  EXPECT_EQ(entries[2].zh, "中山二路");
  EXPECT_EQ(entries[2].category, "road");
  EXPECT_EQ(entries[2].district, "前鎮區");
  EXPECT_EQ(entries[2].line, 16);
  EXPECT_EQ(entries[2].table_slug, "mixed");
  EXPECT_EQ(entries[2].source_path, "glossary/mixed.md");
}

TEST(GlossaryMarkdown, CellTextIsPlainTextOfTheInlines) {
  Diagnostics d;
  auto entries = read_glossary_markdown("| 中文 | English |\n|--|--|\n| **愛河** | [Love](x) `River` \\| x |\n", 1,
                                        info("t"), d);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].zh, "愛河");
  EXPECT_EQ(entries[0].en, "Love River | x");
}

TEST(GlossaryMarkdown, WrongCellCountsAndEmptyCellsAreErrorsWithLineAndColumn) {
  const std::string body =
      "| 中文 | English |\n"
      "|---|---|\n"
      "| 前鎮區 | Cianjhen Dist. | extra |\n"
      "| 鳳山區 |\n"
      "|  | Nameless Rd. |\n"
      "| 空白 |  |\n"
      "| 苓雅區 | Lingya Dist. |\n";
  Diagnostics d;
  auto entries = read_glossary_markdown(body, 1, info("t"), d);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].zh, "苓雅區");
  auto m = messages(d);
  ASSERT_EQ(m.size(), 4u);
  EXPECT_THAT(m[0], HasSubstr("content/glossary/t.md:3:1: error: row has 3 cells; the header has 2"));
  EXPECT_THAT(m[1], HasSubstr("content/glossary/t.md:4:"));
  EXPECT_THAT(m[1], HasSubstr("row has 1 cells"));
  EXPECT_THAT(m[2], HasSubstr("content/glossary/t.md:5:2: error: empty 中文 cell"));
  EXPECT_THAT(m[3], HasSubstr("content/glossary/t.md:6:"));
  EXPECT_THAT(m[3], HasSubstr("empty English cell"));
}

TEST(GlossaryMarkdown, MissingRequiredColumnIsAnErrorUnknownColumnAWarning) {
  Diagnostics d;
  auto entries = read_glossary_markdown("| 中文 | Pinyin |\n|--|--|\n| 愛河 | aihe |\n\n"
                                        "| 中文 | English | 拼音 |\n|--|--|--|\n| 愛河 | Love River | aihe |\n",
                                        1, info("t"), d);
  ASSERT_EQ(entries.size(), 1u);
  auto m = messages(d);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_THAT(m[0], HasSubstr("t.md:1:2: error: glossary table lacks the required column English"));
  EXPECT_THAT(m[1], HasSubstr("t.md:1:7: warning: unknown glossary column 'Pinyin'"));
  EXPECT_THAT(m[2], HasSubstr("t.md:5:17: warning: unknown glossary column '拼音'"));
}

TEST(GlossaryMarkdown, NoTableIsAWarning) {
  Diagnostics d;
  EXPECT_TRUE(read_glossary_markdown("Just text.\n", 4, info("t"), d).empty());
  EXPECT_THAT(messages(d), ::testing::ElementsAre(HasSubstr("t.md:4:1: warning: glossary file holds no table")));
}

TEST(GlossaryCsv, QuotesDoubledQuotesCrlfBomAndLineBreaksInsideQuotes) {
  const std::string csv =
      "\xEF\xBB\xBF中文,English,別名,備註\r\n"
      "前鎮區,Cianjhen Dist.,\"Qianzhen;Chien-chen\",\"two\r\nlines\"\r\n"
      "\r\n"
      "\"中山二路\",\"Jhongshan \"\"2nd\"\" Rd.\",,\r\n";
  Diagnostics d;
  auto entries = read_glossary_csv(csv, info("c", "", ".csv"), d);
  EXPECT_THAT(messages(d), ::testing::IsEmpty());
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].line, 2);
  EXPECT_THAT(entries[0].aliases, ::testing::ElementsAre("Qianzhen", "Chien-chen"));
  EXPECT_EQ(entries[0].note, "two\r\nlines");
  EXPECT_EQ(entries[1].line, 5);
  EXPECT_EQ(entries[1].en, "Jhongshan \"2nd\" Rd.");
}

TEST(GlossaryCsv, MalformedRowsAreErrorsWithPositions) {
  Diagnostics d;
  auto entries = read_glossary_csv("中文,English\n愛河,Love River,extra\n蓮池潭\n\"x\"y,z\n\"open,Lotus\n",
                                   info("c", "", ".csv"), d);
  // The row with text after a quote is read as far as it goes ("xy", "z"); its error stops the build.
  EXPECT_EQ(entries.size(), 1u);
  auto m = messages(d);
  ASSERT_EQ(m.size(), 5u);
  EXPECT_THAT(m[0], HasSubstr("c.csv:2:15: error: row has 3 cells; the header has 2"));
  EXPECT_THAT(m[1], HasSubstr("c.csv:3:1: error: row has 1 cells"));
  EXPECT_THAT(m[2], HasSubstr("c.csv:4:4: error: text after the closing quote"));
  EXPECT_THAT(m[3], HasSubstr("c.csv:5:1: error: quoted CSV field is never closed"));
}

TEST(GlossaryCsv, HeaderIsRequired) {
  Diagnostics d;
  read_glossary_csv("", info("c", "", ".csv"), d);
  EXPECT_THAT(messages(d), ::testing::ElementsAre(HasSubstr("c.csv:1:1: error: glossary CSV has no header row")));
}

TEST(FinishGlossary, ConflictIsAnErrorNamingBothPlacesRepeatIsAWarning) {
  Diagnostics d;
  auto a = read_glossary_markdown("| 中文 | English |\n|--|--|\n| 前鎮區 | Cianjhen Dist. |\n| 愛河 | Love River |\n", 1,
                                  info("a"), d);
  auto b = read_glossary_csv("中文,English\n前鎮區,Qianzhen Dist.\n愛河,Love River\n", info("b", "", ".csv"), d);
  auto all = finish_glossary({b, a}, d);
  ASSERT_EQ(all.size(), 2u);
  auto m = messages(d);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_THAT(m[0], HasSubstr("content/glossary/b.csv:2:1: error: 中文 '前鎮區' is 'Qianzhen Dist.' here but "
                              "'Cianjhen Dist.' at content/glossary/a.md:3"));
  EXPECT_THAT(m[1], HasSubstr("content/glossary/b.csv:3:1: warning: the same row again"));
  EXPECT_THAT(m[1], HasSubstr("content/glossary/a.md:4"));
}

TEST(FinishGlossary, SlugsAreUniqueAsciiInTableLineOrderAndUrlsFollow) {
  Diagnostics d;
  auto roads = read_glossary_markdown(
      "| 中文 | English |\n|--|--|\n| 永安街 | Yong'an St. |\n| 永安路 | Yong-an St. |\n| 綠島 | Lǜdao |\n", 1,
      info("roads", "road"), d);
  auto districts = read_glossary_csv("中文,English\n永安區,Yong'an St.\n", info("districts", "district", ".csv"), d);
  auto all = finish_glossary({roads, districts}, d);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].table_slug, "districts");
  EXPECT_EQ(all[0].slug, "yong-an-st");
  EXPECT_EQ(all[0].url, "/glossary/districts/yong-an-st/");
  EXPECT_EQ(all[1].slug, "yong-an-st-2");
  EXPECT_EQ(all[2].slug, "yong-an-st-3");
  EXPECT_EQ(all[3].slug, "ludao");
  EXPECT_EQ(all[3].url, "/glossary/roads/ludao/");
}

TEST(FinishGlossary, RoadNameRulesWarnWithFileAndLine) {
  Diagnostics d;
  auto roads = read_glossary_markdown("| 中文 | English |\n|--|--|\n| 中山一路 | Jhongshan 1st Road |\n"
                                      "| 五福一路 | wufu 1st Rd. |\n| 中華路 | Jhonghua St. |\n| 凱旋路 | Kaisyuan Rd. |\n",
                                      1, info("roads", "road"), d);
  finish_glossary({roads}, d);
  auto m = messages(d);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_THAT(m[0], HasSubstr("roads.md:3:1: warning: English name 'Jhongshan 1st Road' should write 'Rd.'"));
  EXPECT_THAT(m[1], HasSubstr("roads.md:4:1: warning: English name 'wufu 1st Rd.' should start with a capital"));
  EXPECT_THAT(m[2], HasSubstr("roads.md:5:1: warning: English name 'Jhonghua St.' has 'St.' but 路 is 'Rd.'"));
}

TEST(RoadNameRules, PostalOrderSectionsAndNonRoads) {
  EXPECT_FALSE(road_name_problem("鹽港二路和平二巷", "Heping 2nd Ln., Yangang 2nd Rd.", "road"));
  EXPECT_FALSE(road_name_problem("三合街一段", "Sec. 1, Sanhe St.", "road"));
  EXPECT_FALSE(road_name_problem("中山路一段", "Zhongshan Rd., Sec. 1", ""));
  EXPECT_FALSE(road_name_problem("高雄軟體園區", "Kaohsiung Software Park", "landmark"));
  EXPECT_TRUE(road_name_problem("前鎮區", "Cianjhen District", "district"));
  EXPECT_TRUE(road_name_problem("前鎮區", "Cianjhen", "district"));
  EXPECT_TRUE(road_name_problem("博愛路", "Boai Rd", "road"));
}

TEST(CsvTable, FieldPositionsCountCodePoints) {
  Diagnostics d;
  auto records = read_csv("前鎮區,b\n\"x\",前,c\n", "f.csv", d);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields[1].col, 5);
  EXPECT_EQ(records[1].fields[2].col, 7);
  EXPECT_EQ(records[1].line, 2);
}

}  // namespace
}  // namespace takao
