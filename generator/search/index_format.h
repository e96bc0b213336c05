// The search index as files, shared by the writer (index_writer.cc), the C++ reader (search_index.cc) and
// the browser module (themes/default/assets/takao-search.mjs). Everything below is what both sides agree on.
//
// search/manifest.json (fixed name, small, revalidated by hosts) names the versioned folder
// search/v-<64-bit content hash>/, whose files never change and can be cached forever:
//   fold.json       {"variants": "台臺…", "simplified": "发發…"}: code point pairs for query folding
//   t/<p>.bin       term shard packs: term shard n = fnv1a(term) % term_shards sits in pack
//                   n / shards_per_pack; a pack starts with (shards in it + 1) u32 little-endian offsets
//                   from the pack start, shard i of the pack being bytes [off[i], off[i + 1]); a reader
//                   fetches the two offsets (8 bytes), then the shard, both by byte range. A shard's
//                   entries are sorted by term bytes, each varint(term length) term varint(df)
//                   varint(list length << 5 | flags) [varint(pack) varint(offset) if external]
//                   [list bytes if inline]
//   l/<n>.bin       list packs: posting lists too long to sit in a shard, read by byte range
//   r/<n>.bin       record packs: one record per page group at slot * 512 bytes from the pack start:
//                   u16 little-endian header length, header JSON {"c","y","m":[[url,lang,title,date]…]},
//                   plus "p": N for page N of a PDF (url "…/file.pdf#page=N"), then the text (abstract,
//                   blank line, body) the excerpts come from
//   x/<p>.bin       English lexicon packs: bucket n = fnv1a(first two code points of word) % lexicon_buckets
//                   sits in pack n / buckets_per_pack, laid out like the term shard packs; a bucket is
//                   the JSON [[word, stem, df]…] sorted by word
// A posting list is, per document (a page group, named by its first slot): varint(slot delta), then
// unless the list is bare: u8 impact (quantised BM25F of the term in that group), varint(pos) where pos is
// 0 when the term is not in the text, else 1 + (byte offset of its first occurrence in the record) / 32,
// then for lists flagged kListNext (two-character CJK pieces) the mask with bit next_char_bit(c) set for
// every character c that follows the piece somewhere in the group, as one code byte: 0-15 the mask of that
// one bit (nine postings in ten), 16 the empty mask, 17 followed by the mask as u16 little-endian. Chinese is
// indexed as 1- and 2-character pieces only: a phrase of n >= 3 characters is its n-1 pieces, each but the
// last required to be followed by the phrase's next character (the mask), which keeps phrase precision
// close to that of 3-grams at about half the postings.
// Lists flagged kListNoPos (one-character pieces: the phrase check never needs them, only an excerpt of a
// one-character query, which then starts at the text) carry no pos.
// Impacts are 1-255; an index holding PDF pages gives site pages 128-255 and PDF pages 1-127, so that a
// site page ranks above a PDF page for the same terms (index_writer.cc, quantise_impact).
// Filter lists ("lang:en", "collection:report", "year:2014") are bare; a negated one lists the groups
// NOT in the set (whichever is shorter).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace takao::search {

inline constexpr int kFormatVersion = 4;
inline constexpr uint32_t kSlotBytes = 512;
inline constexpr uint32_t kPosUnit = 32;
inline constexpr size_t kInlineListMax = 48;          // longer lists go to list packs
inline constexpr size_t kPackTargetBytes = 1 << 20;   // list and record packs
inline constexpr size_t kShardTargetBytes = 512;      // term shards are fetched whole, by range
inline constexpr size_t kShardsPerPack = 256;
inline constexpr size_t kLexiconTargetBytes = 2048;
inline constexpr size_t kBucketsPerPack = 256;

enum ListFlags : uint32_t { kListExternal = 1, kListBare = 2, kListNegated = 4, kListNext = 8, kListNoPos = 16 };
inline constexpr int kFlagBits = 5;

// The bit of the next-character mask for code point c (Math.imul(c, 0x9E3779B1) >>> 28 in JS).
inline uint32_t next_char_bit(char32_t c) { return (static_cast<uint32_t>(c) * 0x9E3779B1u) >> 28; }
inline constexpr unsigned kNextNone = 16, kNextMask = 17;  // code bytes of a next-character mask
inline size_t next_code_length(uint32_t mask) { return mask && (mask & (mask - 1)) ? 3 : 1; }

// Field weights of BM25F: title above keywords and authors above abstract above body.
inline constexpr double kWeightTitle = 6.0;
inline constexpr double kWeightMeta = 3.0;
inline constexpr double kWeightAbstract = 2.0;
inline constexpr double kWeightBody = 1.0;
inline constexpr double kBm25K1 = 1.2;
inline constexpr double kBm25B = 0.75;

inline uint32_t fnv1a(std::string_view bytes) {
  uint32_t h = 2166136261u;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

// Packs of small parts (term shards, lexicon buckets): a table of (parts + 1) u32 little-endian offsets
// from the pack start, then the parts.
inline std::string pack_parts(const std::string* parts, size_t count) {
  std::string out;
  size_t at = 4 * (count + 1);
  for (size_t i = 0; i <= count; ++i) {
    for (int b = 0; b < 4; ++b) out.push_back(static_cast<char>((at >> (8 * b)) & 0xFF));
    if (i < count) at += parts[i].size();
  }
  for (size_t i = 0; i < count; ++i) out += parts[i];
  return out;
}

inline uint32_t get_u32le(std::string_view data, size_t pos) {
  uint32_t v = 0;
  for (int b = 0; b < 4; ++b) v |= static_cast<uint32_t>(static_cast<unsigned char>(data[pos + b])) << (8 * b);
  return v;
}

inline void put_varint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

// False when the data ends inside the number.
inline bool get_varint(std::string_view data, size_t& pos, uint64_t& value) {
  value = 0;
  for (int shift = 0; shift < 64 && pos < data.size(); shift += 7) {
    auto b = static_cast<unsigned char>(data[pos++]);
    value |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}

// Inverse document frequency as an integer (256 = one bit), the same in C++ and JS so that scores and
// therefore ranks are equal: log2((N + 1) / df) with log2 linear between powers of two, plus 64.
inline int64_t integer_idf(uint64_t df, uint64_t groups) {
  if (df == 0) return 0;
  uint64_t x = (groups + 1) * 1024 / df;
  if (x < 1024) x = 1024;
  int e = 63 - __builtin_clzll(x);
  int64_t frac = static_cast<int64_t>((x * 256) >> e) - 256;
  return e * 256 + frac - 10 * 256 + 64;
}

}  // namespace takao::search
