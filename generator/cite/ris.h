// RIS (the tagged format of EndNote, Zotero and Mendeley) for a list of items: one "TY  - ... ER  - "
// record each, CRLF line ends as the format's specification writes them.
#pragma once
#include <string>
#include <vector>

#include "cite/cite_item.h"

namespace takao {

std::string write_ris(const std::vector<CiteItem>& items);

}  // namespace takao
