// Folding tables: a per-code-point cache of the ICU fold for the Basic Multilingual Plane, built once.
#include "search/search_fold.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <unordered_set>

namespace takao::search {
namespace {

const std::vector<std::pair<char32_t, char32_t>> kVariantList = {
    {U'台', U'臺'}, {U'着', U'著'}, {U'裏', U'裡'}, {U'峯', U'峰'}, {U'綫', U'線'}, {U'衆', U'眾'},
    {U'爲', U'為'}, {U'僞', U'偽'}, {U'卽', U'即'}, {U'旣', U'既'}, {U'敎', U'教'}, {U'竝', U'並'},
    {U'眞', U'真'}, {U'値', U'值'}, {U'勛', U'勳'}, {U'污', U'汙'}, {U'麪', U'麵'}, {U'駡', U'罵'},
    {U'啓', U'啟'}, {U'鷄', U'雞'}, {U'羣', U'群'}, {U'秘', U'祕'}, {U'朶', U'朵'}, {U'兎', U'兔'},
    {U'絶', U'絕'}, {U'鋭', U'銳'}, {U'説', U'說'}, {U'税', U'稅'}, {U'悦', U'悅'}, {U'閲', U'閱'},
    {U'脱', U'脫'}, {U'奬', U'獎'}, {U'温', U'溫'}, {U'産', U'產'}, {U'吿', U'告'}, {U'踪', U'蹤'},
    {U'痴', U'癡'}, {U'羡', U'羨'}, {U'鉤', U'鈎'}, {U'峩', U'峨'}, {U'粧', U'妝'}, {U'冲', U'沖'},
};

// Sorted by source, built on first use (never during static initialisation of another file).
const std::vector<std::pair<char32_t, char32_t>>& sorted_variants() {
  static const std::vector<std::pair<char32_t, char32_t>> sorted = [] {
    auto v = kVariantList;
    std::sort(v.begin(), v.end());
    return v;
  }();
  return sorted;
}

std::u32string compute_base_fold(char32_t c) {
  std::u32string out;
  if (c >= 0xD800 && c <= 0xDFFF) return out;  // lone surrogates never reach here from valid UTF-8
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  icu::UnicodeString decomposed = nfkd->normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
  if (U_FAILURE(status)) decomposed = icu::UnicodeString(static_cast<UChar32>(c));
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 d = decomposed.char32At(i);
    i += U16_LENGTH(d);
    if (u_charType(d) == U_NON_SPACING_MARK) continue;
    icu::UnicodeString lower(d);
    lower.toLower(icu::Locale::getRoot());
    for (int32_t j = 0; j < lower.length();) {
      UChar32 l = lower.char32At(j);
      j += U16_LENGTH(l);
      out.push_back(static_cast<char32_t>(l));
    }
  }
  const auto& variants = sorted_variants();
  for (char32_t& o : out) {
    auto it = std::lower_bound(variants.begin(), variants.end(), std::make_pair(o, char32_t(0)));
    if (it != variants.end() && it->first == o) o = it->second;
  }
  return out;
}

// BMP cache: single[c] is the one code point c folds to, kDrop when nothing, kMulti when several
// (then in multi).
constexpr char32_t kDrop = 0xFFFFFFFF;
constexpr char32_t kMulti = 0xFFFFFFFE;
struct BmpCache {
  std::array<char32_t, 0x10000> single;
  std::unordered_map<char32_t, std::u32string> multi;
};

const BmpCache& bmp_cache() {
  static const BmpCache* cache = [] {
    auto* c = new BmpCache;
    for (char32_t cp = 0; cp < 0x10000; ++cp) {
      if (cp < 0x80) {
        c->single[cp] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
        continue;
      }
      std::u32string f = compute_base_fold(cp);
      if (f.empty()) {
        c->single[cp] = kDrop;
      } else if (f.size() == 1) {
        c->single[cp] = f[0];
      } else {
        c->single[cp] = kMulti;
        c->multi.emplace(cp, std::move(f));
      }
    }
    return c;
  }();
  return *cache;
}

}  // namespace

const std::vector<std::pair<char32_t, char32_t>>& variant_pairs() { return sorted_variants(); }

