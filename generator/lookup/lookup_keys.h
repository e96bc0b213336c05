// Every folded key under which a glossary entry can be found, each with its kind (which ranks an exact
// hit on the approved name above one on a generated variant).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "glossary/glossary_entry.h"
#include "lookup/lookup_fold.h"

namespace takao {

enum class KeyKind : uint8_t {
  approved = 0,       // the approved English, folded: "cianjhendist"
  chinese = 1,        // the Chinese name: "前镇区"
  approved_base = 2,  // the approved English without its suffix word: "cianjhen"
  chinese_base = 3,   // the Chinese without its suffix character: "前镇"
  alias = 4,          // 別名
  tongyong = 5,       // the English respelled in Tongyong (when it was written otherwise)
  hanyu = 6,          // ... in Hanyu Pinyin: "qianzhendist", "qianzhen"
  wade_giles = 7,     // ... in Wade-Giles: "chienchendist"
  word = 8,           // the English from its second word on: "pond" for "Lotus Pond"
  reading = 9,        // the Chinese read through Han-Latin, in all three systems: "qianzhenqu"
};

struct LookupKey {
  std::string key;
  KeyKind kind;
};

// The keys of one entry, each key once (with its best kind), sorted by key.
std::vector<LookupKey> lookup_keys(const GlossaryEntry& entry, const FoldTables& tables);

}  // namespace takao
