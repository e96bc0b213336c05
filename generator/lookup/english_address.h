// English postal addresses, in Chunghwa Post's order (smallest unit first), read into their numbers and
// the words of the road and district: "3F., No. 5, Aly. 2, Ln. 10, Jhongshan 2nd Rd., Cianjhen Dist.,
// Kaohsiung City 806" -> floor 3, house 5, alley 2, lane 10, name words "jhongshan 2 rd cianjhen dist".
// Commas, "No.", "Kaohsiung City", "Taiwan (R.O.C.)" and a postal code are optional. takao-lookup.mjs
// implements the same steps.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lookup/lookup_fold.h"

namespace takao {

struct EnglishAddress {
  std::string room, floor, floor_sub, house, house_sub, alley, lane, section;  // digits, "" when absent
  bool basement = false;
  std::string postal;                  // a 3- to 6-digit code, if given
  // A floor written "3 F" just before the name words, folded ("3f"): the start of a name, perhaps, as in
  // "No. 1, 3 F, 2nd Bldg., Jingjhong New Vil." (精忠新村二棟三樓); "" otherwise.
  std::string floor_word;
  std::vector<FoldedToken> name;       // the road (and district) words, folded
};

// nullopt unless the text is Latin only and holds a house number or a lane before at least one name word.
std::optional<EnglishAddress> parse_english_address(std::string_view text, const FoldTables& tables);

}  // namespace takao
