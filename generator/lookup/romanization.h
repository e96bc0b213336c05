// Romanized forms of a glossary name: the approved English split into syllables and respelled in
// Tongyong, Hanyu and Wade-Giles, and the readings of the Chinese through ICU's Han-Latin.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "glossary/glossary_entry.h"
#include "lookup/pinyin_syllables.h"

namespace takao {

// Splits one romanized word (letters only, any case) into table syllables: fewest syllables, or exactly
// `expected` when that is possible (0: no expectation); each piece read as Tongyong first (the city's
// system), then Hanyu, then Wade-Giles. nullopt when the word is not romanized Mandarin.
std::optional<std::vector<const Syllable*>> segment_syllables(std::string_view word, int expected = 0,
                                                              const SyllableTable& table = SyllableTable::builtin());

// One word of an English name: its text as written, and its syllables when it is a romanized name.
struct NameWord {
  std::string text;    // "Cianjhen", "Dist.", "2nd", "Yong'an"
  std::string folded;  // the folded word ("cianjhen", "dist", "2", "yongan")
  std::vector<const Syllable*> syllables;  // empty for suffixes, numbers and English words
};

// The words of an English name, with the romanized ones split into syllables. The expected syllable count
// comes from the Chinese name (its characters minus those the suffix and ordinal words stand for).
std::vector<NameWord> analyse_english(std::string_view english, std::string_view chinese);

// Hanyu syllables of the Han characters of `chinese`, one per character ("前鎮區" -> qian zhen qu);
// nullptr-free: characters without a reading are left out.
std::vector<const Syllable*> chinese_syllables(std::string_view chinese,
                                               const SyllableTable& table = SyllableTable::builtin());

// The Chinese name without its trailing suffix, ordinal and direction characters: 中山二路 -> 中山,
// 一心北街 -> 一心, 前鎮區 -> 前鎮 (never shorter than one character).
std::string chinese_core(std::string_view chinese);

// Joins syllables in one system for display: Hanyu and Tongyong run together with an apostrophe before a
// vowel-initial syllable (Yong'an); Wade-Giles joins with hyphens (Ch'ien-chen). Capitalised.
std::string display_syllables(const std::vector<const Syllable*>& syllables, Romanization r);

}  // namespace takao
