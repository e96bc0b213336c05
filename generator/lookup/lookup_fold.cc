#include "lookup/lookup_fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace takao {

std::map<std::string, std::string> default_fold_words() {
  return {
      {"road", "rd"},      {"street", "st"},     {"boulevard", "blvd"}, {"avenue", "ave"},
      {"district", "dist"}, {"section", "sec"},  {"lane", "ln"},        {"alley", "aly"},
      {"village", "vil"},  {"number", "no"},     {"floor", "f"},        {"room", "rm"},
      {"first", "1"},      {"second", "2"},      {"third", "3"},        {"fourth", "4"},
      {"fifth", "5"},      {"sixth", "6"},       {"seventh", "7"},      {"eighth", "8"},
      {"ninth", "9"},      {"tenth", "10"},      {"north", "n"},        {"south", "s"},
      {"east", "e"},       {"west", "w"},
  };
}

bool is_chinese_numeral(char32_t c) {
  switch (c) {
    case U'〇': case U'零': case U'一': case U'二': case U'三': case U'四': case U'五':
    case U'六': case U'七': case U'八': case U'九': case U'十': case U'百': case U'千':
      return true;
    default:
      return false;
  }
}

static int numeral_digit(char32_t c) {
  switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

static int numeral_unit(char32_t c) {
  return c == U'十' ? 10 : c == U'百' ? 100 : c == U'千' ? 1000 : 0;
}

std::string chinese_numeral_value(std::u32string_view run) {
  bool has_unit = false;
  for (char32_t c : run) has_unit |= numeral_unit(c) != 0;
  std::string out;
  if (!has_unit) {  // read digit by digit, as in 一〇五
    for (char32_t c : run) out += static_cast<char>('0' + numeral_digit(c));
    return out;
  }
  // Doubles hold every value a run can reach exactly, and JavaScript computes with the same numbers.
  double total = 0, current = 0;
  for (char32_t c : run) {
    if (int unit = numeral_unit(c)) {
      total += (current == 0 ? 1 : current) * unit;
      current = 0;
    } else {
      current = numeral_digit(c);
    }
  }
  char buffer[64];
  snprintf(buffer, sizeof buffer, "%.0f", total + current);
  return buffer;
}

std::u32string to_u32(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  int32_t i = 0, n = static_cast<int32_t>(utf8.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    out += c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
  }
  return out;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) append_utf8(out, c);
  return out;
}

static bool is_dash(char32_t c) {
  return c == U'-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE63 || c == 0xFF0D;
}

// Characters that survive folding as themselves: CJK and beyond, minus CJK punctuation and the BMP's
// private-use and compatibility blocks (dropping those also keeps UTF-16 order equal to code-point order,
// which the JavaScript binary search relies on).
static bool is_kept_wide(char32_t c) {
  if (c == 0x3007) return true;
  if (c < 0x2E80) return false;
  if (c >= 0x3000 && c <= 0x303F) return false;
  if (c >= 0xE000 && c <= 0xFFFF) return false;
  return c <= 0x10FFFF;
}

static std::u32string nfkd_without_marks(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  icu::UnicodeString normal = U_SUCCESS(status) ? nfkd->normalize(source, status) : source;
  if (U_FAILURE(status)) normal = source;
  std::u32string out;
  out.reserve(normal.length());
  for (int32_t i = 0; i < normal.length();) {
    UChar32 c = normal.char32At(i);
    i += U16_LENGTH(c);
    if (U_GET_GC_MASK(c) & U_GC_M_MASK) continue;
    out += static_cast<char32_t>(c);
  }
  return out;
}

static bool is_latin(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9'); }

static std::string fold_word(const std::string& word, const FoldTables& tables) {
  if (auto it = tables.words.find(word); it != tables.words.end()) return it->second;
  // 1st, 2nd, 23rd, 4th -> the number
  size_t digits = 0;
  while (digits < word.size() && word[digits] >= '0' && word[digits] <= '9') ++digits;
  if (digits > 0 && word.size() == digits + 2) {
    std::string_view tail = std::string_view(word).substr(digits);
    if (tail == "st" || tail == "nd" || tail == "rd" || tail == "th") return word.substr(0, digits);
  }
  return word;
}

std::vector<FoldedToken> fold_tokens(std::string_view text, const FoldTables& tables, bool dash_as_zhi) {
  std::u32string cps = nfkd_without_marks(text);
  std::vector<FoldedToken> tokens;
  size_t i = 0;
  while (i < cps.size()) {
    char32_t c = cps[i];
    if (c >= U'A' && c <= U'Z') c += 32;
    if (is_latin(c)) {
      std::string word;
      while (i < cps.size()) {
        char32_t d = cps[i];
        if (d >= U'A' && d <= U'Z') d += 32;
        if (!is_latin(d)) break;
        word += static_cast<char>(d);
        ++i;
      }
      tokens.push_back({fold_word(word, tables), true});
    } else if (is_chinese_numeral(c)) {
      size_t start = i;
      while (i < cps.size() && is_chinese_numeral(cps[i])) ++i;
      tokens.push_back({chinese_numeral_value(std::u32string_view(cps).substr(start, i - start)), true});
    } else if (dash_as_zhi && is_dash(c)) {
      tokens.push_back({"之", false});
      ++i;
    } else if (is_kept_wide(c)) {
      auto it = tables.chars.find(c);
      std::string s;
      append_utf8(s, it == tables.chars.end() ? c : it->second);
      tokens.push_back({std::move(s), false});
      ++i;
    } else {
      ++i;  // a separator: space, punctuation, apostrophe, hyphen
    }
  }
  return tokens;
}

std::string fold(std::string_view text, const FoldTables& tables, bool dash_as_zhi) {
  std::string out;
  for (const auto& token : fold_tokens(text, tables, dash_as_zhi)) out += token.text;
  return out;
}

}  // namespace takao
