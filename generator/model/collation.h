// Sorting names the way readers expect: Chinese by stroke count (ICU's zh-Hant collation), English
// alphabetically; and the headings readers browse by (筆畫 buckets, letters) from ICU's AlphabeticIndex.
#pragma once
#include <string>
#include <vector>

namespace takao {

// A binary sort key: comparing keys with < orders the names. lang is "zh-Hant" or "en".
std::string collation_key(const std::string& text, const std::string& lang);

// The bucket label a name falls under: "1畫"…"20畫" style labels for Chinese, "A"…"Z" for English,
// "#" or "…" for anything else.
std::string index_bucket(const std::string& text, const std::string& lang);

}  // namespace takao
