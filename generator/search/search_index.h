// The query engine over a built index (index_format.h), in C++ for `takao search` and the shared test
// cases. It mirrors takao-search.mjs step by step, so both return the same results in the same order.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "search/search_fold.h"
#include "search/search_text.h"

namespace takao::search {

// Reads `length` bytes at `offset` of an index file (path relative to the site root), or the whole file
// when length is npos; fewer bytes when the file ends first; nullopt when the file does not exist.
using ReadFile = std::function<std::optional<std::string>(const std::string& path, uint64_t offset, uint64_t length)>;
inline constexpr uint64_t kWholeFile = ~0ull;

// Reads from a site folder on disk.
ReadFile read_from_folder(const std::string& site_root);

struct SearchOptions {
  size_t limit = 10;  // 0: every match
  size_t offset = 0;
  std::string lang;        // "" for every language
  std::string collection;  // "" for every collection
  int year = 0;            // 0 for every year
};

struct SearchResult {
  std::string url, title, lang, collection, date;
  std::string excerpt;
  std::vector<std::pair<size_t, size_t>> ranges;  // matches in the excerpt, UTF-16 code units [start, end)
  int64_t score = 0;
  int page = 0;  // a page of a PDF: its number (url ends in "#page=N")
};

struct SearchPage {
  std::vector<SearchResult> results;
  size_t total = 0;      // matches before offset and limit
  bool partial = false;  // no page had every term: these pages have some of them
};

struct Posting {
  uint32_t slot;
  uint32_t impact;
  uint32_t pos;
  uint32_t next = 0;  // two-character pieces: next-character mask (index_format.h)
};

class SearchIndex {
 public:
  // Reads search/manifest.json and the folding table; nullopt (and a message) when there is no index.
  static std::unique_ptr<SearchIndex> open(ReadFile read, std::string* error);

  SearchPage search(std::string_view query, const SearchOptions& options) const;
  const std::vector<std::string>& langs() const { return langs_; }

 private:
  struct TermList {
    bool found = false;
    uint64_t df = 0;
    uint32_t flags = 0;
    std::vector<Posting> postings;  // for bare lists: impact and pos are 0
  };
  struct Scored {
    uint32_t slot;
    int64_t score;
    uint32_t pos;
    uint32_t matched;
  };
  struct LexiconWord {
    std::string word, stem;
    uint64_t df;
  };
  std::optional<std::string> read_part(const std::string& folder, uint64_t part, uint64_t per_pack) const;
  const TermList& term_list(const std::string& term) const;
  const std::vector<LexiconWord>& lexicon_bucket(std::u32string_view word) const;
  std::optional<std::string> lookup_stem(std::u32string_view word) const;
  std::vector<Scored> match_term(const QueryTerm& term) const;
  std::vector<bool> filter_member(const std::string& term, const std::vector<Scored>& docs) const;
  SearchResult make_result(uint32_t slot, uint32_t pos, size_t member, const std::string& lang,
                           const std::vector<QueryTerm>& terms) const;

  ReadFile read_;
  std::string dir_;
  uint64_t groups_ = 0;
  uint32_t slot_bytes_ = 512, pos_unit_ = 32;
  std::vector<uint32_t> record_packs_;
  uint64_t term_shards_ = 1, lexicon_buckets_ = 1, shards_per_pack_ = 1, buckets_per_pack_ = 1;
  std::vector<std::string> langs_;
  Folder folder_;
  mutable std::map<std::string, TermList> term_cache_;
  mutable std::map<uint64_t, std::vector<LexiconWord>> lexicon_cache_;
};

// Builds the excerpt of a record text window: shared logic with the JS module (excerptFrom).
void make_excerpt(std::string_view window, const std::vector<QueryTerm>& terms,
                  const std::vector<std::string>& stems, const Folder& folder, std::string& excerpt,
                  std::vector<std::pair<size_t, size_t>>& ranges);

}  // namespace takao::search
