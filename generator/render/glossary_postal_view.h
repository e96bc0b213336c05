// The parts of a glossary entry's page that come from Chunghwa Post's tables: where its English comes
// from, its districts (both languages) and its postal-code ranges as rows of a table.
#pragma once
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "model/site.h"

namespace takao {

// Adds to `page`: source_approved / source_post / source_machine (one true), districts [{zh, en, en_lang}],
// postal_rows [{district, district_lang, range, zip}] (range: the Post's text on Chinese pages, an English
// reading on English ones), has_postal. `district_name` gives a district's name in the page's language
// (Chinese when the glossary has no English for it); `*_lang` marks what stays Chinese on English pages.
void add_postal_view(nlohmann::json& page, const Site& site, const GlossaryEntry& entry, bool en,
                     const std::function<std::string(const std::string&)>& district_name);

// "odd Nos. 239-243, 2F. and above" for 「單 239號至 243號 2樓以上」.
std::string english_range(const PostalRange& range);

}  // namespace takao
