// A site whose documents name and link PDFs (tests/fixtures/pdf/make-pdfs: Chromium-printed text, a scan,
// a password-protected, a restricted and a corrupt file), built with the real binary: search finds PDF
// text to the page, bad PDFs are warnings and still published, the PDF block and thumbnail, Scholar's
// rules, the cache.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e_util.h"
#include "../fixtures/pdf/test_pdfs.h"

namespace fs = std::filesystem;
using namespace e2e;
using takao::testing::test_pdf;

namespace {

// Adds a front-matter line to a Markdown file of the copy.
void add_field(const fs::path& md, const std::string& line) {
  std::string text = read(md);
  text.insert(4, line + "\n");  // after "---\n"
  write(md, text);
}

class PdfSite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    content_ = fixture_copy("pdf-site");
    root_ = content_.parent_path();
    fs::path self = content_ / "reports/self-research", commissioned = content_ / "reports/commissioned";
    fs::copy_file(test_pdf("report.pdf"), self / "2014-traffic.pdf");
    fs::copy_file(test_pdf("scan.pdf"), self / "scan.pdf");
    fs::copy_file(test_pdf("password.pdf"), self / "password.pdf");
    fs::copy_file(test_pdf("restricted.pdf"), self / "restricted.pdf");
    add_field(self / "2014-traffic.md", "pdf: 2014-traffic.pdf");
    write(self / "2014-traffic.md", read(self / "2014-traffic.md") + "\n[掃描本](scan.pdf)與[加密本](password.pdf)。\n");
    // Over 5 MB: the same PDF with padding after its end (readers still open it).
    write(commissioned / "big.pdf", read(test_pdf("report.pdf")) + "\n%" + std::string(5'100'000, ' ') + "\n");
    add_field(commissioned / "2013-graduates.md", "pdf: big.pdf");
    // A PDF in another folder than the page: Scholar ignores it.
    add_field(content_ / "journal/001/02-second.md", "pdf: ../../reports/self-research/restricted.pdf");
    out_ = root_ / "public";
    run_ = e2e::takao("build --content '" + content_.string() + "' --out '" + out_.string() + "' --jobs 2");
  }
  static std::string page(const std::string& path) { return read(out_ / path); }
  static nlohmann::json search(const std::string& args) {
    e2e::Run r = e2e::takao("search --site '" + out_.string() + "' --json --limit 0 " + args);
    EXPECT_EQ(r.status, 0) << r.err;
    return nlohmann::json::parse(r.out, nullptr, false);
  }
  static fs::path content_, root_, out_;
  static e2e::Run run_;
};
fs::path PdfSite::content_, PdfSite::root_, PdfSite::out_;
e2e::Run PdfSite::run_;

TEST_F(PdfSite, BadPdfsAreWarningsNamingTheFileAndArePublished) {
  ASSERT_EQ(run_.status, 0) << run_.err;
  std::string self = content_.string() + "/reports/self-research/";
  EXPECT_NE(run_.err.find(self + "scan.pdf:1:1: warning: no text layer: run OCR before publishing"), std::string::npos) << run_.err;
  EXPECT_NE(run_.err.find(self + "password.pdf:1:1: warning: password-protected PDF"), std::string::npos) << run_.err;
  EXPECT_NE(run_.err.find(self + "restricted.pdf:1:1: warning: encrypted PDF"), std::string::npos) << run_.err;
  EXPECT_NE(run_.err.find(content_.string() + "/journal/001/issue.pdf:1:1: warning: not a readable PDF"), std::string::npos) << run_.err;
  EXPECT_EQ(run_.err.find("2014-traffic.pdf:"), std::string::npos) << run_.err;
  for (const char* f : {"reports/self-research/scan.pdf", "reports/self-research/password.pdf", "reports/self-research/restricted.pdf",
                        "reports/self-research/2014-traffic.pdf", "journal/001/issue.pdf", "reports/commissioned/big.pdf"})
    EXPECT_TRUE(fs::exists(out_ / f)) << f;
  // The report page still links the scan and the password-protected file.
  std::string report = page("reports/self-research/2014-traffic/index.html");
  EXPECT_NE(report.find("href=\"/reports/self-research/scan.pdf\""), std::string::npos);
  EXPECT_NE(report.find("href=\"/reports/self-research/password.pdf\""), std::string::npos);
}

