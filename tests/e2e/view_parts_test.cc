// Pages whose views read only part of the skeleton (the glossary's, a report's, an index term's:
// pipeline/view_inputs.h) are kept without building their views when front matter elsewhere changes, and
// are built again when anything they read changes (the menu, a link target of a body they show, the
// glossary, a listed document's title or keywords); the site always equals a clean build of the same
// content.
#include <gtest/gtest.h>

#include <functional>
#include <regex>

#include "e2e_util.h"

namespace fs = std::filesystem;
using namespace e2e;

namespace {

void replace(const fs::path& p, const std::string& from, const std::string& to) {
  std::string text = read(p);
  size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from << " not in " << p;
  write(p, text.replace(at, from.size(), to));
}

// Builds into `out` again and checks that it equals a clean build of the same content (into `clean`);
// gives the rebuild's stderr (its --timings counts).
std::string rebuild_like_clean(const std::function<e2e::Run(const fs::path&)>& build, const fs::path& out,
                               const fs::path& clean, const std::string& what) {
  SCOPED_TRACE(what);
  e2e::Run r = build(out);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(build(clean).status, 0);
  EXPECT_TRUE(tree(out) == tree(clean)) << what << ": the site differs from a clean build";
  return r.err;
}

// The first number `pattern` captures in `err`, or a failure.
size_t count_in(const std::string& err, const std::string& pattern) {
  std::smatch m;
  if (!std::regex_search(err, m, std::regex(pattern))) {
    ADD_FAILURE() << "no match for " << pattern << " in: " << err;
    return 0;
  }
  return std::stoul(m[1]);
}

size_t glossary_pages(const fs::path& out) {
  size_t n = 0;
  for (const fs::path& dir : {out / "glossary", out / "en" / "glossary"}) {
    for (const auto& e : fs::recursive_directory_iterator(dir)) n += e.path().filename() == "index.html";
  }
  return n;
}

TEST(ViewParts, GlossaryPagesFollowWhatTheyReadOnly) {
  fs::path content = fixture_copy("view-parts");
  fs::path root = content.parent_path(), out = root / "public";
  // The glossary's introduction links to an article; the about page is in every page's menu.
  write(content / "glossary/_index.md", read(content / "glossary/_index.md") + "\n見[第一篇](../journal/001/01-first.md)。\n");
  replace(content / "pages/about.md", "weight: 1\n", "weight: 1\nmenu: true\n");
  auto build = [&](const fs::path& to) { return takao("build --timings --content '" + content.string() + "' --out '" + to.string() + "'"); };
  ASSERT_EQ(build(out).status, 0);
  size_t glossary = glossary_pages(out);
  ASSERT_GT(glossary, 10u);

  int step = 0;
  // Rebuilds and compares with a clean build; returns how many pages were kept without their view.
  auto rebuild = [&](const std::string& what) -> size_t {
    std::string err = rebuild_like_clean(build, out, root / ("clean-" + std::to_string(++step)), what);
    return count_in(err, "takao: (\\d+) of them kept without building their view");
  };

  replace(content / "journal/001/02-second.md", "title: 光電產業", "title: 光電產業的未來");
  size_t kept = rebuild("an article's title");
  EXPECT_GT(kept, glossary) << "the glossary's and the reports' pages read nothing of an article's front matter";

  replace(content / "pages/about.md", "title: 關於本站", "title: 關於這個網站");
  EXPECT_EQ(rebuild("the title of a page in the menu"), 0u);

  replace(content / "journal/001/01-first.md", "authors:", "slug: solar\nauthors:");
  EXPECT_EQ(rebuild("the URL of a page the glossary's introduction links to"), 0u);
  EXPECT_NE(read(out / "glossary/index.html").find("/journal/001/solar/"), std::string::npos);

  write(content / "glossary/landmarks.csv", read(content / "glossary/landmarks.csv") + "新地標,New Landmark,landmark,左營區,,\n");
  size_t after_row = rebuild("a glossary row");
  EXPECT_GT(after_row, 0u);
  EXPECT_LT(after_row, kept) << "the glossary's pages are built again";

  // A report's title: its page and the index terms listing it (its authors, keywords, agency) change.
  fs::path report = content / "reports/self-research/2014-traffic.md";
  std::string text = read(report);
  size_t at = text.find("\ntitle: ");
  ASSERT_NE(at, std::string::npos);
  write(report, text.insert(at + 8, "新"));
  EXPECT_GT(rebuild("a report's title"), glossary);
  replace(content / "journal/001/02-second.md", "authors: [陳大文]", "authors: [陳大文, 林小華]");
  EXPECT_GT(rebuild("an article's authors (a new index term)"), glossary);
}

// The citation exports (cite.bib, cite.ris, cite.json beside each document's page) are made again only for
// the pages whose cited documents changed: a title edited makes its document's and its issue's or series',
// site.yaml makes them all.
TEST(ViewParts, CitationExportsFollowWhatTheyCite) {
  fs::path content = fixture_copy("view-parts-citations");
  fs::path root = content.parent_path(), out = root / "public";
  auto build = [&](const fs::path& to) { return takao("build --timings --content '" + content.string() + "' --out '" + to.string() + "'"); };
  ASSERT_EQ(build(out).status, 0);
  int step = 0;
  // Rebuilds, compares with a clean build, and returns {exports made, exports in all}.
  auto rebuild = [&](const std::string& what) -> std::pair<size_t, size_t> {
    std::string err = rebuild_like_clean(build, out, root / ("clean-" + std::to_string(++step)), what);
    return {count_in(err, "takao: (\\d+) of \\d+ pages' citation exports made"),
            count_in(err, "takao: \\d+ of (\\d+) pages' citation exports made")};
  };

  auto [none, all] = rebuild("nothing");
  EXPECT_EQ(none, 0u);
  ASSERT_GT(all, 8u);

  replace(content / "journal/001/02-second.md", "title: 光電產業", "title: 光電產業的未來");
  auto [article, all_after_article] = rebuild("an article's title");
  EXPECT_GE(article, 2u) << "the article's and its issue's";
  EXPECT_LE(article, 4u) << "the article's and its issue's, in two languages at most";
  EXPECT_EQ(all_after_article, all);
  EXPECT_NE(read(out / "journal/001/cite.bib").find("光電產業的未來"), std::string::npos) << "the issue's export lists it";

  fs::path report = content / "reports/self-research/2014-traffic.md";
  std::string text = read(report);
  size_t at = text.find("\ntitle: ");
  ASSERT_NE(at, std::string::npos);
  write(report, text.insert(at + 8, "新"));
  auto [reports, unused] = rebuild("a report's title");
  EXPECT_GE(reports, 2u) << "the report's and its series'";
  EXPECT_LE(reports, 4u);

  replace(content / "site.yaml", "title: ", "title: 新");
  EXPECT_EQ(rebuild("site.yaml's title").first, all) << "the publisher of every export";
}

}  // namespace
