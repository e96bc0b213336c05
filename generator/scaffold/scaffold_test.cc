// takao new writes files that check accepts once the required fields are filled, with sensible names and
// defaults, never overwrites, and refuses kinds and paths the content model has no place for.
#include "scaffold/scaffold.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "markdown/markdown.h"
#include "pipeline/build.h"

namespace fs = std::filesystem;

namespace takao {
namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class ScaffoldTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("takao-scaffold-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::copy(fs::path(TAKAO_SOURCE_DIR) / "content", dir_ / "content", fs::copy_options::recursive);
    // The whole city's 5,170 street entries (10,000 pages) add nothing these builds test: the first 30 stay.
    {
      std::ifstream in(dir_ / "content/glossary/streets.md");
      std::string line, kept;
      for (int i = 0; i < 40 && std::getline(in, line); ++i) kept += line + "\n";
      std::ofstream(dir_ / "content/glossary/streets.md", std::ios::trunc) << kept;
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  ScaffoldResult make(const std::string& kind, const std::string& path, const std::string& title = "") {
    ScaffoldRequest r;
    r.kind = kind;
    r.path = path;
    r.title = title;
    r.content_dir = (dir_ / "content").string();
    r.today = Date{2015, 8, 1};
    return scaffold(r);
  }

  // takao check on the copy: the errors it reports.
  std::vector<Diagnostic> check() {
    init_markdown();
    BuildConfig config;
    config.content_dir = (dir_ / "content").string();
    config.write = false;
    config.today = Date{2025, 1, 1};
    Diagnostics diags;
    run_build(config, diags, nullptr);
    std::vector<Diagnostic> errors;
    for (const auto& d : diags.sorted()) {
      if (d.severity == Severity::error) errors.push_back(d);
    }
    return errors;
  }

  fs::path dir_;
};

TEST_F(ScaffoldTest, EveryKindPassesCheck) {
  auto issue = make("issue", "journal/019", "新的一期");
  ASSERT_EQ(issue.status, 0) << issue.message;
  EXPECT_EQ(issue.file, (dir_ / "content/journal/019/_index.md").string());
  std::string text = read_file(issue.file);
  EXPECT_NE(text.find("number: 19\n"), std::string::npos);
  EXPECT_NE(text.find("published: 2015-08-01\n"), std::string::npos);
  EXPECT_NE(text.find("title: \"新的一期\"\n"), std::string::npos);

  auto a1 = make("article", "journal/019", "標題：有冒號 \"與引號\"");
  ASSERT_EQ(a1.status, 0) << a1.message;
  EXPECT_EQ(fs::path(a1.file).filename(), "01-article.md");
  auto a2 = make("article", "journal/019", "Harbour Cities");
  EXPECT_EQ(fs::path(a2.file).filename(), "02-harbour-cities.md");
  auto a3 = make("article", "journal/019/05-named", "指定檔名");
  EXPECT_EQ(fs::path(a3.file).filename(), "05-named.md");

  for (const char* series : {"self-research", "commissioned", "theses", "overseas"}) {
    auto r = make("report", std::string("reports/") + series, "報告");
    ASSERT_EQ(r.status, 0) << series << ": " << r.message;
    EXPECT_EQ(fs::path(r.file).filename(), "2015-report.md");
    EXPECT_NE(read_file(r.file).find("year: 2015\n"), std::string::npos);
  }
  auto page = make("page", "pages/contact-en", "聯絡我們");
  ASSERT_EQ(page.status, 0) << page.message;
  EXPECT_EQ(page.file, (dir_ / "content/pages/contact-en.md").string());

  auto errors = check();
  for (const auto& e : errors) ADD_FAILURE() << e.format();
}

TEST_F(ScaffoldTest, EveryFieldOfTheContentModelIsThere) {
  std::string article = scaffold_text("article", "", "t", 0, Date{2015, 8, 1});
  for (const char* field : {"title:", "title_en:", "authors:", "abstract:", "abstract_en:", "keywords:", "keywords_en:",
                            "pages:", "pdf:", "doi:", "draft:"}) {
    EXPECT_NE(article.find(field), std::string::npos) << field;
  }
  std::string report = scaffold_text("report", "theses", "t", 0, Date{2015, 8, 1});
  for (const char* field : {"title:", "title_en:", "year:", "agency:", "authors:", "published:", "award", "status:", "pdf:",
                            "number:", "\nuniversity:", "\ndegree:", "\nadvisor:", "destination:", "draft:"}) {
    EXPECT_NE(report.find(field), std::string::npos) << field;
  }
  std::string issue = scaffold_text("issue", "", "t", 19, Date{2015, 8, 1});
  for (const char* field : {"title:", "title_en:", "number:", "published:", "volume:", "cover:", "pdf:"}) {
    EXPECT_NE(issue.find(field), std::string::npos) << field;
  }
  std::string page = scaffold_text("page", "", "t", 0, Date{2015, 8, 1});
  for (const char* field : {"title:", "title_en:", "slug:", "weight:", "draft:"}) {
    EXPECT_NE(page.find(field), std::string::npos) << field;
  }
}

TEST_F(ScaffoldTest, EmptyTitleIsTheOneThingCheckAsksFor) {
  auto page = make("page", "pages/todo");
  ASSERT_EQ(page.status, 0);
  EXPECT_FALSE(page.message.empty());
  auto errors = check();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].path.find("pages/todo.md"), std::string::npos);
  EXPECT_NE(errors[0].message.find("title"), std::string::npos);
}

TEST_F(ScaffoldTest, NeverOverwrites) {
  fs::path about = dir_ / "content/pages/about.md";
  std::string before = read_file(about);
  auto r = make("page", "pages/about", "x");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(read_file(about), before);
  auto issue = make("issue", "journal/018", "x");
  EXPECT_EQ(issue.status, 1);
}

TEST_F(ScaffoldTest, BadKindsAndPathsAreUsageErrors) {
  EXPECT_EQ(make("book", "journal/019").status, 2);
  EXPECT_EQ(make("issue", "journal/abc").status, 2);
  EXPECT_EQ(make("issue", "reports/019").status, 2);
  EXPECT_EQ(make("article", "journal/099").status, 2);  // no such issue yet
  EXPECT_EQ(make("article", "journal/018/../../x").status, 2);
  EXPECT_EQ(make("report", "reports/novels").status, 2);
  EXPECT_EQ(make("page", "pages/a/b").status, 2);
  EXPECT_EQ(make("page", "pages/.hidden").status, 2);
  EXPECT_EQ(make("page", "../outside").status, 2);
}

}  // namespace
}  // namespace takao

namespace takao {

// Issue 17: the scaffolds name the identifiers (doi, an author's orcid), and a scaffold with them filled
// in passes check.
TEST(ScaffoldText, NamesDoiAndOrcid) {
  for (const char* kind : {"issue", "article", "report"}) {
    std::string text = scaffold_text(kind, "self-research", "題目", 19, Date{2015, 8, 1});
    EXPECT_NE(text.find("\ndoi: \"\"\n"), std::string::npos) << kind;
  }
  EXPECT_NE(scaffold_text("article", "", "題目", 0, Date{2015, 8, 1}).find("orcid: 0000-0002-1825-0097"), std::string::npos);
  EXPECT_NE(scaffold_text("report", "theses", "題目", 0, Date{2015, 8, 1}).find("orcid"), std::string::npos);
}

}  // namespace takao
