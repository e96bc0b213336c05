#include "lookup/lookup_index.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "core/text.h"
#include "lookup/english_address.h"
#include "lookup/lookup_index_format.h"

namespace takao {

std::u16string to_u16(std::string_view utf8) {
  std::u16string out;
  for (char32_t c : to_u32(utf8)) {
    if (c > 0xFFFF) {
      c -= 0x10000;
      out += static_cast<char16_t>(0xD800 + (c >> 10));
      out += static_cast<char16_t>(0xDC00 + (c & 0x3FF));
    } else {
      out += static_cast<char16_t>(c);
    }
  }
  return out;
}

int allowed_edits(std::u16string_view q) {
  bool latin = true;
  for (char16_t c : q) latin &= (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
  if (latin) return q.size() < 4 ? 0 : q.size() < 8 ? 1 : 2;
  return q.size() < 3 ? 0 : 1;
}

int prefix_edit_distance(std::u16string_view q, std::u16string_view key, int max) {
  const int m = static_cast<int>(q.size()), n = static_cast<int>(key.size());
  const int over = max + 1;
  if (n < m - max) return over;
  // Only the band |i - j| <= max is computed, with one "over" cell on each side (takao-lookup.mjs does
  // the same, on reused rows).
  std::vector<int> prev2(n + 2, over), prev(n + 2, over), cur(n + 2, over);
  for (int j = 0; j <= std::min(n, max); ++j) prev[j] = j;
  for (int i = 1; i <= m; ++i) {
    const int lo = std::max(1, i - max), hi = std::min(n, i + max);
    cur[0] = std::min(i, over);
    if (lo > 1) cur[lo - 1] = over;
    int row_min = lo > 1 ? over : cur[0];
    for (int j = lo; j <= hi; ++j) {
      int v = prev[j - 1] + (q[i - 1] == key[j - 1] ? 0 : 1);
      v = std::min({v, prev[j] + 1, cur[j - 1] + 1});
      if (i > 1 && j > 1 && q[i - 1] == key[j - 2] && q[i - 2] == key[j - 1]) v = std::min(v, prev2[j - 2] + 1);
      cur[j] = std::min(v, over);
      row_min = std::min(row_min, cur[j]);
    }
    if (hi + 1 <= n) cur[hi + 1] = over;
    if (row_min > max) return over;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  int best = m <= max ? prev[0] : over;
  for (int j = std::max(1, m - max); j <= std::min(n, m + max); ++j) best = std::min(best, prev[j]);
  return best;
}

std::vector<std::string> fuzzy_groups(std::string_view q) {
  std::vector<std::string> groups{lookup_group(q)};
  bool latin = q.size() >= 4;
  for (char c : q) latin &= (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  if (latin) {
    std::string swapped{q[1], q[0]};
    swapped += q.substr(2);
    std::string dropped{q[0]};
    dropped += q.substr(2);
    for (const auto& g : {lookup_group(swapped), lookup_group(dropped)})
      if (std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
  }
  return groups;
}

std::unique_ptr<LookupIndex> LookupIndex::open(LookupFileReader read, std::string* error) {
  auto bytes = read(kLookupManifestPath);
  if (!bytes) {
    if (error) *error = std::string(kLookupManifestPath) + " not found";
    return nullptr;
  }
  std::unique_ptr<LookupIndex> index(new LookupIndex());
  try {
    auto m = nlohmann::json::parse(*bytes);
    if (m.at("format").get<int>() != kLookupFormat) throw std::runtime_error("unknown format");
    std::u32string pairs = to_u32(m.at("fold").at("chars").get<std::string>());
    for (size_t i = 0; i + 1 < pairs.size(); i += 2) index->tables_.chars[pairs[i]] = pairs[i + 1];
    index->tables_.words = m.at("fold").at("words").get<std::map<std::string, std::string>>();
    for (const auto& p : m.at("places")) {
      index->places_.emplace_back(fold(p.at(0).get<std::string>(), index->tables_), p.at(1).get<std::string>());
    }
    if (m.contains("readings_file")) index->readings_path_ = m.at("readings_file").get<std::string>();
    if (m.contains("postal_files")) index->postal_paths_ = m.at("postal_files").get<std::vector<std::string>>();
    if (m.contains("districts")) {
      for (const auto& d : m.at("districts")) {
        District district{d.at(0).get<std::string>(), d.at(1).get<std::string>(), d.at(2).get<std::string>(),
                          d.at(3).get<std::vector<std::string>>()};
        for (const auto& k : district.keys) index->district_keys_.emplace(k, index->districts_.size());
        index->districts_.push_back(std::move(district));
      }
    }
    index->entry_chunk_ = m.at("entry_chunk").get<size_t>();
    index->derived_from_ = m.value("derived_from", -1L);
    index->entry_paths_ = m.at("entry_files").get<std::vector<std::string>>();
    for (const auto& f : m.at("key_files")) {
      index->key_paths_.push_back(f.at("path").get<std::string>());
      for (const auto& g : f.at("groups")) index->group_file_[g.get<std::string>()] = index->key_paths_.size() - 1;
    }
    if (index->entry_chunk_ == 0) throw std::runtime_error("entry_chunk is 0");
  } catch (const std::exception& e) {
    if (error) *error = std::string(kLookupManifestPath) + ": " + e.what();
    return nullptr;
  }
  index->read_ = std::move(read);
  return index;
}

const LookupIndex::KeyFile* LookupIndex::key_file(const std::string& group) {
  auto g = group_file_.find(group);
  if (g == group_file_.end()) return nullptr;
  if (auto it = key_files_.find(g->second); it != key_files_.end()) return &it->second;
  KeyFile file;
  if (auto bytes = read_(key_paths_[g->second])) {
    try {
      auto j = nlohmann::json::parse(*bytes);
      for (auto& [name, range] : j.at("groups").items())
        file.groups[name] = {range.at(0).get<size_t>(), range.at(1).get<size_t>()};
      file.keys = j.at("keys").get<std::vector<std::string>>();
      file.entries = j.at("entries").get<std::vector<long>>();
      file.kinds = j.at("kinds").get<std::string>();
      if (file.entries.size() != file.keys.size() || file.kinds.size() != file.keys.size()) file = KeyFile{};
      for (auto& [name, range] : file.groups)
        if (range.first > range.second || range.second > file.keys.size()) range = {0, 0};
    } catch (const std::exception&) {
      file = KeyFile{};
    }
  }
  return &key_files_.emplace(g->second, std::move(file)).first->second;
}

const std::vector<std::string>* LookupIndex::entry_row(long id) {
  if (id < 0) return nullptr;
  size_t chunk = static_cast<size_t>(id) / entry_chunk_;
  if (chunk >= entry_paths_.size()) return nullptr;
  auto it = entry_files_.find(chunk);
  if (it == entry_files_.end()) {
    std::vector<std::vector<std::string>> rows;
    if (auto bytes = read_(entry_paths_[chunk])) {
      try {
        rows = nlohmann::json::parse(*bytes).at("entries").get<std::vector<std::vector<std::string>>>();
      } catch (const std::exception&) {
        rows.clear();
      }
    }
    it = entry_files_.emplace(chunk, std::move(rows)).first;
  }
  size_t row = static_cast<size_t>(id) % entry_chunk_;
  if (row >= it->second.size() || it->second[row].size() < 5) return nullptr;
  return &it->second[row];
}

long LookupIndex::exact_chinese(const std::string& folded, const std::string& district) {
  const KeyFile* file = key_file(lookup_group(folded));
  if (!file) return -1;
  auto g = file->groups.find(lookup_group(folded));
  if (g == file->groups.end()) return -1;
  auto begin = file->keys.begin() + g->second.first, end = file->keys.begin() + g->second.second;
  long first = -1;
  for (auto it = std::lower_bound(begin, end, folded); it != end && *it == folded; ++it) {
    size_t k = it - file->keys.begin();
    if (file->kinds[k] != '1') continue;
    const long id = file->entries[k];
    if (district.empty()) return id;
    if (first < 0) first = id;
    // Names that fold the same (新庄路, 新莊路): the one in the address's district.
    const auto districts = entry_hit(id).districts;
    if (std::find(districts.begin(), districts.end(), district) != districts.end()) return id;
  }
  return first;
}

std::optional<AddressName> LookupIndex::find_address_name(const std::vector<FoldedToken>& t, size_t at,
                                                          AddressPart part, const std::string& district) {
  const size_t longest = std::min<size_t>(16, t.size() - at);
  for (size_t n = longest; n >= 1; --n) {
    const FoldedToken& last = t[at + n - 1];
    // Lanes and settlements of the Post's table (民裕巷, 三崁店) stand where a road does.
    const bool ends = address_name_ends_right(last.text, part);
    if (last.latin || (!ends && (part != AddressPart::road || n < 2))) continue;
    std::string s;
    for (size_t i = at; i < at + n; ++i) s += t[i].text;
    long id = exact_chinese(s, part == AddressPart::road ? district : "");
    if (id >= 0) {
      const auto* row = entry_row(id);
      if (row && (ends || (*row)[2] == "lane" || (*row)[2] == "settlement")) return AddressName{n, (*row)[1], id};
    }
    if (part == AddressPart::city) {
      for (const auto& [zh, en] : places_)
        if (zh == s) return AddressName{n, en, -1};
    }
  }
  load_readings();
  return spell_address_name(t, at, part, readings_);
}

void LookupIndex::load_readings() {
  if (readings_loaded_) return;
  readings_loaded_ = true;
  if (readings_path_.empty()) return;
  if (auto bytes = read_(readings_path_)) {
    try {
      readings_ = nlohmann::json::parse(*bytes).get<std::map<std::string, std::string>>();
    } catch (const std::exception&) {
      readings_.clear();
    }
  }
}

const std::vector<LookupIndex::RangeRow>* LookupIndex::postal_ranges(long id) {
  if (id < 0) return nullptr;
  size_t chunk = static_cast<size_t>(id) / entry_chunk_;
  if (chunk >= postal_paths_.size() || postal_paths_[chunk].empty()) return nullptr;
  auto it = postal_files_.find(chunk);
  if (it == postal_files_.end()) {
    std::map<long, std::vector<RangeRow>> ranges;
    if (auto bytes = read_(postal_paths_[chunk])) {
      try {
        const nlohmann::json parsed = nlohmann::json::parse(*bytes);
        for (auto& [key, list] : parsed.at("ranges").items()) {
          std::vector<RangeRow> rows;
          for (const auto& item : list) {
            RangeRow r;
            r.district = item.at(0).get<size_t>();
            r.row.zip = item.at(1).get<std::string>();
            if (item.size() == 12) {
              PostalRange g;
              g.lane = item[2].get<int>();
              g.alley = item[3].get<int>();
              g.parity = static_cast<PostalParity>(item[4].get<int>());
              g.kind = static_cast<PostalKind>(item[5].get<int>());
              g.from = {item[6].get<int>(), item[7].get<int>()};
              g.to = {item[8].get<int>(), item[9].get<int>()};
              g.floor_min = item[10].get<int>();
              g.floor_max = item[11].get<int>();
              r.row.range = g;
            }
            rows.push_back(std::move(r));
          }
          ranges[std::stol(key)] = std::move(rows);
        }
      } catch (const std::exception&) {
        ranges.clear();
      }
    }
    it = postal_files_.emplace(chunk, std::move(ranges)).first;
  }
  auto r = it->second.find(id);
  return r == it->second.end() ? nullptr : &r->second;
}

std::pair<std::string, std::string> LookupIndex::postcode_for(long road, size_t district, const PostalAddress& address) {
  std::string zip3 = district < districts_.size() ? districts_[district].zip3 : "";
  const auto* ranges = postal_ranges(road);
  if (!ranges) return {zip3, "no_postal_rows"};
  std::vector<const PostalRow*> rows;
  for (const auto& r : *ranges)
    if (r.district == district) rows.push_back(&r.row);
  if (rows.empty()) return {zip3, "not_in_district"};
  if (auto code = decide_postcode(rows, address)) return {*code, ""};
  return {zip3, "postcode_undecided"};
}

LookupHit LookupIndex::entry_hit(long id) {
  LookupHit h;
  const auto* row = entry_row(id);
  if (!row) return h;
  const auto& r = *row;
  h.zh = r[0];
  h.en = r[1];
  h.category = r[2];
  h.district = r[3];
  h.url = r[4];
  auto split = [](const std::string& s) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < s.size()) {
      size_t end = s.find(';', start);
      if (end == std::string::npos) end = s.size();
      out.push_back(s.substr(start, end - start));
      start = end + 1;
    }
    return out;
  };
  if (r.size() >= 8) {
    h.source = r[5];
    h.districts = split(r[6]);
    h.postcodes = split(r[7]);
  }
  return h;
}

std::vector<LookupIndex::DistrictSplit> LookupIndex::district_splits(const std::vector<FoldedToken>& t) const {
  std::vector<DistrictSplit> out;
  if (t.size() < 2 || t.size() > 64) return out;
  auto join = [&](size_t from, size_t to) {
    std::string s;
    for (size_t i = from; i < to; ++i) s += t[i].text;
    return s;
  };
  // The longest district at the start, then the longest at the end (鳳山區光遠路, guangyuan rd fongshan).
  for (size_t k = t.size() - 1; k >= 1; --k) {
    auto it = district_keys_.find(join(0, k));
    if (it != district_keys_.end()) {
      out.push_back({it->second, join(k, t.size())});
      break;
    }
  }
  for (size_t k = 1; k < t.size(); ++k) {
    auto it = district_keys_.find(join(k, t.size()));
    if (it != district_keys_.end()) {
      out.push_back({it->second, join(0, k)});
      break;
    }
  }
  return out;
}

std::vector<std::pair<LookupIndex::Rank, long>> LookupIndex::rank(const std::string& q, size_t limit) {
  std::map<long, Rank> best;
  // Names the city approved come before names derived from the Post's table, at equal closeness.
  auto derived = [&](long id) { return derived_from_ >= 0 && id >= derived_from_ ? 1 : 0; };
  auto consider = [&](long id, Rank r) {
    auto [it, inserted] = best.emplace(id, r);
    if (!inserted && r < it->second) it->second = r;
  };
  auto group_range = [&](const std::string& group) -> std::optional<std::pair<const KeyFile*, std::pair<size_t, size_t>>> {
    const KeyFile* file = key_file(group);
    if (!file) return std::nullopt;
    auto g = file->groups.find(group);
    if (g == file->groups.end()) return std::nullopt;
    return std::make_pair(file, g->second);
  };
  if (!q.empty()) {
    if (auto found = group_range(lookup_group(q))) {
      const KeyFile* file = found->first;
      auto begin = file->keys.begin() + found->second.first, end = file->keys.begin() + found->second.second;
      for (auto it = std::lower_bound(begin, end, q); it != end && starts_with(*it, q); ++it) {
        size_t k = it - file->keys.begin();
        int kind = file->kinds[k] - '0';
        const long id = file->entries[k];
        // An exact hit on a name's later words or on a reading of its characters (四維一路 read "siwei")
        // comes after an exact hit on a whole name, approved or derived (四維 "Siwei").
        if (*it == q) consider(id, {kind <= 1 ? 0 : 1, 0, derived(id) + (kind >= 8 ? 2 : 0), 0, kind, id});
        else consider(id, {2, 0, derived(id), to_u16(*it).size(), kind, id});
      }
    }
    // Typo tolerance fills up a short list; an exact hit means the name was typed right.
    bool exact = false;
    for (const auto& [id, r] : best) exact |= std::get<0>(r) <= 1;
    const std::u16string q16 = to_u16(q);
    const int max = allowed_edits(q16);
    if (max > 0 && !exact && (limit == 0 || best.size() < limit)) {
      for (const std::string& group : fuzzy_groups(q)) {
        auto found = group_range(group);
        if (!found) continue;
        const KeyFile* file = found->first;
        for (size_t k = found->second.first; k < found->second.second; ++k) {
          if (starts_with(file->keys[k], q)) continue;
          std::u16string key16 = to_u16(file->keys[k]);
          int d = prefix_edit_distance(q16, key16, max);
          const long id = file->entries[k];
          if (d <= max) consider(id, {3, d, derived(id), key16.size(), file->kinds[k] - '0', id});
        }
      }
    }
  }
  std::vector<std::pair<Rank, long>> ranked;
  for (auto& [id, r] : best) ranked.emplace_back(r, id);
  std::sort(ranked.begin(), ranked.end());
  return ranked;
}

namespace {

bool has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

bool is_place_name(const std::string& category) {
  return category != "district" && category != "行政區" && category != "city" && category != "address";
}

int to_int(const std::string& digits) { return digits.empty() || digits.size() > 6 ? 0 : std::stoi(digits); }

std::string zh_numeral(const std::string& digits) {
  static const char* d[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  int n = to_int(digits);
  if (n <= 0 || n >= 100) return digits;
  std::string out;
  if (n >= 10) out += std::string(n >= 20 ? d[n / 10] : "") + "十";
  out += d[n % 10];
  return out;
}

}  // namespace

std::optional<LookupHit> LookupIndex::english_address(std::string_view text, std::vector<long>& used) {
  auto a = parse_english_address(text, tables_);
  if (!a) return std::nullopt;
  // The district at the end of the name words, the road before it.
  std::optional<size_t> district;
  std::string road_text;
  for (const auto& tok : a->name) road_text += tok.text;
  for (const auto& split : district_splits(a->name)) {
    if (split.rest.empty() || !starts_with(road_text, split.rest)) continue;  // only a district at the end
    district = split.district;
    road_text = split.rest;
    break;
  }
  long road = -1;
  std::string note;
  // Among names as close as the first in the district, the one whose codes hold the address's six-digit
  // code (南福街 and 南富街 are both "Nanfu St." in 鳳山區; 830038 is 南福街's).
  const bool full_code = a->postal.size() == 6;
  auto pick = [&](const std::string& q, bool exact = false) {
    long first = -1, in_district = -1;
    int closeness = 0;
    for (const auto& [r, id] : rank(q, 0)) {
      if (std::get<0>(r) > 1 && (exact || std::get<0>(r) != 3)) continue;  // exact names, or near them (typos)
      if (in_district >= 0 && std::get<0>(r) != closeness) break;
      LookupHit h = entry_hit(id);
      if (!is_place_name(h.category)) continue;
      if (first < 0) first = id;
      if (!district || has(h.districts, districts_[*district].zh)) {
        if (!full_code || has(h.postcodes, a->postal)) return std::pair(id, true);
        if (in_district < 0) in_district = id, closeness = std::get<0>(r);
      }
    }
    if (in_district >= 0) return std::pair(in_district, true);
    return std::pair(first, false);
  };
  bool section_in_name = false;
  std::pair<long, bool> found{-1, false};
  // A name of the Post may begin with what reads as numbers (精忠新村二棟三樓 "3 F, 2nd Bldg., Jingjhong
  // New Vil.", 保生街九弄 "Aly. 9, Baosheng St.", 第三十二號碼頭 "32nd Wharf"): the longest name that the
  // words from a number's start name exactly takes those numbers back; with no house, lane or alley left
  // the text is a name, not an address.
  for (const auto& [start, unit] : a->units) {
    // "No. 5" and "Rm. 3" begin no name (and looking them up would fetch key files for nothing).
    if (a->before_name[start].text == "no" || a->before_name[start].text == "rm") continue;
    auto f = pick(name_from(*a, start, road_text), true);
    if (f.first < 0 || (district && !f.second)) continue;
    if (!give_numbers_to_name(*a, start)) return std::nullopt;
    found = f;
    break;
  }
  if (found.first < 0 && !a->section.empty()) {
    found = pick("sec" + a->section + road_text);
    section_in_name = found.first >= 0;
  }
  if (found.first < 0) found = pick(road_text);
  road = found.first;
  if (road < 0) return std::nullopt;
  LookupHit r = entry_hit(road);
  if (district && !found.second) note = "not_in_district";
  if (!district && r.districts.size() == 1) {
    for (size_t i = 0; i < districts_.size(); ++i)
      if (districts_[i].zh == r.districts[0]) district = i;
  }
  if (!district && r.districts.size() > 1) note = "district_undecided";
  used.push_back(road);

  PostalAddress numbers;
  numbers.lane = to_int(a->lane);
  numbers.alley = to_int(a->alley);
  numbers.house = {to_int(a->house), to_int(a->house_sub)};
  numbers.floor = to_int(a->floor);
  numbers.basement = a->basement;
  LookupHit hit;
  hit.category = "address";
  std::string code;
  if (district && note.empty()) {
    auto [c, why] = postcode_for(road, *district, numbers);
    code = c;
    note = why;
  } else if (district) {
    code = districts_[*district].zip3;
  }
  hit.postcode = code;
  hit.note = note;
  // The Chinese, largest unit first.
  std::string zh = "高雄市";
  if (district) zh += districts_[*district].zh;
  zh += r.zh;
  if (!a->section.empty() && !section_in_name) zh += zh_numeral(a->section) + "段";
  if (!a->lane.empty()) zh += a->lane + "巷";
  if (!a->alley.empty()) zh += a->alley + "弄";
  if (!a->house.empty()) zh += a->house + (a->house_sub.empty() ? "" : "之" + a->house_sub) + "號";
  if (!a->floor.empty()) zh += (a->basement ? "地下" : "") + a->floor + "樓" + (a->floor_sub.empty() ? "" : "之" + a->floor_sub);
  if (!a->room.empty()) zh += a->room + "室";
  hit.zh = zh;
  // The English postal form with the city's names.
  std::vector<std::string> pieces;
  if (!a->room.empty()) pieces.push_back("Rm. " + a->room);
  if (!a->floor.empty()) pieces.push_back((a->basement ? "B" + a->floor : a->floor + "F.") + (a->floor_sub.empty() ? "" : "-" + a->floor_sub));
  if (!a->house.empty()) pieces.push_back("No. " + a->house + (a->house_sub.empty() ? "" : "-" + a->house_sub));
  if (!a->alley.empty()) pieces.push_back("Aly. " + a->alley);
  if (!a->lane.empty()) pieces.push_back("Ln. " + a->lane);
  if (!a->section.empty() && !section_in_name) pieces.push_back("Sec. " + a->section);
  pieces.push_back(r.en);
  if (district) {
    pieces.push_back(districts_[*district].en);
    hit.district = districts_[*district].zh;
  }
  pieces.push_back("Kaohsiung City" + (code.empty() ? "" : " " + code));
  for (const auto& p : pieces) hit.en += (hit.en.empty() ? "" : ", ") + p;
  return hit;
}

std::vector<LookupHit> LookupIndex::query(std::string_view text, size_t limit) {
  std::vector<LookupHit> hits;
  std::set<long> seen;
  // Hostile input: a name or an address is never this long; answer nothing rather than work on it.
  if (text.size() > 1000) return hits;
  auto add_entry = [&](long id, const std::string& district = "") {
    if (!seen.insert(id).second) return;
    LookupHit h = entry_hit(id);
    if (h.zh.empty()) return;
    if (!district.empty()) h.district = district;
    hits.push_back(std::move(h));
  };

  std::string address_district;  // the district read so far: a road's name is looked for in it first
  auto address = translate_address(text, tables_, [&](const auto& t, size_t at, AddressPart part) {
    auto name = find_address_name(t, at, part, address_district);
    if (part == AddressPart::district && name)
      if (const auto* row = entry_row(name->entry)) address_district = (*row)[0];
    return name;
  });
  if (address) {
    LookupHit hit;
    hit.zh = trim(text);
    hit.en = address->en;
    hit.category = "address";
    std::optional<size_t> district;
    std::string district_zh;
    if (const auto* row = entry_row(address->district_entry)) district_zh = (*row)[0];
    if (address->road_entry < 0 && address->village_entry >= 0) {
      const std::string category = entry_hit(address->village_entry).category;
      if (category == "settlement" || category == "lane") address->road_entry = address->village_entry;
    }
    LookupHit road = address->road_entry >= 0 ? entry_hit(address->road_entry) : LookupHit{};
    if (district_zh.empty() && road.districts.size() == 1) district_zh = road.districts[0];
    for (size_t i = 0; i < districts_.size(); ++i)
      if (districts_[i].zh == district_zh) district = i;
    hit.district = district_zh;
    if (address->road_entry >= 0 && district) {
      auto [code, why] = postcode_for(address->road_entry, *district, address->numbers);
      hit.postcode = code;
      hit.note = why;
    } else if (district) {
      hit.postcode = districts_[*district].zip3;
    } else if (address->road_entry >= 0 && road.districts.size() > 1) {
      hit.note = "district_undecided";
    }
    if (!hit.postcode.empty() && !address->en_before_city.empty()) {
      std::string before = address->en_before_city;
      if (address->district_entry < 0 && district) {  // the district the road alone gives
        const std::string city = ", Kaohsiung City ";
        before = before.substr(0, before.size() - city.size()) + ", " + districts_[*district].en + city;
      }
      hit.en = before + hit.postcode + address->en_after_code;
    }
    hits.push_back(std::move(hit));
    for (long id : address->entries) add_entry(id);
  } else {
    std::vector<long> used;
    if (auto hit = english_address(text, used)) {
      hits.push_back(std::move(*hit));
      for (long id : used) add_entry(id, hits.front().district);
    }
  }

  const std::vector<FoldedToken> tokens = fold_tokens(text, tables_);
  std::string q;
  for (const auto& t : tokens) q += t.text;
  auto ranked = rank(q, limit);
  // Names that fold the same rank alike: the one written as typed first, the Chinese (新庄路, 新莊路) or
  // the English word for word ("Beiwun St." is not "Beiwu N. St.").
  if (!ranked.empty() && std::get<0>(ranked[0].first) == 0) {
    const std::string typed = trim(text);
    auto words = [&](const std::vector<FoldedToken>& t) {
      std::string out;
      for (const auto& w : t) out += w.text + " ";
      return out;
    };
    const std::string typed_words = words(tokens);
    auto as_typed = [&](long id) {
      LookupHit h = entry_hit(id);
      return h.zh == typed || words(fold_tokens(h.en, tables_)) == typed_words;
    };
    auto same = [&](const Rank& a, const Rank& b) {
      return std::get<0>(a) == std::get<0>(b) && std::get<1>(a) == std::get<1>(b) && std::get<2>(a) == std::get<2>(b) &&
             std::get<3>(a) == std::get<3>(b) && std::get<4>(a) == std::get<4>(b);
    };
    for (size_t i = 1; i < ranked.size() && i < 8 && same(ranked[i].first, ranked[0].first); ++i)
      if (as_typed(ranked[i].second) && !as_typed(ranked[0].second)) {
        std::rotate(ranked.begin(), ranked.begin() + i, ranked.begin() + i + 1);
        break;
      }
  }
  bool exact = false;
  for (const auto& [r, id] : ranked) exact |= std::get<0>(r) <= 1;
  if (!exact && hits.empty()) {
    // A name with its district in front or behind: the name in that district first.
    // The split whose rest names something exactly or by its start (三民路 路竹區: not 三民 + 路路竹區).
    std::vector<std::pair<DistrictSplit, std::vector<std::pair<Rank, long>>>> splits;
    for (const auto& split : district_splits(tokens)) {
      auto in_rest = rank(split.rest, 0);
      if (!in_rest.empty()) splits.emplace_back(split, std::move(in_rest));
    }
    std::stable_sort(splits.begin(), splits.end(), [](const auto& a, const auto& b) {
      return (std::get<0>(a.second[0].first) <= 2 ? 0 : 1) < (std::get<0>(b.second[0].first) <= 2 ? 0 : 1);
    });
    for (const auto& [split, in_rest] : splits) {
      const std::string& d = districts_[split.district].zh;
      std::vector<long> other;
      size_t looked = 0;
      for (const auto& [r, id] : in_rest) {
        if (++looked > 60 || (limit && hits.size() >= limit)) break;
        LookupHit h = entry_hit(id);
        if (!is_place_name(h.category)) continue;
        if (has(h.districts, d)) add_entry(id, d);
        else other.push_back(id);
      }
      if (hits.empty() && !other.empty()) {
        add_entry(other.front());
        if (!hits.empty()) hits.back().note = "not_in_district";
      }
      for (long id : other) add_entry(id);
      // A rest that names only districts (內門 內門區: 內門區 after the district 內門) gives way to the next split.
      if (!hits.empty()) break;
    }
  }
  for (auto& [r, id] : ranked) {
    if (limit && hits.size() >= limit) break;
    add_entry(id);
  }
  if (limit && hits.size() > limit) hits.resize(limit);
  return hits;
}

}  // namespace takao
