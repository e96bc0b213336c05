#include "glossary/postal_table.h"

#include <gtest/gtest.h>

namespace takao {
namespace {

PostalAddress house(int n, int sub = 0, int floor = 0) {
  PostalAddress a;
  a.house = {n, sub};
  a.floor = floor;
  return a;
}

bool in(std::string_view scoop, const PostalAddress& a) {
  auto r = parse_postal_scoop(scoop);
  EXPECT_TRUE(r) << scoop;
  return r && postal_range_matches(*r, a);
}

TEST(PostalScoop, AllAndParity) {
  EXPECT_TRUE(in("全", house(7)));
  EXPECT_TRUE(in("全", PostalAddress{}));  // no number at all
  EXPECT_TRUE(in("單全", house(7)));
  EXPECT_FALSE(in("單全", house(8)));
  EXPECT_TRUE(in("雙全", house(8)));
  EXPECT_FALSE(in("雙全", PostalAddress{}));  // parity needs a number
}

TEST(PostalScoop, AtMostAtLeastBetween) {
  EXPECT_TRUE(in("雙 300號以下", house(300)));
  EXPECT_FALSE(in("雙 300號以下", house(302)));
  EXPECT_TRUE(in("雙 302號以上", house(302)));
  EXPECT_FALSE(in("雙 302號以上", house(300)));
  EXPECT_TRUE(in("單 239號至 243號", house(241)));
  EXPECT_FALSE(in("單 239號至 243號", house(245)));
  EXPECT_FALSE(in("單 239號至 243號", house(240)));
  EXPECT_TRUE(in("連 2號至 8號", house(5)));
  EXPECT_TRUE(in("連  52號以下", house(52)));
  EXPECT_TRUE(in("連 38號以上", house(39)));
}

TEST(PostalScoop, ExactAndSubNumbers) {
  EXPECT_TRUE(in("　 225號", house(225)));
  EXPECT_FALSE(in("　 225號", house(225, 1)));
  EXPECT_TRUE(in("　 77之   1號", house(77, 1)));
  EXPECT_TRUE(in("連 2號至 2之 2號", house(2, 1)));
  EXPECT_FALSE(in("連 2號至 2之 2號", house(2, 3)));
  EXPECT_TRUE(in("連 5之 1號至之 3號", house(5, 2)));   // 至之: the end inherits the number
  EXPECT_FALSE(in("連 5之 1號至之 3號", house(6)));
  EXPECT_TRUE(in("連 5之 3號及以上附號", house(5, 9)));
  EXPECT_FALSE(in("連 5之 3號及以上附號", house(5, 2)));
  EXPECT_TRUE(in("　 12附號", house(12, 4)));
  EXPECT_FALSE(in("　 12附號", house(12)));
  EXPECT_TRUE(in("雙 40號含附號以下", house(40, 5)));
  EXPECT_TRUE(in("連 10號至 20號含附號", house(20, 3)));
}

TEST(PostalScoop, LanesAlleysAndFloors) {
  PostalAddress lane10 = house(5);
  lane10.lane = 10;
  EXPECT_TRUE(in("　 10巷全", lane10));
  EXPECT_FALSE(in("　 11巷全", lane10));
  EXPECT_TRUE(in("　 10巷單全", lane10));
  EXPECT_TRUE(in("　 10巷單   9號以下", lane10));
  EXPECT_TRUE(in("單 9巷至 11號", lane10) == false);     // lane 10 is even
  EXPECT_TRUE(in("雙 2巷至 40號", lane10));              // a lane counts by its own number on the road
  PostalAddress alley = lane10;
  alley.alley = 3;
  EXPECT_TRUE(in("　 10巷   3弄全", alley));
  EXPECT_TRUE(in("　 10巷雙   4弄以下", alley) == false);
  EXPECT_TRUE(in("　 10巷單   5弄以下", alley));
  EXPECT_TRUE(in("單 239號至 243號 2樓以上", house(241, 0, 3)));
  EXPECT_FALSE(in("單 239號至 243號 2樓以上", house(241)));  // no floor: the ground floor
  EXPECT_TRUE(in("　 88號 3樓", house(88, 0, 3)));
  EXPECT_TRUE(in("雙 2號至 8號 1樓至 5樓", house(4, 0, 5)));
  EXPECT_FALSE(in("雙 2號至 8號 1樓至 5樓", house(4, 0, 6)));
  EXPECT_TRUE(in("　 12號 10樓以下", house(12, 0, 10)));
}

TEST(PostalScoop, Unknown) {
  EXPECT_FALSE(parse_postal_scoop("單N號至N號"));
  EXPECT_FALSE(parse_postal_scoop(""));
  EXPECT_FALSE(parse_postal_scoop("至至至"));
  EXPECT_FALSE(parse_postal_scoop("99999999999號"));
}

TEST(PostalDecide, MostSpecificThenNarrowest) {
  auto row = [](std::string zip, std::string scoop) {
    PostalRow r;
    r.zip = zip;
    r.scoop = scoop;
    r.range = parse_postal_scoop(scoop);
    return r;
  };
  std::vector<PostalRow> rows = {row("806613", "單 239號至 243號 2樓以上"), row("806026", "單全"),
                                 row("806026", "雙 300號以下"), row("806006", "雙 302號以上")};
  std::vector<const PostalRow*> p;
  for (auto& r : rows) p.push_back(&r);
  EXPECT_EQ(decide_postcode(p, house(241, 0, 3)), "806613");
  EXPECT_EQ(decide_postcode(p, house(241)), "806026");
  EXPECT_EQ(decide_postcode(p, house(500)), "806006");
  EXPECT_EQ(decide_postcode(p, PostalAddress{}), std::nullopt);  // no number: the table cannot decide
  std::vector<PostalRow> overlap = {row("806023", "單 221號以下"), row("806611", "單  13號以下")};
  std::vector<const PostalRow*> q{&overlap[0], &overlap[1]};
  EXPECT_EQ(decide_postcode(q, house(5)), "806611");
  EXPECT_EQ(decide_postcode(q, house(15)), "806023");
  EXPECT_EQ(decide_postcode(q, house(223)), std::nullopt);  // outside every range: never invented
}

TEST(PostalTable, ReadsTheHeaderAndRows) {
  Diagnostics diags;
  std::string csv = "ZIPCODE,CITY,AREA,ROAD,SCOOP\n806026,高雄市,前鎮區,一心一路,單全\n8060,高雄市,前鎮區,一心一路,全\n";
  EXPECT_TRUE(is_postal_table(csv));
  EXPECT_FALSE(is_postal_table("中文,English\n"));
  PostalTable t = read_postal_table(csv, "postcodes.csv", diags);
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(diags.error_count(), 1u);  // 8060 is not a code
  EXPECT_EQ(t.rows[0].district, "前鎮區");
}

}  // namespace
}  // namespace takao
