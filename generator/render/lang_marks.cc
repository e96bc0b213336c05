#include "render/lang_marks.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "model/collation.h"

namespace takao {

namespace {

bool is_chinese_char(UChar32 c) {
  if (c < 0x2E80) return false;  // below the CJK blocks: Latin, Greek, general punctuation
  UErrorCode status = U_ZERO_ERROR;
  if (uscript_getScript(c, &status) == USCRIPT_HAN) return true;
  // CJK Symbols and Punctuation (、。「」) and the full-width forms (：，（）) are read in a Chinese voice too.
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF60);
}

// What may sit between two Chinese characters without ending the Chinese run: "陳冠宇 & 林淑芬", "第 17 期".
bool joins_chinese(UChar32 c) { return u_isspace(c) || u_isdigit(c) || u_ispunct(c); }

}  // namespace

bool has_han(std::string_view text) {
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (is_chinese_char(c)) return true;
  }
  return false;
}

std::vector<LangRun> lang_runs(bool en, std::string_view text) {
  std::vector<LangRun> runs;
  if (text.empty()) return runs;
  if (!en || !has_han(text)) return {{std::string(text), ""}};
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t run_start = 0;    // where the current unmarked run starts
  int32_t zh_start = -1;    // where the current Chinese run starts, -1 outside one
  int32_t zh_end = 0;       // just past the last Chinese character of that run
  auto flush = [&](int32_t from, int32_t to, const char* lang) {
    if (to > from) runs.push_back({std::string(text.substr(from, to - from)), lang});
  };
  int32_t i = 0;
  while (i < length) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (is_chinese_char(c)) {
      if (zh_start < 0) {
        flush(run_start, at, "");
        zh_start = at;
      }
      zh_end = i;
    } else if (zh_start >= 0 && !joins_chinese(c)) {
      // The Chinese run ends at its last Chinese character; what joined it since starts the English run.
      flush(zh_start, zh_end, "zh-Hant");
      zh_start = -1;
      run_start = zh_end;
    }
  }
  if (zh_start >= 0) {
    flush(zh_start, zh_end, "zh-Hant");
    run_start = zh_end;
  }
  flush(run_start, length, "");
  return runs;
}

std::string mark_chinese_in_html(std::string_view html) {
  if (!has_han(html)) return std::string(html);
  std::string out;
  out.reserve(html.size() + 64);
  size_t pos = 0;
  while (pos < html.size()) {
    size_t tag = html.find('<', pos);
    if (tag == std::string_view::npos) tag = html.size();
    for (const auto& run : lang_runs(true, html.substr(pos, tag - pos))) {
      if (run.lang.empty()) {
        out += run.text;
      } else {
        out += "<span lang=\"" + run.lang + "\">";
        out += run.text;
        out += "</span>";
      }
    }
    if (tag == html.size()) break;
    size_t end = html.find('>', tag);
    end = end == std::string_view::npos ? html.size() : end + 1;
    out.append(html.substr(tag, end - tag));
    pos = end;
  }
  return out;
}

nlohmann::json lang_runs_view(bool en, std::string_view text) {
  nlohmann::json out = nlohmann::json::array();
  for (auto& run : lang_runs(en, text)) out.push_back({{"text", std::move(run.text)}, {"lang", std::move(run.lang)}});
  return out;
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
