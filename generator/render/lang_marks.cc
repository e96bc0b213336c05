#include "render/lang_marks.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "model/collation.h"

namespace takao {

bool has_han(std::string_view text) {
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0x2E80) continue;  // below the CJK blocks: Latin, Greek, general punctuation
    UErrorCode status = U_ZERO_ERROR;
    if (uscript_getScript(c, &status) == USCRIPT_HAN) return true;
    // CJK Symbols and Punctuation (、。「」) and the full-width forms (：，（）) are read in a Chinese voice too.
    if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF60)) return true;
  }
  return false;
}

std::string zh_mark(bool en, std::string_view text) { return en && has_han(text) ? "zh-Hant" : ""; }

std::string agency_name(const Site& site, const std::string& name, bool en) {
  if (!en || name.empty()) return name;
  const auto& fields = site.config.fields;
  if (!fields.is_object()) return name;
  auto agencies = fields.find("agencies");
  if (agencies == fields.end() || !agencies->is_object()) return name;
  auto it = agencies->find(name);
  if (it == agencies->end() || !it->is_string() || it->get<std::string>().empty()) return name;
  return it->get<std::string>();
}

std::vector<IndexBucket> english_agency_buckets(const Site& site, const std::vector<IndexTerm>& terms) {
  std::vector<std::pair<std::string, size_t>> order;
  for (size_t i = 0; i < terms.size(); ++i) {
    std::string shown = agency_name(site, terms[i].name, true);
    // English names first (by English collation), then names without one (Chinese stroke order, as given).
    order.push_back({(has_han(shown) ? "\x02" : "\x01") + collation_key(shown, "en"), i});
  }
  std::stable_sort(order.begin(), order.end());
  std::vector<IndexBucket> out;
  for (const auto& [key, i] : order) {
    std::string shown = agency_name(site, terms[i].name, true);
    std::string label = has_han(shown) ? index_bucket(shown, "zh-Hant") : index_bucket(shown, "en");
    if (out.empty() || out.back().label != label) out.push_back({label, {}});
    out.back().terms.push_back(i);
  }
  return out;
}

}  // namespace takao
