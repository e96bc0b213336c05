#include "lookup/lookup_keys.h"

#include <algorithm>
#include <map>

#include "lookup/romanization.h"

namespace takao {

namespace {

bool is_suffix(const std::string& folded) {
  static const char* words[] = {"rd", "st", "blvd", "ave", "dist", "sec", "ln", "aly", "vil"};
  for (const char* w : words)
    if (folded == w) return true;
  return false;
}

bool is_plain_word(const std::string& folded) {
  if (folded.empty() || is_suffix(folded)) return false;
  if (folded.size() == 1) return false;  // n, s, e, w and stray letters
  for (char c : folded)
    if (c >= '0' && c <= '9') return false;
  return true;
}

std::string strip_chinese_suffix(const std::u32string& zh) {
  static const std::u32string suffixes = U"路街區段巷弄里村";
  if (zh.size() > 3 && zh.ends_with(U"大道")) return to_utf8(zh.substr(0, zh.size() - 2));
  if (zh.size() > 2 && suffixes.find(zh.back()) != std::u32string::npos) return to_utf8(zh.substr(0, zh.size() - 1));
  return {};
}

std::string spell(const std::vector<const Syllable*>& syllables, Romanization r) {
  std::string out;
  for (const Syllable* s : syllables) out += ascii_spelling(s->in(r));
  return out;
}

}  // namespace

std::vector<LookupKey> lookup_keys(const GlossaryEntry& entry, const FoldTables& tables) {
  std::map<std::string, KeyKind> keys;
  auto add = [&](const std::string& text, KeyKind kind, bool already_folded = false) {
    std::string key = already_folded ? text : fold(text, tables);
    if (key.empty()) return;
    auto [it, inserted] = keys.emplace(key, kind);
    if (!inserted && kind < it->second) it->second = kind;
  };

  add(entry.en, KeyKind::approved);
  // The English with its words as written ("formosaboulevardstation"): never what a query folds to, but
  // what a typo in a spelled-out word is near.
  const FoldTables literal{tables.chars, {}};
  add(fold(entry.en, literal), KeyKind::word, true);
  add(entry.zh, KeyKind::chinese);
  for (const auto& alias : entry.aliases) add(alias, KeyKind::alias);
  std::string zh_base = strip_chinese_suffix(to_u32(entry.zh));
  if (!zh_base.empty()) add(zh_base, KeyKind::chinese_base);

  std::vector<NameWord> words = analyse_english(entry.en, entry.zh);
  // Index of the trailing suffix word, if the name ends with one ("Dist.", "Rd."): the base drops it.
  size_t end = words.size();
  if (end > 1 && is_suffix(words.back().folded)) --end;
  auto join_words = [&](size_t from, size_t to, Romanization r, bool respell) {
    std::string out;
    for (size_t i = from; i < to; ++i)
      out += respell && !words[i].syllables.empty() ? spell(words[i].syllables, r) : words[i].folded;
    return out;
  };
  if (end < words.size()) add(join_words(0, end, Romanization::tongyong, false), KeyKind::approved_base, true);

  bool romanized = false;
  for (const auto& w : words) romanized |= !w.syllables.empty();
  const Romanization systems[] = {Romanization::tongyong, Romanization::hanyu, Romanization::wade_giles};
  const KeyKind kinds[] = {KeyKind::tongyong, KeyKind::hanyu, KeyKind::wade_giles};
  if (romanized) {
    for (int s = 0; s < 3; ++s) {
      add(join_words(0, words.size(), systems[s], true), kinds[s], true);
      if (end < words.size()) add(join_words(0, end, systems[s], true), kinds[s], true);
    }
  }
  for (size_t i = 1; i < words.size(); ++i) {
    if (!is_plain_word(words[i].folded)) continue;
    std::string tail = join_words(i, words.size(), Romanization::tongyong, false);
    if (tail.size() >= 3) add(tail, KeyKind::word, true);
  }

  // Readings of the Chinese: of the whole name, of its core (中山 of 中山二路), and of the core followed
  // by the English name's trailing words (zhongshan + 2 + rd), so that Hanyu typed from the characters
  // finds the entry even when the approved English reads a polyphone otherwise.
  std::vector<const Syllable*> full = chinese_syllables(entry.zh);
  std::vector<const Syllable*> core = chinese_syllables(chinese_core(entry.zh));
  size_t first_tail = words.size();
  while (first_tail > 0 && words[first_tail - 1].syllables.empty() && !is_plain_word(words[first_tail - 1].folded))
    --first_tail;
  for (int s = 0; s < 3; ++s) {
    if (!full.empty()) add(spell(full, systems[s]), KeyKind::reading, true);
    if (!core.empty()) {
      std::string c = spell(core, systems[s]);
      add(c, KeyKind::reading, true);
      if (romanized && first_tail < words.size()) add(c + join_words(first_tail, words.size(), systems[s], false), KeyKind::reading, true);
    }
  }

  std::vector<LookupKey> out;
  out.reserve(keys.size());
  for (auto& [key, kind] : keys) out.push_back({key, kind});
  return out;
}

}  // namespace takao
