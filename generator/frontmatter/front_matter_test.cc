#include "frontmatter/front_matter.h"

#include <gtest/gtest.h>

namespace takao {

TEST(FrontMatter, SplitsFieldsAndBody) {
  Diagnostics d;
  auto fm = parse_front_matter("a.md", "---\ntitle: 前鎮\nyear: 2014\ntags: [a, b]\n---\nbody\n", d);
  ASSERT_TRUE(fm);
  EXPECT_EQ(fm->fields["title"], "前鎮");
  EXPECT_EQ(fm->fields["year"], 2014);
  EXPECT_EQ(fm->fields["tags"].size(), 2u);
  EXPECT_EQ(fm->body, "body\n");
  EXPECT_EQ(fm->body_line, 6);
  EXPECT_EQ(fm->positions["year"].line, 3);
  EXPECT_EQ(fm->positions["year"].col, 7);
}

TEST(FrontMatter, QuotedNumbersStayText) {
  Diagnostics d;
  auto fm = parse_front_matter("a.md", "---\nnumber: \"017\"\n---\n", d);
  ASSERT_TRUE(fm);
  EXPECT_TRUE(fm->fields["number"].is_string());
}

TEST(FrontMatter, ReportsMalformedYamlWithFileLine) {
  Diagnostics d;
  EXPECT_FALSE(parse_front_matter("a.md", "---\ntitle: ok\nbad: [1, 2\n---\n", d));
  auto all = d.sorted();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_GE(all[0].line, 3);
  EXPECT_NE(all[0].format().find("a.md:"), std::string::npos);
}

TEST(FrontMatter, MissingOrUnclosed) {
  Diagnostics d;
  EXPECT_FALSE(parse_front_matter("a.md", "# no front matter\n", d));
  EXPECT_FALSE(parse_front_matter("b.md", "---\ntitle: x\n", d));
  EXPECT_FALSE(parse_front_matter("c.md", "", d));
  EXPECT_EQ(d.error_count(), 3u);
}

TEST(FrontMatter, AliasBombIsRefused) {
  std::string yaml = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'k'; ++c) {
    yaml += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) yaml += std::string(i ? ", *" : "*") + prev;
    yaml += "]\n";
    prev = c;
  }
  yaml += "---\n";
  Diagnostics d;
  EXPECT_FALSE(parse_front_matter("bomb.md", yaml, d));
  EXPECT_TRUE(d.has_errors());
}

}  // namespace takao
