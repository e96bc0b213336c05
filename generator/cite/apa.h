// A reference in APA 7th edition, plain text, in the item's language: English conventions on English
// renditions (the text citeproc-js makes with the official APA CSL style from the same CSL-JSON; tested in
// tests/js/cite.test.mjs), Chinese ones on Chinese renditions (full-width punctuation, names joined by
// 、, the year in （2014）).
#pragma once
#include <string>

#include "cite/cite_item.h"

namespace takao {

std::string format_apa(const CiteItem& item);

}  // namespace takao
