// The <meta name="description"> of pages that have no text of their own to quote (home, lists, indexes,
// search, site map, 404), or whose text is in the other language: what the page is for, from the theme's
// `describe` strings (i18n/describe.<lang>.yaml) with {title}, {site}, {count} and {collections} filled in.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "model/site.h"
#include "render/page_plan.h"

namespace takao {

// `view` is the page's view as far as it is built (title, site, nav, page); `strings` the theme's
// interface strings of the page's language.
std::string purpose_description(const Site& site, const PlannedPage& page, const nlohmann::json& view, const nlohmann::json& strings);

}  // namespace takao
