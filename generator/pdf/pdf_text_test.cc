#include "pdf/pdf_text.h"

#include <gtest/gtest.h>

namespace takao::pdf {
namespace {

TEST(PdfText, ChineseLinesJoinWithoutSpace) {
  EXPECT_EQ(join_page_lines("探討大眾運輸導向發展之成\n效，並以前鎮區為例"), "探討大眾運輸導向發展之成效，並以前鎮區為例");
  // A line ending in full-width punctuation, then Latin: no space either.
  EXPECT_EQ(join_page_lines("研究方法：\nGIS analysis"), "研究方法：GIS analysis");
}

TEST(PdfText, EnglishLinesJoinWithSpaceAndHyphensJoin) {
  EXPECT_EQ(join_page_lines("The transit-oriented devel-\nopment of Kaohsiung"), "The transit-oriented development of Kaohsiung");
  EXPECT_EQ(join_page_lines("remarkable\nincrease"), "remarkable increase");
  // Not a word broken at the line end: a dash before a capital or a number stays.
  EXPECT_EQ(join_page_lines("Taipei-\nKaohsiung"), "Taipei- Kaohsiung");
  EXPECT_EQ(join_page_lines("pages 6-\n21"), "pages 6- 21");
}

TEST(PdfText, BlocksStaySeparateAndJustifiedSpacesGo) {
  EXPECT_EQ(join_page_lines("\n第一章\n\n\n城 市  發 展\nok\n\n"), "第一章\n城市發展ok");
  EXPECT_EQ(join_page_lines(""), "");
}

TEST(PdfText, RunningHeadersAndFootersAreRemoved) {
  std::vector<std::string> pages = {
      "11/30/26, 7:08 PM\n\n高雄港區轉型研究\n\n報告 Report\n\n本文第一頁。\n\nfile:///a.html\n\n1/3\n",
      "11/30/26, 7:08 PM\n\n第二章\n\n報告 Report\n\n本文第二頁。\n\nfile:///a.html\n\n2/3\n",
      "11/30/26, 7:09 PM\n\n報告 Report\n\n本文第三頁。\n\nfile:///a.html\n\n3/3\n",
  };
  remove_running_lines(pages);
  EXPECT_EQ(join_page_lines(pages[0]), "高雄港區轉型研究\n本文第一頁。");
  EXPECT_EQ(join_page_lines(pages[1]), "第二章\n本文第二頁。");
  EXPECT_EQ(join_page_lines(pages[2]), "本文第三頁。");
}

TEST(PdfText, LinesRepeatedInTheMiddleOfPagesStay) {
  std::string middle = "a\nb\nc\nd\n資料來源：本研究整理\ne\nf\ng\nh\n";
  std::vector<std::string> pages = {middle, middle, middle};
  remove_running_lines(pages);
  EXPECT_NE(pages[0].find("資料來源"), std::string::npos);
  std::vector<std::string> one = {"頁首\n內容\n"};
  remove_running_lines(one);  // a single page has nothing to repeat
  EXPECT_EQ(join_page_lines(one[0]), "頁首內容");
}

}  // namespace
}  // namespace takao::pdf
