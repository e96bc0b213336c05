#include "lookup/post_english.h"

#include <functional>
#include <vector>

#include "lookup/icu_transforms.h"
#include "lookup/lookup_fold.h"
#include "lookup/pinyin_syllables.h"
#include "lookup/romanization.h"

namespace takao {

namespace {

bool is_han(char32_t c) { return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || c >= 0x20000; }

// Han characters that an abbreviation or an English word of the Post stands for.
int covered_characters(const std::string& word) {
  static const std::pair<const char*, int> fixed[] = {
      {"Rd.", 1}, {"St.", 1}, {"Ln.", 1}, {"Aly.", 1}, {"Sec.", 1}, {"Vil.", 1}, {"Blvd.", 2}, {"Ave.", 2},
      {"E.", 1},  {"W.", 1},  {"S.", 1},  {"N.", 1},   {"Central", 1}, {"Dist.", 1}, {"Side", 1},
      {"New", 1}, {"Bldg.", 1}, {"F", 1}};
  for (const auto& [w, n] : fixed)
    if (word == w) return n;
  size_t digits = 0;
  while (digits < word.size() && word[digits] >= '0' && word[digits] <= '9') ++digits;
  if (digits > 0 && digits <= 4) {
    std::string rest = word.substr(digits);
    if (rest.empty() || rest == "st" || rest == "nd" || rest == "rd" || rest == "th")
      return chinese_numeral_length(std::stoi(word.substr(0, digits)));
  }
  return -1;  // unknown: an English word (Railway, Market) or a letter
}

bool romanized_word(const std::string& w) {
  if (w.empty() || w.size() < 2) return false;
  for (char c : w)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'')) return false;
  return w != "Central";
}

using Split = std::vector<const Syllable*>;

// Every split of `letters` into Hanyu syllables (no apostrophes inside), each piece's rows kept.
void hanyu_splits(const std::string& letters, size_t at, std::vector<std::vector<const Syllable*>>& pieces,
                  std::vector<std::vector<std::vector<const Syllable*>>>& out) {
  const SyllableTable& table = SyllableTable::builtin();
  if (at == letters.size()) {
    out.push_back(pieces);
    return;
  }
  if (out.size() > 64) return;
  for (size_t l = 1; l <= table.longest() && at + l <= letters.size(); ++l) {
    auto rows = table.find(Romanization::hanyu, letters.substr(at, l));
    if (rows.empty()) continue;
    pieces.push_back(rows);
    hanyu_splits(letters, at + l, pieces, out);
    pieces.pop_back();
  }
}

// The splits of one word, apostrophes as fixed boundaries (Wen'an is wen + an).
std::vector<std::vector<std::vector<const Syllable*>>> word_splits(const std::string& word) {
  std::vector<std::vector<std::vector<const Syllable*>>> result{{}};
  std::string part;
  auto flush = [&]() {
    if (part.empty()) return true;
    std::vector<std::vector<std::vector<const Syllable*>>> splits;
    std::vector<std::vector<const Syllable*>> pieces;
    hanyu_splits(part, 0, pieces, splits);
    part.clear();
    if (splits.empty()) return false;
    std::vector<std::vector<std::vector<const Syllable*>>> next;
    for (const auto& r : result)
      for (const auto& s : splits) {
        auto joined = r;
        joined.insert(joined.end(), s.begin(), s.end());
        next.push_back(std::move(joined));
      }
    result = std::move(next);
    return true;
  };
  for (char c : word) {
    if (c == '\'') {
      if (!flush()) return {};
    } else {
      part += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
  }
  if (!flush()) return {};
  return result;
}

// Chooses each piece's row: the one the Chinese reads at that place when it may be, else the first.
// Returns how many pieces agree with the readings starting at `offset`.
int choose(const std::vector<std::vector<const Syllable*>>& pieces, const std::vector<const Syllable*>& readings,
           size_t offset, Split& chosen) {
  chosen.clear();
  int same = 0;
  for (size_t i = 0; i < pieces.size(); ++i) {
    const Syllable* pick = pieces[i].front();
    if (offset + i < readings.size())
      for (const Syllable* s : pieces[i])
        if (s == readings[offset + i]) {
          pick = s, ++same;
          break;
        }
    chosen.push_back(pick);
  }
  return same;
}

std::string tongyong_word(const Split& syllables) {
  return display_syllables(syllables, Romanization::tongyong);
}

}  // namespace

int chinese_numeral_length(int n) {
  if (n <= 0) return 1;
  if (n <= 10) return 1;
  if (n < 20) return 2;
  if (n < 100) return n % 10 == 0 ? 2 : 3;
  if (n == 100) return 2;
  return static_cast<int>(std::to_string(n).size()) + 1;
}

