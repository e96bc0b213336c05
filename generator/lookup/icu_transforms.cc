#include "lookup/icu_transforms.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>
#include <stdexcept>

namespace takao {

static std::unique_ptr<icu::Transliterator> make_transliterator(const char* id) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance(icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !t) throw std::runtime_error(std::string("ICU transform missing: ") + id);
  return t;
}

// Tone marks go, the diaeresis of ü stays (lü and lu are different syllables).
static std::string strip_tones(const icu::UnicodeString& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString decomposed = nfd->normalize(s, status), kept;
  for (int32_t i = 0; i < decomposed.length(); ++i) {
    UChar c = decomposed.charAt(i);
    if (c >= 0x300 && c <= 0x36F && c != 0x308) continue;
    kept.append(c);
  }
  icu::UnicodeString composed = nfc->normalize(kept, status);
  std::string out;
  composed.toLower().toUTF8String(out);
  return out;
}

std::string han_reading(char32_t c) {
  static std::mutex mutex;
  static std::map<char32_t, std::string> cache;
  static std::unique_ptr<icu::Transliterator> han_latin;
  std::lock_guard lock(mutex);
  if (auto it = cache.find(c); it != cache.end()) return it->second;
  if (!han_latin) han_latin = make_transliterator("Han-Latin");
  std::string reading;
  UErrorCode status = U_ZERO_ERROR;
  if (u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_IDEOGRAPHIC) ||
      uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN) {
    icu::UnicodeString s(static_cast<UChar32>(c));
    han_latin->transliterate(s);
    std::string r = strip_tones(s);
    bool latin = !r.empty();
    for (unsigned char b : r) latin &= (b >= 'a' && b <= 'z') || b >= 0x80;
    if (latin) reading = r;
  }
  cache.emplace(c, reading);
  return reading;
}

// Runs Hant-Hans over `chars`, one character a line so each result stays beside its character.
static std::map<char32_t, char32_t> hant_hans_of(const std::u32string& chars) {
  auto hant_hans = make_transliterator("Hant-Hans");
  icu::UnicodeString text;
  for (char32_t c : chars) {
    text.append(static_cast<UChar32>(c));
    text.append(static_cast<UChar>(u'\n'));
  }
  hant_hans->transliterate(text);
  std::map<char32_t, char32_t> out;
  size_t index = 0;
  int32_t start = 0;
  for (int32_t i = 0; i <= text.length() && index < chars.size(); ++i) {
    if (i < text.length() && text.charAt(i) != u'\n') continue;
    icu::UnicodeString line = text.tempSubStringBetween(start, i);
    if (line.countChar32() == 1) {
      char32_t s = static_cast<char32_t>(line.char32At(0));
      if (s != chars[index]) out[chars[index]] = s;
    }
    ++index;
    start = i + 1;
  }
  return out;
}

std::map<char32_t, char32_t> simplified_forms(std::u32string_view extra) {
  // The BMP blocks once per process (takao serve rebuilds often); characters beyond them each call.
  static const std::map<char32_t, char32_t> bmp = [] {
    std::u32string chars;
    for (char32_t c = 0x3400; c <= 0x4DBF; ++c) chars += c;
    for (char32_t c = 0x4E00; c <= 0x9FFF; ++c) chars += c;
    return hant_hans_of(chars);
  }();
  std::u32string rest;
  for (char32_t c : extra)
    if (c < 0x3400 || (c > 0x4DBF && c < 0x4E00) || c > 0x9FFF) rest += c;
  std::map<char32_t, char32_t> out = bmp;
  if (!rest.empty()) {
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    for (auto [from, to] : hant_hans_of(rest)) out[from] = to;
  }
  return out;
}

}  // namespace takao
