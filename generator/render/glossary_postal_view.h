// The parts of a glossary entry's page that come from Chunghwa Post's tables: where its English comes
// from, its districts (both languages) and its postal-code ranges as rows of a table.
#pragma once
#include <nlohmann/json.hpp>

#include "model/site.h"

namespace takao {

// Adds to `page`: source_approved / source_post / source_machine (one true), districts [{zh, en}],
// postal_rows [{district, range, zip}] (range: the Post's text on Chinese pages, an English reading on
// English ones), has_postal.
void add_postal_view(nlohmann::json& page, const Site& site, const GlossaryEntry& entry, bool en);

// "odd Nos. 239-243, 2F. and above" for 「單 239號至 243號 2樓以上」.
std::string english_range(const PostalRange& range);

}  // namespace takao
