// Index writer: groups pages with identical indexed content, lays out the excerpt records, counts the
// terms of each group in parallel, then merges them into term shards, list packs and a lexicon.
#include "search/index_writer.h"

#include <libstemmer.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "core/heap.h"
#include "core/parallel.h"
#include "core/step_timer.h"
#include "search/index_format.h"
#include "search/search_text.h"

namespace takao {

OutputFiles write_search_index(const SearchDocuments& docs) { return search::write_search_index(docs, 0); }

namespace search {
namespace {

// TAKAO_SEARCH_DOCUMENTS=FILE: the documents as indexed, as JSON (bench/search/run greps them).
void dump_documents(const SearchDocuments& docs) {
  const char* path = std::getenv("TAKAO_SEARCH_DOCUMENTS");
  if (!path || !*path) return;
  auto t0 = std::chrono::steady_clock::now();
  nlohmann::json all = nlohmann::json::array();
  for (const SearchDocument& d : docs)
    all.push_back({{"url", d.url}, {"lang", d.lang}, {"collection", d.collection}, {"title", d.title},
                   {"title_alt", d.title_alt}, {"authors", d.authors}, {"keywords", d.keywords},
                   {"abstract", d.abstract}, {"body", d.body()}, {"date", d.date}, {"year", d.year}, {"page", d.page}});
  std::ofstream out(path, std::ios::binary);
  out << nlohmann::json{{"documents", all}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out.close();
  // Not an index stage: bench/search/run takes it off the build's wall time.
  std::fprintf(stderr, "search documents dump: %.1f ms\n",
               std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
}
}  // namespace
}  // namespace search

namespace search {
namespace {

constexpr int kFields = 4;  // title, meta (authors, keywords), abstract, body
constexpr double kWeights[kFields] = {kWeightTitle, kWeightMeta, kWeightAbstract, kWeightBody};
constexpr size_t kPartitions = 64;
constexpr uint64_t kWordBit = 1ull << 63;

struct Group {
  std::vector<const SearchDocument*> members;  // in url order
  std::string header;
  uint32_t slot = 0;
  uint32_t text_base = 0;    // offset of the text in the record
  uint32_t body_offset = 0;  // offset of the body in the text
  double length[kFields] = {0, 0, 0, 0};
};

const SearchDocument& first(const Group& g) { return *g.members.front(); }

std::string field_text(const SearchDocument& d, int field) {
  if (d.page > 0 && field != 3) return "";  // a PDF page: only its text (the title is its document's)
  switch (field) {
    case 0: return d.title + "\n" + d.title_alt;
    case 1: return d.authors + "\n" + d.keywords;
    case 2: return d.abstract;
    default: return std::string(d.body());
  }
}

// The abstract's paragraphs as a sorted list: a page and its twin carry both abstracts, each its own first.
std::vector<std::string_view> abstract_lines(const std::string& abstract) {
  std::vector<std::string_view> lines;
  std::string_view rest(abstract);
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    lines.push_back(rest.substr(0, nl));
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

bool same_content(const SearchDocument& a, const SearchDocument& b) {
  auto titles = [](const SearchDocument& d) { return std::minmax(d.title, d.title_alt); };
  return a.body() == b.body() && a.authors == b.authors && a.keywords == b.keywords && a.collection == b.collection &&
         a.year == b.year && a.page == b.page && titles(a) == titles(b) && abstract_lines(a.abstract) == abstract_lines(b.abstract);
}

std::string cut_utf8(const std::string& s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

// Pages whose indexed text is the same (a Chinese page and its English page that carries the Chinese body)
// share one index entry; their members keep their own url, language, title and date.
std::vector<Group> group_documents(const SearchDocuments& docs) {
  std::vector<Group> groups;
  std::unordered_map<size_t, std::vector<size_t>> by_hash;
  for (const SearchDocument& d : docs) {
    auto [lo, hi] = std::minmax(d.title, d.title_alt);
    size_t h = std::hash<std::string_view>{}(d.body());
    for (const std::string* s : {&d.authors, &d.keywords, &d.collection, &lo, &hi})
      h = h * 1000003u ^ std::hash<std::string_view>{}(*s);
    size_t abstract_hash = 0;  // order-free over the lines
    for (std::string_view line : abstract_lines(d.abstract)) abstract_hash += std::hash<std::string_view>{}(line);
    h = h * 1000003u ^ abstract_hash;
    h ^= static_cast<size_t>(d.year) * 0x9E3779B97F4A7C15ull;
    std::vector<size_t>& candidates = by_hash[h];
    Group* target = nullptr;
    for (size_t gi : candidates) {
      Group& g = groups[gi];
      bool lang_taken = std::any_of(g.members.begin(), g.members.end(),
                                    [&](const SearchDocument* m) { return m->lang == d.lang; });
      if (!lang_taken && same_content(first(g), d)) {
        target = &g;
        break;
      }
    }
    if (!target) {
      candidates.push_back(groups.size());
      groups.emplace_back();
      target = &groups.back();
    }
    target->members.push_back(&d);
  }
  for (Group& g : groups) {
    std::sort(g.members.begin(), g.members.end(),
              [](const SearchDocument* a, const SearchDocument* b) { return std::tie(a->url, a->lang) < std::tie(b->url, b->lang); });
  }
  std::sort(groups.begin(), groups.end(),
            [](const Group& a, const Group& b) { return first(a).url < first(b).url; });
  return groups;
}

std::string record_text(const SearchDocument& d) {
  if (d.abstract.empty()) return std::string(d.body());
  return d.abstract + "\n\n" + std::string(d.body());
}

// Where the record packs start: pack i holds the groups [group[i], group[i + 1]) on the slots
// [slot[i], slot[i + 1]).
struct PackLayout {
  std::vector<uint32_t> slot;
  std::vector<size_t> group;
};

// One record pack: each group's header and text on its slots, zeros between them.
std::string record_pack(const std::vector<Group>& groups, const PackLayout& layout, size_t pack) {
  std::string out;
  out.reserve(static_cast<size_t>(layout.slot[pack + 1] - layout.slot[pack]) * kSlotBytes);
  for (size_t gi = layout.group[pack]; gi < layout.group[pack + 1]; ++gi) {
    const Group& g = groups[gi];
    out.resize(static_cast<size_t>(g.slot - layout.slot[pack]) * kSlotBytes, '\0');
    out.push_back(static_cast<char>(g.header.size() & 0xFF));
    out.push_back(static_cast<char>(g.header.size() >> 8));
    out += g.header;
    out += record_text(first(g));
  }
  return out;
}

// A small open-addressing table of the terms of one group, reused from group to group.
struct TermCounts {
  struct Slot {
    uint64_t key;
    uint8_t tf[kFields];  // saturates at 255: BM25 has long saturated by then
    uint32_t first;       // record offset + 1 of the first occurrence in the text, 0 when none
    uint16_t next;        // two-character pieces: next_char_bit of the characters that follow
  };
  std::vector<Slot> slots;
  std::vector<uint32_t> used;  // slot indexes in insertion order
  uint64_t mask = 0;
  int shift = 58;

  void reset(size_t max_terms) {
    for (uint32_t i : used) slots[i].key = 0;
    used.clear();
    size_t cap = 64;
    while (cap < max_terms * 2) cap <<= 1;
    if (slots.size() < cap) {
      slots.assign(cap, Slot{0, {0, 0, 0, 0}, 0, 0});
    }
    mask = cap - 1;
    shift = 64 - __builtin_ctzll(cap);  // the product's high bits: its low bits only see the key's low bits
  }
  void add(uint64_t key, int field, uint32_t first, uint16_t next = 0) {
    uint64_t i = (key * 0x9E3779B97F4A7C15ull) >> shift;
    for (;; ++i) {
      Slot& s = slots[i & mask];
      if (s.key == key) {
        if (s.tf[field] < 0xFF) ++s.tf[field];
        if (first && !s.first) s.first = first;
        s.next |= next;
        return;
      }
      if (s.key == 0) {
        s.key = key;
        s.tf[0] = s.tf[1] = s.tf[2] = s.tf[3] = 0;
        s.tf[field] = 1;
        s.first = first;
        s.next = next;
        used.push_back(static_cast<uint32_t>(i & mask));
        return;
      }
    }
  }
};

// One term in one group, as read back from a chunk's packed stream.
struct Tuple {
  uint64_t key;
  uint32_t slot_impact;  // slot << 8 | impact (slots < 2^24: 8 GB of records)
  uint16_t pos;
  uint16_t next;
};
constexpr uint32_t kMaxSlots = 1u << 24;

// The tuples of a chunk, packed: one byte stream per partition, in group order, freed as soon as its
// partition is merged. A tuple is: varint term code (stem id << 1 | 1 for a word, gram id << 1 for a
// piece of CJK text; gram ids are local to the chunk and partition), varint slot delta from the stream's
// previous tuple, impact byte, varint pos when the term has positions, varint next mask for two-character
// pieces. About 8 bytes a tuple instead of 16: the tuples of all chunks are in memory at once.
struct ChunkOut {
  std::string part[kPartitions];
  std::vector<uint64_t> grams[kPartitions];  // per partition: local gram id -> gram key
  std::vector<std::string> stems;                      // chunk-local stem ids
  std::vector<std::pair<std::string, uint32_t>> words;  // word -> local stem id
  std::vector<char32_t> cjk_chars;                     // folded CJK characters seen
};

uint64_t gram_key(const char32_t* c, int n) {
  uint64_t k = static_cast<uint64_t>(n) << 60;
  for (int i = 0; i < n; ++i) k |= static_cast<uint64_t>(c[i] & 0xFFFFF) << (40 - 20 * i);
  return k;
}

std::string gram_bytes(uint64_t key) {
  int n = static_cast<int>(key >> 60);
  std::string out;
  for (int i = 0; i < n; ++i) append_utf8(out, static_cast<char32_t>((key >> (40 - 20 * i)) & 0xFFFFF));
  return out;
}

size_t partition_of_gram(uint64_t key) { return (key * 0x9E3779B97F4A7C15ull) >> 58; }
size_t partition_of_stem(const std::string& stem) { return fnv1a(stem) % kPartitions; }

struct Stemmer {
  sb_stemmer* s = sb_stemmer_new("english", "UTF_8");
  ~Stemmer() {
    if (s) sb_stemmer_delete(s);
  }
  std::string stem(const std::string& word) {
    bool has_digit = std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!s || has_digit) return word;
    const sb_symbol* r = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
    if (!r) return word;
    return std::string(reinterpret_cast<const char*>(r), static_cast<size_t>(sb_stemmer_length(s)));
  }
};

// Impacts: with PDF pages in the index, a site page's impact is 128-255 and a PDF page's 1-127, so that for
// the same terms (the same idf) every page of the site ranks above every PDF page: a phrase in a
// document's own page finds that page first, its PDF's pages after. Without PDF pages, 1-255.
long quantise_impact(double sat, bool tiers, bool pdf_page) {
  if (!tiers) return std::clamp(std::lround(sat * 255), 1L, 255L);
  if (pdf_page) return std::clamp(1 + std::lround(sat * 126), 1L, 127L);
  return std::clamp(128 + std::lround(sat * 127), 128L, 255L);
}

void count_chunk(const std::vector<Group>& groups, size_t begin, size_t end, const double (*avgs)[kFields],
                 bool tiers, ChunkOut& out, uint32_t chunk_index) {
  Folder folder;
  Stemmer stemmer;
  TermCounts counts;
  FoldedText ft;
  std::unordered_map<std::string, uint32_t> word_ids;
  std::unordered_map<std::string, uint32_t> stem_ids;
  std::vector<uint8_t> stem_parts;  // partition of each chunk-local stem
  std::vector<uint8_t> seen(0x32000, 0);
  std::string streams[kPartitions];
  uint32_t last_slot[kPartitions] = {};
  // Gram ids: open addressing on the key; a cell holds partition << 26 | local id, plus 1.
  std::vector<uint32_t> gram_table(1024, 0);
  int gram_shift = 64 - 10;
  size_t gram_count = 0;
  constexpr uint64_t kGramMix = 0xD6E8FEB86659FD93ull;
  auto gram_id = [&](uint64_t key, size_t part) -> uint32_t {
    for (uint64_t i = (key * kGramMix) >> gram_shift;; ++i) {
      uint32_t& cell = gram_table[i & (gram_table.size() - 1)];
      if (cell == 0) {
        std::vector<uint64_t>& grams = out.grams[part];
        if (grams.size() >= (1u << 26) - 1) throw std::length_error("search index: too many terms in a chunk");
        grams.push_back(key);
        cell = static_cast<uint32_t>(part << 26 | (grams.size() - 1)) + 1;
        uint32_t id = static_cast<uint32_t>(grams.size() - 1);
        if (++gram_count * 2 > gram_table.size()) {
          std::vector<uint32_t> bigger(gram_table.size() * 2, 0);
          gram_shift -= 1;
          for (uint32_t p = 0; p < kPartitions; ++p) {
            for (uint32_t b = 0; b < out.grams[p].size(); ++b) {
              for (uint64_t j = (out.grams[p][b] * kGramMix) >> gram_shift;; ++j) {
                uint32_t& c = bigger[j & (bigger.size() - 1)];
                if (c == 0) {
                  c = (p << 26 | b) + 1;
                  break;
                }
              }
            }
          }
          gram_table.swap(bigger);
        }
        return id;
      }
      uint32_t v = cell - 1;
      if ((v >> 26) == part && out.grams[part][v & ((1u << 26) - 1)] == key) return v & ((1u << 26) - 1);
    }
  };
  auto put = [](std::string& o, uint64_t v) {
    while (v >= 0x80) {
      o.push_back(static_cast<char>((v & 0x7F) | 0x80));
      v >>= 7;
    }
    o.push_back(static_cast<char>(v));
  };
  for (size_t gi = begin; gi < end; ++gi) {
    const Group& g = groups[gi];
    const SearchDocument& d = first(g);
    const double* avg = avgs[d.page > 0];
    size_t bound = 16;
    std::string texts[kFields];
    for (int f = 0; f < kFields; ++f) {
      texts[f] = field_text(d, f);
      // At most two pieces start at a character, and a CJK character takes three bytes.
      bound += texts[f].size();
    }
    counts.reset(std::min<size_t>(bound, 1u << 22));
    for (int f = 0; f < kFields; ++f) {
      fold_text(texts[f], folder, ft);
      uint32_t base = 0;
      bool in_text = f >= 2;
      if (f == 2) base = g.text_base;
      if (f == 3) base = g.text_base + g.body_offset;
      for (const TextRun& run : text_runs(ft.cps)) {
        if (run.cls == CharClass::cjk) {
          for (size_t i = run.begin; i < run.end; ++i) {
            char32_t c = ft.cps[i];
            if (c < seen.size()) seen[c] = 1;
            uint32_t first = in_text ? base + ft.offsets[i] + 1 : 0;
            counts.add(gram_key(&ft.cps[i], 1), f, first);
            if (i + 1 < run.end) {
              uint16_t next = i + 2 < run.end ? static_cast<uint16_t>(1u << next_char_bit(ft.cps[i + 2])) : 0;
              counts.add(gram_key(&ft.cps[i], 2), f, first, next);
            }
          }
        } else {
          size_t len = std::min(run.end - run.begin, kMaxWordLength);
          std::string word = to_utf8(std::u32string_view(ft.cps).substr(run.begin, len));
          auto it = word_ids.find(word);
          if (it == word_ids.end()) {
            std::string stem = stemmer.stem(word);
            auto [sit, inserted] = stem_ids.emplace(stem, static_cast<uint32_t>(out.stems.size()));
            if (inserted) {
              out.stems.push_back(stem);
              stem_parts.push_back(static_cast<uint8_t>(partition_of_stem(stem)));
            }
            it = word_ids.emplace(word, sit->second).first;
            out.words.emplace_back(word, sit->second);
          }
          uint64_t key = kWordBit | (static_cast<uint64_t>(chunk_index) << 32) | it->second;
          counts.add(key, f, in_text ? base + ft.offsets[run.begin] + 1 : 0);
        }
      }
    }
    for (uint32_t si : counts.used) {
      const TermCounts::Slot& s = counts.slots[si];
      double tfn = 0;
      for (int f = 0; f < kFields; ++f) {
        if (!s.tf[f]) continue;
        double norm = 1 - kBm25B + kBm25B * g.length[f] / avg[f];
        tfn += kWeights[f] * s.tf[f] / norm;
      }
      double sat = tfn / (kBm25K1 + tfn);
      long impact = quantise_impact(sat, tiers, d.page > 0);
      uint32_t pos = s.first ? 1 + (s.first - 1) / kPosUnit : 0;
      if (pos > 0xFFFF) pos = 0xFFFF;
      bool word = s.key & kWordBit;
      size_t part = word ? stem_parts[s.key & 0xFFFFFFFF] : partition_of_gram(s.key);
      std::string& o = streams[part];
      put(o, word ? (s.key & 0xFFFFFFFF) << 1 | 1 : static_cast<uint64_t>(gram_id(s.key, part)) << 1);
      put(o, g.slot - last_slot[part]);
      last_slot[part] = g.slot;
      o.push_back(static_cast<char>(impact));
      int n = word ? 0 : static_cast<int>(s.key >> 60);
      if (n != 1) put(o, pos);
      if (n == 2) put(o, s.next);
    }
  }
  for (size_t p = 0; p < kPartitions; ++p) {
    out.part[p] = streams[p];  // exact size
    std::string().swap(streams[p]);
    out.grams[p].shrink_to_fit();
  }
  for (char32_t c = 0; c < seen.size(); ++c)
    if (seen[c]) out.cjk_chars.push_back(c);
}

// One term of the index. There are half a million on the 10,000-page corpus, all held at the merge's
// peak: kept small (72 bytes).
struct Entry {
  std::string term;
  std::string_view list;  // into its partition's buffer, a list pack or the filters' lists
  uint32_t hash = 0;
  uint32_t df = 0;  // groups: fewer than kMaxSlots
  uint32_t flags = 0;
  uint32_t pack = 0;    // for external lists
  uint64_t offset = 0;  // for external lists
};

size_t varint_length(uint64_t v) {
  size_t n = 1;
  while (v >= 0x80) {
    v >>= 7;
    ++n;
  }
  return n;
}

char* write_varint(char* p, uint64_t v) {
  while (v >= 0x80) {
    *p++ = static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  *p++ = static_cast<char>(v);
  return p;
}

// Builds the posting lists of one partition in two passes over its tuples: the first gives every tuple its
// term (one hash probe) and sizes every list exactly, the second writes the lists into one buffer. Chunks
// come in group order, so every list grows in slot order and nothing needs sorting.
void encode_partition(std::vector<ChunkOut>& chunks, size_t part, std::vector<Entry>& out,
                      std::string& buffer, std::map<std::string, uint64_t>& stem_df) {
  struct Building {
    uint64_t key;
    uint32_t last_slot;
    uint32_t df;
    uint64_t bytes;
  };
  std::vector<Building> building;
  std::vector<uint32_t> table(1024, 0);  // index + 1 into building, open addressing on the key
  int shift = 64 - 10;
  std::unordered_map<std::string, uint64_t> word_keys;
  std::vector<std::string> word_terms;
  // A multiplier other than the partitioning one: every key here shares the top bits of that product.
  constexpr uint64_t kMix = 0xD6E8FEB86659FD93ull;
  auto find = [&](uint64_t key) -> uint32_t {
    for (uint64_t i = (key * kMix) >> shift;; ++i) {
      uint32_t& cell = table[i & (table.size() - 1)];
      if (cell == 0) {
        building.push_back(Building{key, 0, 0, 0});
        cell = static_cast<uint32_t>(building.size());
        if (building.size() * 2 > table.size()) {  // grow and re-insert
          std::vector<uint32_t> bigger(table.size() * 2, 0);
          shift -= 1;
          for (uint32_t b = 0; b < building.size(); ++b) {
            for (uint64_t j = (building[b].key * kMix) >> shift;; ++j) {
              uint32_t& c = bigger[j & (bigger.size() - 1)];
              if (c == 0) {
                c = b + 1;
                break;
              }
            }
          }
          table.swap(bigger);
        }
        return static_cast<uint32_t>(building.size() - 1);
      }
      if (building[cell - 1].key == key) return cell - 1;
    }
  };
  auto has_pos = [](uint64_t key) { return (key >> 60) != 1; };        // words and two-character pieces
  auto has_next = [](uint64_t key) { return (key >> 60) == 2; };       // two-character pieces only
  auto get = [](const unsigned char*& p) -> uint64_t {
    uint64_t v = 0;
    for (int sh = 0;; sh += 7) {
      unsigned char b = *p++;
      v |= static_cast<uint64_t>(b & 0x7F) << sh;
      if (b < 0x80) return v;
    }
  };
  // A tuple's fields after its term code.
  auto read_rest = [&](const unsigned char*& p, uint64_t key, uint32_t& slot, Tuple& t) {
    slot += static_cast<uint32_t>(get(p));
    t.slot_impact = slot << 8 | *p++;
    t.pos = has_pos(key) ? static_cast<uint16_t>(get(p)) : 0;
    t.next = has_next(key) ? static_cast<uint16_t>(get(p)) : 0;
  };
  size_t total = 0;  // an upper bound on the tuples: at least 3 bytes each
  for (const ChunkOut& c : chunks) total += c.part[part].size() / 3;
  std::vector<uint32_t> ids;
  ids.reserve(total);
  std::vector<uint64_t> global_key;  // chunk-local stem id -> key here, 0 until seen
  for (const ChunkOut& c : chunks) {
    global_key.assign(c.stems.size(), 0);
    const unsigned char* p = reinterpret_cast<const unsigned char*>(c.part[part].data());
    const unsigned char* end = p + c.part[part].size();
    uint32_t slot = 0;
    while (p < end) {
      uint64_t code = get(p);
      uint64_t key;
      if (code & 1) {
        uint64_t& g = global_key[code >> 1];
        if (!g) {
          const std::string& stem = c.stems[code >> 1];
          auto [it, inserted] = word_keys.emplace(stem, kWordBit | word_terms.size());
          if (inserted) word_terms.push_back(stem);
          g = it->second;
        }
        key = g;
      } else {
        key = c.grams[part][code >> 1];
      }
      Tuple t;
      read_rest(p, key, slot, t);
      uint32_t id = find(key);
      ids.push_back(id);
      Building& b = building[id];
      uint32_t tslot = t.slot_impact >> 8;
      b.bytes += varint_length(tslot - b.last_slot) + 1 + (has_pos(key) ? varint_length(t.pos) : 0) + (has_next(key) ? next_code_length(t.next) : 0);
      b.last_slot = tslot;
      ++b.df;
    }
  }
  std::vector<char*> cursor(building.size());
  {
    uint64_t at = 0;
    for (const Building& b : building) at += b.bytes;
    buffer.resize(at);
    at = 0;
    for (size_t i = 0; i < building.size(); ++i) {
      cursor[i] = buffer.data() + at;
      at += building[i].bytes;
      building[i].last_slot = 0;
    }
  }
  size_t k = 0;
  for (const ChunkOut& c : chunks) {
    const unsigned char* p = reinterpret_cast<const unsigned char*>(c.part[part].data());
    const unsigned char* end = p + c.part[part].size();
    uint32_t stream_slot = 0;
    while (p < end) {
      get(p);
      uint32_t id = ids[k++];
      Building& b = building[id];
      Tuple t;
      read_rest(p, b.key, stream_slot, t);
      char*& p = cursor[id];
      uint32_t slot = t.slot_impact >> 8;
      p = write_varint(p, slot - b.last_slot);
      b.last_slot = slot;
      *p++ = static_cast<char>(t.slot_impact & 0xFF);
      if (has_pos(b.key)) p = write_varint(p, t.pos);
      if (has_next(b.key)) {
        uint32_t mask = t.next;
        if (mask == 0) {
          *p++ = static_cast<char>(kNextNone);
        } else if (!(mask & (mask - 1))) {
          *p++ = static_cast<char>(__builtin_ctz(mask));
        } else {
          *p++ = static_cast<char>(kNextMask);
          *p++ = static_cast<char>(mask & 0xFF);
          *p++ = static_cast<char>(mask >> 8);
        }
      }
    }
  }
  // This partition's tuples are spent: hand their memory back before the next partitions' lists grow.
  for (ChunkOut& c : chunks) {
    std::string().swap(c.part[part]);
    std::vector<uint64_t>().swap(c.grams[part]);
  }
  std::vector<uint32_t>().swap(ids);
  std::vector<uint32_t>().swap(table);
  if (part % 8 == 7) trim_heap();  // every few partitions: a trim walks the whole heap
  out.reserve(building.size());
  uint64_t at = 0;
  for (const Building& b : building) {
    Entry e;
    e.term = (b.key & kWordBit) ? word_terms[b.key & 0xFFFFFFFF] : gram_bytes(b.key);
    e.df = b.df;
    e.list = std::string_view(buffer.data() + at, b.bytes);
    at += b.bytes;
    if (has_next(b.key)) e.flags |= kListNext;
    if (!has_pos(b.key)) e.flags |= kListNoPos;
    if (b.key & kWordBit) stem_df[e.term] = e.df;
    e.hash = fnv1a(e.term);
    out.push_back(std::move(e));
  }
}

// The filter's list is written to `list`, which the entry points at.
Entry filter_entry(const std::string& term, const std::vector<bool>& member, const std::vector<Group>& groups,
                   std::string& list) {
  size_t count = std::count(member.begin(), member.end(), true);
  bool negated = count * 2 > member.size();
  Entry e;
  e.term = term;
  e.hash = fnv1a(term);
  e.flags = kListBare | (negated ? static_cast<uint32_t>(kListNegated) : 0u);
  uint32_t prev = 0;
  for (size_t g = 0; g < groups.size(); ++g) {
    if (member[g] == negated) continue;
    put_varint(list, groups[g].slot - prev);
    prev = groups[g].slot;
    ++e.df;
  }
  e.list = list;
  return e;
}

std::string pairs_string(const std::vector<std::pair<char32_t, char32_t>>& pairs) {
  std::string s;
  for (const auto& [a, b] : pairs) {
    append_utf8(s, a);
    append_utf8(s, b);
  }
  return s;
}

uint64_t fnv1a64(uint64_t h, std::string_view bytes) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// A hash of a file's bytes for the folder name, eight bytes at a time.
uint64_t content_hash(std::string_view bytes) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ bytes.size();
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * 0x100000001B3ull;
  h ^= h >> 29;
  return h * 0xC4CEB9FE1A85EC53ull;
}

struct Timer {
  bool on = std::getenv("TAKAO_SEARCH_TIMING") != nullptr;
  StepTimer timer;
  void lap(const char* what) {
    if (!on) return;
    std::fprintf(stderr, "search index: %-10s %7.1f ms  rss %ld MB  peak %ld MB\n", what, timer.lap() * 1000,
                 resident_kib() >> 10, peak_resident_kib() >> 10);
  }
};

}  // namespace

OutputFiles write_search_index(const SearchDocuments& docs, int threads) {
  OutputFiles files = write_search_index_lazily(docs, threads);
  parallel_for(files.size(), threads <= 0 ? default_jobs() : threads, [&](size_t i) {
    if (!files[i].make) return;
    files[i].bytes = files[i].make();
    files[i].make = nullptr;
  });
  return files;
}

OutputFiles write_search_index_lazily(const SearchDocuments& docs, int threads) {
  if (threads <= 0) threads = default_jobs();
  dump_documents(docs);
  Timer timer;
  timer.lap("start");
  // Shared with the record packs' makers, which may run after this returns.
  auto groups_made = std::make_shared<std::vector<Group>>(group_documents(docs));
  std::vector<Group>& groups = *groups_made;

  // Records: header and text of each group, laid out on 512-byte slots in packs of about 1 MB.
  auto layout = std::make_shared<PackLayout>();
  std::vector<uint32_t>& pack_starts = layout->slot;
  uint64_t slot = 0, pack_bytes = 0;
  double total_length[2][kFields] = {};  // site pages, PDF pages: each normalised among its kind
  size_t kind_count[2] = {0, 0};
  for (Group& g : groups) {
    nlohmann::json members = nlohmann::json::array();
    for (const SearchDocument* m : g.members)
      members.push_back({m->url, m->lang, cut_utf8(m->title, 1000), m->date});
    const SearchDocument& d = first(g);
    nlohmann::json header = {{"c", d.collection}, {"y", d.year}, {"m", members}};
    if (d.page > 0) header["p"] = d.page;  // a PDF page: its number
    g.header = header.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (g.header.size() > 0xFFFF) g.header = nlohmann::json{{"c", d.collection}, {"y", d.year}, {"m", nlohmann::json::array()}}.dump();
    g.text_base = static_cast<uint32_t>(2 + g.header.size());
    g.body_offset = d.abstract.empty() ? 0 : static_cast<uint32_t>(d.abstract.size() + 2);
    uint64_t bytes = g.text_base + d.abstract.size() + (d.abstract.empty() ? 0 : 2) + d.body().size();
    if (pack_starts.empty() || (pack_bytes > 0 && pack_bytes + bytes > kPackTargetBytes)) {
      pack_starts.push_back(static_cast<uint32_t>(slot));
      layout->group.push_back(static_cast<size_t>(&g - groups.data()));
      pack_bytes = 0;
    }
    g.slot = static_cast<uint32_t>(slot);
    uint64_t slots = (bytes + kSlotBytes - 1) / kSlotBytes;
    slot += slots;
    pack_bytes += slots * kSlotBytes;
    for (int f = 0; f < kFields; ++f) {
      g.length[f] = static_cast<double>(field_text(d, f).size());
      total_length[d.page > 0][f] += g.length[f];
    }
    ++kind_count[d.page > 0];
  }
  pack_starts.push_back(static_cast<uint32_t>(slot));
  layout->group.push_back(groups.size());
  if (slot >= kMaxSlots) throw std::length_error("search index: more than 8 GB of page text");
  double avg[2][kFields];
  for (int k = 0; k < 2; ++k)
    for (int f = 0; f < kFields; ++f)
      avg[k][f] = std::max(1.0, kind_count[k] == 0 ? 1.0 : total_length[k][f] / static_cast<double>(kind_count[k]));
  bool tiers = kind_count[1] > 0;
  timer.lap("group");

  // Count terms, chunk by chunk in parallel; every chunk's output lands in its own slot.
  size_t chunk_count = std::clamp<size_t>(groups.size() / 256, 1, 256);
  std::vector<ChunkOut> chunks(chunk_count);
  parallel_for(chunk_count, threads, [&](size_t c) {
    size_t begin = groups.size() * c / chunk_count, end = groups.size() * (c + 1) / chunk_count;
    count_chunk(groups, begin, end, avg, tiers, chunks[c], static_cast<uint32_t>(c));
  });
  timer.lap("count");

  std::vector<std::vector<Entry>> part_entries(kPartitions);
  std::vector<std::string> part_buffers(kPartitions);
  std::vector<std::map<std::string, uint64_t>> part_stem_df(kPartitions);
  parallel_for(kPartitions, threads,
               [&](size_t p) { encode_partition(chunks, p, part_entries[p], part_buffers[p], part_stem_df[p]); });

  timer.lap("merge");

  // Filters, as bare lists over the groups.
  std::vector<Entry> filters;
  std::vector<std::string> filter_lists;
  {
    std::map<std::string, std::vector<bool>> sets;
    for (size_t gi = 0; gi < groups.size(); ++gi) {
      const SearchDocument& d = first(groups[gi]);
      auto mark = [&](const std::string& term) {
        auto& v = sets[term];
        v.resize(groups.size());
        v[gi] = true;
      };
      for (const SearchDocument* m : groups[gi].members) mark("lang:" + m->lang);
      if (!d.collection.empty()) mark("collection:" + d.collection);
      if (d.year) mark("year:" + std::to_string(d.year));
    }
    filter_lists.resize(sets.size());  // not resized again: the entries' lists stay where they are
    for (auto& [term, member] : sets) filters.push_back(filter_entry(term, member, groups, filter_lists[filters.size()]));
  }

  // Term shards: sized so that one holds about kShardTargetBytes.
  uint64_t dir_bytes = 0;
  for (const auto& part : part_entries)
    for (const Entry& e : part) dir_bytes += e.term.size() + 6 + (e.list.size() <= kInlineListMax ? e.list.size() : 4);
  for (const Entry& e : filters) dir_bytes += e.term.size() + 10;
  size_t shard_count = std::max<uint64_t>(1, (dir_bytes + kShardTargetBytes - 1) / kShardTargetBytes);
  std::vector<std::vector<Entry*>> shards(shard_count);
  for (auto& part : part_entries)
    for (Entry& e : part) shards[e.hash % shard_count].push_back(&e);
  for (Entry& e : filters) shards[e.hash % shard_count].push_back(&e);
  parallel_for(shard_count, threads, [&](size_t s) {
    std::sort(shards[s].begin(), shards[s].end(), [](const Entry* a, const Entry* b) { return a->term < b->term; });
  });
  // Long lists go to the list packs partition by partition (then the filters), short ones to a small
  // buffer of their partition, and each partition's buffer is let go as soon as its lists are copied out:
  // the lists are never in memory twice (in shard order they were, and that was the build's peak).
  std::vector<std::string> list_packs(1);
  auto to_pack = [&](Entry& e) {
    e.flags |= kListExternal;
    if (!list_packs.back().empty() && list_packs.back().size() + e.list.size() > kPackTargetBytes) list_packs.emplace_back();
    if (list_packs.back().empty()) list_packs.back().reserve(std::max(kPackTargetBytes, e.list.size()));
    e.pack = static_cast<uint32_t>(list_packs.size() - 1);
    e.offset = list_packs.back().size();
    list_packs.back() += e.list;
  };
  std::vector<std::string> inline_buffers(kPartitions);
  for (size_t p = 0; p < kPartitions; ++p) {
    size_t inline_bytes = 0;
    for (const Entry& e : part_entries[p]) inline_bytes += e.list.size() <= kInlineListMax ? e.list.size() : 0;
    std::string& small = inline_buffers[p];
    small.reserve(inline_bytes);  // never grows past it: the views taken below stay valid
    for (Entry& e : part_entries[p]) {
      if (e.list.size() > kInlineListMax) {
        to_pack(e);
        continue;
      }
      size_t at = small.size();
      small += e.list;
      e.list = std::string_view(small.data() + at, e.list.size());
    }
    std::string().swap(part_buffers[p]);
    if (p % 8 == 7) trim_heap();
  }
  for (Entry& e : filters) {
    if (e.list.size() > kInlineListMax) to_pack(e);
  }
  std::vector<std::string> shard_bytes(shard_count);
  parallel_for(shard_count, threads, [&](size_t s) {
    std::string& out = shard_bytes[s];
    for (const Entry* e : shards[s]) {
      put_varint(out, e->term.size());
      out += e->term;
      put_varint(out, e->df);
      put_varint(out, (static_cast<uint64_t>(e->list.size()) << kFlagBits) | static_cast<uint64_t>(e->flags));
      if (e->flags & kListExternal) {
        put_varint(out, e->pack);
        put_varint(out, e->offset);
      } else {
        out += e->list;
      }
    }
  });
  // The lists now live in the list packs and shards: free their first copies before the records.
  std::vector<std::vector<Entry*>>().swap(shards);
  std::vector<Entry>().swap(filters);
  std::vector<std::string>().swap(filter_lists);
  std::vector<std::vector<Entry>>().swap(part_entries);
  std::vector<std::string>().swap(part_buffers);
  std::vector<std::string>().swap(inline_buffers);
  trim_heap();
  timer.lap("shards");

  // Lexicon: every word seen, with its stem and the stem's document frequency.
  std::map<std::string, uint64_t> stem_df;
  for (auto& m : part_stem_df) stem_df.insert(m.begin(), m.end());
  std::map<std::string, std::string> lexicon;
  for (const ChunkOut& c : chunks)
    for (const auto& [word, id] : c.words) lexicon.emplace(word, c.stems[id]);
  uint64_t lexicon_bytes = 0;
  for (const auto& [w, s] : lexicon) lexicon_bytes += w.size() + s.size() + 12;
  size_t bucket_count = std::max<uint64_t>(1, (lexicon_bytes + kLexiconTargetBytes - 1) / kLexiconTargetBytes);
  std::vector<nlohmann::json> buckets(bucket_count, nlohmann::json::array());
  for (const auto& [w, s] : lexicon) {
    std::u32string cps;
    decode_utf8(w, cps, nullptr);
    std::string head = to_utf8(std::u32string_view(cps).substr(0, 2));
    buckets[fnv1a(head) % bucket_count].push_back({w, s, stem_df.count(s) ? stem_df[s] : 0});
  }

  timer.lap("lexicon");

  // Folding table for queries.
  std::set<char32_t> site_chars;
  for (const ChunkOut& c : chunks) site_chars.insert(c.cjk_chars.begin(), c.cjk_chars.end());
  auto simplified = simplified_pairs(std::vector<char32_t>(site_chars.begin(), site_chars.end()));
  nlohmann::json fold = {{"variants", pairs_string(variant_pairs())}, {"simplified", pairs_string(simplified)}};

  OutputFiles inner;
  inner.push_back({"fold.json", fold.dump(), ""});
  for (size_t i = 0; i * kShardsPerPack < shard_bytes.size(); ++i) {
    size_t n = std::min(kShardsPerPack, shard_bytes.size() - i * kShardsPerPack);
    inner.push_back({"t/" + std::to_string(i) + ".bin", pack_parts(&shard_bytes[i * kShardsPerPack], n), ""});
  }
  for (size_t i = 0; i < list_packs.size(); ++i)
    if (!list_packs[i].empty()) inner.push_back({"l/" + std::to_string(i) + ".bin", std::move(list_packs[i]), ""});
  // Record packs: half of the index's bytes, and nothing else needs them. Each is laid out to hash it
  // (below) and again when the build writes it (make), so that they are never all in memory at once:
  // held, they were the rebuild's peak.
  for (size_t i = 0; i + 1 < pack_starts.size(); ++i) {
    OutputFile f{"r/" + std::to_string(i) + ".bin", "", ""};
    f.make = [groups_made, layout, i] { return record_pack(*groups_made, *layout, i); };
    inner.push_back(std::move(f));
  }
  std::vector<std::string> bucket_bytes;
  bucket_bytes.reserve(buckets.size());
  for (const nlohmann::json& b : buckets) bucket_bytes.push_back(b.dump());
  for (size_t i = 0; i * kBucketsPerPack < bucket_bytes.size(); ++i) {
    size_t n = std::min(kBucketsPerPack, bucket_bytes.size() - i * kBucketsPerPack);
    inner.push_back({"x/" + std::to_string(i) + ".bin", pack_parts(&bucket_bytes[i * kBucketsPerPack], n), ""});
  }
  std::vector<uint64_t> file_hashes(inner.size());
  parallel_for(inner.size(), threads,
               [&](size_t i) { file_hashes[i] = content_hash(inner[i].make ? inner[i].make() : inner[i].bytes); });
  uint64_t h = 14695981039346656037ull;
  for (size_t i = 0; i < inner.size(); ++i) {
    h = fnv1a64(h, inner[i].path);
    h = fnv1a64(h, std::string_view("\0", 1));
    h = fnv1a64(h, std::string_view(reinterpret_cast<const char*>(&file_hashes[i]), 8));
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  std::string dir = std::string("search/v-") + hex + "/";

  std::set<std::string> langs, collections;
  std::set<int> years;
  for (const SearchDocument& d : docs) {
    langs.insert(d.lang);
    if (!d.collection.empty()) collections.insert(d.collection);
    if (d.year) years.insert(d.year);
  }
  // Bytes a reader fetches first for a record: enough for nine headers in ten.
  std::vector<size_t> header_sizes;
  for (const Group& g : groups) header_sizes.push_back(g.text_base);
  std::sort(header_sizes.begin(), header_sizes.end());
  size_t header_probe = header_sizes.empty() ? 256 : header_sizes[header_sizes.size() * 9 / 10];
  header_probe = std::clamp<size_t>((header_probe + 15) / 16 * 16, 64, 4096);
  nlohmann::json manifest = {
      {"format", kFormatVersion},
      {"header_probe", header_probe},
      {"dir", dir},
      {"groups", groups.size()},
      {"slot_bytes", kSlotBytes},
      {"pos_unit", kPosUnit},
      {"record_packs", pack_starts},
      {"term_shards", shard_count},
      {"shards_per_pack", kShardsPerPack},
      {"lexicon_buckets", bucket_count},
      {"buckets_per_pack", kBucketsPerPack},
      {"langs", langs},
      {"collections", collections},
      {"years", years},
  };
  OutputFiles files;
  files.reserve(inner.size() + 1);
  files.push_back({"search/manifest.json", manifest.dump() + "\n", ""});
  for (OutputFile& f : inner) {
    f.path = dir + f.path;
    files.push_back(std::move(f));
  }
  timer.lap("files");
  return files;
}

}  // namespace search
}  // namespace takao
