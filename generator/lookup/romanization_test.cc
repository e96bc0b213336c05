#include "lookup/romanization.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "lookup/lookup_keys.h"
#include "lookup/lookup_index_writer.h"
#include "lookup/name_forms.h"

namespace takao {
namespace {

std::string hanyu(const std::vector<const Syllable*>& s) {
  std::string out;
  for (const Syllable* x : s) out += (out.empty() ? "" : " ") + x->hanyu;
  return out;
}

TEST(SyllableTable, BuiltinTableHasTheThreeSystems) {
  const auto& t = SyllableTable::builtin();
  EXPECT_GE(t.syllables().size(), 400u);
  auto rows = t.find(Romanization::tongyong, "cian");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]->hanyu, "qian");
  EXPECT_EQ(rows[0]->wade_giles, "ch'ien");
  EXPECT_EQ(t.find(Romanization::hanyu, "lu").size(), 2u);  // lu and lü fold alike
}

TEST(SyllableTable, MalformedXmlIsRejected) {
  EXPECT_THROW(SyllableTable::parse("<pinyin_mapping><item>"), std::runtime_error);
  EXPECT_THROW(SyllableTable::parse("<pinyin_mapping/>"), std::runtime_error);
}

TEST(Segmentation, FewestSyllablesTongyongFirst) {
  EXPECT_EQ(hanyu(*segment_syllables("Cianjhen")), "qian zhen");
  EXPECT_EQ(hanyu(*segment_syllables("Sinsing")), "xin xing");
  EXPECT_EQ(hanyu(*segment_syllables("Qieding")), "qie ding");
  EXPECT_EQ(hanyu(*segment_syllables("xian", 2)), "xi an");
  EXPECT_FALSE(segment_syllables("Pond"));
  EXPECT_FALSE(segment_syllables(""));
}

TEST(AnalyseEnglish, EnglishWordsAreNotTakenForPinyin) {
  auto words = analyse_english("Chengcing Lake", "澄清湖");
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(hanyu(words[0].syllables), "cheng qing");
  EXPECT_TRUE(words[1].syllables.empty());  // la-ke would split, but 湖 is hu
}

TEST(AnalyseEnglish, TheChineseReadingPicksAmongSpellings) {
  auto words = analyse_english("Kaohsiung City", "高雄市");
  EXPECT_EQ(hanyu(words[0].syllables), "gao xiong");  // kao is Wade-Giles for gao here
}

TEST(NameForms, RespelledFromTheEnglishSuffixesKept) {
  GlossaryEntry e;
  e.zh = "前鎮區";
  e.en = "Cianjhen Dist.";
  NameForms f = name_forms(e);
  EXPECT_EQ(f.hanyu, "Qianzhen Dist.");
  EXPECT_EQ(f.tongyong, "Cianjhen Dist.");
  EXPECT_EQ(f.wade_giles, "Ch'ien-chen Dist.");
  e.zh = "永安區";
  e.en = "Yong'an Dist.";
  EXPECT_EQ(name_forms(e).wade_giles, "Yung-an Dist.");
  EXPECT_EQ(name_forms(e).hanyu, "Yong'an Dist.");
}

TEST(NameForms, FromTheChineseWhenTheEnglishIsATranslation) {
  GlossaryEntry e;
  e.zh = "蓮池潭";
  e.en = "Lotus Pond";
  NameForms f = name_forms(e);
  EXPECT_EQ(f.hanyu, "Lianchitan");
  EXPECT_EQ(f.tongyong, "Lianchihtan");
  EXPECT_EQ(f.wade_giles, "Lien-ch'ih-t'an");
}

TEST(ChineseCore, DropsSuffixOrdinalAndDirection) {
  EXPECT_EQ(chinese_core("中山二路"), "中山");
  EXPECT_EQ(chinese_core("一心北街"), "一心");
  EXPECT_EQ(chinese_core("前鎮區"), "前鎮");
  EXPECT_EQ(chinese_core("東區"), "東區");
}

TEST(LookupKeys, ApprovedChineseBasesVariantsWordsAndReadings) {
  FoldTables tables = lookup_fold_tables({});
  GlossaryEntry e;
  e.zh = "前鎮區";
  e.en = "Cianjhen Dist.";
  e.aliases = {"Chien-chen"};
  std::map<std::string, KeyKind> keys;
  for (auto& k : lookup_keys(e, tables)) keys[k.key] = k.kind;
  EXPECT_EQ(keys["cianjhendist"], KeyKind::approved);
  EXPECT_EQ(keys["前镇区"], KeyKind::chinese);
  EXPECT_EQ(keys["cianjhen"], KeyKind::approved_base);
  EXPECT_EQ(keys["前镇"], KeyKind::chinese_base);
  EXPECT_EQ(keys["chienchen"], KeyKind::alias);
  EXPECT_EQ(keys["qianzhendist"], KeyKind::hanyu);
  EXPECT_EQ(keys["qianzhen"], KeyKind::hanyu);
  EXPECT_EQ(keys["chienchendist"], KeyKind::wade_giles);
  EXPECT_EQ(keys["qianzhenqu"], KeyKind::reading);
  e.zh = "蓮池潭";
  e.en = "Lotus Pond";
  e.aliases = {};
  keys.clear();
  for (auto& k : lookup_keys(e, tables)) keys[k.key] = k.kind;
  EXPECT_EQ(keys["pond"], KeyKind::word);
  EXPECT_EQ(keys["lianchitan"], KeyKind::reading);
}

}  // namespace
}  // namespace takao
