// Chinese postal addresses to the English postal form, smallest unit first:
// 高雄市前鎮區中山二路5號3樓 -> 3F., No. 5, Jhongshan 2nd Rd., Cianjhen Dist., Kaohsiung City.
// Names (city, district, village, road) come from a finder over the glossary; numbers and units are read
// here. takao-lookup.mjs implements the same steps.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "glossary/postal_table.h"
#include "lookup/lookup_fold.h"

namespace takao {

enum class AddressPart { city, district, village, road };

struct AddressName {
  size_t tokens = 0;    // how many folded tokens the name covers
  std::string en;       // its English
  long entry = -1;      // the glossary entry (index id), -1 for a built-in place
};

// Finds the longest name of `part` starting at token `at`; nullopt when there is none.
using AddressNameFinder =
    std::function<std::optional<AddressName>(const std::vector<FoldedToken>& tokens, size_t at, AddressPart part)>;

struct AddressTranslation {
  std::string en;                 // "3F., No. 5, Jhongshan 2nd Rd., Cianjhen Dist., Kaohsiung City"
  std::vector<long> entries;      // glossary entries used, smallest unit first (road, village, district, city)
  long district_entry = -1;
  long road_entry = -1;           // the road's glossary entry, -1 when spelled or absent
  long village_entry = -1;        // the 里/村's (a settlement of the Post's table, 中船一村, may stand for the road)
  PostalAddress numbers;          // lane, alley, house, floor: what decides the postal code
  // The English with a postal code put in: en_before_city + code + en_after_code ("..., Kaohsiung City "
  // + "806613" + ", Taiwan (R.O.C.)"); empty when the city is not Kaohsiung.
  std::string en_before_city, en_after_code;
};

// nullopt unless the whole text reads as an address with a road or a district and at least two parts.
std::optional<AddressTranslation> translate_address(std::string_view text, const FoldTables& tables,
                                                    const AddressNameFinder& find_name);

// The characters a name of each part must end with, folded (區 -> 区): a district ends in 区, 乡, 镇 or
// 市; a road in 路, 街 or 道.
bool address_name_ends_right(std::string_view last_char, AddressPart part);

// For a road or district the glossary lacks: spells it from the readings of its characters that the
// glossary's own names give (folded character -> Tongyong syllable, e.g. 博 -> bo, 爱 -> ai), so
// 博愛二路 becomes "Boai 2nd Rd." and 光復東路 "Guangfu E. Rd."; nullopt when a character has no reading.
std::optional<AddressName> spell_address_name(const std::vector<FoldedToken>& tokens, size_t at, AddressPart part,
                                              const std::map<std::string, std::string>& readings);

// "1st", "2nd", "3rd", "4th", "11th", "21st" ...
std::string english_ordinal(const std::string& digits);

}  // namespace takao
