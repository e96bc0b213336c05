// One mistake, one error (issue 15): a document whose front matter fails to load still exists for the
// pages that link to it, so they do not each report "link to a missing page"; only its own error is shown.
#include <gtest/gtest.h>

#include <regex>

#include "e2e_util.h"

namespace fs = std::filesystem;
using namespace e2e;

namespace {

size_t count_errors(const std::string& err) {
  size_t n = 0;
  for (size_t at = 0; (at = err.find(": error: ", at)) != std::string::npos; ++at) ++n;
  return n;
}

TEST(OneMistake, BadFrontMatterOfALinkedPageIsOneError) {
  fs::path content = fixture_copy("one-mistake");
  // pages/about.md and about.en.md link to this article (with a fragment).
  fs::path article = content / "journal/001/01-first.md";
  std::string text = read(article);
  write(article, std::regex_replace(text, std::regex("\ntitle: [^\n]*"), "\ntitle: [unclosed", std::regex_constants::format_first_only));
  e2e::Run r = takao("build --content '" + content.string() + "' --out '" + (content.parent_path() / "public").string() + "'");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(count_errors(r.err), 1u) << r.err;
  EXPECT_NE(r.err.find("01-first.md:"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("missing page"), std::string::npos) << r.err;
}

TEST(OneMistake, ALinkToAPageThatDoesNotExistIsStillAnError) {
  fs::path content = fixture_copy("one-mistake-missing");
  fs::remove(content / "journal/001/01-first.md");
  fs::remove(content / "journal/001/01-first.en.md");
  e2e::Run r = takao("build --content '" + content.string() + "' --out '" + (content.parent_path() / "public").string() + "'");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("link to a missing page: journal/001/01-first.md"), std::string::npos) << r.err;
}

}  // namespace
