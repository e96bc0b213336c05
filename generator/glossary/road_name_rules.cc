#include "glossary/road_name_rules.h"

#include <cctype>
#include <vector>

#include "core/text.h"

namespace takao {

namespace {

struct Suffix {
  const char* chinese;    // what the Chinese name ends with
  const char* approved;   // the abbreviation the rules ask for
  std::vector<const char*> other_forms;  // lower-case spellings that mean the same
};

const std::vector<Suffix>& suffixes() {
  static const std::vector<Suffix> list = {
      {"大道", "Blvd.", {"blvd", "boulevard"}}, {"路", "Rd.", {"rd", "road"}},
      {"街", "St.", {"st", "street"}},          {"巷", "Ln.", {"ln", "lane"}},
      {"弄", "Aly.", {"aly", "alley"}},         {"區", "Dist.", {"dist", "district"}},
      {"段", "Sec.", {"sec", "section"}},
  };
  return list;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The last word, and whether a section ("..., Sec. 2") followed it.
std::string last_word(std::string_view english) {
  std::string e = trim(english);
  size_t comma = e.rfind(", Sec.");
  if (comma != std::string::npos) e.resize(comma);
  size_t space = e.find_last_of(' ');
  return space == std::string::npos ? "" : e.substr(space + 1);
}

}  // namespace

static bool road_like(std::string_view category) {
  static const char* categories[] = {"", "road", "street", "boulevard", "avenue", "lane", "alley", "district",
                                     "道路", "路", "街", "街道", "巷", "弄", "行政區", "區"};
  std::string c = lower(trim(category));
  for (const char* r : categories)
    if (c == r) return true;
  return false;
}

std::optional<std::string> road_name_problem(std::string_view chinese, std::string_view english,
                                             std::string_view category) {
  std::string en = trim(english);
  if (!en.empty() && en[0] >= 'a' && en[0] <= 'z')
    return "English name '" + en + "' should start with a capital letter (national road-name rules)";
  std::string word = last_word(en);
  std::string bare = lower(word);
  if (!bare.empty() && bare.back() == '.') bare.pop_back();
  // A spelled-out or unpunctuated suffix, whatever the Chinese says.
  for (const auto& s : suffixes()) {
    for (const char* form : s.other_forms) {
      if (bare == form && word != s.approved)
        return "English name '" + en + "' should end with '" + s.approved + "', not '" + word +
               "' (national road-name rules)";
    }
  }
  if (!road_like(category)) return std::nullopt;
  std::string zh = trim(chinese);
  // 中山路一段 is a road with a section: the road's suffix is what counts.
  std::string_view road = zh;
  if (ends_with(road, "段")) {
    size_t lu = road.rfind("路");
    if (lu != std::string_view::npos) road = road.substr(0, lu + 3);
  }
  for (const auto& s : suffixes()) {
    if (!ends_with(road, s.chinese)) continue;
    if (word == s.approved) return std::nullopt;
    bool other_suffix = false;
    for (const auto& t : suffixes()) other_suffix |= word == t.approved;
    if (other_suffix)
      return "English name '" + en + "' ends with '" + word + "' but " + s.chinese + " is '" + s.approved +
             "' (national road-name rules)";
    return "English name '" + en + "' should end with '" + s.approved + "' for " + s.chinese +
           " (national road-name rules)";
  }
  return std::nullopt;
}

}  // namespace takao