std::optional<std::string> tongyong_from_post_hanyu(std::string_view chinese, std::string_view english) {
  // Words with the punctuation that follows them kept aside ("Ln.," -> "Ln." + ",").
  struct Word {
    std::string core, tail;
    bool romanized = false;
    std::vector<std::vector<std::vector<const Syllable*>>> splits;
  };
  std::vector<Word> words;
  size_t i = 0;
  while (i < english.size()) {
    while (i < english.size() && english[i] == ' ') ++i;
    size_t start = i;
    while (i < english.size() && english[i] != ' ') ++i;
    if (start == i) break;
    Word w;
    w.core = std::string(english.substr(start, i - start));
    while (!w.core.empty() && w.core.back() == ',') {
      w.tail += ',';
      w.core.pop_back();
    }
    words.push_back(std::move(w));
  }
  int han = 0;
  for (char32_t c : to_u32(chinese)) han += is_han(c) ? 1 : 0;
  int expected = han;
  bool known = true;
  std::vector<size_t> romanized;
  for (size_t k = 0; k < words.size(); ++k) {
    Word& w = words[k];
    if (romanized_word(w.core)) {
      w.splits = word_splits(w.core);
      if (!w.splits.empty()) {
        w.romanized = true;
        romanized.push_back(k);
        continue;
      }
    }
    int n = covered_characters(w.core);
    if (n < 0) known = false;
    else expected -= n;
  }
  if (romanized.empty()) return std::string(english);
  const std::vector<const Syllable*> readings = chinese_syllables(chinese);
  // Every combination of the words' splits (few: names are short); the best has the expected total,
  // then agrees most with the readings of the Chinese, then has the fewest syllables.
  // A word may also be an English word of the Post standing for one character ("Side" for 橫 in
  // 中崙橫巷 "Zhonglun Side Ln.", not si + de; an option past its splits): chosen only when no reading of
  // it as syllables gives one syllable per character, and the Chinese nowhere reads all its syllables
  // (四德巷 "Side Ln." is si + de).
  std::vector<Split> best_choice;
  std::vector<bool> best_english;
  std::tuple<int, int, int, int> best_score{-1, 0, -1, 0};
  // A word the Chinese reads syllable for syllable somewhere is Hanyu ("Daxue" in 大學廿五路, "Side" in 四德巷).
  std::vector<bool> may_be_english(romanized.size(), true);
  for (size_t r = 0; r < romanized.size(); ++r)
    for (const auto& pieces : words[romanized[r]].splits)
      for (size_t offset = 0; offset + pieces.size() <= readings.size(); ++offset) {
        Split chosen;
        if (choose(pieces, readings, offset, chosen) == static_cast<int>(pieces.size())) may_be_english[r] = false;
      }
  std::vector<size_t> at(romanized.size(), 0);
  for (int guard = 0; guard < 4096; ++guard) {
    std::vector<Split> choice;
    std::vector<bool> english_words(romanized.size(), false);
    int total = 0, agree = 0, english = 0;
    bool allowed = true;
    // The Post writes the smaller unit first ("Xinyi Ln., Yancheng Rd." for 鹽埕路信義巷): each word is
    // aligned where it agrees best with the readings.
    for (size_t r = 0; r < romanized.size(); ++r) {
      if (at[r] == words[romanized[r]].splits.size()) {
        english_words[r] = true;
        allowed &= may_be_english[r];
        ++english;
        ++total;
        choice.emplace_back();
        continue;
      }
      const auto& pieces = words[romanized[r]].splits[at[r]];
      Split chosen, best_chosen;
      int best_same = -1;
      for (size_t offset = 0; offset + pieces.size() <= std::max(readings.size(), pieces.size()); ++offset) {
        int same = choose(pieces, readings, offset, chosen);
        if (same > best_same) best_same = same, best_chosen = chosen;
      }
      total += static_cast<int>(pieces.size());
      agree += best_same;
      choice.push_back(std::move(best_chosen));
    }
    const bool fits = known && total == expected;
    if (allowed && (fits || english == 0)) {
      std::tuple<int, int, int, int> score{fits ? 1 : 0, -english, agree, -total};
      if (score > best_score) best_score = score, best_choice = std::move(choice), best_english = english_words;
    }
    size_t r = 0;
    while (r < at.size() && ++at[r] == words[romanized[r]].splits.size() + 1) at[r++] = 0;
    if (r == at.size()) break;
  }
  // No split has one syllable per character (廿五 is two characters for 25th): the split that agrees best
  // with the readings, if it agrees on at least half its syllables.
  if (known && std::get<0>(best_score) == 0 && std::get<2>(best_score) * 2 < -std::get<3>(best_score)) return std::nullopt;
  std::string out;
  size_t next = 0;
  for (size_t k = 0; k < words.size(); ++k) {
    if (k) out += ' ';
    if (next < romanized.size() && romanized[next] == k) {
      out += best_english[next] ? words[k].core : tongyong_word(best_choice[next]);
      ++next;
    } else {
      out += words[k].core;
    }
    out += words[k].tail;
  }
  return out;
}

