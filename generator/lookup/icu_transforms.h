// ICU transforms used at build time, one character at a time and cached: Han-Latin (the Hanyu Pinyin
// reading of a character, tone marks dropped) and Hant-Hans (the Simplified form, for folding).
#pragma once
#include <map>
#include <string>
#include <string_view>

namespace takao {

// Hanyu Pinyin of one Han character, lower case, no tone marks, ü kept ("鎮" -> "zhen", "綠" -> "lü");
// empty when ICU has no reading.
std::string han_reading(char32_t c);

// The Simplified (folding) form of every Han character in the BMP blocks and of `extra`, where ICU's
// Hant-Hans changes it; used to build the folding table.
std::map<char32_t, char32_t> simplified_forms(std::u32string_view extra);

}  // namespace takao
