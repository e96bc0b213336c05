#include "cite/chicago.h"

#include "cite/cite_text.h"
#include "core/text.h"
#include "model/identifiers.h"

namespace takao {

namespace {

// Chicago lists up to ten authors; beyond, the first seven and "et al."
std::string names(const std::vector<CiteName>& authors, bool en) {
  std::vector<std::string> list;
  for (const auto& a : authors) list.push_back(a.name);
  if (list.size() > 10) {
    list.resize(7);
    return join(list, en ? ", " : "、") + (en ? " et al." : "等");
  }
  if (!en || list.size() <= 1) return join(list, "、");
  if (list.size() == 2) return list[0] + " and " + list[1];
  std::string last = list.back();
  list.pop_back();
  return join(list, ", ") + ", and " + last;
}

std::string link(const CiteItem& it) { return !it.doi.empty() ? doi_url(it.doi) : it.url; }

std::string english(const CiteItem& it) {
  std::string year = it.year > 0 ? std::to_string(it.year) : "n.d.";
  bool quoted = it.type != CiteType::report;  // article and thesis titles in quotation marks, reports as works
  std::string title = smart_quotes(it.title);
  title = quoted ? "“" + with_stop(title) + "”" : with_stop(title);
  std::string out = it.authors.empty() ? title + " " + year + "." : with_stop(names(it.authors, true)) + " " + year + ". " + title;
  if (it.type == CiteType::article) {
    std::string source = smart_quotes(it.journal);
    if (!it.volume.empty()) source += " " + it.volume + (it.issue.empty() ? "" : ", no. " + it.issue);
    else if (!it.issue.empty()) source += (source.empty() ? "no. " : ", no. ") + it.issue;
    if (!it.pages.empty()) source += ": " + page_range(it.pages);
    if (!source.empty()) out += " " + with_stop(source);
  } else if (it.type == CiteType::report) {
    if (!it.series.empty()) out += " " + with_stop(smart_quotes(it.series) + (it.number.empty() ? "" : ", no. " + it.number));
    else if (!it.number.empty()) out += " Report no. " + with_stop(it.number);
    if (!it.publisher.empty()) out += " " + with_stop(smart_quotes(it.publisher));
  } else {
    std::vector<std::string> parts;
    if (!it.degree.empty()) parts.push_back(smart_quotes(it.degree));
    if (!it.publisher.empty()) parts.push_back(smart_quotes(it.publisher));
    if (!parts.empty()) out += " " + with_stop(join(parts, ", "));
  }
  std::string url = link(it);
  if (!url.empty()) out += " " + url + ".";
  return out;
}

std::string chinese(const CiteItem& it) {
  std::string year = it.year > 0 ? std::to_string(it.year) : "無日期";
  std::string title = it.type == CiteType::report ? "《" + it.title + "》" : "〈" + it.title + "〉";
  std::string out = it.authors.empty() ? title + "。" + year + "。" : names(it.authors, false) + "。" + year + "。" + title + "。";
  if (it.type == CiteType::article) {
    std::string source = it.journal.empty() ? "" : "《" + it.journal + "》";
    if (!it.volume.empty()) source += it.volume;
    if (!it.issue.empty()) source += (it.volume.empty() ? "第" : "卷第") + it.issue + "期";
    if (!it.pages.empty()) source += "，頁" + it.pages;
    if (!source.empty()) out += source + "。";
  } else if (it.type == CiteType::report) {
    std::vector<std::string> parts;
    if (!it.series.empty()) parts.push_back(it.series);
    if (!it.number.empty()) parts.push_back("編號" + it.number);
    if (!parts.empty()) out += join(parts, "，") + "。";
    if (!it.publisher.empty()) out += with_stop(it.publisher, "。");
  } else {
    std::vector<std::string> parts;
    if (!it.degree.empty()) parts.push_back(it.degree);
    if (!it.publisher.empty()) parts.push_back(it.publisher);
    if (!parts.empty()) out += join(parts, "，") + "。";
  }
  return out + link(it);
}

}  // namespace

std::string format_chicago(const CiteItem& item) { return item.en ? english(item) : chinese(item); }

}  // namespace takao
