#include "render/glossary_districts.h"

#include <map>

#include "core/text.h"

namespace takao {

bool glossary_table_split(const GlossaryTable& table) { return table.entries.size() > kGlossarySplitThreshold; }

std::vector<GlossaryDistrictGroup> glossary_table_districts(const Site& site, const GlossaryTable& table) {
  // The district entries give the order and the slugs (their pages' last path segment).
  std::map<std::string, std::pair<size_t, std::string>> known;  // 鳳山區 -> (rank, slug)
  for (const auto& g : site.glossary) {
    if (g.category == "district" && !known.count(g.zh)) known[g.zh] = {known.size(), g.slug};
  }
  std::map<std::pair<size_t, std::string>, GlossaryDistrictGroup> groups;  // (rank, name) -> group
  for (size_t i : table.entries) {
    const GlossaryEntry& e = site.glossary[i];
    std::vector<std::string> names = e.districts;
    if (names.empty() && !e.district.empty()) names.push_back(e.district);
    if (names.empty()) names.push_back("");
    for (const auto& name : names) {
      auto it = known.find(name);
      size_t rank = name.empty() ? SIZE_MAX : it != known.end() ? it->second.first : known.size();
      GlossaryDistrictGroup& g = groups[{rank, name}];
      if (g.entries.empty()) {
        g.zh = name;
        g.slug = name.empty() ? "other" : it != known.end() && !it->second.second.empty() ? it->second.second : name;
      }
      if (g.entries.empty() || g.entries.back() != i) g.entries.push_back(i);
    }
  }
  std::vector<GlossaryDistrictGroup> out;
  for (auto& [key, g] : groups) out.push_back(std::move(g));
  return out;
}

std::string glossary_district_url(const GlossaryTable& table, const GlossaryDistrictGroup& group) {
  return table.doc.url + "district/" + url_encode_path(group.slug) + "/";
}

}  // namespace takao
