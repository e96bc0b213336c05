#include "model/collation.h"

#include <unicode/alphaindex.h>
#include <unicode/coll.h>

#include <memory>
#include <mutex>

namespace takao {

namespace {

// ICU collators are thread-safe for const use once built; build one per language, once.
const icu::Collator& collator(const std::string& lang) {
  static std::once_flag once;
  static std::unique_ptr<icu::Collator> zh, en;
  std::call_once(once, [] {
    UErrorCode status = U_ZERO_ERROR;
    zh.reset(icu::Collator::createInstance(icu::Locale("zh_Hant_TW@collation=stroke"), status));
    status = U_ZERO_ERROR;
    en.reset(icu::Collator::createInstance(icu::Locale("en_US"), status));
  });
  return lang == "en" ? *en : *zh;
}

}  // namespace

std::string collation_key(const std::string& text, const std::string& lang) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(text);
  const icu::Collator& c = collator(lang);
  int32_t n = c.getSortKey(s, nullptr, 0);
  std::string key(static_cast<size_t>(n), '\0');
  c.getSortKey(s, reinterpret_cast<uint8_t*>(key.data()), n);
  if (!key.empty() && key.back() == '\0') key.pop_back();
  return key + '\x01' + text;  // equal keys (rare) fall back to the bytes: a total order
}

std::string index_bucket(const std::string& text, const std::string& lang) {
  // AlphabeticIndex is not thread-safe for use: one per thread.
  thread_local std::unique_ptr<icu::AlphabeticIndex::ImmutableIndex> zh, en;
  auto& index = lang == "en" ? en : zh;
  if (!index) {
    UErrorCode status = U_ZERO_ERROR;
    icu::AlphabeticIndex builder(lang == "en" ? icu::Locale("en_US") : icu::Locale("zh_Hant_TW"), status);
    if (lang != "en") builder.addLabels(icu::Locale::getEnglish(), status);
    index.reset(builder.buildImmutableIndex(status));
    if (U_FAILURE(status)) return "#";
  }
  UErrorCode status = U_ZERO_ERROR;
  int32_t bucket = index->getBucketIndex(icu::UnicodeString::fromUTF8(text), status);
  const icu::AlphabeticIndex::Bucket* b = index->getBucket(bucket);
  if (U_FAILURE(status) || !b) return "#";
  std::string label;
  b->getLabel().toUTF8String(label);
  return label;
}

}  // namespace takao
