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

// The last word of each comma-separated part: postal order puts the smallest unit first, so
// 鹽港二路和平二巷 is "Heping 2nd Ln., Yangang 2nd Rd." and 三合街一段 is "Sec. 1, Sanhe St.".
std::vector<std::string> last_words(std::string_view english) {
  std::vector<std::string> words;
  std::string e = trim(english);
  size_t start = 0;
  while (start <= e.size()) {
    size_t comma = e.find(", ", start);
    std::string part = trim(std::string_view(e).substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (part.rfind("Sec. ", 0) == 0) {
      words.push_back("Sec.");
    } else {
      size_t space = part.find_last_of(' ');
      words.push_back(space == std::string::npos ? part : part.substr(space + 1));
    }
    if (comma == std::string::npos) break;
    start = comma + 2;
  }
  return words;
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
  std::vector<std::string> words = last_words(en);
  // A spelled-out or unpunctuated suffix, whatever the Chinese says.
  for (const std::string& word : words) {
    std::string bare = lower(word);
    if (!bare.empty() && bare.back() == '.') bare.pop_back();
    for (const auto& s : suffixes()) {
      for (const char* form : s.other_forms) {
        if (bare == form && word != s.approved)
          return "English name '" + en + "' should write '" + s.approved + "', not '" + word +
                 "' (national road-name rules)";
      }
    }
  }
  if (!road_like(category)) return std::nullopt;
  std::string zh = trim(chinese);
  for (const auto& s : suffixes()) {
    if (!ends_with(zh, s.chinese)) continue;
    std::string other;
    for (const std::string& word : words) {
      if (word == s.approved) return std::nullopt;
      for (const auto& t : suffixes())
        if (word == t.approved && other.empty()) other = word;
    }
    if (!other.empty())
      return "English name '" + en + "' has '" + other + "' but " + s.chinese + " is '" + s.approved +
             "' (national road-name rules)";
    return "English name '" + en + "' should have '" + s.approved + "' for " + s.chinese +
           " (national road-name rules)";
  }
  return std::nullopt;
}

}  // namespace takao
