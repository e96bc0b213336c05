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
  // Where each number read starts, in the order read, with the folded tokens before the name words: a
  // name of the Post may begin with what reads as a number ("3 F, 2nd Bldg., Jingjhong New Vil." for
  // 精忠新村二棟三樓, "Aly. 9, Baosheng St." for 保生街九弄, "32nd Wharf").
  enum class Unit { room, floor, house, alley, lane, section };
  std::vector<std::pair<size_t, Unit>> units;
  std::vector<FoldedToken> before_name;
  std::vector<FoldedToken> name;       // the road (and district) words, folded
};

// nullopt unless the text is Latin only and holds a house number or a lane before at least one name word.
std::optional<EnglishAddress> parse_english_address(std::string_view text, const FoldTables& tables);

// Gives back to the name the numbers read from token `start` on (they are part of a name); false when no
// house number, lane or alley is left.
bool give_numbers_to_name(EnglishAddress& a, size_t start);

// The folded text of the tokens from `start` to the name words, then the name words' `name_text`.
std::string name_from(const EnglishAddress& a, size_t start, const std::string& name_text);

}  // namespace takao
