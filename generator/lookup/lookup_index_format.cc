#include "lookup/lookup_index_format.h"

namespace takao {

static size_t utf8_char_length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

static bool is_latin(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

std::string lookup_group(std::string_view folded) {
  if (folded.empty()) return {};
  if (folded.size() >= 2 && is_latin(folded[0]) && is_latin(folded[1])) return std::string(folded.substr(0, 2));
  return std::string(folded.substr(0, std::min(folded.size(), utf8_char_length(folded[0]))));
}

const std::vector<std::pair<std::string, std::string>>& address_places() {
  static const std::vector<std::pair<std::string, std::string>> places = {
      {"高雄市", "Kaohsiung City"},   {"臺北市", "Taipei City"},     {"新北市", "New Taipei City"},
      {"桃園市", "Taoyuan City"},     {"臺中市", "Taichung City"},   {"臺南市", "Tainan City"},
      {"基隆市", "Keelung City"},     {"新竹市", "Hsinchu City"},    {"嘉義市", "Chiayi City"},
      {"新竹縣", "Hsinchu County"},   {"苗栗縣", "Miaoli County"},   {"彰化縣", "Changhua County"},
      {"南投縣", "Nantou County"},    {"雲林縣", "Yunlin County"},   {"嘉義縣", "Chiayi County"},
      {"屏東縣", "Pingtung County"},  {"宜蘭縣", "Yilan County"},    {"花蓮縣", "Hualien County"},
      {"臺東縣", "Taitung County"},   {"澎湖縣", "Penghu County"},   {"金門縣", "Kinmen County"},
      {"連江縣", "Lienchiang County"},
  };
  return places;
}

}  // namespace takao
