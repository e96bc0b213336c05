// What a page tells machines about itself in <head>: Open Graph tags, Google Scholar citation_* tags and
// schema.org JSON-LD. Kept apart from the views people read, so each can be checked on its own.
#pragma once
#include <nlohmann/json.hpp>

#include "model/site.h"
#include "render/page_plan.h"

namespace takao {

// Returns {"meta": [{"name"|"property", "content"}...], "jsonld": "<JSON text, safe inside <script>>"}.
nlohmann::json page_metadata(const Site& site, const PlannedPage& page, const nlohmann::json& view);

// JSON text that can stand inside <script type="application/ld+json">: '<', '>', '&' escaped as \u003c etc.,
// so "</script>" in any value cannot end the element.
std::string json_for_script(const nlohmann::json& value);

// Google Scholar reads citation_pdf_url only for a PDF in the page's folder: for a page at
// "/reports/x/slug/" (from reports/x/slug.md), a PDF at "/reports/x/NAME.pdf", beside the Markdown file,
// or inside "/reports/x/slug/". Never an external one.
bool scholar_reads_pdf(const std::string& page_url, const std::string& pdf_url);

}  // namespace takao
