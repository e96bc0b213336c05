#include "lookup/address_parser.h"

#include <gtest/gtest.h>

#include "lookup/lookup_index_writer.h"

namespace takao {
namespace {

const FoldTables& tables() {
  static const FoldTables t = lookup_fold_tables({});
  return t;
}

// A glossary of four names, folded, with entry ids 0..3.
std::optional<AddressName> finder(const std::vector<FoldedToken>& t, size_t at, AddressPart part) {
  static const std::pair<const char*, const char*> names[] = {
      {"高雄市", "Kaohsiung City"}, {"前镇区", "Cianjhen Dist."}, {"中山2路", "Jhongshan 2nd Rd."}, {"草衙里", "Caoya Vil."}};
  for (size_t n = t.size() - at; n >= 1; --n) {
    if (t[at + n - 1].latin || !address_name_ends_right(t[at + n - 1].text, part)) continue;
    std::string s;
    for (size_t i = at; i < at + n; ++i) s += t[i].text;
    for (long i = 0; i < 4; ++i)
      if (s == names[i].first) return AddressName{n, names[i].second, i};
  }
  return std::nullopt;
}

std::string en(const std::string& text) {
  auto a = translate_address(text, tables(), finder);
  return a ? a->en : "(none)";
}

TEST(AddressParser, SmallestUnitFirst) {
  EXPECT_EQ(en("高雄市前鎮區中山二路5號3樓"), "3F., No. 5, Jhongshan 2nd Rd., Cianjhen Dist., Kaohsiung City");
  EXPECT_EQ(en("高雄市前鎮區中山二路五號三樓"), "3F., No. 5, Jhongshan 2nd Rd., Cianjhen Dist., Kaohsiung City");
  EXPECT_EQ(en("高雄市前鎮區中山二路５號３樓"), "3F., No. 5, Jhongshan 2nd Rd., Cianjhen Dist., Kaohsiung City");
}

TEST(AddressParser, SectionsLanesAlleysSubNumbersRoomsBasements) {
  EXPECT_EQ(en("806高雄市前鎮區中山二路二段5巷10弄2號之1"),
            "No. 2-1, Aly. 10, Ln. 5, Sec. 2, Jhongshan 2nd Rd., Cianjhen Dist., Kaohsiung City 806");
  EXPECT_EQ(en("前鎮區中山二路5-1號"), "No. 5-1, Jhongshan 2nd Rd., Cianjhen Dist.");
  EXPECT_EQ(en("前鎮區中山二路5之1號12樓之3 1205室"), "Rm. 1205, 12F.-3, No. 5-1, Jhongshan 2nd Rd., Cianjhen Dist.");
  EXPECT_EQ(en("臺灣高雄市前鎮區中山二路100號地下1樓"),
            "B1, No. 100, Jhongshan 2nd Rd., Cianjhen Dist., Kaohsiung City, Taiwan (R.O.C.)");
  EXPECT_EQ(en("高雄市前鎮區草衙里12鄰中山二路005號"), "No. 5, Jhongshan 2nd Rd., Caoya Vil., Cianjhen Dist., Kaohsiung City");
}

TEST(AddressParser, EntriesSmallestFirst) {
  auto a = translate_address("高雄市前鎮區中山二路5號", tables(), finder);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->entries, (std::vector<long>{2, 1, 0}));
  EXPECT_EQ(a->district_entry, 1);
}

TEST(AddressParser, NotAnAddress) {
  EXPECT_EQ(en("前鎮區"), "(none)");                  // one part: the entry itself answers
  EXPECT_EQ(en("中山二路"), "(none)");
  EXPECT_EQ(en("前鎮區某某路5號"), "(none)");          // a road the glossary does not know
  EXPECT_EQ(en("高雄市5號"), "(none)");               // neither road nor district
  EXPECT_EQ(en("前鎮區中山二路地下"), "(none)");
  EXPECT_EQ(en("Jhongshan 2nd Rd. No. 5"), "(none)");
  EXPECT_EQ(en(""), "(none)");
}

TEST(AddressParser, EnglishOrdinals) {
  EXPECT_EQ(english_ordinal("1"), "1st");
  EXPECT_EQ(english_ordinal("2"), "2nd");
  EXPECT_EQ(english_ordinal("3"), "3rd");
  EXPECT_EQ(english_ordinal("4"), "4th");
  EXPECT_EQ(english_ordinal("11"), "11th");
  EXPECT_EQ(english_ordinal("12"), "12th");
  EXPECT_EQ(english_ordinal("21"), "21st");
  EXPECT_EQ(english_ordinal("003"), "3rd");
}

TEST(AddressParser, SpellsNamesFromCharacterReadings) {
  // Keys are folded with the index's own tables, as the writer folds them.
  const std::map<std::string, std::string> readings = {
      {fold("博", tables()), "bo"}, {fold("愛", tables()), "ai"}, {fold("前", tables()), "cian"}, {fold("鎮", tables()), "jhen"}};
  auto t = fold_tokens("博愛二路", tables());
  auto road = spell_address_name(t, 0, AddressPart::road, readings);
  ASSERT_TRUE(road);
  EXPECT_EQ(road->en, "Boai 2nd Rd.");
  EXPECT_EQ(road->tokens, 4u);
  EXPECT_EQ(spell_address_name(fold_tokens("博愛北街", tables()), 0, AddressPart::road, readings)->en, "Boai N. St.");
  EXPECT_EQ(spell_address_name(fold_tokens("博愛大道", tables()), 0, AddressPart::road, readings)->en, "Boai Blvd.");
  EXPECT_EQ(spell_address_name(fold_tokens("前鎮區", tables()), 0, AddressPart::district, readings)->en, "Cianjhen Dist.");
  EXPECT_FALSE(spell_address_name(fold_tokens("博物館路", tables()), 0, AddressPart::road, readings));  // 物 unknown
  EXPECT_FALSE(spell_address_name(fold_tokens("博愛", tables()), 0, AddressPart::road, readings));
  EXPECT_FALSE(spell_address_name(fold_tokens("博愛路", tables()), 0, AddressPart::village, readings));
}

}  // namespace
}  // namespace takao
