// The readings of a glossary name in the three romanizations, for display on the entry's own page.
#pragma once
#include <string>

#include "glossary/glossary_entry.h"

namespace takao {

struct NameForms {
  std::string hanyu;       // "Qianzhen Dist."
  std::string tongyong;    // "Cianjhen Dist."
  std::string wade_giles;  // "Ch'ien-chen Dist."
};

// From the approved English, respelled syllable by syllable (suffixes and numbers kept as written); when
// the English is not romanized Mandarin (Lotus Pond), from the reading of the Chinese name instead.
// Empty strings when neither gives a reading.
NameForms name_forms(const GlossaryEntry& entry);

}  // namespace takao
