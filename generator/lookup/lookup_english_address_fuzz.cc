// libFuzzer target: the English-address path on any bytes: parse_english_address, then a whole query
// through an index of a tiny glossary with a postal table, so that reading the road and district, the
// postal ranges and the Chinese form are all exercised. No input may crash or hang; an address answer
// always has its Chinese and English, and a code, when given, is three or six digits.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "glossary/glossary_reader.h"
#include "glossary/postal_table.h"
#include "lookup/english_address.h"
#include "lookup/lookup_index.h"
#include "lookup/lookup_index_writer.h"

namespace {

takao::LookupIndex& index() {
  static std::map<std::string, std::string> files;
  static std::unique_ptr<takao::LookupIndex> built = [] {
    takao::Diagnostics diags;
    takao::GlossaryTableInfo districts{"d.csv", "glossary/districts.csv", "districts", "district"};
    takao::GlossaryTableInfo roads{"r.csv", "glossary/streets.csv", "streets", "road"};
    std::vector<takao::GlossaryEntries> tables;
    tables.push_back(takao::read_glossary_csv("中文,English\n前鎮區,Cianjhen Dist.\n鳳山區,Fongshan Dist.\n", districts, diags));
    tables.push_back(takao::read_glossary_csv(
        "中文,English,英譯來源\n一心一路,Yisin 1st Rd.,post\n光遠路,Guangyuan Rd.,post\n中山路一段,\"Sec. 1, Jhongshan Rd.\",post\n", roads, diags));
    for (auto& t : tables)
      for (auto& e : t)
        if (e.category.empty()) e.category = &t == &tables[0] ? "district" : "road";
    takao::GlossaryEntries entries = takao::finish_glossary(std::move(tables), diags);
    takao::PostalTable postal = takao::read_postal_table(
        "ZIPCODE,CITY,AREA,ROAD,SCOOP\n806613,高雄市,前鎮區,一心一路,單 239號至 243號 2樓以上\n"
        "806026,高雄市,前鎮區,一心一路,單全\n806006,高雄市,前鎮區,一心一路,雙 302號以上\n"
        "830026,高雄市,鳳山區,光遠路,　 10巷單全\n830019,高雄市,鳳山區,光遠路,連 2之 1號至之 9號\n"
        "830001,高雄市,鳳山區,中山路一段,全\n",
        "p.csv", diags);
    takao::attach_postal(entries, postal);
    for (auto& f : takao::write_lookup_index(entries, postal)) files[f.path] = f.bytes;
    std::string error;
    return takao::LookupIndex::open(
        [](const std::string& path) -> std::optional<std::string> {
          auto it = files.find(path);
          if (it == files.end()) return std::nullopt;
          return it->second;
        },
        &error);
  }();
  return *built;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  takao::LookupIndex& lookup = index();
  if (auto a = takao::parse_english_address(text, lookup.fold_tables())) {
    if (a->name.empty()) __builtin_trap();
    for (const std::string* n : {&a->house, &a->lane, &a->alley, &a->floor})
      for (char c : *n)
        if (c < '0' || c > '9') __builtin_trap();
  }
  for (const auto& hit : lookup.query(text, 5)) {
    if (hit.category != "address") continue;
    if (hit.zh.empty() || hit.en.empty()) __builtin_trap();
    if (!hit.postcode.empty() && hit.postcode.size() != 3 && hit.postcode.size() != 6) __builtin_trap();
  }
  return 0;
}
