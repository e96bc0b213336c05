#include "lookup/name_forms.h"

#include "lookup/romanization.h"

namespace takao {

NameForms name_forms(const GlossaryEntry& entry) {
  std::vector<NameWord> words = analyse_english(entry.en, entry.zh);
  bool romanized = false;
  for (const auto& w : words) romanized |= !w.syllables.empty();
  auto spell = [&](Romanization r) {
    if (!romanized) return display_syllables(chinese_syllables(entry.zh), r);
    std::string out;
    for (const auto& w : words) {
      if (!out.empty()) out += ' ';
      out += w.syllables.empty() ? w.text : display_syllables(w.syllables, r);
    }
    return out;
  };
  return {spell(Romanization::hanyu), spell(Romanization::tongyong), spell(Romanization::wade_giles)};
}

}  // namespace takao
