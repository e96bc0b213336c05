// libFuzzer target over the query reader (parse_query) and the excerpt builder fed with the same bytes:
// no crash, no hang, and the limits of search_text.h hold for any input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "search/search_index.h"
#include "search/search_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const takao::search::Folder folder({{U'报', U'報'}, {U'发', U'發'}});
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto terms = takao::search::parse_query(text, folder);
  if (terms.size() > takao::search::kMaxQueryTerms) std::abort();
  for (const auto& t : terms) {
    if (t.text.empty()) std::abort();
    if (t.phrase && t.text.size() > takao::search::kMaxPhraseLength) std::abort();
    if (!t.phrase && t.text.size() > takao::search::kMaxWordLength) std::abort();
    if (t.prefix && t.phrase) std::abort();
    for (char32_t c : t.text) {
      auto cls = takao::search::char_class(c);
      if (cls != (t.phrase ? takao::search::CharClass::cjk : takao::search::CharClass::word)) std::abort();
    }
  }
  std::vector<std::string> stems(terms.size());
  std::string excerpt;
  std::vector<std::pair<size_t, size_t>> ranges;
  takao::search::make_excerpt(text, terms, stems, folder, excerpt, ranges);
  size_t last = 0;
  for (const auto& [s, e] : ranges) {
    if (s >= e || s < last) std::abort();
    last = e;
  }
  return 0;
}