TEST_F(PdfSite, SearchFindsPdfTextToThePage) {
  ASSERT_EQ(run_.status, 0) << run_.err;
  // big.pdf and restricted.pdf are copies of the same PDF, under other documents: 4 PDF pages in all,
  // 2014-traffic.pdf's page 2 once for each language of its report.
  nlohmann::json hits = search("鳳山溪流域治理");
  ASSERT_EQ(hits.size(), 4u) << hits.dump();
  int traffic = 0;
  for (const auto& h : hits) {
    EXPECT_EQ(h["page"], 2);
    std::string url = h["url"];
    EXPECT_TRUE(url.size() > 7 && url.substr(url.size() - 7) == "#page=2") << url;
    if (url == "/reports/self-research/2014-traffic.pdf#page=2") {
      ++traffic;
      EXPECT_EQ(h["collection"], "report");
    }
  }
  EXPECT_EQ(traffic, 2) << hits.dump();
  auto title_of = [](const nlohmann::json& hits, const std::string& url) {
    for (const auto& h : hits)
      if (h["url"] == url) return h["title"].get<std::string>();
    return std::string();
  };
  EXPECT_EQ(title_of(search("--lang zh-Hant 鳳山溪流域治理"), "/reports/self-research/2014-traffic.pdf#page=2"), "交通安全改善研究");
  EXPECT_EQ(title_of(search("--lang en 鳳山溪流域治理"), "/reports/self-research/2014-traffic.pdf#page=2"), "Improving Traffic Safety");
  // A phrase that wraps over two printed lines, and a word hyphenated at a line end.
  nlohmann::json wrapped = search("--lang zh-Hant 大眾運輸導向發展之成效，並以前鎮區與苓雅區之土地使用變遷為例");
  EXPECT_FALSE(title_of(wrapped, "/reports/self-research/2014-traffic.pdf#page=1").empty()) << wrapped.dump();
  EXPECT_FALSE(title_of(search("--lang zh-Hant development"), "/reports/self-research/2014-traffic.pdf#page=1").empty());
  // Simplified input finds the traditional text; filters apply to PDF pages (2014-traffic: a report of
  // 2014; big.pdf: a report of 2013; restricted.pdf: an article of 2014).
  EXPECT_FALSE(title_of(search("--lang zh-Hant 凤山溪流域"), "/reports/self-research/2014-traffic.pdf#page=2").empty());
  nlohmann::json articles = search("--collection article 鳳山溪流域");
  ASSERT_EQ(articles.size(), 1u) << articles.dump();
  EXPECT_EQ(articles[0]["url"], "/reports/self-research/restricted.pdf#page=2");
  nlohmann::json of2013 = search("--year 2013 鳳山溪流域");
  ASSERT_EQ(of2013.size(), 1u) << of2013.dump();
  EXPECT_EQ(of2013[0]["url"], "/reports/commissioned/big.pdf#page=2");
  nlohmann::json filtered = search("--collection report --year 2014 --lang zh-Hant 鳳山溪流域");
  ASSERT_EQ(filtered.size(), 1u) << filtered.dump();
  EXPECT_EQ(filtered[0]["url"], "/reports/self-research/2014-traffic.pdf#page=2");
  // Chromium's running header and footer (the printed page's title, file address) are not indexed.
  for (const auto& h : search("Harbour Study")) EXPECT_FALSE(h.contains("page")) << h.dump();
  for (const auto& h : search("harbour")) EXPECT_FALSE(h.contains("page")) << h.dump();
  // The large copy of the same PDF is indexed too, under its own report.
  bool big = false;
  for (const auto& h : search("--lang zh-Hant 旗津半島海岸線"))
    big |= h["url"] == "/reports/commissioned/big.pdf#page=3";
  EXPECT_TRUE(big);
}

