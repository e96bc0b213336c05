// libFuzzer target: folding and the address parser on any bytes. Queries come from anyone typing, so no
// input may crash or hang; a translation, when there is one, is never empty and names only known places.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "lookup/address_parser.h"
#include "lookup/lookup_index_writer.h"

namespace {

const takao::FoldTables& tables() {
  static const takao::FoldTables t = takao::lookup_fold_tables({});
  return t;
}

// A tiny glossary: folded Chinese name -> English, for each part of an address.
std::optional<takao::AddressName> find(const std::vector<takao::FoldedToken>& t, size_t at, takao::AddressPart part) {
  static const std::pair<const char*, const char*> names[] = {
      {"高雄市", "Kaohsiung City"}, {"前镇区", "Cianjhen Dist."}, {"中山2路", "Jhongshan 2nd Rd."},
      {"光远路", "Guangyuan Rd."},  {"凤山区", "Fongshan Dist."}, {"草衙里", "Caoya Vil."},
  };
  for (size_t n = std::min<size_t>(8, t.size() - at); n >= 1; --n) {
    if (t[at + n - 1].latin || !takao::address_name_ends_right(t[at + n - 1].text, part)) continue;
    std::string s;
    for (size_t i = at; i < at + n; ++i) s += t[i].text;
    for (long i = 0; i < static_cast<long>(std::size(names)); ++i)
      if (s == names[i].first) return takao::AddressName{n, names[i].second, i};
  }
  static const std::map<std::string, std::string> readings = {{"中", "jhong"}, {"山", "shan"}, {"大", "da"},
                                                               {"东", "dong"}, {"路", "lu"}, {"区", "cyu"}};
  return takao::spell_address_name(t, at, part, readings);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string folded = takao::fold(text, tables());
  std::string dashed = takao::fold(text, tables(), true);
  if (folded.size() > dashed.size()) __builtin_trap();  // 之 for a dash only ever adds
  if (auto address = takao::translate_address(text, tables(), find)) {
    if (address->en.empty()) __builtin_trap();
    for (long e : address->entries)
      if (e < 0 || e >= 6) __builtin_trap();
    if (address->en.find(", ,") != std::string::npos) __builtin_trap();
  }
  return 0;
}
