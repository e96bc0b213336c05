#include "glossary/postal_table.h"

#include <algorithm>
#include <map>

#include "glossary/csv_table.h"
#include "core/text.h"

namespace takao {

namespace {

// One token of a SCOOP: a number with its unit (號, 巷, 弄, 樓, 附號) or a word.
struct ScoopToken {
  enum Type { number, word } type = word;
  std::u32string text;     // the word, or the unit of a number
  PostalNumber value;
  bool inherits_n = false;  // 「至之 3號」: the number is the start's
};

std::u32string decode(std::string_view s) {
  std::u32string out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    char32_t cp;
    int len;
    if (c < 0x80) { cp = c; len = 1; }
    else if ((c >> 5) == 6) { cp = c & 0x1F; len = 2; }
    else if ((c >> 4) == 14) { cp = c & 0x0F; len = 3; }
    else { cp = c & 0x07; len = 4; }
    if (i + len > s.size()) break;
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out += cp;
    i += len;
  }
  return out;
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_digit_wide(char32_t c) { return c >= U'０' && c <= U'９'; }

std::optional<std::vector<ScoopToken>> tokenize(std::u32string_view s) {
  static const std::u32string words[] = {U"及以上附號", U"含附號", U"以下", U"以上", U"單", U"雙", U"連", U"全", U"至"};
  static const std::u32string units[] = {U"附號", U"號", U"巷", U"弄", U"樓"};
  std::vector<ScoopToken> out;
  size_t i = 0;
  auto read_int = [&](int& v) {
    if (i >= s.size() || !(is_digit(s[i]) || is_digit_wide(s[i]))) return false;
    v = 0;
    while (i < s.size() && (is_digit(s[i]) || is_digit_wide(s[i]))) {
      if (v > 100000) return false;
      v = v * 10 + static_cast<int>(is_digit(s[i]) ? s[i] - U'0' : s[i] - U'０');
      ++i;
    }
    return true;
  };
  while (i < s.size()) {
    char32_t c = s[i];
    if (c == U' ' || c == U'　' || c == U'\t') { ++i; continue; }
    ScoopToken t;
    if (is_digit(c) || is_digit_wide(c) || (c == U'之' && i + 1 < s.size())) {
      t.type = ScoopToken::number;
      if (c == U'之') {
        t.inherits_n = true;
      } else if (!read_int(t.value.n)) {
        return std::nullopt;
      }
      while (i < s.size() && (s[i] == U' ' || s[i] == U'　')) ++i;
      if (i < s.size() && s[i] == U'之') {
        ++i;
        while (i < s.size() && (s[i] == U' ' || s[i] == U'　')) ++i;
        if (!read_int(t.value.sub)) return std::nullopt;
      } else if (t.inherits_n) {
        return std::nullopt;
      }
      bool found = false;
      for (const auto& u : units) {
        if (s.substr(i, u.size()) == u) {
          t.text = u;
          i += u.size();
          found = true;
          break;
        }
      }
      if (!found) return std::nullopt;
      out.push_back(std::move(t));
      continue;
    }
    bool found = false;
    for (const auto& w : words) {
      if (s.substr(i, w.size()) == w) {
        t.text = w;
        i += w.size();
        found = true;
        break;
      }
    }
    if (!found) return std::nullopt;
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace

int PostalRange::specificity() const {
  int kind_rank = 0;
  switch (kind) {
    case PostalKind::exact: kind_rank = 4; break;
    case PostalKind::between: kind_rank = 3; break;
    case PostalKind::at_least:
    case PostalKind::at_most: kind_rank = 2; break;
    case PostalKind::all: kind_rank = parity == PostalParity::any ? 0 : 1; break;
  }
  int prefix = (lane ? 1 : 0) + (alley ? 1 : 0);
  return prefix * 100 + ((floor_min || floor_max) ? 10 : 0) + kind_rank;
}

std::optional<PostalRange> parse_postal_scoop(std::string_view scoop) {
  auto tokens = tokenize(decode(scoop));
  if (!tokens || tokens->empty()) return std::nullopt;
  const auto& t = *tokens;
  PostalRange r;
  size_t i = 0;
  auto is_word = [&](size_t k, std::u32string_view w) { return k < t.size() && t[k].type == ScoopToken::word && t[k].text == w; };
  auto is_number = [&](size_t k, std::u32string_view unit) {
    return k < t.size() && t[k].type == ScoopToken::number && !t[k].inherits_n && t[k].value.sub == 0 && t[k].text == unit;
  };
  auto is_condition_word = [&](size_t k) {
    return is_word(k, U"至") || is_word(k, U"以下") || is_word(k, U"以上") || is_word(k, U"含附號") || is_word(k, U"及以上附號");
  };
  // The fixed prefix: 「10巷」, 「10巷 3弄」, 「3弄」, unless the number is itself the condition.
  if (is_number(i, U"巷") && !is_condition_word(i + 1) && i + 1 < t.size()) r.lane = t[i++].value.n;
  if (is_number(i, U"弄") && !is_condition_word(i + 1) && i + 1 < t.size()) r.alley = t[i++].value.n;
  if (is_word(i, U"單")) r.parity = PostalParity::odd, ++i;
  else if (is_word(i, U"雙")) r.parity = PostalParity::even, ++i;
  else if (is_word(i, U"連")) ++i;
  auto is_position = [&](size_t k) {
    return k < t.size() && t[k].type == ScoopToken::number && !t[k].inherits_n && t[k].text != U"樓";
  };
  if (is_word(i, U"全")) {
    r.kind = PostalKind::all;
    ++i;
  } else if (is_position(i)) {
    PostalNumber a = t[i].value;
    bool subs_of = t[i].text == U"附號";
    ++i;
    if (subs_of) {  // 「5附號」: the sub-numbers of 5
      r.kind = PostalKind::between;
      r.from = {a.n, 1};
      r.to = {a.n, kAnySub};
    } else if (is_word(i, U"至")) {
      ++i;
      if (i >= t.size() || t[i].type != ScoopToken::number || t[i].text == U"樓" || t[i].text == U"附號") return std::nullopt;
      PostalNumber b = t[i].value;
      if (t[i].inherits_n) b.n = a.n;
      ++i;
      r.kind = PostalKind::between;
      r.from = a;
      r.to = b;
      if (is_word(i, U"含附號")) r.to.sub = kAnySub, ++i;
    } else if (is_word(i, U"以下")) {
      r.kind = PostalKind::at_most, r.to = a, ++i;
    } else if (is_word(i, U"以上")) {
      r.kind = PostalKind::at_least, r.from = a, ++i;
    } else if (is_word(i, U"含附號")) {
      ++i;
      if (is_word(i, U"以下")) {
        r.kind = PostalKind::at_most, r.to = {a.n, kAnySub}, ++i;
      } else {
        r.kind = PostalKind::between, r.from = {a.n, 0}, r.to = {a.n, kAnySub};
      }
    } else if (is_word(i, U"及以上附號")) {
      r.kind = PostalKind::between, r.from = a, r.to = {a.n, kAnySub}, ++i;
    } else {
      r.kind = PostalKind::exact, r.from = a;
    }
  } else if (!(i < t.size() && t[i].type == ScoopToken::number && t[i].text == U"樓" && (r.lane || r.alley))) {
    return std::nullopt;
  }
  // A floor bound: 「2樓以上」, 「3樓以下」, 「2樓至 5樓」, 「7樓」.
  if (i < t.size() && t[i].type == ScoopToken::number && t[i].text == U"樓" && !t[i].inherits_n && t[i].value.sub == 0) {
    int f = t[i++].value.n;
    if (is_word(i, U"以上")) r.floor_min = f, ++i;
    else if (is_word(i, U"以下")) r.floor_max = f, ++i;
    else if (is_word(i, U"至") && i + 1 < t.size() && t[i + 1].type == ScoopToken::number && t[i + 1].text == U"樓") {
      r.floor_min = f;
      r.floor_max = t[i + 1].value.n;
      i += 2;
    } else {
      r.floor_min = r.floor_max = f;
    }
  }
  if (i != t.size()) return std::nullopt;
  return r;
}

int PostalRange::narrowness() const {
  switch (kind) {
    case PostalKind::at_most: return -to.n;
    case PostalKind::at_least: return from.n;
    case PostalKind::between: return -(to.n - from.n);
    default: return 0;
  }
}

bool postal_range_matches(const PostalRange& r, const PostalAddress& a) {
  // The fixed prefix must be the address's own leading units.
  if (r.lane && a.lane != r.lane) return false;
  if (!r.lane && r.alley && (a.lane || a.alley != r.alley)) return false;
  if (r.lane && r.alley && a.alley != r.alley) return false;
  PostalNumber p;
  if (!r.lane && !r.alley) p = a.lane ? PostalNumber{a.lane, 0} : a.alley ? PostalNumber{a.alley, 0} : a.house;
  else if (r.lane && !r.alley) p = a.alley ? PostalNumber{a.alley, 0} : a.house;
  else p = a.house;
  if (p.n == 0 && (r.kind != PostalKind::all || r.parity != PostalParity::any)) return false;
  if (r.parity == PostalParity::odd && p.n % 2 != 1) return false;
  if (r.parity == PostalParity::even && p.n % 2 != 0) return false;
  switch (r.kind) {
    case PostalKind::all: break;
    case PostalKind::exact:
      if (p != r.from) return false;
      break;
    case PostalKind::at_least:
      if (p < r.from) return false;
      break;
    case PostalKind::at_most:
      if (r.to < p) return false;
      break;
    case PostalKind::between:
      if (p < r.from || r.to < p) return false;
      break;
  }
  int floor = a.basement ? 0 : a.floor == 0 ? 1 : a.floor;
  if (r.floor_min && floor < r.floor_min) return false;
  if (r.floor_max && floor > r.floor_max) return false;
  return true;
}

bool is_postal_table(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  size_t end = bytes.find_first_of("\r\n");
  return bytes.substr(0, end) == "ZIPCODE,CITY,AREA,ROAD,SCOOP";
}

PostalTable read_postal_table(std::string_view bytes, const std::string& display_path, Diagnostics& diags) {
  PostalTable table;
  table.display_path = display_path;
  std::vector<CsvRecord> records = read_csv(bytes, display_path, diags);
  for (size_t i = 1; i < records.size(); ++i) {
    const CsvRecord& rec = records[i];
    if (rec.fields.size() != 5) {
      diags.error(display_path, rec.line, 1, "postal row has " + std::to_string(rec.fields.size()) + " cells; the header has 5");
      continue;
    }
    PostalRow row;
    row.zip = trim(rec.fields[0].text);
    row.district = trim(rec.fields[2].text);
    row.road = trim(rec.fields[3].text);
    row.scoop = rec.fields[4].text;
    row.line = rec.line;
    bool digits = row.zip.size() == 6 || row.zip.size() == 3;  // a few rows carry only the three-digit code
    for (char c : row.zip) digits &= c >= '0' && c <= '9';
    if (!digits) {
      diags.error(display_path, rec.line, 1, "postal code '" + row.zip + "' is not six (or three) digits");
      continue;
    }
    if (row.district.empty() || row.road.empty()) {
      diags.error(display_path, rec.line, 1, "postal row without a district or a road");
      continue;
    }
    row.range = parse_postal_scoop(row.scoop);
    if (!row.range)
      diags.warning(display_path, rec.line, rec.fields[4].col,
                    "house-number range '" + trim(row.scoop) + "' is not a form the lookup reads; the row is not used for addresses");
    table.rows.push_back(std::move(row));
  }
  return table;
}

std::optional<std::string> decide_postcode(const std::vector<const PostalRow*>& rows, const PostalAddress& address) {
  if (rows.empty()) return std::nullopt;
  bool same = true;
  for (const PostalRow* r : rows) same &= r->zip == rows.front()->zip;
  if (same) return rows.front()->zip;
  std::pair<int, int> best{-1, 0};
  std::optional<std::string> code;
  bool conflict = false;
  for (const PostalRow* r : rows) {
    if (!r->range || !postal_range_matches(*r->range, address)) continue;
    std::pair<int, int> s{r->range->specificity(), r->range->narrowness()};
    if (s > best) {
      best = s;
      code = r->zip;
      conflict = false;
    } else if (s == best && r->zip != *code) {
      conflict = true;
    }
  }
  if (conflict) return std::nullopt;
  return code;
}

}  // namespace takao

#include <set>

#include "glossary/glossary_entry.h"

namespace takao {

void attach_postal(std::vector<GlossaryEntry>& entries, const PostalTable& table) {
  std::map<std::string, std::vector<size_t>> by_road;
  for (size_t i = 0; i < table.rows.size(); ++i) by_road[table.rows[i].road].push_back(i);
  for (auto& e : entries) {
    auto it = by_road.find(e.zh);
    if (it == by_road.end()) continue;
    e.postal_rows = it->second;
    std::set<std::string> codes;
    std::map<std::string, std::string> lowest;  // district -> lowest code
    for (size_t i : it->second) {
      const PostalRow& r = table.rows[i];
      codes.insert(r.zip);
      auto [d, inserted] = lowest.emplace(r.district, r.zip);
      if (!inserted && r.zip < d->second) d->second = r.zip;
    }
    e.postcodes.assign(codes.begin(), codes.end());
    std::vector<std::pair<std::string, std::string>> order;
    for (const auto& [d, zip] : lowest) order.emplace_back(zip, d);
    std::sort(order.begin(), order.end());
    e.districts.clear();
    for (const auto& [zip, d] : order) e.districts.push_back(d);
    if (e.district.empty() || !lowest.count(e.district)) e.district = e.districts.front();
  }
}

}  // namespace takao
