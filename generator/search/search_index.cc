// Query engine over the built index. Every step has its twin in takao-search.mjs (named in comments);
// change both together, and the shared cases in tests/cases/search-cases.json keep them equal.
#include "search/search_index.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "search/index_format.h"

namespace takao::search {
namespace {

constexpr size_t kMaxPrefixStems = 16;
// Excerpt windows, in bytes of the record, and the excerpt cut from them, in code points: the same
// constants as in takao-search.mjs.
constexpr uint32_t kHeaderProbe = 384;
constexpr uint32_t kWindowBefore = 48;
constexpr uint32_t kWindowAfter = 224;
constexpr uint32_t kWindowNoMatch = 272;
constexpr size_t kExcerptBefore = 16;
constexpr size_t kExcerptLength = 72;

std::vector<std::pair<char32_t, char32_t>> parse_pairs(const std::string& s) {
  std::u32string cps;
  decode_utf8(s, cps, nullptr);
  std::vector<std::pair<char32_t, char32_t>> pairs;
  for (size_t i = 0; i + 1 < cps.size(); i += 2) pairs.emplace_back(cps[i], cps[i + 1]);
  return pairs;
}

bool starts_with(std::u32string_view s, std::u32string_view p) { return s.size() >= p.size() && s.substr(0, p.size()) == p; }

// Trims a byte window to whole UTF-8 sequences and stops at the record padding (NUL).
std::string_view clean_window(std::string_view w) {
  size_t nul = w.find('\0');
  if (nul != std::string_view::npos) w = w.substr(0, nul);
  size_t start = 0;
  while (start < w.size() && start < 3 && (static_cast<unsigned char>(w[start]) & 0xC0) == 0x80) ++start;
  w = w.substr(start);
  size_t end = w.size();
  for (size_t back = 1; back <= 4 && back <= w.size(); ++back) {
    auto b = static_cast<unsigned char>(w[w.size() - back]);
    if ((b & 0xC0) == 0x80) continue;
    size_t need = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    if (need > back) end = w.size() - back;
    break;
  }
  return w.substr(0, end);
}

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

ReadFile read_from_folder(const std::string& site_root) {
  return [site_root](const std::string& path, uint64_t offset, uint64_t length) -> std::optional<std::string> {
    std::ifstream in(site_root + "/" + path, std::ios::binary);
    if (!in) return std::nullopt;
    in.seekg(0, std::ios::end);
    auto size = static_cast<uint64_t>(in.tellg());
    if (offset >= size) return std::string();
    uint64_t n = length == kWholeFile ? size - offset : std::min(length, size - offset);
    std::string bytes(n, '\0');
    in.seekg(static_cast<std::streamoff>(offset));
    in.read(bytes.data(), static_cast<std::streamsize>(n));
    return bytes;
  };
}

std::unique_ptr<SearchIndex> SearchIndex::open(ReadFile read, std::string* error) {
  auto fail = [&](std::string message) -> std::unique_ptr<SearchIndex> {
    if (error) *error = std::move(message);
    return nullptr;
  };
  std::optional<std::string> manifest_bytes = read("search/manifest.json", 0, kWholeFile);
  if (!manifest_bytes) return fail("no search index (search/manifest.json is missing)");
  nlohmann::json manifest = nlohmann::json::parse(*manifest_bytes, nullptr, false);
  if (manifest.is_discarded() || !manifest.is_object() || manifest.value("format", 0) != kFormatVersion)
    return fail("search/manifest.json is not a search index of format " + std::to_string(kFormatVersion));
  auto index = std::unique_ptr<SearchIndex>(new SearchIndex());
  try {
    index->read_ = std::move(read);
    index->dir_ = manifest.at("dir").get<std::string>();
    index->groups_ = manifest.at("groups").get<uint64_t>();
    index->slot_bytes_ = manifest.at("slot_bytes").get<uint32_t>();
    index->pos_unit_ = manifest.at("pos_unit").get<uint32_t>();
    index->record_packs_ = manifest.at("record_packs").get<std::vector<uint32_t>>();
    index->term_shards_ = std::max<uint64_t>(1, manifest.at("term_shards").get<uint64_t>());
    index->lexicon_buckets_ = std::max<uint64_t>(1, manifest.at("lexicon_buckets").get<uint64_t>());
    index->shards_per_pack_ = std::max<uint64_t>(1, manifest.at("shards_per_pack").get<uint64_t>());
    index->buckets_per_pack_ = std::max<uint64_t>(1, manifest.at("buckets_per_pack").get<uint64_t>());
    index->langs_ = manifest.at("langs").get<std::vector<std::string>>();
  } catch (const nlohmann::json::exception& e) {
    return fail(std::string("search/manifest.json: ") + e.what());
  }
  std::optional<std::string> fold_bytes = index->read_(index->dir_ + "fold.json", 0, kWholeFile);
  if (!fold_bytes) return fail("the search index has no fold.json");
  nlohmann::json fold = nlohmann::json::parse(*fold_bytes, nullptr, false);
  if (fold.is_discarded() || !fold.is_object()) return fail("fold.json is not JSON");
  index->folder_ = Folder(parse_pairs(fold.value("simplified", std::string())));
  return index;
}

// readPart() in JS: part n of the packs in folder (t/ or x/), by its two offsets then its bytes.
std::optional<std::string> SearchIndex::read_part(const std::string& folder, uint64_t part, uint64_t per_pack) const {
  std::string path = dir_ + folder + std::to_string(part / per_pack) + ".bin";
  std::optional<std::string> table = read_(path, 4 * (part % per_pack), 8);
  if (!table || table->size() < 8) return std::nullopt;
  uint32_t begin = get_u32le(*table, 0), end = get_u32le(*table, 4);
  if (end < begin) return std::nullopt;
  return read_(path, begin, end - begin);
}

// termList() in JS.
const SearchIndex::TermList& SearchIndex::term_list(const std::string& term) const {
  auto cached = term_cache_.find(term);
  if (cached != term_cache_.end()) return cached->second;
  TermList& list = term_cache_[term];
  uint64_t shard = fnv1a(term) % term_shards_;
  std::optional<std::string> bytes = read_part("t/", shard, shards_per_pack_);
  if (!bytes) return list;
  std::string_view data(*bytes);
  size_t p = 0;
  while (p < data.size()) {
    uint64_t len, df, size_flags, pack = 0, offset = 0;
    if (!get_varint(data, p, len) || p + len > data.size()) break;
    std::string_view key = data.substr(p, len);
    p += len;
    if (!get_varint(data, p, df) || !get_varint(data, p, size_flags)) break;
    uint64_t size = size_flags >> kFlagBits;
    auto flags = static_cast<uint32_t>(size_flags & ((1u << kFlagBits) - 1));
    std::string_view inline_list;
    if (flags & kListExternal) {
      if (!get_varint(data, p, pack) || !get_varint(data, p, offset)) break;
    } else {
      if (p + size > data.size()) break;
      inline_list = data.substr(p, size);
      p += size;
    }
    if (key != term) continue;
    std::string external;
    if (flags & kListExternal) {
      std::optional<std::string> got = read_(dir_ + "l/" + std::to_string(pack) + ".bin", offset, size);
      if (!got) return list;
      external = std::move(*got);
      inline_list = external;
    }
    list.found = true;
    list.df = df;
    list.flags = flags;
    size_t q = 0;
    uint64_t slot = 0;
    while (q < inline_list.size()) {
      uint64_t delta, pos = 0;
      uint32_t impact = 0, next = 0;
      if (!get_varint(inline_list, q, delta)) break;
      slot += delta;
      if (!(flags & kListBare)) {
        if (q >= inline_list.size()) break;
        impact = static_cast<unsigned char>(inline_list[q++]);
        if (!(flags & kListNoPos) && !get_varint(inline_list, q, pos)) break;
      }
      if (flags & kListNext) {
        if (q >= inline_list.size()) break;
        unsigned code = static_cast<unsigned char>(inline_list[q++]);
        if (code < kNextNone) {
          next = 1u << code;
        } else if (code == kNextMask) {
          if (q + 2 > inline_list.size()) break;
          next = static_cast<unsigned char>(inline_list[q]) | static_cast<unsigned char>(inline_list[q + 1]) << 8;
          q += 2;
        } else if (code != kNextNone) {
          break;
        }
      }
      list.postings.push_back({static_cast<uint32_t>(slot), impact, static_cast<uint32_t>(pos), next});
    }
    break;
  }
  return list;
}

// lexiconBucket() in JS.
const std::vector<SearchIndex::LexiconWord>& SearchIndex::lexicon_bucket(std::u32string_view word) const {
  uint64_t bucket = fnv1a(to_utf8(word.substr(0, 2))) % lexicon_buckets_;
  auto cached = lexicon_cache_.find(bucket);
  if (cached != lexicon_cache_.end()) return cached->second;
  std::vector<LexiconWord>& words = lexicon_cache_[bucket];
  std::optional<std::string> bytes = read_part("x/", bucket, buckets_per_pack_);
  if (!bytes) return words;
  nlohmann::json j = nlohmann::json::parse(*bytes, nullptr, false);
  if (!j.is_array()) return words;
  for (const auto& e : j) {
    if (!e.is_array() || e.size() != 3) continue;
    words.push_back({e[0].get<std::string>(), e[1].get<std::string>(), e[2].get<uint64_t>()});
  }
  return words;
}

std::optional<std::string> SearchIndex::lookup_stem(std::u32string_view word) const {
  std::string w = to_utf8(word);
  for (const LexiconWord& lw : lexicon_bucket(word))
    if (lw.word == w) return lw.stem;
  return std::nullopt;
}

// matchTerm() in JS.
std::vector<SearchIndex::Scored> SearchIndex::match_term(const QueryTerm& term) const {
  std::vector<Scored> out;
  if (term.phrase) {
    // Pieces of at most two characters; a piece followed by another character of the phrase must have
    // that character in its next-character mask.
    std::vector<std::string> grams;
    std::vector<uint32_t> need;  // mask bit each piece's posting must have, 0 for none
    if (term.text.size() <= 2) {
      grams.push_back(to_utf8(term.text));
      need.push_back(0);
    } else {
      for (size_t i = 0; i + 2 <= term.text.size(); ++i) {
        grams.push_back(to_utf8(term.text.substr(i, 2)));
        need.push_back(i + 2 < term.text.size() ? 1u << next_char_bit(term.text[i + 2]) : 0);
      }
    }
    std::vector<Posting> acc;
    for (size_t g = 0; g < grams.size(); ++g) {
      const TermList& list = term_list(grams[g]);
      if (!list.found) return out;
      if (g == 0) {
        for (const Posting& p : list.postings)
          if ((p.next & need[0]) == need[0]) acc.push_back(p);
        continue;
      }
      std::vector<Posting> next;
      size_t i = 0, j = 0;
      while (i < acc.size() && j < list.postings.size()) {
        if (acc[i].slot < list.postings[j].slot) {
          ++i;
        } else if (acc[i].slot > list.postings[j].slot) {
          ++j;
        } else if ((list.postings[j].next & need[g]) != need[g]) {
          ++j;
        } else {
          const Posting& a = acc[i];
          const Posting& b = list.postings[j];
          uint32_t pos = (a.pos == 0 || b.pos == 0) ? 0 : std::max(a.pos, b.pos);
          next.push_back({a.slot, std::min(a.impact, b.impact), pos});
          ++i;
          ++j;
        }
      }
      acc = std::move(next);
    }
    int64_t idf = integer_idf(acc.size(), groups_);
    for (const Posting& p : acc) out.push_back({p.slot, idf * p.impact, p.pos, 1});
    return out;
  }
  std::map<uint32_t, Scored> by_slot;
  auto add = [&](const TermList& list, bool halve) {
    int64_t idf = integer_idf(list.df, groups_);
    for (const Posting& p : list.postings) {
      int64_t s = idf * p.impact;
      if (halve) s >>= 1;
      auto it = by_slot.find(p.slot);
      if (it == by_slot.end()) {
        by_slot.emplace(p.slot, Scored{p.slot, s, p.pos, 1});
      } else if (s > it->second.score) {
        it->second.score = s;
        it->second.pos = p.pos;
      }
    }
  };
  std::optional<std::string> stem = lookup_stem(term.text);
  if (stem) {
    const TermList& list = term_list(*stem);
    if (list.found) add(list, false);
  }
  if (term.prefix) {
    std::string w = to_utf8(term.text);
    std::vector<std::pair<uint64_t, std::string>> stems;  // (df, stem)
    for (const LexiconWord& lw : lexicon_bucket(term.text)) {
      if (lw.word.size() <= w.size() || lw.word.compare(0, w.size(), w) != 0) continue;
      if (stem && lw.stem == *stem) continue;
      if (std::any_of(stems.begin(), stems.end(), [&](const auto& s) { return s.second == lw.stem; })) continue;
      stems.emplace_back(lw.df, lw.stem);
    }
    std::sort(stems.begin(), stems.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    if (stems.size() > kMaxPrefixStems) stems.resize(kMaxPrefixStems);
    for (const auto& [df, s] : stems) {
      const TermList& list = term_list(s);
      if (list.found) add(list, true);
    }
  }
  for (auto& [slot, scored] : by_slot) out.push_back(scored);
  return out;
}

std::vector<bool> SearchIndex::filter_member(const std::string& term, const std::vector<Scored>& docs) const {
  const TermList& list = term_list(term);
  std::vector<bool> member(docs.size(), false);
  if (!list.found) return member;
  bool negated = list.flags & kListNegated;
  for (size_t i = 0; i < docs.size(); ++i) {
    bool listed = std::binary_search(list.postings.begin(), list.postings.end(), Posting{docs[i].slot, 0, 0},
                                     [](const Posting& a, const Posting& b) { return a.slot < b.slot; });
    member[i] = listed != negated;
  }
  return member;
}

// search() in JS.
SearchPage SearchIndex::search(std::string_view query, const SearchOptions& options) const {
  SearchPage page;
  std::vector<QueryTerm> terms = parse_query(query, folder_);
  if (terms.empty()) return page;

  std::vector<std::vector<Scored>> lists;
  for (const QueryTerm& t : terms) lists.push_back(match_term(t));
  // Every term (phrases exactly): the sum of the terms' scores.
  std::vector<Scored> docs = lists[0];
  for (size_t t = 1; t < lists.size(); ++t) {
    std::vector<Scored> next;
    size_t i = 0, j = 0;
    while (i < docs.size() && j < lists[t].size()) {
      if (docs[i].slot < lists[t][j].slot) {
        ++i;
      } else if (docs[i].slot > lists[t][j].slot) {
        ++j;
      } else {
        Scored s = docs[i];
        s.score += lists[t][j].score;
        uint32_t p = lists[t][j].pos;
        if (p && (!s.pos || p < s.pos)) s.pos = p;
        s.matched += 1;
        next.push_back(s);
        ++i;
        ++j;
      }
    }
    docs = std::move(next);
  }
  // Nothing has it all: pages with some of the parts (a phrase's two-character pieces, each word).
  if (docs.empty()) {
    std::vector<QueryTerm> parts;
    for (const QueryTerm& t : terms) {
      std::vector<QueryTerm> pieces;
      if (t.phrase && t.text.size() >= 3) {
        for (size_t i = 0; i + 2 <= t.text.size(); ++i) pieces.push_back({true, t.text.substr(i, 2), false});
      } else {
        pieces.push_back(t);
      }
      for (QueryTerm& p : pieces)
        if (std::find(parts.begin(), parts.end(), p) == parts.end()) parts.push_back(std::move(p));
    }
    if (parts.size() > 1) {
      std::map<uint32_t, Scored> by_slot;
      for (const QueryTerm& part : parts) {
        for (const Scored& s : match_term(part)) {
          auto [it, inserted] = by_slot.emplace(s.slot, s);
          if (inserted) continue;
          it->second.score += s.score;
          it->second.matched += 1;
          if (s.pos && (!it->second.pos || s.pos < it->second.pos)) it->second.pos = s.pos;
        }
      }
      for (auto& [slot, s] : by_slot) docs.push_back(s);
      page.partial = !docs.empty();
    }
  }
  // Filters.
  auto keep = [&](const std::string& term) {
    std::vector<bool> member = filter_member(term, docs);
    std::vector<Scored> kept;
    for (size_t i = 0; i < docs.size(); ++i)
      if (member[i]) kept.push_back(docs[i]);
    docs = std::move(kept);
  };
  if (!options.lang.empty()) keep("lang:" + options.lang);
  if (!options.collection.empty()) keep("collection:" + options.collection);
  if (options.year) keep("year:" + std::to_string(options.year));
  std::sort(docs.begin(), docs.end(), [](const Scored& a, const Scored& b) {
    if (a.matched != b.matched) return a.matched > b.matched;
    if (a.score != b.score) return a.score > b.score;
    return a.slot < b.slot;
  });
  // Each group stands for one page per language it has.
  std::vector<uint32_t> counts(docs.size(), 1);
  if (options.lang.empty()) {
    std::fill(counts.begin(), counts.end(), 0);
    for (const std::string& lang : langs_) {
      std::vector<bool> member = filter_member("lang:" + lang, docs);
      for (size_t i = 0; i < docs.size(); ++i) counts[i] += member[i];
    }
    for (uint32_t& c : counts) c = std::max<uint32_t>(c, 1);
  }
  for (uint32_t c : counts) page.total += c;
  size_t begin = options.offset;
  size_t end = options.limit == 0 ? page.total : std::min(page.total, begin + options.limit);
  size_t at = 0;
  for (size_t i = 0; i < docs.size() && at < end; ++i) {
    for (uint32_t m = 0; m < counts[i]; ++m, ++at) {
      if (at < begin || at >= end) continue;
      SearchResult r = make_result(docs[i].slot, docs[i].pos, m, options.lang, terms);
      r.score = docs[i].score;
      page.results.push_back(std::move(r));
    }
  }
  return page;
}

// resultFor() in JS.
SearchResult SearchIndex::make_result(uint32_t slot, uint32_t pos, size_t member, const std::string& lang,
                                      const std::vector<QueryTerm>& terms) const {
  SearchResult r;
  auto pack_it = std::upper_bound(record_packs_.begin(), record_packs_.end(), slot);
  size_t pack = pack_it == record_packs_.begin() ? 0 : static_cast<size_t>(pack_it - record_packs_.begin() - 1);
  std::string path = dir_ + "r/" + std::to_string(pack) + ".bin";
  uint64_t start = static_cast<uint64_t>(slot - record_packs_[pack]) * slot_bytes_;
  std::optional<std::string> head = read_(path, start, kHeaderProbe);
  if (!head || head->size() < 2) return r;
  size_t header_length = static_cast<unsigned char>((*head)[0]) | (static_cast<unsigned char>((*head)[1]) << 8);
  std::string header = head->substr(2, header_length);
  if (header.size() < header_length) {
    std::optional<std::string> more = read_(path, start + 2, header_length);
    if (more) header = *more;
  }
  nlohmann::json h = nlohmann::json::parse(header, nullptr, false);
  if (!h.is_object()) return r;
  std::vector<nlohmann::json> members;
  for (const auto& m : h.value("m", nlohmann::json::array()))
    if (m.is_array() && m.size() == 4 && (lang.empty() || m[1] == lang)) members.push_back(m);
  if (member < members.size()) {
    const auto& m = members[member];
    r.url = m[0].get<std::string>();
    r.lang = m[1].get<std::string>();
    r.title = m[2].get<std::string>();
    r.date = m[3].get<std::string>();
  }
  r.collection = h.value("c", std::string());
  if (h.contains("p") && h["p"].is_number_integer()) r.page = h["p"].get<int>();
  uint64_t text_start = start + 2 + header_length;
  uint64_t w0 = text_start, w1 = text_start + kWindowNoMatch;
  if (pos > 0) {
    uint64_t m = start + static_cast<uint64_t>(pos - 1) * pos_unit_;
    w0 = std::max(text_start, m >= kWindowBefore ? m - kWindowBefore : 0);
    w1 = m + kWindowAfter;
  }
  std::optional<std::string> window = read_(path, w0, w1 - w0);
  std::vector<std::string> stems;
  for (const QueryTerm& t : terms) stems.push_back(t.phrase ? std::string() : lookup_stem(t.text).value_or(""));
  make_excerpt(window ? clean_window(*window) : std::string_view(), terms, stems, folder_, r.excerpt, r.ranges);
  return r;
}

// excerptFrom() in JS.
void make_excerpt(std::string_view window, const std::vector<QueryTerm>& terms,
                  const std::vector<std::string>& stems, const Folder& folder, std::string& excerpt,
                  std::vector<std::pair<size_t, size_t>>& ranges) {
  std::u32string raw;
  decode_utf8(window, raw, nullptr);
  std::u32string cps;  // whitespace runs collapsed, trimmed
  for (char32_t c : raw) {
    if (is_space(c)) {
      if (!cps.empty() && cps.back() != ' ') cps.push_back(' ');
    } else {
      cps.push_back(c);
    }
  }
  if (!cps.empty() && cps.back() == ' ') cps.pop_back();
  std::u32string folded;
  std::vector<size_t> source;
  for (size_t i = 0; i < cps.size(); ++i) {
    size_t before = folded.size();
    folder.fold(cps[i], folded);
    source.resize(folded.size(), i);
    (void)before;
  }
  std::vector<std::pair<size_t, size_t>> matches;
  std::vector<TextRun> runs = text_runs(folded);
  for (size_t t = 0; t < terms.size(); ++t) {
    const QueryTerm& term = terms[t];
    if (term.phrase) {
      size_t n = term.text.size();
      for (size_t i = 0; n && i + n <= folded.size(); ++i)
        if (std::u32string_view(folded).substr(i, n) == term.text) matches.emplace_back(source[i], source[i + n - 1] + 1);
      continue;
    }
    std::u32string stem;
    decode_utf8(stems[t], stem, nullptr);
    for (const TextRun& run : runs) {
      if (run.cls != CharClass::word) continue;
      std::u32string_view w = std::u32string_view(folded).substr(run.begin, std::min(run.end - run.begin, kMaxWordLength));
      if (w == term.text || (!stem.empty() && starts_with(w, stem)) || (term.prefix && starts_with(w, term.text)))
        matches.emplace_back(source[run.begin], source[run.end - 1] + 1);
    }
  }
  size_t first = cps.size();
  for (const auto& m : matches) first = std::min(first, m.first);
  if (first == cps.size()) first = 0;
  size_t a = first > kExcerptBefore ? first - kExcerptBefore : 0;
  size_t b = std::min(cps.size(), a + kExcerptLength);
  excerpt = to_utf8(std::u32string_view(cps).substr(a, b - a));
  std::vector<std::pair<size_t, size_t>> clipped;
  for (const auto& [s, e] : matches) {
    size_t cs = std::max(s, a), ce = std::min(e, b);
    if (cs < ce) clipped.emplace_back(cs - a, ce - a);
  }
  std::sort(clipped.begin(), clipped.end());
  std::vector<std::pair<size_t, size_t>> merged;
  for (const auto& m : clipped) {
    if (!merged.empty() && m.first <= merged.back().second) {
      merged.back().second = std::max(merged.back().second, m.second);
    } else {
      merged.push_back(m);
    }
  }
  // Code points to UTF-16 code units, as the DOM counts.
  std::vector<size_t> utf16(b - a + 1, 0);
  for (size_t i = 0; i < b - a; ++i) utf16[i + 1] = utf16[i] + (cps[a + i] >= 0x10000 ? 2 : 1);
  ranges.clear();
  for (const auto& [s, e] : merged) ranges.emplace_back(utf16[s], utf16[e]);
}

}  // namespace takao::search
