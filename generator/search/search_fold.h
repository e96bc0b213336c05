// Character folding for search, the same in the index writer, the C++ query engine and the browser module:
// each code point on its own goes through NFKD, loses its non-spacing marks, is lowercased, and is mapped
// through a variant table (台 -> 臺, Simplified -> Traditional), so that JS can reproduce it exactly.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace takao::search {

// The Chinese variants folded together on both sides (documents and queries), source -> canonical form.
// Canonical is the form of Taiwan's standard (臺, 著, 裡, 為, ...).
const std::vector<std::pair<char32_t, char32_t>>& variant_pairs();

class Folder {
 public:
  // Base fold only: NFKD, marks dropped, lowercase, variant_pairs(). This is how page text is folded.
  Folder();
  // Base fold plus `extra` (applied after the variants): the Simplified -> Traditional table for queries.
  explicit Folder(const std::vector<std::pair<char32_t, char32_t>>& extra);

  // Appends the folded form of `c` (zero, one or more code points) to `out`.
  void fold(char32_t c, std::u32string& out) const;

 private:
  std::unordered_map<char32_t, char32_t> extra_;
};

// The base fold of one code point, without the extra table (exposed for the table builder and tests).
std::u32string base_fold(char32_t c);

// Simplified -> Traditional pairs for a site: for each character `t` of the site's folded text, ICU's
// Hant-Hans gives its simplified form `s`; the pair s -> t is kept when s itself never occurs in the site
// (a character the site uses, like 后 in 皇后, is never folded away) and Hans-Hant(s) folds back to t.
// Sorted by source.
std::vector<std::pair<char32_t, char32_t>> simplified_pairs(const std::vector<char32_t>& site_chars);

enum class CharClass { other, cjk, word };
// CJK: Han, kana and Hangul (indexed as character n-grams); word: any other letter or digit.
CharClass char_class(char32_t c);

// Decodes UTF-8; each invalid byte becomes U+FFFD. `offsets` (if not null) receives the byte offset of
// the start of each code point.
void decode_utf8(std::string_view text, std::u32string& out, std::vector<uint32_t>* offsets);
void append_utf8(std::string& out, char32_t c);
std::string to_utf8(std::u32string_view text);

}  // namespace takao::search
