// Where a page's HTML came from, for the link check's errors: both builders (pipeline/build.cc and the
// preview's pipeline/incremental.cc) check every rendered page's links and name the same places.
#pragma once
#include <string>

#include "output/link_check.h"

namespace takao {

struct Site;
struct PlannedPage;

// The Markdown file shown in the page's body (with its links' lines), else only the page's template.
PageOrigin page_origin(const Site& site, const std::string& theme_dir, const PlannedPage& page);

}  // namespace takao
