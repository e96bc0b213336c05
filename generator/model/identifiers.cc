#include "model/identifiers.h"

namespace takao {

namespace {
bool digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

bool valid_doi(std::string_view doi) {
  if (doi.substr(0, 3) != "10.") return false;
  size_t i = 3, run = 0;
  for (; i < doi.size() && doi[i] != '/'; ++i) {
    if (digit(doi[i])) {
      ++run;
    } else if (doi[i] == '.' && run > 0) {
      run = 0;  // a sub-code: 10.1000.10/...
    } else {
      return false;
    }
  }
  // The registrant code proper (before any sub-code) has 4 to 9 digits.
  size_t first = doi.substr(3).find_first_not_of("0123456789");
  if (first == std::string_view::npos || first < 4 || first > 9 || run == 0) return false;
  if (i >= doi.size() - 1) return false;  // no "/" or nothing after it
  for (size_t j = i + 1; j < doi.size(); ++j) {
    unsigned char c = static_cast<unsigned char>(doi[j]);
    if (c <= 0x20 || c == 0x7f) return false;
  }
  return true;
}

char orcid_check_char(std::string_view digits) {
  int total = 0;
  for (char c : digits) total = (total + (c - '0')) * 2;
  int result = (12 - total % 11) % 11;
  return result == 10 ? 'X' : static_cast<char>('0' + result);
}

bool valid_orcid(std::string_view orcid) {
  if (orcid.size() != 19) return false;
  std::string digits;
  for (size_t i = 0; i < orcid.size(); ++i) {
    char c = orcid[i];
    if (i % 5 == 4) {
      if (c != '-') return false;
    } else if (i == 18) {
      if (!digit(c) && c != 'X') return false;
    } else if (!digit(c)) {
      return false;
    } else {
      digits += c;
    }
  }
  return orcid_check_char(digits) == orcid[18];
}

std::string doi_url(std::string_view doi) { return "https://doi.org/" + std::string(doi); }
std::string orcid_url(std::string_view orcid) { return "https://orcid.org/" + std::string(orcid); }

}  // namespace takao
