// Folding and reading text and queries: the rules the JS module must reproduce.
#include "search/search_fold.h"

#include <gtest/gtest.h>

#include "search/search_text.h"

namespace takao::search {
namespace {

std::u32string fold_all(const Folder& f, std::string_view text) {
  std::u32string cps, out;
  decode_utf8(text, cps, nullptr);
  for (char32_t c : cps) f.fold(c, out);
  return out;
}

TEST(SearchFold, CaseAccentsAndWidthFold) {
  Folder f;
  EXPECT_EQ(to_utf8(fold_all(f, "Café ÉCOLE Ｋａｏ１２")), "cafe ecole kao12");
  EXPECT_EQ(to_utf8(fold_all(f, "İstanbul")), "istanbul");
}

TEST(SearchFold, ChineseVariantsFoldBothWays) {
  Folder f;
  EXPECT_EQ(to_utf8(fold_all(f, "台灣")), "臺灣");
  EXPECT_EQ(to_utf8(fold_all(f, "臺灣")), "臺灣");
  EXPECT_EQ(to_utf8(fold_all(f, "着裏")), "著裡");
  // Compatibility ideographs become the unified ones (NFKD).
  EXPECT_EQ(to_utf8(fold_all(f, "\uF900")), "豈");
}

TEST(SearchFold, SimplifiedPairsComeFromIcuAndSpareTheSitesOwnCharacters) {
  std::vector<char32_t> site = {U'報', U'告', U'發', U'展', U'後', U'后'};
  auto pairs = simplified_pairs(site);
  auto has = [&](char32_t s, char32_t t) {
    return std::find(pairs.begin(), pairs.end(), std::make_pair(s, t)) != pairs.end();
  };
  EXPECT_TRUE(has(U'报', U'報'));
  EXPECT_TRUE(has(U'发', U'發'));
  // 后 is a character of this site (皇后): a query for it must not turn into 後.
  EXPECT_FALSE(has(U'后', U'後'));
  EXPECT_TRUE(std::is_sorted(pairs.begin(), pairs.end()));
  Folder q(pairs);
  EXPECT_EQ(to_utf8(fold_all(q, "研究报告")), "研究報告");
}

TEST(SearchFold, CharClasses) {
  EXPECT_EQ(char_class(U'研'), CharClass::cjk);
  EXPECT_EQ(char_class(U'カ'), CharClass::cjk);
  EXPECT_EQ(char_class(U'한'), CharClass::cjk);
  EXPECT_EQ(char_class(U'a'), CharClass::word);
  EXPECT_EQ(char_class(U'é'), CharClass::word);
  EXPECT_EQ(char_class(U'7'), CharClass::word);
  EXPECT_EQ(char_class(U'，'), CharClass::other);
  EXPECT_EQ(char_class(U'・'), CharClass::other);
  EXPECT_EQ(char_class(U' '), CharClass::other);
}

TEST(SearchFold, InvalidUtf8BecomesReplacementCharacters) {
  std::u32string out;
  std::vector<uint32_t> offsets;
  decode_utf8(std::string_view("a\xff\xe7\xa0\x94\xe7", 6), out, &offsets);
  EXPECT_EQ(out, (std::u32string{U'a', 0xFFFD, U'研', 0xFFFD}));
  EXPECT_EQ(offsets, (std::vector<uint32_t>{0, 1, 2, 5}));
}

TEST(SearchText, FoldedTextKeepsSourceOffsets) {
  Folder f;
  FoldedText ft;
  fold_text("Ａ台b", f, ft);
  EXPECT_EQ(to_utf8(ft.cps), "a臺b");
  EXPECT_EQ(ft.offsets, (std::vector<uint32_t>{0, 3, 6}));
}

TEST(SearchText, RunsSplitScriptsAndPunctuation) {
  Folder f;
  FoldedText ft;
  fold_text("MICE會展，2014年 city", f, ft);
  auto runs = text_runs(ft.cps);
  ASSERT_EQ(runs.size(), 5u);
  EXPECT_EQ(runs[0].cls, CharClass::word);
  EXPECT_EQ(runs[1].cls, CharClass::cjk);
  EXPECT_EQ(runs[2].cls, CharClass::word);  // 2014
  EXPECT_EQ(runs[3].cls, CharClass::cjk);   // 年
  EXPECT_EQ(to_utf8(std::u32string_view(ft.cps).substr(runs[4].begin, runs[4].end - runs[4].begin)), "city");
}

TEST(SearchQuery, PhrasesWordsAndPrefix) {
  Folder f;
  auto terms = parse_query("MICE 會展 Dev", f);
  ASSERT_EQ(terms.size(), 3u);
  EXPECT_FALSE(terms[0].phrase);
  EXPECT_EQ(to_utf8(terms[0].text), "mice");
  EXPECT_FALSE(terms[0].prefix);
  EXPECT_TRUE(terms[1].phrase);
  EXPECT_EQ(to_utf8(terms[1].text), "會展");
  EXPECT_TRUE(terms[2].prefix) << "the last word, still being typed";
  EXPECT_FALSE(parse_query("dev ", f)[0].prefix) << "a space ends the word";
  EXPECT_FALSE(parse_query("d", f)[0].prefix) << "one letter is too little to expand";
}

TEST(SearchQuery, LimitsAndDuplicates) {
  Folder f;
  EXPECT_TRUE(parse_query("", f).empty());
  EXPECT_TRUE(parse_query(" ，。!? ", f).empty());
  EXPECT_EQ(parse_query("研究 研究", f).size(), 1u);
  std::string many;
  for (int i = 0; i < 40; ++i) many += "w" + std::to_string(i) + " ";
  EXPECT_EQ(parse_query(many, f).size(), kMaxQueryTerms);
  std::string long_phrase;
  for (int i = 0; i < 100; ++i) long_phrase += "字";
  EXPECT_EQ(parse_query(long_phrase, f)[0].text.size(), kMaxPhraseLength);
}

}  // namespace
}  // namespace takao::search
