// BibTeX (with the biblatex fields reference managers read: date, origtitle, langid-free language) for a
// list of items. Values are escaped so that { } % & \ $ # _ ~ ^ in titles survive a round trip; names are
// braced whole so no BibTeX reader splits a Chinese name into given and family names.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "cite/cite_item.h"

namespace takao {

std::string write_bibtex(const std::vector<CiteItem>& items);

// Text for a BibTeX value: LaTeX's special characters escaped, line breaks as spaces.
std::string bibtex_escape(std::string_view text);

}  // namespace takao
