// The Mandarin syllable table (data/pinyin-syllables.xml, compiled in): each syllable in Hanyu Pinyin,
// Tongyong Pinyin and Wade-Giles, for converting names between the three.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace takao {

enum class Romanization { tongyong = 0, hanyu = 1, wade_giles = 2 };

struct Syllable {
  std::string hanyu;       // "qian", "lü" (the file's "u:" written as ü)
  std::string tongyong;    // "cian"
  std::string wade_giles;  // "ch'ien", "hsüeh" (the file's backtick written as an apostrophe)
  const std::string& in(Romanization r) const;
};

class SyllableTable {
 public:
  // The table compiled into the program; parsed once, on first use (thread-safe).
  static const SyllableTable& builtin();
  // Parses the XML; throws std::runtime_error when it is not the expected shape.
  static SyllableTable parse(std::string_view xml);

  const std::vector<Syllable>& syllables() const { return syllables_; }
  // Rows whose spelling in `r`, folded to plain ASCII letters (no apostrophes, ü as u), is `ascii`.
  std::vector<const Syllable*> find(Romanization r, std::string_view ascii) const;
  size_t longest() const { return longest_; }

 private:
  std::vector<Syllable> syllables_;
  // (system, ascii spelling) -> row indexes, sorted for binary search
  std::vector<std::pair<std::string, size_t>> index_[3];
  size_t longest_ = 0;
};

// A spelling folded the way keys are: lower-case ASCII letters only ("ch'ien" -> "chien", "lü" -> "lu").
std::string ascii_spelling(std::string_view syllable);

}  // namespace takao
