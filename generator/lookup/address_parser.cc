#include "lookup/address_parser.h"

#include <cctype>

namespace takao {

namespace {

bool is_digits(const FoldedToken& t) {
  if (!t.latin || t.text.empty()) return false;
  for (char c : t.text)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string number(const std::string& digits) {
  size_t i = 0;
  while (i + 1 < digits.size() && digits[i] == '0') ++i;
  return digits.substr(i);
}

// Reads "N UNIT" at `at`; on success advances `at` and returns N.
std::optional<std::string> number_with(const std::vector<FoldedToken>& t, size_t& at, std::string_view unit) {
  if (at + 1 < t.size() && is_digits(t[at]) && t[at + 1].text == unit) {
    std::string n = number(t[at].text);
    at += 2;
    return n;
  }
  return std::nullopt;
}

// Reads "之 N" at `at` (5之1號, 5號之1); on success advances `at`.
std::optional<std::string> sub_number(const std::vector<FoldedToken>& t, size_t& at) {
  if (at + 1 < t.size() && t[at].text == "之" && is_digits(t[at + 1])) {
    std::string n = number(t[at + 1].text);
    at += 2;
    return n;
  }
  return std::nullopt;
}

}  // namespace

std::string english_ordinal(const std::string& digits) {
  std::string n = number(digits);
  int last = n.back() - '0';
  int tens = n.size() > 1 ? n[n.size() - 2] - '0' : 0;
  if (tens != 1 && last == 1) return n + "st";
  if (tens != 1 && last == 2) return n + "nd";
  if (tens != 1 && last == 3) return n + "rd";
  return n + "th";
}

std::optional<AddressName> spell_address_name(const std::vector<FoldedToken>& t, size_t at, AddressPart part,
                                              const std::map<std::string, std::string>& readings) {
  if (part != AddressPart::road && part != AddressPart::district) return std::nullopt;
  auto is_suffix_at = [&](size_t i) {
    if (part == AddressPart::district) return t[i].text == "区";
    return t[i].text == "路" || t[i].text == "街" || (t[i].text == "大" && i + 1 < t.size() && t[i + 1].text == "道");
  };
  static const std::pair<const char*, const char*> directions[] = {{"东", "E."}, {"西", "W."}, {"南", "S."}, {"北", "N."}};
  auto direction_at = [&](size_t i) -> const char* {
    if (part != AddressPart::road || i + 1 >= t.size() || !is_suffix_at(i + 1)) return nullptr;
    for (const auto& [zh, en] : directions)
      if (t[i].text == zh) return en;
    return nullptr;
  };
  std::string name;
  size_t i = at;
  while (i < t.size() && i - at < 6 && !t[i].latin && !is_suffix_at(i) && !direction_at(i)) {
    auto r = readings.find(t[i].text);
    if (r == readings.end()) return std::nullopt;
    name += r->second;
    ++i;
  }
  if (name.empty() || i >= t.size()) return std::nullopt;
  std::string extra;
  if (part == AddressPart::road) {
    if (is_digits(t[i]) && i + 1 < t.size()) extra += " " + english_ordinal(t[i++].text);
    if (i < t.size())
      if (const char* d = direction_at(i)) {
        extra += std::string(" ") + d;
        ++i;
      }
  }
  if (i >= t.size() || !is_suffix_at(i)) return std::nullopt;
  std::string suffix = part == AddressPart::district ? "Dist." : t[i].text == "路" ? "Rd." : t[i].text == "街" ? "St." : "Blvd.";
  size_t end = i + (t[i].text == "大" ? 2 : 1);
  name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return AddressName{end - at, name + extra + " " + suffix, -1};
}

bool address_name_ends_right(std::string_view last, AddressPart part) {
  switch (part) {
    case AddressPart::city: return last == "市" || last == "县";
    case AddressPart::district: return last == "区" || last == "乡" || last == "镇" || last == "市";
    case AddressPart::village: return last == "里" || last == "村";
    case AddressPart::road: return last == "路" || last == "街" || last == "道" || last == "段";  // 中山路一段
  }
  return false;
}

std::optional<AddressTranslation> translate_address(std::string_view text, const FoldTables& tables,
                                                    const AddressNameFinder& find_name) {
  const std::vector<FoldedToken> t = fold_tokens(text, tables, /*dash_as_zhi=*/true);
  size_t at = 0;
  int parts = 0;
  std::string postal;
  bool taiwan = false;
  std::optional<AddressName> city, district, village, road;
  std::optional<std::string> section, lane, alley, house, house_sub, floor, floor_sub, room;
  bool basement = false;

  if (at + 1 < t.size() && is_digits(t[at]) && t[at].text.size() >= 3 && t[at].text.size() <= 6 && !t[at + 1].latin) {
    postal = t[at].text;
    ++at;
  }
  auto take_word = [&](std::string_view word) {
    std::u32string w = to_u32(word);
    if (at + w.size() > t.size()) return false;
    for (size_t i = 0; i < w.size(); ++i) {
      std::string c;
      append_utf8(c, w[i]);
      if (t[at + i].text != c) return false;
    }
    at += w.size();
    return true;
  };
  if (take_word("台湾") || take_word("中华民国")) taiwan = true;
  auto take_name = [&](AddressPart part, std::optional<AddressName>& slot) {
    if (at >= t.size()) return;
    if (auto name = find_name(t, at, part); name && name->tokens > 0 && at + name->tokens <= t.size()) {
      at += name->tokens;
      slot = std::move(name);
      ++parts;
    }
  };
  take_name(AddressPart::city, city);
  take_name(AddressPart::district, district);
  const size_t before_village = at;
  take_name(AddressPart::village, village);
  if (village) {
    // A known road or settlement that starts with the village's name and holds characters read as
    // numbers and units (精忠新村二棟三樓, 黃埔新村東一巷) is read whole, before lanes, alleys and floors.
    if (auto whole = find_name(t, before_village, AddressPart::road);
        whole && whole->entry >= 0 && whole->tokens > village->tokens && before_village + whole->tokens <= t.size()) {
      village.reset();
      --parts;
      at = before_village;
    }
  }
  if (number_with(t, at, "邻")) ++parts;  // the neighbourhood: not written in English addresses
  take_name(AddressPart::road, road);
  if ((section = number_with(t, at, "段"))) ++parts;
  if ((lane = number_with(t, at, "巷"))) ++parts;
  if ((alley = number_with(t, at, "弄"))) ++parts;
  if (at < t.size() && is_digits(t[at])) {
    size_t save = at;
    std::string n = number(t[at].text);
    ++at;
    auto sub = sub_number(t, at);
    if (at < t.size() && t[at].text == "号") {
      ++at;
      house = n;
      house_sub = sub ? sub : sub_number(t, at);
      ++parts;
    } else {
      at = save;
    }
  }
  if (take_word("地下")) basement = true;
  if (at + 1 < t.size() && is_digits(t[at]) && t[at + 1].text == "楼") {
    floor = number(t[at].text);
    at += 2;
    floor_sub = sub_number(t, at);
    ++parts;
  } else if (basement) {
    return std::nullopt;
  }
  if ((room = number_with(t, at, "室"))) ++parts;

  if (at != t.size() || parts < 2 || (!road && !district)) return std::nullopt;

  AddressTranslation out;
  if (road) out.road_entry = road->entry;
  if (village) out.village_entry = village->entry;
  auto to_int = [](const std::optional<std::string>& d) { return d && d->size() <= 6 ? std::stoi(*d) : 0; };
  out.numbers.lane = to_int(lane);
  out.numbers.alley = to_int(alley);
  out.numbers.house = {to_int(house), to_int(house_sub)};
  out.numbers.floor = to_int(floor);
  out.numbers.basement = basement;
  std::vector<std::string> pieces;
  if (room) pieces.push_back("Rm. " + *room);
  if (floor) pieces.push_back((basement ? "B" + *floor : *floor + "F.") + (floor_sub ? "-" + *floor_sub : ""));
  if (house) pieces.push_back("No. " + *house + (house_sub ? "-" + *house_sub : ""));
  if (alley) pieces.push_back("Aly. " + *alley);
  if (lane) pieces.push_back("Ln. " + *lane);
  if (section) pieces.push_back("Sec. " + *section);
  for (auto* name : {&road, &village, &district}) {
    if (!*name) continue;
    pieces.push_back((*name)->en);
    if ((*name)->entry >= 0) out.entries.push_back((*name)->entry);
  }
  if (district) out.district_entry = district->entry;
  if (!city || city->en == "Kaohsiung City") {
    std::string local;
    for (const auto& p : pieces) local += (local.empty() ? "" : ", ") + p;
    out.en_before_city = local + ", Kaohsiung City ";
    if (taiwan) out.en_after_code = ", Taiwan (R.O.C.)";
  }
  if (city) {
    pieces.push_back(city->en + (postal.empty() ? "" : " " + postal));
    if (city->entry >= 0) out.entries.push_back(city->entry);
  } else if (!postal.empty()) {
    pieces.push_back(postal);
  }
  if (taiwan) pieces.push_back("Taiwan (R.O.C.)");
  for (const auto& p : pieces) {
    if (!out.en.empty()) out.en += ", ";
    out.en += p;
  }
  return out;
}

}  // namespace takao