std::string post_name_category(std::string_view chinese) {
  std::u32string s = to_u32(chinese);
  if (s.empty()) return "settlement";
  if (s.ends_with(U"大道") || s.back() == U'路' || s.back() == U'段') return "road";
  if (s.back() == U'街') return "street";
  if (s.back() == U'巷' || s.back() == U'弄') return "lane";
  return "settlement";
}

std::optional<std::string> machine_english(std::string_view chinese) {
  // Split after each unit character: 仕隆路 | 公館一巷. The Post writes the smallest unit first.
  std::u32string s = to_u32(chinese);
  std::vector<std::u32string> parts;
  std::u32string current;
  for (size_t i = 0; i < s.size(); ++i) {
    current += s[i];
    bool unit = s[i] == U'路' || s[i] == U'街' || s[i] == U'巷' || s[i] == U'弄' || s[i] == U'段' ||
                (s[i] == U'道' && i > 0 && s[i - 1] == U'大');
    if (unit && i + 1 < s.size()) {
      parts.push_back(current);
      current.clear();
    }
  }
  if (!current.empty()) {
    // A trailing part without a unit (中崎路速路邊: 速路邊) is one settlement name with the part before it.
    if (!parts.empty() && parts.size() > 1) {
      current = parts.back() + current;
      parts.pop_back();
    }
    parts.push_back(current);
  }
  std::vector<std::string> english;
  for (const auto& part : parts) {
    std::u32string p = part;
    std::string suffix;
    if (p.ends_with(U"大道")) suffix = "Blvd.", p.resize(p.size() - 2);
    else if (p.back() == U'路') suffix = "Rd.", p.pop_back();
    else if (p.back() == U'街') suffix = "St.", p.pop_back();
    else if (p.back() == U'巷') suffix = "Ln.", p.pop_back();
    else if (p.back() == U'弄') suffix = "Aly.", p.pop_back();
    else if (p.back() == U'段') suffix = "Sec.", p.pop_back();
    std::string direction;
    if (!suffix.empty() && p.size() > 1) {
      static const std::pair<char32_t, const char*> dirs[] = {{U'東', "E."}, {U'西', "W."}, {U'南', "S."}, {U'北', "N."}};
      for (auto [c, d] : dirs)
        if (p.back() == c) direction = d, p.pop_back();
    }
    std::string ordinal;
    size_t numeral = p.size();
    const size_t keep = suffix == "Sec." ? 0 : 1;  // 一段 is all numeral
    while (numeral > keep && is_chinese_numeral(p[numeral - 1])) --numeral;
    if (numeral < p.size() && !suffix.empty()) {
      std::string value = chinese_numeral_value(p.substr(numeral));
      p.resize(numeral);
      int n = std::stoi(value);
      int last = n % 10, tens = (n / 10) % 10;
      ordinal = value + (tens != 1 && last == 1 ? "st" : tens != 1 && last == 2 ? "nd" : tens != 1 && last == 3 ? "rd" : "th");
    }
    if (suffix == "Sec." && p.empty() && !ordinal.empty()) {
      english.push_back("Sec. " + ordinal.substr(0, ordinal.size() - 2));
      continue;
    }
    std::vector<const Syllable*> syllables = chinese_syllables(to_utf8(p));
    int han = 0;
    for (char32_t c : p) han += is_han(c) ? 1 : 0;
    if (syllables.empty() || static_cast<int>(syllables.size()) != han) return std::nullopt;
    std::string words = display_syllables(syllables, Romanization::tongyong);
    if (suffix == "Sec.") {
      english.push_back("Sec. " + (ordinal.empty() ? words : ordinal.substr(0, ordinal.size() - 2)));
      continue;
    }
    for (const std::string& w : {ordinal, direction, suffix})
      if (!w.empty()) words += " " + w;
    english.push_back(words);
  }
  std::string out;
  for (size_t k = english.size(); k-- > 0;) {
    if (!out.empty()) out += ", ";
    out += english[k];
  }
  return out;
}

}  // namespace takao
