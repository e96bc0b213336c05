// Extraction from real PDFs that Chromium printed (tests/fixtures/pdf/make-pdfs), and the cache.
#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>

#include "pdf/pdf_extract.h"
#include "pdf/pdf_library.h"
#include "../../tests/fixtures/pdf/test_pdfs.h"

namespace takao::pdf {
namespace {

using takao::testing::test_pdf;

// One file per test process: CTest runs these tests in parallel, and a shared name let one overwrite
// another's thumbnail while it was being read.
std::string scratch() { return ::testing::TempDir() + "/thumb-" + std::to_string(::getpid()) + ".png"; }

TEST(PdfExtract, TextPerPageAsAReaderSeesIt) {
  PdfText t = extract_pdf_file(test_pdf("report.pdf"), {}, scratch());
  ASSERT_EQ(t.problem, Problem::none);
  ASSERT_EQ(t.page_count, 3);
  ASSERT_EQ(t.pages.size(), 3u);
  // The paragraph wraps over several printed lines; it comes back as one line.
  EXPECT_NE(t.pages[0].find("本研究以高雄市輕軌與捷運路網為對象，探討大眾運輸導向發展之成效，並以前鎮區與苓雅區之土地使用變遷為例，"
                            "分析站區周邊之人口與就業之變化情形，提出後續規劃建議。"),
            std::string::npos)
      << t.pages[0];
  EXPECT_NE(t.pages[0].find("The transit-oriented development of Kaohsiung"), std::string::npos) << t.pages[0];
  EXPECT_NE(t.pages[1].find("鳳山溪流域治理計畫之評估與建議"), std::string::npos);
  EXPECT_EQ(t.pages[0].find("鳳山溪"), std::string::npos);
  EXPECT_EQ(t.pages[2].find("鳳山溪"), std::string::npos);
  // Chromium's running header (date, document title) and footer (address, "2/3") are gone.
  for (const std::string& page : t.pages) {
    EXPECT_EQ(page.find("Harbour Study"), std::string::npos) << page;
    EXPECT_EQ(page.find("file://"), std::string::npos) << page;
    EXPECT_EQ(page.find("/3"), std::string::npos) << page;
  }
  EXPECT_FALSE(t.encrypted);
  // The first page as a PNG, 200 pixels wide.
  ASSERT_GT(t.thumbnail_png.size(), 100u);
  EXPECT_EQ(t.thumbnail_png.substr(1, 3), "PNG");
  EXPECT_EQ(t.thumbnail_width, 200);
  EXPECT_GT(t.thumbnail_height, 250);
}

TEST(PdfExtract, BadFilesAreProblemsNotCrashes) {
  EXPECT_EQ(extract_pdf_file(test_pdf("corrupt.pdf"), {}, scratch()).problem, Problem::unreadable);
  EXPECT_EQ(extract_pdf_file(test_pdf("password.pdf"), {}, scratch()).problem, Problem::password);
  PdfText scan = extract_pdf_file(test_pdf("scan.pdf"), {}, scratch());
  EXPECT_EQ(scan.problem, Problem::no_text);
  EXPECT_EQ(scan.page_count, 1);
  EXPECT_FALSE(scan.thumbnail_png.empty());  // a scan still has a first page to show
  PdfText restricted = extract_pdf_file(test_pdf("restricted.pdf"), {}, scratch());
  EXPECT_EQ(restricted.problem, Problem::none);
  EXPECT_TRUE(restricted.encrypted);
  EXPECT_EQ(extract_pdf_file("/nonexistent/x.pdf", {}, scratch()).problem, Problem::unreadable);
  EXPECT_EQ(extract_pdf_bytes("%PDF-1.4\n", {}, "").problem, Problem::unreadable);
  EXPECT_EQ(problem_message(Problem::no_text), "no text layer: run OCR before publishing");
}

TEST(PdfExtract, LimitsBoundTheTextKept) {
  ExtractLimits small;
  small.max_page_bytes = 30;
  small.thumbnail_width = 0;
  PdfText t = extract_pdf_file(test_pdf("report.pdf"), small, scratch());
  EXPECT_TRUE(t.truncated);
  for (const auto& p : t.pages) EXPECT_LE(p.size(), 30u);
  EXPECT_TRUE(t.thumbnail_png.empty());
  small.max_page_bytes = 1 << 20;
  small.max_pages = 1;
  t = extract_pdf_file(test_pdf("report.pdf"), small, scratch());
  EXPECT_EQ(t.page_count, 3);
  EXPECT_TRUE(t.truncated);
  EXPECT_TRUE(t.pages[1].empty());
}

TEST(PdfLibrary, WarnsNamingTheFileAndCachesByContent) {
  namespace fs = std::filesystem;
  std::string cache = ::testing::TempDir() + "/pdf-cache-" + std::to_string(::getpid());
  fs::remove_all(cache);
  std::vector<PdfRequest> requests;
  for (std::string name : {"report", "scan", "password", "corrupt", "restricted"})
    requests.push_back({"/r/" + name + ".pdf", test_pdf(name + ".pdf"), "content/r/" + name + ".pdf", std::nullopt});
  requests.push_back(requests[0]);  // named twice: read once
  Diagnostics diags;
  PdfLibrary lib = read_pdfs(requests, cache, 2, diags);
  EXPECT_EQ(lib.extracted, 5u);
  EXPECT_EQ(lib.from_cache, 0u);
  EXPECT_FALSE(diags.has_errors());
  std::string all;
  for (const auto& d : diags.sorted()) all += d.format() + "\n";
  EXPECT_NE(all.find("content/r/scan.pdf:1:1: warning: no text layer: run OCR before publishing"), std::string::npos) << all;
  EXPECT_NE(all.find("content/r/password.pdf:1:1: warning: password-protected"), std::string::npos) << all;
  EXPECT_NE(all.find("content/r/corrupt.pdf:1:1: warning: not a readable PDF"), std::string::npos) << all;
  EXPECT_NE(all.find("content/r/restricted.pdf:1:1: warning: encrypted PDF"), std::string::npos) << all;
  EXPECT_EQ(all.find("report.pdf"), std::string::npos) << all;
  const PdfInfo* report = lib.find("/r/report.pdf");
  ASSERT_NE(report, nullptr);
  EXPECT_EQ(report->bytes, fs::file_size(test_pdf("report.pdf")));
  EXPECT_EQ(report->thumbnail_url, "/r/report.pdf.png");

  // Again: everything from the cache, the same results, the same warnings.
  Diagnostics again;
  PdfLibrary second = read_pdfs(requests, cache, 2, again);
  EXPECT_EQ(second.extracted, 0u);
  EXPECT_EQ(second.from_cache, 5u);
  EXPECT_EQ(second.find("/r/report.pdf")->text.pages, report->text.pages);
  EXPECT_EQ(second.find("/r/report.pdf")->text.thumbnail_png, report->text.thumbnail_png);
  EXPECT_EQ(again.sorted().size(), diags.sorted().size());
  fs::remove_all(cache);
}

}  // namespace
}  // namespace takao::pdf