std::u32string base_fold(char32_t c) {
  if (c < 0x10000) {
    const BmpCache& cache = bmp_cache();
    char32_t s = cache.single[c];
    if (s == kDrop) return {};
    if (s == kMulti) return cache.multi.at(c);
    return std::u32string(1, s);
  }
  return compute_base_fold(c);
}

Folder::Folder() { bmp_cache(); }

Folder::Folder(const std::vector<std::pair<char32_t, char32_t>>& extra) : Folder() {
  for (const auto& [from, to] : extra) extra_[from] = to;
}

void Folder::fold(char32_t c, std::u32string& out) const {
  size_t start = out.size();
  if (c < 0x10000) {
    const BmpCache& cache = bmp_cache();
    char32_t s = cache.single[c];
    if (s == kDrop) return;
    if (s == kMulti) {
      out += cache.multi.at(c);
    } else {
      out.push_back(s);
    }
  } else {
    out += compute_base_fold(c);
  }
  if (!extra_.empty()) {
    for (size_t i = start; i < out.size(); ++i) {
      auto it = extra_.find(out[i]);
      if (it != extra_.end()) out[i] = it->second;
    }
  }
}

std::vector<std::pair<char32_t, char32_t>> simplified_pairs(const std::vector<char32_t>& site_chars) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> to_simplified(
      icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
  std::unique_ptr<icu::Transliterator> to_traditional(
      icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, status));
  std::vector<std::pair<char32_t, char32_t>> pairs;
  if (U_FAILURE(status)) return pairs;
  std::unordered_set<char32_t> site(site_chars.begin(), site_chars.end());
  for (char32_t t : site_chars) {
    if (char_class(t) != CharClass::cjk) continue;
    icu::UnicodeString s(static_cast<UChar32>(t));
    to_simplified->transliterate(s);
    if (s.countChar32() != 1) continue;
    char32_t simple = static_cast<char32_t>(s.char32At(0));
    if (simple == t || site.count(simple)) continue;
    std::u32string base = base_fold(simple);
    if (base.size() != 1 || base[0] != simple) continue;  // a variant already: the base fold handles it
    icu::UnicodeString back(static_cast<UChar32>(simple));
    to_traditional->transliterate(back);
    if (back.countChar32() != 1) continue;
    std::u32string back_folded = base_fold(static_cast<char32_t>(back.char32At(0)));
    if (back_folded.size() != 1 || back_folded[0] != t) continue;
    pairs.emplace_back(simple, t);
  }
  std::sort(pairs.begin(), pairs.end());
  pairs.erase(std::unique(pairs.begin(), pairs.end(),
                          [](const auto& a, const auto& b) { return a.first == b.first; }),
              pairs.end());
  return pairs;
}

CharClass char_class(char32_t c) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return CharClass::word;
    return CharClass::other;
  }
  if ((c >= 0x3040 && c <= 0x30FF && c != 0x30FB) || (c >= 0x3400 && c <= 0x4DBF) ||
      (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
      (c >= 0x20000 && c <= 0x3134F)) {
    return CharClass::cjk;
  }
  if (U_GET_GC_MASK(static_cast<UChar32>(c)) & (U_GC_L_MASK | U_GC_N_MASK)) return CharClass::word;
  return CharClass::other;
}

void decode_utf8(std::string_view text, std::u32string& out, std::vector<uint32_t>* offsets) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    size_t start = i;
    unsigned char b = s[i];
    char32_t c;
    size_t len;
    if (b < 0x80) {
      c = b;
      len = 1;
    } else if (b >= 0xC2 && b <= 0xDF) {
      c = b & 0x1F;
      len = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      c = b & 0x0F;
      len = 3;
    } else if (b >= 0xF0 && b <= 0xF4) {
      c = b & 0x07;
      len = 4;
    } else {
      c = 0xFFFD;
      len = 0;
    }
    bool ok = len > 0 && i + len <= n;
    for (size_t k = 1; ok && k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) ok = false;
      else c = (c << 6) | (s[i + k] & 0x3F);
    }
    if (ok && ((len == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF))) || (len == 4 && (c < 0x10000 || c > 0x10FFFF))))
      ok = false;
    if (ok) {
      i += len;
    } else {
      c = 0xFFFD;
      i += 1;
    }
    out.push_back(c);
    if (offsets) offsets->push_back(static_cast<uint32_t>(start));
  }
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) append_utf8(out, c);
  return out;
}

}  // namespace takao::search
