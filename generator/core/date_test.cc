#include "core/date.h"

#include <gtest/gtest.h>

namespace takao {

TEST(Date, ParsesIsoDates) {
  auto d = parse_iso_date("2014-08-01");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->year, 2014);
  EXPECT_EQ(d->iso(), "2014-08-01");
  EXPECT_FALSE(parse_iso_date("2014-02-30"));
  EXPECT_FALSE(parse_iso_date("2015-02-29"));
  EXPECT_TRUE(parse_iso_date("2016-02-29"));
  EXPECT_FALSE(parse_iso_date("2014-8-1"));
  EXPECT_FALSE(parse_iso_date("yesterday"));
}

TEST(Date, ChinesePagesUseTheRocEra) {
  EXPECT_EQ(format_date_zh({2014, 8, 1}), "民國103年8月1日");
  EXPECT_EQ(format_year_zh(2014), "民國103年");
  EXPECT_EQ(format_month_zh({2015, 2, 1}), "民國104年2月");
  EXPECT_EQ(format_date_en({2014, 8, 1}), "1 August 2014");
}

}  // namespace takao
