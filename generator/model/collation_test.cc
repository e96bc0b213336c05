#include "model/collation.h"

#include <gtest/gtest.h>

namespace takao {

TEST(Collation, ChineseSortsByStrokes) {
  // 丁 (2 strokes) < 王 (4) < 陳 (16)
  EXPECT_LT(collation_key("丁一", "zh-Hant"), collation_key("王小明", "zh-Hant"));
  EXPECT_LT(collation_key("王小明", "zh-Hant"), collation_key("陳大文", "zh-Hant"));
  EXPECT_LT(collation_key("apple", "en"), collation_key("Banana", "en"));
}

TEST(Collation, BucketsByStrokeAndLetter) {
  EXPECT_NE(index_bucket("王小明", "zh-Hant"), index_bucket("陳大文", "zh-Hant"));
  EXPECT_EQ(index_bucket("王小明", "zh-Hant"), index_bucket("文化", "zh-Hant"));  // both 4 strokes
  EXPECT_EQ(index_bucket("banana", "en"), "B");
}

}  // namespace takao
