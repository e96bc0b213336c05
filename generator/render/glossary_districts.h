// A long glossary table (the whole city's 5,170 street names) is browsed one district at a time: one page
// of thousands of rows is slow to lay out and hard to read on a phone. The table's own page then lists the
// districts; each district's page lists the table's entries in it.
#pragma once
#include <string>
#include <vector>

#include "model/site.h"

namespace takao {

// Tables with more entries than this are split by district.
constexpr size_t kGlossarySplitThreshold = 300;

struct GlossaryDistrictGroup {
  std::string zh;               // 鳳山區; "" for the entries without a district
  std::string slug;             // path segment under <table>/district/: the district entry's own slug
  std::vector<size_t> entries;  // indexes into Site::glossary, in the table's order
};

bool glossary_table_split(const GlossaryTable& table);

// The districts the table's entries lie in (an entry in several districts is in each), in the order of the
// glossary's districts (the city's table order), then others by name; entries with no district last.
std::vector<GlossaryDistrictGroup> glossary_table_districts(const Site& site, const GlossaryTable& table);

// "/glossary/streets/district/fongshan-dist/" (zh URL; "/en" in front for English).
std::string glossary_district_url(const GlossaryTable& table, const GlossaryDistrictGroup& group);

}  // namespace takao
