#include "lookup/romanization.h"

#include <algorithm>
#include <climits>

#include "lookup/icu_transforms.h"
#include "lookup/lookup_fold.h"

namespace takao {

namespace {

struct Piece {
  const Syllable* syllable;
  int cost;  // 0 Tongyong, 1 Hanyu, 2 Wade-Giles: the city writes Tongyong, so that reading wins ties
};

std::optional<Piece> read_piece(const SyllableTable& table, std::string_view piece) {
  static const Romanization order[] = {Romanization::tongyong, Romanization::hanyu, Romanization::wade_giles};
  for (int cost = 0; cost < 3; ++cost) {
    auto rows = table.find(order[cost], piece);
    if (!rows.empty()) return Piece{rows.front(), cost};
  }
  return std::nullopt;
}

std::string ascii_letters(std::string_view word) {
  std::string out;
  for (unsigned char c : word) {
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c + 32);
    else if (c >= 'a' && c <= 'z') out += static_cast<char>(c);
    else if (c == '\'' || c == '-') continue;
    else return {};
  }
  return out;
}

// Every row a piece can stand for, Tongyong readings first (the city's system), then Hanyu, then
// Wade-Giles; rows repeated across systems are kept once.
std::vector<const Syllable*> piece_rows(const SyllableTable& table, std::string_view piece) {
  std::vector<const Syllable*> rows;
  for (Romanization r : {Romanization::tongyong, Romanization::hanyu, Romanization::wade_giles})
    for (const Syllable* s : table.find(r, piece))
      if (std::find(rows.begin(), rows.end(), s) == rows.end()) rows.push_back(s);
  return rows;
}

using Segmentation = std::vector<std::vector<const Syllable*>>;  // per syllable, the rows it may be

// Best segmentation for every syllable count: index k holds the cheapest split into k syllables.
std::vector<std::optional<Segmentation>> segmentations(std::string_view word, const SyllableTable& table) {
  const size_t n = word.size();
  std::vector<std::vector<int>> cost(n + 1, std::vector<int>(n + 1, INT_MAX));
  std::vector<std::vector<size_t>> back(n + 1, std::vector<size_t>(n + 1, 0));
  cost[0][0] = 0;
  for (size_t j = 0; j < n; ++j) {
    for (size_t k = 0; k <= j; ++k) {
      if (cost[k][j] == INT_MAX) continue;
      for (size_t l = 1; l <= table.longest() && j + l <= n; ++l) {
        auto piece = read_piece(table, word.substr(j, l));
        if (!piece) continue;
        int c = cost[k][j] + piece->cost;
        if (c < cost[k + 1][j + l]) {
          cost[k + 1][j + l] = c;
          back[k + 1][j + l] = j;
        }
      }
    }
  }
  std::vector<std::optional<Segmentation>> out(n + 1);
  for (size_t k = 1; k <= n; ++k) {
    if (cost[k][n] == INT_MAX) continue;
    Segmentation pieces(k);
    size_t j = n;
    for (size_t i = k; i > 0; --i) {
      size_t from = back[i][j];
      pieces[i - 1] = piece_rows(table, word.substr(from, j - from));
      j = from;
    }
    out[k] = std::move(pieces);
  }
  return out;
}

// Lines the syllables up with the best-agreeing run of the Chinese readings, and picks for each syllable
// the row that is the reading when it may be (Kao of Kaohsiung is Wade-Giles for gao), else its first
// row. Returns how many agree.
int align(const Segmentation& pieces, const std::vector<const Syllable*>& readings,
          std::vector<const Syllable*>& chosen) {
  chosen.clear();
  for (const auto& rows : pieces) chosen.push_back(rows.front());
  if (pieces.size() > readings.size()) return 0;
  int best = -1;
  size_t best_offset = 0;
  for (size_t offset = 0; offset + pieces.size() <= readings.size(); ++offset) {
    int same = 0;
    for (size_t i = 0; i < pieces.size(); ++i)
      same += std::find(pieces[i].begin(), pieces[i].end(), readings[offset + i]) != pieces[i].end();
    if (same > best) {
      best = same;
      best_offset = offset;
    }
  }
  for (size_t i = 0; i < pieces.size(); ++i) {
    const Syllable* reading = readings[best_offset + i];
    if (std::find(pieces[i].begin(), pieces[i].end(), reading) != pieces[i].end()) chosen[i] = reading;
  }
  return best;
}

bool is_suffix_word(const std::string& folded) {
  static const char* words[] = {"rd", "st", "blvd", "ave", "dist", "sec", "ln", "aly", "vil",
                                "no", "f", "rm", "n", "s", "e", "w"};
  for (const char* w : words)
    if (folded == w) return true;
  return false;
}

}  // namespace

