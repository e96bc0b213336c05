#include "cite/ris.h"

#include <cstdio>

namespace takao {

namespace {

// A tag line; a value is one line (line breaks in it become spaces).
void tag(std::string& out, const char* name, const std::string& value) {
  if (value.empty()) return;
  out += name;
  out += "  - ";
  for (char c : value) out += (c == '\r' || c == '\n') ? ' ' : c;
  out += "\r\n";
}

}  // namespace

std::string write_ris(const std::vector<CiteItem>& items) {
  std::string out;
  for (const auto& it : items) {
    tag(out, "TY", it.type == CiteType::article ? "JOUR" : it.type == CiteType::report ? "RPRT" : "THES");
    tag(out, "TI", it.title);
    tag(out, "OP", it.original_title);  // the original (Chinese) title of an English rendition
    for (const auto& a : it.authors) tag(out, "AU", a.name);
    if (it.year > 0) tag(out, "PY", std::to_string(it.year));
    if (!it.date.empty() && it.date.year == it.year) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "%04d/%02d/%02d", it.date.year, it.date.month, it.date.day);
      tag(out, "DA", buf);
    }
    if (it.type == CiteType::article) {
      tag(out, "T2", it.journal);
      tag(out, "JO", it.journal);
      tag(out, "VL", it.volume);
      tag(out, "IS", it.issue);
      if (it.first_page > 0) tag(out, "SP", std::to_string(it.first_page));
      if (it.last_page > 0) tag(out, "EP", std::to_string(it.last_page));
      tag(out, "SN", it.issn);
      tag(out, "PB", it.publisher);
    } else {
      tag(out, "PB", it.publisher);
      tag(out, "T3", it.series);
      if (it.type == CiteType::report) tag(out, "SN", it.number);
      else tag(out, "M3", it.degree), tag(out, "A3", it.advisor);
    }
    tag(out, "DO", it.doi);
    tag(out, "UR", it.url);
    tag(out, "L1", it.pdf_url);
    tag(out, "AB", it.abstract);
    for (const auto& k : it.keywords) tag(out, "KW", k);
    tag(out, "LA", it.language);
    for (const auto& a : it.authors) {
      if (!a.orcid.empty()) tag(out, "N1", "ORCID " + a.name + ": https://orcid.org/" + a.orcid);
    }
    out += "ER  - \r\n\r\n";
  }
  return out;
}

}  // namespace takao
