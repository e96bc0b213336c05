// Persistent identifiers an editor may give: DOIs (documents) and ORCID iDs (authors). Checked as the
// content model states them, bare (not as URLs), so a typo is caught at build time, not by a reader.
#pragma once
#include <string>
#include <string_view>

namespace takao {

// "10." + a registrant code of 4 to 9 digits (dot-separated sub-codes allowed) + "/" + a suffix without
// spaces or control characters: the DOI Handbook's syntax, as Crossref and DataCite issue them.
bool valid_doi(std::string_view doi);

// "0000-0002-1825-0097": four groups of four digits, the last character a digit or X that is the
// ISO 7064 MOD 11-2 check character of the fifteen digits before it.
bool valid_orcid(std::string_view orcid);

// The check character ISO 7064 MOD 11-2 gives for a string of digits ('0'-'9' or 'X').
char orcid_check_char(std::string_view digits);

std::string doi_url(std::string_view doi);      // "https://doi.org/10.1234/abcd"
std::string orcid_url(std::string_view orcid);  // "https://orcid.org/0000-0002-1825-0097"

}  // namespace takao
