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
  size_t spaced_floor_end = 0;  // where a floor written "3 F" ends
  while (progress && at < t.size()) {
    progress = false;
    const std::string& w = t[at].text;
    if (is(at, "rm") && num(at + 1) && a.room.empty()) {
      a.room = number(t[at + 1].text), at += 2, progress = true;
    } else if (w.size() >= 2 && w.back() == 'f' && digits(w.substr(0, w.size() - 1)) && a.floor.empty()) {
      a.floor = number(w.substr(0, w.size() - 1)), ++at, progress = true;  // "3F."
      sub(a.floor_sub);
    } else if (num(at) && is(at + 1, "f") && a.floor.empty()) {
      a.floor = number(w), at += 2, progress = true;  // "3 F", "3rd Floor"
      spaced_floor_end = at;
      sub(a.floor_sub);
    } else if (w.size() >= 2 && w[0] == 'b' && digits(w.substr(1)) && a.floor.empty()) {
      a.floor = number(w.substr(1)), a.basement = true, ++at, progress = true;  // "B1"
    } else if (is(at, "no") && num(at + 1) && a.house.empty()) {
      a.house = number(t[at + 1].text), at += 2, progress = true;
      sub(a.house_sub);
    } else if (is(at, "aly") && num(at + 1) && a.alley.empty()) {
      a.alley = number(t[at + 1].text), at += 2, progress = true;
    } else if (is(at, "ln") && num(at + 1) && a.lane.empty()) {
      a.lane = number(t[at + 1].text), at += 2, progress = true;
    } else if (is(at, "sec") && num(at + 1) && a.section.empty()) {
      a.section = number(t[at + 1].text), at += 2, progress = true;
    } else if (num(at) && a.house.empty() && at + 1 < t.size() && !num(at + 1) && !is(at + 1, "f") &&
               !is(at + 1, "rd") && !is(at + 1, "st")) {
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
  if (spaced_floor_end == at && a.floor_sub.empty()) a.floor_word = t[at - 2].text + "f";
  a.name.assign(t.begin() + at, t.begin() + end);
  for (const auto& tok : a.name)
    if (!tok.latin) return std::nullopt;
  return a;
}

}  // namespace takao
