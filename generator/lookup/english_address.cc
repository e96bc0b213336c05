#include "lookup/english_address.h"

namespace takao {

namespace {

bool digits(const std::string& s) {
  if (s.empty() || s.size() > 6) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string number(const std::string& d) {
  size_t i = 0;
  while (i + 1 < d.size() && d[i] == '0') ++i;
  return d.substr(i);
}

}  // namespace

std::optional<EnglishAddress> parse_english_address(std::string_view text, const FoldTables& tables) {
  if (text.size() > 400) return std::nullopt;
  std::vector<FoldedToken> t = fold_tokens(text, tables, /*dash_as_zhi=*/true);
  for (const auto& tok : t)
    if (!tok.latin && tok.text != "之") return std::nullopt;
  EnglishAddress a;
  size_t at = 0;
  auto is = [&](size_t i, std::string_view w) { return i < t.size() && t[i].latin && t[i].text == w; };
  auto num = [&](size_t i) { return i < t.size() && digits(t[i].text); };
  auto sub = [&](std::string& out) {
    if (at + 1 < t.size() && t[at].text == "之" && num(at + 1)) {
      out = number(t[at + 1].text);
      at += 2;
    }
  };
  bool progress = true;
  using Unit = EnglishAddress::Unit;
  auto unit = [&](Unit u) { a.units.emplace_back(at, u); };
  while (progress && at < t.size()) {
    progress = false;
    const std::string& w = t[at].text;
    if (is(at, "rm") && num(at + 1) && a.room.empty()) {
      unit(Unit::room);
      a.room = number(t[at + 1].text), at += 2, progress = true;
    } else if (w.size() >= 2 && w.back() == 'f' && digits(w.substr(0, w.size() - 1)) && a.floor.empty()) {
      unit(Unit::floor);
      a.floor = number(w.substr(0, w.size() - 1)), ++at, progress = true;  // "3F."
      sub(a.floor_sub);
    } else if (num(at) && is(at + 1, "f") && a.floor.empty()) {
      unit(Unit::floor);
      a.floor = number(w), at += 2, progress = true;  // "3 F", "3rd Floor"
      sub(a.floor_sub);
    } else if (w.size() >= 2 && w[0] == 'b' && digits(w.substr(1)) && a.floor.empty()) {
      unit(Unit::floor);
      a.floor = number(w.substr(1)), a.basement = true, ++at, progress = true;  // "B1"
    } else if (is(at, "no") && num(at + 1) && a.house.empty()) {
      unit(Unit::house);
      a.house = number(t[at + 1].text), at += 2, progress = true;
      sub(a.house_sub);
    } else if (is(at, "aly") && num(at + 1) && a.alley.empty()) {
      unit(Unit::alley);
      a.alley = number(t[at + 1].text), at += 2, progress = true;
    } else if (is(at, "ln") && num(at + 1) && a.lane.empty()) {
      unit(Unit::lane);
      a.lane = number(t[at + 1].text), at += 2, progress = true;
    } else if (is(at, "sec") && num(at + 1) && a.section.empty()) {
      unit(Unit::section);
      a.section = number(t[at + 1].text), at += 2, progress = true;
    } else if (num(at) && a.house.empty() && at + 1 < t.size() && !num(at + 1) && !is(at + 1, "f") &&
               !is(at + 1, "rd") && !is(at + 1, "st")) {
      unit(Unit::house);
      a.house = number(w), ++at, progress = true;  // "5 Guangyuan Rd."
      sub(a.house_sub);
    }
  }
  size_t end = t.size();
  // From the end: Taiwan (R.O.C.), the postal code, Kaohsiung City, in any order.
  for (bool more = true; more && end > at;) {
    more = false;
    if (end >= at + 3 && is(end - 3, "r") && is(end - 2, "o") && is(end - 1, "c")) end -= 3, more = true;
    else if (is(end - 1, "roc") || is(end - 1, "taiwan")) end -= 1, more = true;
    else if (digits(t[end - 1].text) && t[end - 1].text.size() >= 3 && a.postal.empty()) a.postal = t[end - 1].text, end -= 1, more = true;
    else if (end >= at + 2 && is(end - 2, "kaohsiung") && is(end - 1, "city")) end -= 2, more = true;
    else if (is(end - 1, "kaohsiung")) end -= 1, more = true;
  }
  if (end <= at) return std::nullopt;
  if (a.house.empty() && a.lane.empty() && a.alley.empty()) return std::nullopt;
  a.before_name.assign(t.begin(), t.begin() + at);
  a.name.assign(t.begin() + at, t.begin() + end);
  for (const auto& tok : a.name)
    if (!tok.latin) return std::nullopt;
  return a;
}

bool give_numbers_to_name(EnglishAddress& a, size_t start) {
  using Unit = EnglishAddress::Unit;
  for (const auto& [at, u] : a.units) {
    if (at < start) continue;
    switch (u) {
      case Unit::room: a.room.clear(); break;
      case Unit::floor: a.floor.clear(), a.floor_sub.clear(), a.basement = false; break;
      case Unit::house: a.house.clear(), a.house_sub.clear(); break;
      case Unit::alley: a.alley.clear(); break;
      case Unit::lane: a.lane.clear(); break;
      case Unit::section: a.section.clear(); break;
    }
  }
  a.name.insert(a.name.begin(), a.before_name.begin() + start, a.before_name.end());
  a.before_name.resize(start);
  return !(a.house.empty() && a.lane.empty() && a.alley.empty());
}

std::string name_from(const EnglishAddress& a, size_t start, const std::string& name_text) {
  std::string out;
  for (size_t i = start; i < a.before_name.size(); ++i) out += a.before_name[i].text;
  return out + name_text;
}

}  // namespace takao
