// A reference in the Chicago Manual of Style (17th edition) author-date system, plain text, in the item's
// language (Chinese renditions: full-width punctuation, 〈article〉 and 《journal》 marks, names joined by 、).
#pragma once
#include <string>

#include "cite/cite_item.h"

namespace takao {

std::string format_chicago(const CiteItem& item);

}  // namespace takao
