// CSL-JSON (the Citation Style Language's item format, read by Zotero, Mendeley, pandoc and citeproc) for
// a list of items, written with nlohmann-json: an array of items, keys in a fixed order.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cite/cite_item.h"

namespace takao {

nlohmann::ordered_json csl_item(const CiteItem& item);
std::string write_csl_json(const std::vector<CiteItem>& items);

}  // namespace takao
