// What English pages need to speak English, or to say where they cannot (WCAG 2.1 SC 3.1.2, language of
// parts): which text is Chinese, and the English names of agencies that the editors keep in site.yaml.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model/site.h"
#include "render/page_plan.h"

namespace takao {

// True when the text holds a Han character or CJK punctuation (、：「」…), i.e. must be read in a Chinese voice.
bool has_han(std::string_view text);

// The lang attribute a piece of text needs on a page: "zh-Hant" for Chinese text on an English page, ""
// (no attribute: the page's own language) otherwise.
std::string zh_mark(bool en, std::string_view text);

// An agency's name on a page: on English pages the official English name from site.yaml's `agencies` map
// (中文名稱: English name) when the editors gave one, otherwise the name as written.
std::string agency_name(const Site& site, const std::string& name, bool en);

// The agency index of an English page (one page, not split): the agencies in the order of the names it
// shows (English where given), grouped by their first letter; Chinese names left follow in stroke order.
std::vector<IndexBucket> english_agency_buckets(const Site& site, const std::vector<IndexTerm>& terms);

// How English pages join a list of names (", ") and Chinese pages ("、").
inline const char* list_separator(bool en) { return en ? ", " : "、"; }

}  // namespace takao
