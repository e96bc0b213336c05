#include "cite/apa.h"

#include "cite/cite_text.h"
#include "core/text.h"
#include "model/identifiers.h"

namespace takao {

namespace {

// APA lists up to 20 authors; beyond, the first 19, an ellipsis and the last.
std::string names(const std::vector<CiteName>& authors, bool en) {
  std::vector<std::string> list;
  for (const auto& a : authors) list.push_back(a.name);
  if (list.size() > 20) {
    std::string last = list.back();
    list.resize(19);
    return join(list, en ? ", " : "、") + (en ? ", … " : "、…、") + last;
  }
  if (!en) return join(list, "、");
  if (list.size() <= 1) return join(list, "");
  if (list.size() == 2) return list[0] + " & " + list[1];
  std::string last = list.back();
  list.pop_back();
  return join(list, ", ") + ", & " + last;
}

// Whether CSL calls a number numeric (then the style puts "No." before it): digits with optional letter
// prefix and suffix ("12", "A12b"), optionally followed by a range or list ("2-4", "2, 3", "2 & 4").
// citeproc-js decides the same on the first part ("RDEC-103-007" and "12 34" are not numeric).
bool csl_numeric(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
  size_t digits = i;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == digits) return false;
  while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
  if (i == s.size()) return true;
  size_t j = i;
  while (j < s.size() && s[j] == ' ') ++j;
  return j < s.size() && (s[j] == '-' || s[j] == ',' || s[j] == '&' || s[j] == '/');
}

std::string link(const CiteItem& it) { return !it.doi.empty() ? doi_url(it.doi) : it.url; }

std::string english(const CiteItem& it) {
  bool english_item = it.language == "en";  // citeproc title-cases container and series titles only then
  auto cased = [&](const std::string& s) { return english_item ? title_case(s) : s; };
  std::string title = smart_quotes(it.title);
  std::string year = "(" + (it.year > 0 ? std::to_string(it.year) : std::string("n.d.")) + ").";
  std::string out;
  std::string bracket;  // theses: [Master's thesis, University]
  if (it.type == CiteType::report) {
    std::vector<std::string> parts;
    if (!it.number.empty()) parts.push_back(csl_numeric(it.number) ? "No. " + page_range(it.number) : it.number);
    if (!it.series.empty()) parts.push_back(smart_quotes(cased(it.series)));
    if (!parts.empty()) title += " (" + join(parts, "; ") + ")";
  } else if (it.type == CiteType::thesis) {
    std::vector<std::string> parts;
    if (!it.degree.empty()) parts.push_back(smart_quotes(it.degree));
    if (!it.publisher.empty()) parts.push_back(smart_quotes(it.publisher));
    if (!parts.empty()) bracket = "[" + join(parts, ", ") + "]";
  }
  if (!it.authors.empty()) {
    out = with_stop(names(it.authors, true)) + " " + year + " ";
    out += bracket.empty() ? with_stop(title) : title + " " + bracket + ".";
  } else {
    out = with_stop(title) + " " + year;
    if (!bracket.empty()) out += " " + bracket + ".";
  }
  if (it.type == CiteType::article) {
    std::string source = smart_quotes(cased(it.journal));
    auto add = [&](const std::string& part) { source += (source.empty() ? "" : ", ") + part; };
    if (!it.volume.empty()) add(it.volume + (it.issue.empty() ? "" : "(" + it.issue + ")"));
    else if (!it.issue.empty()) add(it.issue);
    if (!it.pages.empty()) add(page_range(it.pages));
    if (!source.empty()) out += " " + with_stop(source);
  } else if (it.type == CiteType::report && !it.publisher.empty()) {
    out += " " + with_stop(smart_quotes(it.publisher));
  }
  std::string url = link(it);
  if (!url.empty()) out += " " + url;
  return out;
}

std::string chinese(const CiteItem& it) {
  std::string title = it.title;
  std::string year = "（" + (it.year > 0 ? std::to_string(it.year) : std::string("無日期")) + "）。";
  std::string bracket;
  if (it.type == CiteType::report) {
    std::vector<std::string> parts;
    if (!it.number.empty()) parts.push_back(it.number);
    if (!it.series.empty()) parts.push_back(it.series);
    if (!parts.empty()) title += "（" + join(parts, "；") + "）";
  } else if (it.type == CiteType::thesis) {
    std::vector<std::string> parts;
    if (!it.degree.empty()) parts.push_back(it.degree);
    if (!it.publisher.empty()) parts.push_back(it.publisher);
    if (!parts.empty()) bracket = "〔" + join(parts, "，") + "〕";
  }
  std::string out;
  if (!it.authors.empty()) {
    out = names(it.authors, false) + year + with_stop(title + bracket, "。");
  } else {
    out = title + year + (bracket.empty() ? "" : bracket + "。");
  }
  if (it.type == CiteType::article) {
    std::string source = it.journal;
    auto add = [&](const std::string& part) { source += (source.empty() ? "" : "，") + part; };
    if (!it.volume.empty()) add(it.volume + (it.issue.empty() ? "" : "(" + it.issue + ")"));
    else if (!it.issue.empty()) add(it.issue);
    if (!it.pages.empty()) add(it.pages);
    if (!source.empty()) out += with_stop(source, "。");
  } else if (it.type == CiteType::report && !it.publisher.empty()) {
    out += with_stop(it.publisher, "。");
  }
  return out + link(it);
}

}  // namespace

std::string format_apa(const CiteItem& item) { return item.en ? english(item) : chinese(item); }

}  // namespace takao
