// Reads a built lookup index and answers queries with the matching and ranking of takao-lookup.mjs:
// exact approved name or Chinese, then exact variant, then prefix, then typo-tolerant, ties broken by
// key length, key kind and entry order. Files are read on demand, as the browser fetches them.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "lookup/address_parser.h"
#include "glossary/postal_table.h"
#include "lookup/lookup_fold.h"

namespace takao {

struct LookupHit {
  std::string zh, en, category, district, url;
  std::string source;                   // approved, post, machine (names); "" for addresses
  std::vector<std::string> districts;   // names: every district; addresses: none
  std::vector<std::string> postcodes;   // names: every six-digit code
  std::string postcode;                 // addresses: six digits, or three when the table cannot decide
  std::string note;                     // what was not found: see docs/INTERFACES.md
};

// Returns a file of the site by its path relative to the site root, or nullopt when it is missing.
using LookupFileReader = std::function<std::optional<std::string>(const std::string& path)>;

class LookupIndex {
 public:
  // Reads lookup/manifest.json; nullopt (with a message in `error`) when it is missing or malformed.
  static std::unique_ptr<LookupIndex> open(LookupFileReader read, std::string* error);

  // Best first; limit 0 = every match. An address comes first, translated, followed by the names it used.
  std::vector<LookupHit> query(std::string_view text, size_t limit);

  const FoldTables& fold_tables() const { return tables_; }

 private:
  struct RangeRow {
    size_t district = 0;
    PostalRow row;  // zip and range (district and road are not kept)
  };
  struct KeyFile {
    std::map<std::string, std::pair<size_t, size_t>> groups;
    std::vector<std::string> keys;
    std::vector<long> entries;
    std::string kinds;
  };
  LookupIndex() = default;
  const KeyFile* key_file(const std::string& group);
  const std::vector<std::string>* entry_row(long id);
  // `district`: the address's district (Chinese) so far; a road name several entries fold to is taken in it.
  std::optional<AddressName> find_address_name(const std::vector<FoldedToken>& tokens, size_t at, AddressPart part,
                                               const std::string& district = "");
  long exact_chinese(const std::string& folded, const std::string& district = "");
  using Rank = std::tuple<int, int, int, size_t, int, long>;  // tier, edits, derived, key length, kind, entry
  std::vector<std::pair<Rank, long>> rank(const std::string& folded, size_t limit);
  struct DistrictSplit {
    size_t district;
    std::string rest;  // the folded query without the district's words
  };
  std::vector<DistrictSplit> district_splits(const std::vector<FoldedToken>& tokens) const;
  const std::vector<RangeRow>* postal_ranges(long id);
  LookupHit entry_hit(long id);
  // The code of an address on road `road` in district `district` (index into districts_).
  std::pair<std::string, std::string> postcode_for(long road, size_t district, const PostalAddress& address);
  std::optional<LookupHit> english_address(std::string_view text, std::vector<long>& used);
  void load_readings();

  LookupFileReader read_;
  FoldTables tables_;
  std::vector<std::pair<std::string, std::string>> places_;  // folded zh -> English
  std::map<std::string, std::string> readings_;              // folded character -> Tongyong syllable
  std::string readings_path_;
  bool readings_loaded_ = false;
  struct District {
    std::string zh, en, zip3;
    std::vector<std::string> keys;
  };
  std::vector<District> districts_;
  std::map<std::string, size_t> district_keys_;  // folded key -> district
  std::vector<std::string> postal_paths_;
  std::map<size_t, std::map<long, std::vector<RangeRow>>> postal_files_;
  size_t entry_chunk_ = 128;
  long derived_from_ = -1;  // the first entry whose English is derived (post, machine); -1: none
  std::vector<std::string> entry_paths_;
  std::map<std::string, size_t> group_file_;
  std::vector<std::string> key_paths_;
  std::map<size_t, KeyFile> key_files_;
  std::map<size_t, std::vector<std::vector<std::string>>> entry_files_;
};

// Prefix edit distance (optimal string alignment, a swap of neighbours counts once) between `query` and the
// closest prefix of `key`, in UTF-16 code units as JavaScript counts; any value above `max` is max + 1.
int prefix_edit_distance(std::u16string_view query, std::u16string_view key, int max);

// The edits a query of this folded form tolerates: Latin 0 below 4 units, 1 below 8, else 2; a query
// with any other character 0 below 3 units, else 1.
int allowed_edits(std::u16string_view folded_query);

std::u16string to_u16(std::string_view utf8);

// The groups a typo-tolerant search reads: the query's own, and for Latin queries of 4 or more letters
// those it would have with its first two letters swapped or its second letter dropped (a typo there
// moves the query out of its group).
std::vector<std::string> fuzzy_groups(std::string_view folded_query);

}  // namespace takao
