// Each kind of bad input gives a clear path:line:col error, exit status 1, and leaves the previous
// output folder exactly as it was.
#include <gtest/gtest.h>

#include <functional>
#include <regex>

#include "e2e_util.h"

namespace fs = std::filesystem;
using namespace e2e;

namespace {

struct BadCase {
  std::string name;
  std::function<void(const fs::path& content)> break_it;
  std::string expected_location;  // "content/pages/x.md:3:" — a prefix of the first error line
  std::string expected_message;   // a part of the message
  std::string extra_args = "";
};

class BadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadInput, ReportsAndKeepsThePreviousSite) {
  const BadCase& c = GetParam();
  fs::path content = fixture_copy("bad-" + c.name);
  fs::path root = content.parent_path();
  fs::path out = root / "public";
  e2e::Run first = takao("build --content '" + content.string() + "' --out '" + out.string() + "'");
  ASSERT_EQ(first.status, 0) << first.err;
  auto before = tree(out);

  c.break_it(content);
  // Run from the temporary root so paths in messages are relative: content/...
  std::string cmd = "build --content content --out public " + c.extra_args;
  std::string shell = "cd '" + root.string() + "' && '" TAKAO_BINARY "' " + cmd + " 2>&1";
  FILE* pipe = popen(shell.c_str(), "r");
  std::string output;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) output.append(buf, n);
  int status = pclose(pipe);
  EXPECT_EQ(WEXITSTATUS(status), 1) << output;
  EXPECT_NE(output.find(c.expected_location), std::string::npos) << output;
  EXPECT_NE(output.find(c.expected_message), std::string::npos) << output;
  EXPECT_TRUE(std::regex_search(output, std::regex(R"([^\s:]+:\d+:\d+: error: )"))) << output;
  auto after = tree(out);
  EXPECT_EQ(before.size(), after.size());
  EXPECT_TRUE(before == after) << "the previous site was changed";
}

void put(const fs::path& p, const std::string& text) { write(p, text); }

INSTANTIATE_TEST_SUITE_P(
    Cases, BadInput,
    ::testing::Values(
        BadCase{"malformed_yaml", [](const fs::path& c) { put(c / "pages/x.md", "---\ntitle: ok\nbad: [1, 2\n---\n"); },
                "content/pages/x.md:", "malformed YAML"},
        BadCase{"missing_front_matter", [](const fs::path& c) { put(c / "pages/x.md", "# Title only\n"); },
                "content/pages/x.md:1:1", "missing front matter"},
        BadCase{"missing_required_field", [](const fs::path& c) { put(c / "pages/x.md", "---\ntitle_en: X\n---\n"); },
                "content/pages/x.md:1:1", "missing required field 'title'"},
        BadCase{"year_not_a_number",
                [](const fs::path& c) { put(c / "reports/commissioned/y.md", "---\ntitle: 報告\nyear: 一百零三\n---\n"); },
                "content/reports/commissioned/y.md:3:7", "must be a whole number"},
        BadCase{"published_not_a_date",
                [](const fs::path& c) {
                  put(c / "reports/commissioned/y.md", "---\ntitle: 報告\nyear: 2014\npublished: 2014/08/01\n---\n");
                },
                "content/reports/commissioned/y.md:4:12", "YYYY-MM-DD"},
        BadCase{"award_outside_list",
                [](const fs::path& c) {
                  put(c / "reports/self-research/y.md", "---\ntitle: 報告\nyear: 2014\naward: 特優\n---\n");
                },
                "content/reports/self-research/y.md:4:8", "甲等, 乙等, 佳作"},
        BadCase{"invalid_utf8", [](const fs::path& c) { put(c / "pages/x.md", "---\ntitle: \xff\xfe\n---\n"); },
                "content/pages/x.md:2:8", "invalid UTF-8"},
        BadCase{"empty_file", [](const fs::path& c) { put(c / "pages/x.md", ""); }, "content/pages/x.md:1:1", "empty file"},
        BadCase{"two_files_one_url",
                [](const fs::path& c) { put(c / "pages/x.md", "---\ntitle: X\nslug: about\n---\n"); },
                "content/pages/", "both map to URL /about/"},
        BadCase{"link_to_missing_page",
                [](const fs::path& c) { put(c / "pages/x.md", "---\ntitle: X\n---\n\nSee [gone](nope.md).\n"); },
                "content/pages/x.md:5:5", "missing page"},
        BadCase{"link_to_missing_anchor",
                [](const fs::path& c) {
                  put(c / "pages/x.md", "---\ntitle: X\n---\nSee [t](../journal/001/02-second.md#nowhere).\n");
                },
                "content/pages/x.md:4:5", "missing anchor #nowhere"},
        BadCase{"glossary_row_wrong_cells",
                [](const fs::path& c) {
                  put(c / "glossary/roads.md",
                      "---\ntitle: 道路\ncategory: road\n---\n| 中文 | English |\n|---|---|\n| 中山一路 | Jhongshan 1st Rd. | extra |\n");
                },
                "content/glossary/roads.md:7:", "cell"},
        BadCase{"english_twin_without_chinese",
                [](const fs::path& c) { put(c / "pages/lonely.en.md", "---\ntitle: Lonely\n---\n"); },
                "content/pages/lonely.en.md:1:1", "without its Chinese page"},
        BadCase{"template_unclosed_section",
                [](const fs::path& c) {
                  fs::copy(fs::path(TAKAO_SOURCE_DIR) / "themes/default", c.parent_path() / "theme", fs::copy_options::recursive);
                  put(c.parent_path() / "theme/templates/page.mustache", "<h1>{{page.title}}</h1>\n{{#page.body}}\n");
                },
                "theme/templates/page.mustache:2:1", "Unclosed section", "--theme theme"}),
    [](const ::testing::TestParamInfo<BadCase>& info) { return info.param.name; });

}  // namespace
