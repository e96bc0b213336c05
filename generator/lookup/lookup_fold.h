// Folding of names and queries to match keys: case, diacritics, spacing, punctuation, suffix words,
// ordinals, Chinese numerals and Simplified/variant characters. takao-lookup.mjs implements the same rules;
// the tables travel in the index manifest so both read one copy.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace takao {

struct FoldTables {
  // Traditional and variant characters to the one form keys use (ICU Hant-Hans: 鎮 -> 镇, 臺 -> 台).
  std::map<char32_t, char32_t> chars;
  // Whole Latin words to their short form: road -> rd, first -> 1, north -> n.
  std::map<std::string, std::string> words;
};

// The words every index carries: suffixes, ordinals, directions.
std::map<std::string, std::string> default_fold_words();

// One folded token: a Latin word or number ("jhongshan", "1", "rd"), a Chinese numeral run as digits, or
// one other character (one CJK character).
struct FoldedToken {
  std::string text;  // UTF-8
  bool latin = false;  // [a-z0-9]+
};

// Tokens of `text` after folding. With `dash_as_zhi`, hyphens become 之 (addresses write 5-1號 for 5之1號).
std::vector<FoldedToken> fold_tokens(std::string_view text, const FoldTables& tables, bool dash_as_zhi = false);

// The tokens joined: the form of every key and query ("Jhongshan 1st Road" -> "jhongshan1rd").
std::string fold(std::string_view text, const FoldTables& tables, bool dash_as_zhi = false);

// Value of a run of Chinese numerals, as decimal digits ("二十" -> "20", "一〇五" -> "105").
std::string chinese_numeral_value(std::u32string_view run);
bool is_chinese_numeral(char32_t c);

// UTF-8 <-> UTF-32 for the folded forms (input is assumed valid; invalid bytes become U+FFFD).
std::u32string to_u32(std::string_view utf8);
std::string to_utf8(std::u32string_view text);
void append_utf8(std::string& out, char32_t c);

}  // namespace takao
