// The writers and formatters of the cite stage on items built by hand; the real reader (citation-js) and
// the CSL processor check them end to end in tests/js/cite.test.mjs.
#include <gtest/gtest.h>

#include "cite/apa.h"
#include "cite/bibtex.h"
#include "cite/chicago.h"
#include "cite/cite_text.h"
#include "cite/csl_json.h"
#include "cite/ris.h"

namespace takao {
namespace {

CiteItem article(bool en) {
  CiteItem it;
  it.type = CiteType::article;
  it.key = "journal-017-01-mice";
  it.en = en;
  it.language = en ? "en" : "zh-Hant";
  it.title = en ? "Development Strategies for Kaohsiung's MICE Industry" : "高雄會展產業的發展策略";
  if (en) it.original_title = "高雄會展產業的發展策略";
  it.authors = {{en ? "Lin Mei-hui" : "林美慧", "0000-0002-1825-0097"}, {en ? "Chen Chih-ming" : "陳志明", ""}};
  it.date = Date{2014, 8, 1};
  it.year = 2014;
  it.journal = en ? "City Development" : "城市發展";
  it.issn = "1819-9941";
  it.issue = "17";
  it.pages = "6-21";
  it.first_page = 6;
  it.last_page = 21;
  it.url = "https://example.gov.tw/journal/017/01-mice/";
  return it;
}

TEST(Cite, ApaChineseConventions) {
  EXPECT_EQ(format_apa(article(false)),
            "林美慧、陳志明（2014）。高雄會展產業的發展策略。城市發展，17，6-21。https://example.gov.tw/journal/017/01-mice/");
  CiteItem it = article(false);
  it.volume = "3";
  it.doi = "10.5555/x";
  it.authors.clear();
  it.year = 0;
  EXPECT_EQ(format_apa(it), "高雄會展產業的發展策略（無日期）。城市發展，3(17)，6-21。https://doi.org/10.5555/x");
}

TEST(Cite, ApaEnglishConventions) {
  EXPECT_EQ(format_apa(article(true)),
            "Lin Mei-hui & Chen Chih-ming. (2014). Development Strategies for Kaohsiung’s MICE Industry. City Development, 17, "
            "6–21. https://example.gov.tw/journal/017/01-mice/");
  CiteItem it = article(true);
  it.authors.push_back({"Wang Hsiao-ming.", ""});
  it.title = "Who Rides?";
  EXPECT_EQ(format_apa(it).substr(0, 80), "Lin Mei-hui, Chen Chih-ming, & Wang Hsiao-ming. (2014). Who Rides? City Developm");
}

TEST(Cite, ReportsAndTheses) {
  CiteItem r;
  r.type = CiteType::report;
  r.title = "公共腳踏車";
  r.authors = {{"陳冠宇", ""}};
  r.year = 2015;
  r.publisher = "交通局";
  r.number = "12";
  r.series = "自行研究";
  r.url = "https://x/";
  EXPECT_EQ(format_apa(r), "陳冠宇（2015）。公共腳踏車（12；自行研究）。交通局。https://x/");
  EXPECT_EQ(format_chicago(r), "陳冠宇。2015。《公共腳踏車》。自行研究，編號12。交通局。https://x/");
  r.en = true;
  r.language = "en";
  r.title = "Public Bikes";
  r.series = "In-house research";
  EXPECT_EQ(format_apa(r), "陳冠宇. (2015). Public Bikes (No. 12; In-House Research). 交通局. https://x/");
  CiteItem t;
  t.type = CiteType::thesis;
  t.en = true;
  t.title = "Green Buffers";
  t.authors = {{"周志明", ""}};
  t.year = 2013;
  t.degree = "Master's thesis";
  t.publisher = "國立成功大學";
  EXPECT_EQ(format_apa(t), "周志明. (2013). Green Buffers [Master’s thesis, 國立成功大學].");
  EXPECT_EQ(format_chicago(t), "周志明. 2013. “Green Buffers.” Master’s thesis, 國立成功大學.");
}

TEST(Cite, ChicagoBothLanguages) {
  EXPECT_EQ(format_chicago(article(false)),
            "林美慧、陳志明。2014。〈高雄會展產業的發展策略〉。《城市發展》第17期，頁6-21。https://example.gov.tw/journal/017/01-mice/");
  EXPECT_EQ(format_chicago(article(true)),
            "Lin Mei-hui and Chen Chih-ming. 2014. “Development Strategies for Kaohsiung’s MICE Industry.” City Development, no. "
            "17: 6–21. https://example.gov.tw/journal/017/01-mice/.");
}

TEST(Cite, BibtexEscapesAndKeepsNamesWhole) {
  EXPECT_EQ(bibtex_escape("{a} 100% & C:\\x $5 #1 a_b ~ ^"),
            "\\{a\\} 100\\% \\& C:\\textbackslash{}x \\$5 \\#1 a\\_b \\textasciitilde{} \\textasciicircum{}");
  CiteItem it = article(false);
  it.title = "A {b} & c";
  it.authors.push_back({"Smith and Jones, Ltd.", ""});
  std::string bib = write_bibtex({it});
  EXPECT_EQ(bib.rfind("@article{journal-017-01-mice,\n", 0), 0u);
  EXPECT_NE(bib.find("  author = {{林美慧} and {陳志明} and {Smith and Jones, Ltd.}},\n"), std::string::npos) << bib;
  EXPECT_NE(bib.find("  title = {{A \\{b\\} \\& c}},\n"), std::string::npos);
  EXPECT_NE(bib.find("  pages = {6--21},\n"), std::string::npos);
  EXPECT_NE(bib.find("  orcid-numbers = {{林美慧}/0000-0002-1825-0097},\n"), std::string::npos);
  EXPECT_NE(bib.find("  url = {https://example.gov.tw/journal/017/01-mice/},\n"), std::string::npos);
  EXPECT_EQ(bib, write_bibtex({it}));  // deterministic
}

TEST(Cite, RisRecords) {
  std::string ris = write_ris({article(true), article(false)});
  EXPECT_EQ(ris.rfind("TY  - JOUR\r\nTI  - Development Strategies for Kaohsiung's MICE Industry\r\nOP  - 高雄會展產業的發展策略\r\n"
                      "AU  - Lin Mei-hui\r\nAU  - Chen Chih-ming\r\nPY  - 2014\r\nDA  - 2014/08/01\r\n",
                      0),
            0u)
      << ris;
  EXPECT_NE(ris.find("SP  - 6\r\nEP  - 21\r\n"), std::string::npos);
  size_t records = 0;
  for (size_t at = 0; (at = ris.find("ER  - \r\n", at)) != std::string::npos; ++at) ++records;
  EXPECT_EQ(records, 2u);
  CiteItem it = article(false);
  it.abstract = "line one\nline two";
  EXPECT_NE(write_ris({it}).find("AB  - line one line two\r\n"), std::string::npos);
}

TEST(Cite, CslJsonLiteralNames) {
  auto v = csl_item(article(true));
  EXPECT_EQ(v["type"], "article-journal");
  EXPECT_EQ(v["author"][0]["literal"], "Lin Mei-hui");
  EXPECT_EQ(v["author"][0]["ORCID"], "https://orcid.org/0000-0002-1825-0097");
  EXPECT_FALSE(v["author"][1].contains("ORCID"));
  EXPECT_EQ(v["issued"]["date-parts"][0][1], 8);
  EXPECT_EQ(v["original-title"], "高雄會展產業的發展策略");
  EXPECT_EQ(write_csl_json({}), "[]\n");
}

TEST(Cite, TextRules) {
  EXPECT_EQ(smart_quotes("Kaohsiung's \"new\" 'port'"), "Kaohsiung’s “new” ‘port’");
  EXPECT_EQ(page_range("6-21"), "6–21");
  EXPECT_EQ(page_range("A-1"), "A-1");
  EXPECT_EQ(title_case("in-house research of the city: a study"), "In-House Research of the City: A Study");
  EXPECT_EQ(title_case("MICE and iPhone"), "MICE and iPhone");
  EXPECT_EQ(with_stop("Who?"), "Who?");
  EXPECT_EQ(with_stop("標題", "。"), "標題。");
  EXPECT_EQ(with_stop("標題？", "。"), "標題？");
}

}  // namespace
}  // namespace takao
