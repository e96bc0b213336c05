// Chunghwa Post's 3+3 postal-code table (header ZIPCODE,CITY,AREA,ROAD,SCOOP): one row per house-number
// range of a road in a district. A CSV with this header in glossary/ is read as the postal table, not as a
// table of entries: it gives road entries their districts and postal codes, and addresses their code.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace takao {

// A house number, lane or alley as a (number, sub-number) pair: 5之1 is {5, 1}, 5 is {5, 0}.
struct PostalNumber {
  int n = 0;
  int sub = 0;
  auto operator<=>(const PostalNumber&) const = default;
};
inline constexpr int kAnySub = 1 << 30;  // "含附號": every sub-number of n

enum class PostalParity : uint8_t { any = 0, odd = 1, even = 2 };  // 連 (continuous) is any
enum class PostalKind : uint8_t { all = 0, exact = 1, at_least = 2, at_most = 3, between = 4 };

// One SCOOP read: 「10巷單 5號至 9號 2樓以上」 is lane 10, odd, between 5 and 9, floors 2 and up.
// The condition applies to the address's first unit after the fixed lane/alley: its lane, else its
// alley, else its house number (a road's lanes are numbered with its houses).
struct PostalRange {
  int lane = 0, alley = 0;  // the fixed prefix, 0 = none
  PostalParity parity = PostalParity::any;
  PostalKind kind = PostalKind::all;
  PostalNumber from, to;    // exact and at_least use from; at_most uses to; between both
  int floor_min = 0, floor_max = 0;  // 0 = no bound
  // How specific the range is, to choose among rows that all match: the fixed prefix, a floor bound,
  // then exact > between > one-sided > parity > all.
  int specificity() const;
  // Among ranges of the same specificity, the narrower wins: 「單 13號以下」 over 「單 221號以下」.
  int narrowness() const;
};

// nullopt when the text is not a range form this reader knows (the row is then "not judgeable").
std::optional<PostalRange> parse_postal_scoop(std::string_view scoop);

// The parts of an address that decide its code. Missing parts are 0; floor 0 means "not given" (read as
// the ground floor).
struct PostalAddress {
  int lane = 0, alley = 0;
  PostalNumber house;  // n 0 = no house number
  int floor = 0;
  bool basement = false;
};

bool postal_range_matches(const PostalRange& range, const PostalAddress& address);

struct PostalRow {
  std::string zip;       // six digits (three in a few rows of the Post's)
  std::string district;  // 前鎮區
  std::string road;      // 一心一路
  std::string scoop;     // as written, e.g. "單 239號至 243號 2樓以上"
  std::optional<PostalRange> range;
  int line = 0;
};

struct PostalTable {
  std::string display_path;
  std::vector<PostalRow> rows;  // in file order
};

// True when the first line of `bytes` (after a BOM) is the Post's header.
bool is_postal_table(std::string_view bytes);

// Reads the table; a row with a bad code or the wrong number of cells is an error; an unknown SCOOP a
// warning (the row is kept, not judgeable).
PostalTable read_postal_table(std::string_view bytes, const std::string& display_path, Diagnostics& diags);

// The code for an address among the rows of one road in one district: the one code when all rows share
// it; else the code of the most specific (then narrowest) matching rows when they agree; else nullopt (the table cannot
// decide: no row matches, or the most specific ones disagree).
std::optional<std::string> decide_postcode(const std::vector<const PostalRow*>& rows, const PostalAddress& address);

}  // namespace takao

namespace takao {

struct GlossaryEntry;
// Gives every entry named in the table its rows, postal codes and districts (ordered by their lowest
// code); an entry's own 行政區 stays its `district` when the table lists it, else the table's first.
void attach_postal(std::vector<GlossaryEntry>& entries, const PostalTable& table);

}  // namespace takao
