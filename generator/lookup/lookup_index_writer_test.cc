#include "lookup/lookup_index_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "lookup/lookup_index_format.h"

namespace takao {
namespace {

GlossaryEntries sample() {
  GlossaryEntry a;
  a.zh = "前鎮區";
  a.en = "Cianjhen Dist.";
  a.category = "district";
  a.aliases = {"Qianzhen", "前镇"};
  a.note = "郵遞區號 806, \"南\"";
  a.url = "/glossary/districts/cianjhen-dist/";
  a.table_slug = "districts";
  GlossaryEntry b;
  b.zh = "愛河";
  b.en = "Love River";
  b.category = "landmark";
  b.district = "前金區";
  b.note = "two\nlines";
  b.url = "/glossary/landmarks/love-river/";
  b.table_slug = "landmarks";
  return {a, b};
}

TEST(OpenData, CsvHasBomHeaderCrlfAndRfc4180Quoting) {
  auto files = write_glossary_open_data(sample());
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(files[0].path, "glossary/glossary.csv");
  EXPECT_EQ(files[0].bytes,
            "\xEF\xBB\xBF中文,English,類別,行政區,別名,備註,英譯來源,郵遞區號\r\n"
            "前鎮區,Cianjhen Dist.,district,,Qianzhen;前镇,\"郵遞區號 806, \"\"南\"\"\",approved,\r\n"
            "愛河,Love River,landmark,前金區,,\"two\nlines\",approved,\r\n");
}

TEST(OpenData, JsonIsAnArrayOfEntries) {
  auto files = write_glossary_open_data(sample());
  EXPECT_EQ(files[1].path, "glossary/glossary.json");
  auto j = nlohmann::json::parse(files[1].bytes);
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["zh"], "前鎮區");
  EXPECT_EQ(j[0]["en"], "Cianjhen Dist.");
  EXPECT_EQ(j[0]["aliases"], nlohmann::json({"Qianzhen", "前镇"}));
  EXPECT_EQ(j[0]["url"], "/glossary/districts/cianjhen-dist/");
  EXPECT_EQ(j[1]["district"], "前金區");
  EXPECT_EQ(j[1]["note"], "two\nlines");
}

TEST(LookupIndexWriter, EmptyGlossaryStillHasAManifest) {
  auto files = write_lookup_index({});
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].path, kLookupManifestPath);
  auto m = nlohmann::json::parse(files[0].bytes);
  EXPECT_EQ(m["entry_count"], 0);
}

TEST(LookupIndexWriter, FoldTableCoversVariantsOfUsedCharacters) {
  FoldTables t = lookup_fold_tables(sample());
  EXPECT_EQ(t.chars.at(U'鎮'), U'镇');
  EXPECT_EQ(t.chars.at(U'臺'), U'台');  // address words are always covered
  EXPECT_EQ(t.chars.count(U'镇'), 0u);  // the folded form maps to itself
  EXPECT_EQ(t.words.at("road"), "rd");
}

TEST(LookupGroup, TwoLatinCharactersOrOneOther) {
  EXPECT_EQ(lookup_group("qianzhen"), "qi");
  EXPECT_EQ(lookup_group("q"), "q");
  EXPECT_EQ(lookup_group("前镇"), "前");
  EXPECT_EQ(lookup_group("1心路"), "1");
  EXPECT_EQ(lookup_group(""), "");
}

}  // namespace
}  // namespace takao