TEST_F(PdfSite, TheDocumentsOwnPageRanksFirst) {
  ASSERT_EQ(run_.status, 0) << run_.err;
  // The report's title is on its page; "研究" is on the page and in its PDF (本研究以…), which comes after.
  nlohmann::json both = search("--lang zh-Hant 交通安全改善研究");
  ASSERT_GE(both.size(), 1u);
  EXPECT_EQ(both[0]["url"], "/reports/self-research/2014-traffic/");
  nlohmann::json study = search("--lang zh-Hant 研究");
  size_t page_at = study.size(), pdf_at = study.size();
  for (size_t i = 0; i < study.size(); ++i) {
    if (study[i]["url"] == "/reports/self-research/2014-traffic/") page_at = std::min(page_at, i);
    if (study[i]["url"] == "/reports/self-research/2014-traffic.pdf#page=1") pdf_at = std::min(pdf_at, i);
  }
  ASSERT_LT(pdf_at, study.size()) << study.dump();
  EXPECT_LT(page_at, pdf_at) << study.dump();
}

TEST_F(PdfSite, DocumentPageShowsThePdfBlockAndThumbnail) {
  ASSERT_EQ(run_.status, 0) << run_.err;
  std::string zh = page("reports/self-research/2014-traffic/index.html");
  EXPECT_NE(zh.find("PDF, 2"), std::string::npos) << zh;
  EXPECT_NE(zh.find(" KB, 3 頁</span>"), std::string::npos) << zh;
  EXPECT_NE(zh.find("<img class=\"pdf-thumbnail\" src=\"/reports/self-research/2014-traffic.pdf.png\" width=\"200\" height=\""), std::string::npos) << zh;
  EXPECT_NE(zh.find("alt=\"PDF 第一頁\" loading=\"lazy\">"), std::string::npos);
  EXPECT_NE(page("en/reports/self-research/2014-traffic/index.html").find(" KB, 3 pages</span>"), std::string::npos);
  std::string png = page("reports/self-research/2014-traffic.pdf.png");
  ASSERT_GT(png.size(), 100u);
  EXPECT_EQ(png.substr(1, 3), "PNG");
  EXPECT_NE(page("reports/commissioned/2013-graduates/index.html").find("PDF, 5.3 MB, 3 頁"), std::string::npos);
}

TEST_F(PdfSite, ScholarRulesForCitationPdfUrl) {
  ASSERT_EQ(run_.status, 0) << run_.err;
  EXPECT_NE(page("reports/self-research/2014-traffic/index.html").find("name=\"citation_pdf_url\""), std::string::npos);
  EXPECT_EQ(page("journal/001/02-second/index.html").find("citation_pdf_url"), std::string::npos);
  // The English twin is under /en/: the PDF is not in its folder.
  EXPECT_EQ(page("en/reports/self-research/2014-traffic/index.html").find("citation_pdf_url"), std::string::npos);
  EXPECT_NE(run_.err.find(content_.string() + "/journal/001/02-second.md:1:1: warning: Google Scholar reads only a PDF in the page's own folder"),
            std::string::npos) << run_.err;
  EXPECT_NE(run_.err.find(content_.string() + "/reports/commissioned/2013-graduates.md:1:1: warning: PDF over 5 MB (5.3 MB): Google Scholar does not index it"),
            std::string::npos) << run_.err;
}

TEST_F(PdfSite, RebuildReadsTheCacheAndOutputIsTheSameWhateverJobs) {
  ASSERT_EQ(run_.status, 0) << run_.err;
  fs::path cache = root_ / ".cache/takao/pdf-v1";
  ASSERT_TRUE(fs::is_directory(cache));
  std::map<std::string, fs::file_time_type> before;
  for (const auto& e : fs::directory_iterator(cache)) before[e.path().filename().string()] = e.last_write_time();
  EXPECT_GE(before.size(), 7u);  // a .json for each of the 7 PDFs, a .png for those with a first page
  fs::path again = root_ / "again";
  e2e::Run r = e2e::takao("build --content '" + content_.string() + "' --out '" + again.string() + "' --jobs 1");
  ASSERT_EQ(r.status, 0) << r.err;
  std::map<std::string, fs::file_time_type> after;
  for (const auto& e : fs::directory_iterator(cache)) after[e.path().filename().string()] = e.last_write_time();
  EXPECT_EQ(after, before) << "an unchanged PDF was extracted again";
  EXPECT_EQ(tree(again), tree(out_));
}

}  // namespace
