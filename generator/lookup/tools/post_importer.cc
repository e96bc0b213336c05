// Takes in an edition of Chunghwa Post's tables (scripts/import-post-tables runs it):
//   post_importer ZIP32.csv ROAD-NAMES.csv REPO
// ZIP32.csv is the 3+3 postal-code table (ZIPCODE,CITY,AREA,ROAD,SCOOP, all cities), ROAD-NAMES.csv the
// Post's English road names (中文街路聚落名稱,英文街路聚落名稱, all Taiwan). Writes, sorted so that a
// new edition shows as a readable diff:
//   REPO/content/glossary/postcodes.csv  the rows of 高雄市 (the build reads it: districts, codes, addresses)
//   REPO/data/kaohsiung-road-names-hanyu.csv  the Post's English of every name of those rows
//   REPO/content/glossary/streets.md     one entry per name (a glossary table): the Tongyong derived from the Post's Hanyu
//                                        (英譯來源 post), or a machine romanization (machine)
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "core/diagnostics.h"
#include "glossary/csv_table.h"
#include "lookup/post_english.h"

namespace fs = std::filesystem;
using namespace takao;

static std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

static std::string csv_field(const std::string& f) {
  if (f.find_first_of(",\"\r\n") == std::string::npos) return f;
  std::string out = "\"";
  for (char c : f) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

static std::string csv_line(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + csv_field(fields[i]);
  return out + "\n";
}

static void write_file(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: post_importer ZIP32.csv ROAD-NAMES.csv REPO\n";
    return 2;
  }
  try {
    Diagnostics diags;
    const std::string city = "高雄市";
    struct Row {
      std::string zip, area, road, scoop;
    };
    std::vector<Row> rows;
    auto zip_records = read_csv(read_file(argv[1]), argv[1], diags);
    for (size_t i = 1; i < zip_records.size(); ++i) {
      const auto& f = zip_records[i].fields;
      if (f.size() != 5 || f[1].text != city) continue;
      rows.push_back({f[0].text, f[2].text, f[3].text, f[4].text});
    }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
      return std::tie(a.road, a.area, a.zip, a.scoop) < std::tie(b.road, b.area, b.zip, b.scoop);
    });
    rows.erase(std::unique(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
                 return std::tie(a.road, a.area, a.zip, a.scoop) == std::tie(b.road, b.area, b.zip, b.scoop);
               }), rows.end());

    std::map<std::string, std::string> post_english;
    auto road_records = read_csv(read_file(argv[2]), argv[2], diags);
    for (size_t i = 1; i < road_records.size(); ++i) {
      const auto& f = road_records[i].fields;
      if (f.size() >= 2) post_english.emplace(f[0].text, f[1].text);
    }
    if (diags.error_count()) {
      for (const auto& d : diags.sorted()) std::cerr << d.format() << "\n";
      return 1;
    }

    // Districts of each name, in the order of their lowest code (the Post's order of the city).
    std::map<std::string, std::map<std::string, std::string>> districts;  // name -> district -> lowest zip
    for (const Row& r : rows) {
      auto& d = districts[r.road];
      auto it = d.find(r.area);
      if (it == d.end() || r.zip < it->second) d[r.area] = r.zip;
    }

    fs::path repo = argv[3];
    std::string postal = "ZIPCODE,CITY,AREA,ROAD,SCOOP\n";
    for (const Row& r : rows) postal += csv_line({r.zip, city, r.area, r.road, r.scoop});
    write_file(repo / "content/glossary/postcodes.csv", postal);

    std::string hanyu = "中文街路聚落名稱,英文街路聚落名稱\n";
    std::string streets =
        "---\n"
        "title: 全市街路名稱（中華郵政）\n"
        "title_en: All Street Names (Chunghwa Post)\n"
        "category: road\n"
        "---\n\n"
        "> 中華郵政3+3郵遞區號表所列高雄市全部道路、街巷與聚落名稱，由 scripts/import-post-tables 產生，請勿手動修改。"
        "英譯來源 post：由郵局英譯表的漢語拼音逐音節改寫為通用拼音；machine：郵局未收錄，中文的機器拼音。皆未經市府審定。\n\n"
        "| 中文 | English | 類別 | 行政區 | 別名 | 英譯來源 |\n"
        "|---|---|---|---|---|---|\n";
    int derived = 0, machine = 0, failed = 0;
    for (const auto& [name, by_district] : districts) {
      std::vector<std::pair<std::string, std::string>> order;
      for (const auto& [d, zip] : by_district) order.emplace_back(zip, d);
      std::sort(order.begin(), order.end());
      std::string district_list;
      for (const auto& [zip, d] : order) district_list += (district_list.empty() ? "" : ";") + d;
      std::string english, alias, source;
      if (auto it = post_english.find(name); it != post_english.end()) {
        hanyu += csv_line({name, it->second});
        if (auto t = tongyong_from_post_hanyu(name, it->second)) {
          english = *t;
          source = "post";
          if (english != it->second) alias = it->second;
          ++derived;
        } else {
          std::cerr << "post_importer: " << name << " '" << it->second << "' does not split into one syllable per character; kept as the Post writes it\n";
          english = it->second;
          source = "post";
          ++failed;
        }
      } else if (auto m = machine_english(name)) {
        english = *m;
        source = "machine";
        ++machine;
      } else {
        std::cerr << "post_importer: " << name << " has no reading; left out\n";
        continue;
      }
      streets += "| " + name + " | " + english + " | " + post_name_category(name) + " | " + district_list + " | " + alias +
                 " | " + source + " |\n";
    }
    write_file(repo / "data/kaohsiung-road-names-hanyu.csv", hanyu);
    write_file(repo / "content/glossary/streets.md", streets);
    fs::remove(repo / "content/glossary/streets.csv");
    std::cerr << "post_importer: " << rows.size() << " postal rows, " << districts.size() << " names: " << derived
              << " derived from the Post's Hanyu, " << failed << " kept as the Post writes them, " << machine
              << " machine-romanized\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "post_importer: " << e.what() << "\n";
    return 1;
  }
}