std::optional<std::vector<const Syllable*>> segment_syllables(std::string_view word, int expected,
                                                              const SyllableTable& table) {
  std::string letters = ascii_letters(word);
  if (letters.empty()) return std::nullopt;
  auto all = segmentations(letters, table);
  auto first_rows = [](const Segmentation& pieces) {
    std::vector<const Syllable*> out;
    for (const auto& rows : pieces) out.push_back(rows.front());
    return out;
  };
  if (expected > 0 && static_cast<size_t>(expected) < all.size() && all[expected]) return first_rows(*all[expected]);
  for (auto& s : all)
    if (s) return first_rows(*s);
  return std::nullopt;
}

std::vector<const Syllable*> chinese_syllables(std::string_view chinese, const SyllableTable& table) {
  std::vector<const Syllable*> out;
  for (char32_t c : to_u32(chinese)) {
    std::string reading = han_reading(c);
    if (reading.empty()) continue;
    const Syllable* exact = nullptr;
    for (const Syllable* s : table.find(Romanization::hanyu, ascii_spelling(reading)))
      if (s->hanyu == reading) exact = s;
    if (exact) out.push_back(exact);
  }
  return out;
}

std::vector<NameWord> analyse_english(std::string_view english, std::string_view chinese) {
  static const FoldTables plain{{}, default_fold_words()};
  std::vector<const Syllable*> readings = chinese_syllables(chinese);
  std::vector<NameWord> words;
  size_t i = 0;
  while (i < english.size()) {
    while (i < english.size() && (english[i] == ' ' || english[i] == '\t')) ++i;
    size_t start = i;
    while (i < english.size() && english[i] != ' ' && english[i] != '\t') ++i;
    if (start == i) break;
    NameWord w;
    w.text = std::string(english.substr(start, i - start));
    w.folded = fold(w.text, plain);
    std::string letters = ascii_letters(w.text);
    if (!letters.empty() && letters == w.folded && !is_suffix_word(w.folded) && letters.size() > 1) {
      auto all = segmentations(letters, SyllableTable::builtin());
      // Of the splits, the one that agrees best with the Chinese reading; fewer syllables on a tie.
      int best_score = -1;
      std::vector<const Syllable*> chosen;
      for (auto& s : all) {
        if (!s) continue;
        int score = align(*s, readings, chosen);
        if (score > best_score) {
          best_score = score;
          w.syllables = chosen;
        }
      }
      // English words can split into syllables by chance ("Lake" = la-ke): without a reading that
      // agrees on at least half the syllables, the word is not taken for a romanized name.
      if (!readings.empty() && best_score * 2 < static_cast<int>(w.syllables.size())) w.syllables.clear();
    }
    words.push_back(std::move(w));
  }
  return words;
}

std::string chinese_core(std::string_view chinese) {
  static const std::u32string suffixes = U"路街區段巷弄里村東西南北";
  std::u32string s = to_u32(chinese);
  while (s.size() > 2) {
    if (s.size() > 3 && s.ends_with(U"大道")) {
      s.resize(s.size() - 2);
    } else if (suffixes.find(s.back()) != std::u32string::npos || is_chinese_numeral(s.back())) {
      s.pop_back();
    } else {
      break;
    }
  }
  return to_utf8(s);
}

std::string display_syllables(const std::vector<const Syllable*>& syllables, Romanization r) {
  std::string out;
  for (size_t i = 0; i < syllables.size(); ++i) {
    const std::string& s = syllables[i]->in(r);
    if (i > 0) {
      if (r == Romanization::wade_giles) out += '-';
      else if (!s.empty() && (s[0] == 'a' || s[0] == 'e' || s[0] == 'o')) out += '\'';
    }
    out += s;
  }
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

}  // namespace takao
