// What the publishing steps need to know about a planned page beyond its URL: the document it shows (for
// dates and for naming the source file in link errors) and the date it last changed.
#pragma once
#include "core/date.h"
#include "model/site.h"
#include "render/page_plan.h"

namespace takao {

// The Markdown document a page renders, or nullptr for generated pages (indexes, glossary entries, search).
const Document* page_document(const Site& site, const PlannedPage& page);

// The page's own date (published, or for an article its issue's), else `newest` (newest_date(site), made once
// by the caller: most pages of a site are generated ones): generated pages change whenever the content
// does. Empty only for a site without any date.
Date page_date(const Site& site, const PlannedPage& page, const Date& newest);

// "https://example.gov.tw/" + "/journal/" -> "https://example.gov.tw/journal/". With no base URL the
// site-absolute path is returned.
std::string absolute_url(const Site& site, const std::string& url);

}  // namespace takao
