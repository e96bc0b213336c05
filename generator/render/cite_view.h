// The citation part of a page's view: the export files beside the page (for the visible export line and
// the <link rel="alternate"> lines of the head), and on document pages the reference in APA 7 and Chicago
// author-date in the page's language (cite/), for partials/cite.mustache and partials/cite-head.mustache.
#pragma once
#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "model/site.h"
#include "render/page_plan.h"

namespace takao {

// {"exports": [{"href", "type", "label"}], "styles": [{"id", "label", "text"}], "has_styles", "doi", "doi_url"},
// or null for pages without exports. `label(key)` gives an interface string of the cite group.
nlohmann::json cite_view(const Site& site, const PlannedPage& page, const std::function<std::string(const std::string&)>& label);

}  // namespace takao
