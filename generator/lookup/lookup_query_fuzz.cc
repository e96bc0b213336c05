// libFuzzer target: the lookup query path on any bytes, as `takao lookup` and the site's lookup box get it.
// The query is folded with the tables of a real (small) index built in memory, then answered by LookupIndex
// (address translation, exact, prefix and typo-tolerant matching). Besides not crashing or hanging:
//   - the folded form is valid UTF-8, only [a-z0-9] and the kept wide characters (so UTF-16 order equals
//     code-point order, as takao-lookup.mjs's binary search needs), at most 6 bytes per input byte (the
//     longest NFKD expansion of a kept character: U+3356 to レントゲン), and the tokens joined;
//   - every token folds to itself, and folding settles after one more round (fold is not idempotent
//     across token boundaries: "1 st" folds to "1st", which folds to "1"; a second round changes nothing);
//   - the group, typo groups, allowed edits and edit distance keep their documented ranges;
//   - answers have a name in both languages, valid UTF-8 (an address answer echoes the query, so only for a
//     valid query), a limit only cuts the full answer, and the same query answers the same way twice
//     (files are read lazily and cached).
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/text.h"
#include "lookup/lookup_index.h"
#include "lookup/lookup_index_format.h"
#include "lookup/lookup_index_writer.h"

namespace {

takao::GlossaryEntry entry(const char* zh, const char* en, const char* category, const char* district,
                           std::vector<std::string> aliases, const char* table) {
  takao::GlossaryEntry e;
  e.zh = zh;
  e.en = en;
  e.category = category;
  e.district = district;
  e.aliases = std::move(aliases);
  e.table_slug = table;
  e.url = std::string("/glossary/") + table + "/" + takao::url_encode_path(zh) + "/";
  return e;
}

// Rows of content/glossary (districts, roads, landmarks): enough for every key kind and an address.
const takao::GlossaryEntries& glossary() {
  static const takao::GlossaryEntries entries = {
      entry("鹽埕區", "Yancheng Dist.", "district", "", {"Yancheng District"}, "districts"),
      entry("鼓山區", "Gushan Dist.", "district", "", {"Gushan District"}, "districts"),
      entry("楠梓區", "Nanzih Dist.", "district", "", {"Nanzih District", "Nanzi Dist."}, "districts"),
      entry("新興區", "Sinsing Dist.", "district", "", {"Xinxing Dist."}, "districts"),
      entry("前鎮區", "Cianjhen Dist.", "district", "", {"Qianzhen Dist."}, "districts"),
      entry("鳳山區", "Fongshan Dist.", "district", "", {"Fengshan Dist."}, "districts"),
      entry("中山一路", "Jhongshan 1st Rd.", "road", "新興區", {"Zhongshan 1st Rd."}, "roads"),
      entry("中山二路", "Jhongshan 2nd Rd.", "road", "", {"Zhongshan 2nd Rd."}, "roads"),
      entry("中正四路", "Jhongjheng 4th Rd.", "road", "前金區", {"Zhongzheng 4th Rd."}, "roads"),
      entry("七賢一路", "Cisian 1st Rd.", "road", "新興區", {"Qixian 1st Rd."}, "roads"),
      entry("五福一路", "Wufu 1st Rd.", "road", "苓雅區", {}, "roads"),
      entry("光遠路", "Guangyuan Rd.", "road", "鳳山區", {}, "roads"),
      entry("蓮池潭", "Lotus Pond", "landmark", "左營區", {"Lianchitan"}, "landmarks"),
      entry("愛河", "Love River", "landmark", "", {"Ai River", "Aihe"}, "landmarks"),
      entry("駁二藝術特區", "The Pier-2 Art Center", "landmark", "鹽埕區", {"Pier 2"}, "landmarks"),
      entry("西子灣", "Sizihwan", "landmark", "鼓山區", {"Xiziwan"}, "landmarks"),
  };
  return entries;
}

takao::LookupIndex& index() {
  static const std::map<std::string, std::string> files = [] {
    std::map<std::string, std::string> m;
    for (auto& f : takao::write_lookup_index(glossary())) m[f.path] = f.bytes;
    return m;
  }();
  static std::unique_ptr<takao::LookupIndex> idx = [] {
    std::string error;
    auto i = takao::LookupIndex::open(
        [](const std::string& path) -> std::optional<std::string> {
          auto it = files.find(path);
          if (it == files.end()) return std::nullopt;
          return it->second;
        },
        &error);
    if (!i) __builtin_trap();
    // The index answers, or the checks below would hold of nothing.
    auto first = [&](const char* query) {
      auto hits = i->query(query, 1);
      return hits.empty() ? std::string() : hits[0].en;
    };
    if (first("前鎮區") != "Cianjhen Dist." || first("Qianzhen") != "Cianjhen Dist." ||
        first("Jhongshn") != "Jhongshan 1st Rd." || first("lianchitan") != "Lotus Pond" ||
        first("高雄市前鎮區中山二路5號").find("Jhongshan 2nd Rd.") == std::string::npos) {
      __builtin_trap();
    }
    return i;
  }();
  return *idx;
}

bool valid(std::string_view s) { return takao::find_invalid_utf8(s) == std::string_view::npos; }

// What a folded form may hold: [a-z0-9], and wide characters outside CJK punctuation and U+E000..U+FFFF.
void check_alphabet(const std::string& folded) {
  for (char32_t c : takao::to_u32(folded)) {
    if ((c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9')) continue;
    if (c < 0x2E80 || (c >= 0x3000 && c <= 0x303F) || (c >= 0xD800 && c <= 0xFFFF) || c > 0x10FFFF) __builtin_trap();
  }
}

void check_folded(std::string_view text, const takao::FoldTables& tables, bool dash_as_zhi) {
  auto tokens = takao::fold_tokens(text, tables, dash_as_zhi);
  std::string folded = takao::fold(text, tables, dash_as_zhi);
  std::string joined;
  for (const auto& t : tokens) {
    if (t.text.empty()) __builtin_trap();
    joined += t.text;
    // A token is its own folded form (a Latin token is one word: "rd", "1", "jhongshan").
    auto again = takao::fold_tokens(t.text, tables, dash_as_zhi);
    if (again.size() != 1 || again[0].text != t.text || again[0].latin != t.latin) __builtin_trap();
  }
  if (joined != folded) __builtin_trap();
  if (!valid(folded)) __builtin_trap();
  if (folded.size() > 6 * text.size()) __builtin_trap();
  check_alphabet(folded);
  // Words run together can fold once more ("1 st" -> "1st" -> "1"), then never again.
  std::string twice = takao::fold(folded, tables);
  if (takao::fold(twice, tables) != twice) __builtin_trap();
}

bool same(const takao::LookupHit& a, const takao::LookupHit& b) {
  return a.zh == b.zh && a.en == b.en && a.category == b.category && a.district == b.district && a.url == b.url;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;  // a query box; the cost is linear in the query, longer ones add nothing
  std::string_view text(reinterpret_cast<const char*>(data), size);
  takao::LookupIndex& idx = index();
  const takao::FoldTables& tables = idx.fold_tables();

  check_folded(text, tables, false);
  check_folded(text, tables, true);

  const std::string q = takao::fold(text, tables);
  const std::string group = takao::lookup_group(q);
  if (q.empty() != group.empty() || q.compare(0, group.size(), group) != 0 || group.size() > 4) __builtin_trap();
  auto groups = takao::fuzzy_groups(q);
  if (groups.empty() || groups[0] != group || groups.size() > 3) __builtin_trap();
  const std::u16string q16 = takao::to_u16(q);
  const int max = takao::allowed_edits(q16);
  if (max < 0 || max > 2) __builtin_trap();
  if (takao::prefix_edit_distance(q16, q16 + u"rd", max) != 0) __builtin_trap();
  int d = takao::prefix_edit_distance(q16, u"jhongshan1rd", max);
  if (d < 0 || d > max + 1) __builtin_trap();

  auto all = idx.query(text, 0);
  auto top = idx.query(text, 5);
  // Without a limit typo tolerance always runs; it only adds matches ranked after all others, so a limit
  // only cuts the full answer.
  if (top.size() != std::min<size_t>(5, all.size())) __builtin_trap();
  for (size_t i = 0; i < top.size(); ++i)
    if (!same(top[i], all[i])) __builtin_trap();
  auto again = idx.query(text, 0);
  if (again.size() != all.size()) __builtin_trap();
  for (size_t i = 0; i < all.size(); ++i)
    if (!same(all[i], again[i])) __builtin_trap();
  // An address answer repeats the query as typed (trimmed); everything else comes from the index.
  const bool valid_query = valid(text);
  for (const auto& h : all) {
    if (h.en.empty() || h.zh.empty()) __builtin_trap();
    if (h.category == "address") {
      if (!h.url.empty() || (valid_query && !valid(h.zh))) __builtin_trap();
    } else if (h.url.rfind("/glossary/", 0) != 0 || !valid(h.zh)) {
      __builtin_trap();
    }
    if (!valid(h.en) || !valid(h.district) || !valid(h.url)) __builtin_trap();
  }
  return 0;
}
