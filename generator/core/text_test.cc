#include "core/text.h"

#include <gtest/gtest.h>

namespace takao {

TEST(Text, FindsInvalidUtf8) {
  EXPECT_EQ(find_invalid_utf8("前鎮區"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("ab\xff"), 2u);
}

TEST(Text, LineAndColumnCountCharacters) {
  auto lc = line_col_at("一\n前鎮x", 8);  // byte 8 is 'x'
  EXPECT_EQ(lc.line, 2);
  EXPECT_EQ(lc.col, 3);
}

TEST(Text, EscapesHtml) { EXPECT_EQ(html_escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"); }

TEST(Text, HeadingIdsKeepChinese) {
  EXPECT_EQ(heading_id("結論"), "結論");
  EXPECT_EQ(heading_id("Hello, World!"), "hello-world");
  EXPECT_EQ(heading_id("1. 研究 方法"), "1-研究-方法");
  EXPECT_EQ(heading_id("!!!"), "section");
}

TEST(Text, EncodesPaths) {
  EXPECT_EQ(url_encode_path("/a b/前/"), "/a%20b/%E5%89%8D/");
  EXPECT_EQ(url_decode("/a%20b/%E5%89%8D/"), "/a b/前/");
}

TEST(Text, CountsChineseWordsByCharacter) {
  EXPECT_EQ(count_words("高雄 MICE industry"), 4u);
  EXPECT_EQ(utf8_truncate("高雄市政府", 2), "高雄…");
}

}  // namespace takao
