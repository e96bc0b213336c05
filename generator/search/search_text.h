// Splitting folded text into the runs the index knows: CJK runs (indexed as 1-, 2- and 3-character
// grams) and words (stemmed). Queries go through the same code, so a query is read like a page.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "search/search_fold.h"

namespace takao::search {

// Text folded code point by code point; offsets[i] is the byte offset in the source of the code point
// that produced cps[i], so matches found in folded text map back to the original.
struct FoldedText {
  std::u32string cps;
  std::vector<uint32_t> offsets;
};
void fold_text(std::string_view text, const Folder& folder, FoldedText& out);

// Longest word kept; longer runs of letters are cut (the same on both sides).
inline constexpr size_t kMaxWordLength = 64;

struct TextRun {
  CharClass cls;  // cjk or word
  size_t begin;   // index into FoldedText::cps
  size_t end;
};
// Maximal runs of CJK characters and of word characters, in order.
std::vector<TextRun> text_runs(std::u32string_view cps);

// One term of a query: a CJK phrase (matched as an exact string) or a word (matched by its stem; the
// last word of a query still being typed also matches as a prefix).
struct QueryTerm {
  bool phrase = false;
  std::u32string text;  // folded
  bool prefix = false;
  bool operator==(const QueryTerm&) const = default;
};

inline constexpr size_t kMaxQueryChars = 256;   // code points of input read
inline constexpr size_t kMaxQueryTerms = 12;
inline constexpr size_t kMaxPhraseLength = 32;

// Reads a query the way the browser module does (see takao-search.mjs parseQuery).
std::vector<QueryTerm> parse_query(std::string_view query, const Folder& folder);

}  // namespace takao::search
