#include "cite/bibtex.h"

#include "core/text.h"

namespace takao {

std::string bibtex_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    switch (c) {
      case '{': out += "\\{"; break;
      case '}': out += "\\}"; break;
      case '%': out += "\\%"; break;
      case '&': out += "\\&"; break;
      case '$': out += "\\$"; break;
      case '#': out += "\\#"; break;
      case '_': out += "\\_"; break;
      case '\\': out += "\\textbackslash{}"; break;
      case '~': out += "\\textasciitilde{}"; break;
      case '^': out += "\\textasciicircum{}"; break;
      case '\n': case '\r': case '\t': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

// URL and DOI fields are verbatim in biblatex (read as written, no escapes): only braces, which would end
// the value, and spaces are percent-encoded.
std::string verbatim(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '{') out += "%7B";
    else if (c == '}') out += "%7D";
    else if (c == ' ' || c == '\n' || c == '\\') out += c == '\\' ? "%5C" : "%20";
    else out += c;
  }
  return out;
}

class Entry {
 public:
  Entry(std::string_view type, std::string_view key) { out_ = "@" + std::string(type) + "{" + std::string(key) + ",\n"; }
  // `protect`: an extra pair of braces keeps the case of titles and names as written.
  void field(std::string_view name, std::string_view value, bool protect = false) {
    if (value.empty()) return;
    out_ += "  " + std::string(name) + " = {" + (protect ? "{" : "") + bibtex_escape(value) + (protect ? "}" : "") + "},\n";
  }
  void raw(std::string_view name, std::string_view value) {
    if (!value.empty()) out_ += "  " + std::string(name) + " = {" + std::string(value) + "},\n";
  }
  std::string finish() { return out_ + "}\n"; }

 private:
  std::string out_;
};

std::string names(const std::vector<CiteName>& authors) {
  std::vector<std::string> parts;
  for (const auto& a : authors) parts.push_back("{" + bibtex_escape(a.name) + "}");
  return join(parts, " and ");
}

}  // namespace

std::string write_bibtex(const std::vector<CiteItem>& items) {
  std::string out;
  for (const auto& it : items) {
    const char* type = it.type == CiteType::article ? "article"
                       : it.type == CiteType::report ? "techreport"
                       : it.degree.find("Doctoral") != std::string::npos || it.degree.find("博士") != std::string::npos ? "phdthesis"
                                                                                                                        : "mastersthesis";
    Entry e(type, it.key);
    e.raw("author", names(it.authors));
    e.field("title", it.title, true);
    e.field("origtitle", it.original_title, true);
    if (it.type == CiteType::article) {
      e.field("journal", it.journal, true);
      e.field("volume", it.volume);
      e.field("number", it.issue);
      if (it.first_page > 0) {
        e.raw("pages", it.first_page == it.last_page ? std::to_string(it.first_page)
                                                     : std::to_string(it.first_page) + "--" + std::to_string(it.last_page));
      }
      e.field("issn", it.issn);
      e.field("publisher", it.publisher, true);
    } else if (it.type == CiteType::report) {
      e.field("institution", it.publisher, true);
      e.field("number", it.number);
      e.field("series", it.series, true);
    } else {
      e.field("school", it.publisher, true);
      e.field("type", it.degree, true);
      e.field("advisor", it.advisor, true);
      e.field("series", it.series, true);
    }
    if (it.year > 0) e.raw("year", std::to_string(it.year));
    if (!it.date.empty() && it.date.year == it.year) {
      e.raw("month", std::to_string(it.date.month));
      e.raw("date", it.date.iso());
    }
    e.raw("doi", verbatim(it.doi));
    e.raw("url", verbatim(it.url));
    e.raw("pdf", verbatim(it.pdf_url));
    e.field("abstract", it.abstract);
    e.field("keywords", join(it.keywords, ", "));
    e.raw("language", it.language);
    std::vector<std::string> orcids;
    for (const auto& a : it.authors) {
      if (!a.orcid.empty()) orcids.push_back("{" + bibtex_escape(a.name) + "}/" + a.orcid);
    }
    // The form Web of Science and others export: "Name/0000-0000-0000-0000", one per author who has one.
    e.raw("orcid-numbers", join(orcids, "; "));
    out += e.finish();
    out += "\n";
  }
  if (!out.empty()) out.pop_back();
  return out;
}

}  // namespace takao
