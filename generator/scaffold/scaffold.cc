#include "scaffold/scaffold.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <vector>

#include <nlohmann/json.hpp>

#include "source/source_file.h"

namespace fs = std::filesystem;

namespace takao {

namespace {

// A YAML double-quoted scalar (JSON's string syntax is a subset of it): any title is safe inside.
std::string quoted(const std::string& text) {
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t i = 0; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '/') {
      if (i > start) parts.push_back(path.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

bool valid_name(const std::string& s) {
  if (s.empty() || s[0] == '.' || s == "_index") return false;
  for (char c : s) {
    if (c == '\\' || c == '?' || c == '#' || c == '%' || static_cast<unsigned char>(c) < 0x20) return false;
  }
  return true;
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Lowercase ASCII words of the title joined by '-', for a file name; "" when the title has none.
std::string ascii_slug(const std::string& title) {
  std::string out;
  bool dash = false;
  for (char c : title) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && !out.empty()) out += '-';
      out += c;
      dash = false;
    } else if (c >= 'A' && c <= 'Z') {
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(c - 'A' + 'a');
      dash = false;
    } else {
      dash = true;
    }
  }
  if (out.size() > 40) out.resize(40);
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// Markdown files already in a folder (Chinese ones, not _index.md).
std::vector<std::string> markdown_in(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.size() > 3 && name.compare(name.size() - 3, 3, ".md") == 0 && name.find(".en.md") == std::string::npos &&
        name != "_index.md") {
      out.push_back(name);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

ScaffoldResult bad(const std::string& message) { return {2, "", message}; }

}  // namespace

std::string scaffold_text(const std::string& kind, const std::string& series, const std::string& title, int number,
                          const Date& today) {
  std::string t = quoted(title);
  std::string date = today.empty() ? "" : today.iso();
  std::string s = "---\n";
  auto line = [&](const std::string& text) { s += text + "\n"; };
  if (kind == "issue") {
    line("# 一期《城市發展》。必填 required: title, number, published. 其餘可留空 the rest may stay empty.");
    line("# 本期主題 The issue's theme (required)");
    line("title: " + t);
    line("# 英文主題 The theme in English (gives the issue its English title)");
    line("title_en: \"\"");
    line("# 期數，整數 Issue number, a whole number (required)");
    line("number: " + std::to_string(number));
    line("# 出刊日期 YYYY-MM-DD Publication date (required); a future date keeps the issue unpublished until then");
    line("published: " + date);
    line("# 卷期標示 Volume label, e.g. 第10卷第1期");
    line("volume: \"\"");
    line("# 封面圖與全期 PDF：放在本資料夾，寫檔名 Cover image and whole-issue PDF, files in this folder");
    line("# cover: cover.jpg");
    line("# pdf: issue.pdf");
    line("# 本期 DOI（不含 https://doi.org/）The issue's DOI, bare, e.g. 10.1234/abcd");
    line("doi: \"\"");
    line("# true：不發布（takao serve --drafts 可預覽）Not published while true (preview with takao serve --drafts)");
    line("draft: false");
  } else if (kind == "article") {
    line("# 一篇期刊文章。必填 required: title. 其餘可留空 the rest may stay empty.");
    line("# 篇名 Title (required)");
    line("title: " + t);
    line("# 英文篇名 Title in English (gives the article an English page)");
    line("title_en: \"\"");
    line("# 作者：每位一項 Authors, one item each: a name, or name / name_en / affiliation / orcid");
    line("#   - name: 王小明");
    line("#     name_en: Wang Hsiao-ming");
    line("#     affiliation: 高雄市政府研究發展考核委員會");
    line("#     orcid: 0000-0002-1825-0097   (ORCID iD，檢查碼會驗證 its check digit is verified)");
    line("authors: []");
    line("# 摘要 Abstract (Chinese, then English)");
    line("abstract: \"\"");
    line("abstract_en: \"\"");
    line("# 關鍵詞 Keywords, e.g. [城市治理, 韌性]");
    line("keywords: []");
    line("keywords_en: []");
    line("# 頁碼 Pages in the printed issue, e.g. 6-21");
    line("pages: \"\"");
    line("# 全文 PDF：放在本資料夾，寫檔名 Full-text PDF, a file in this folder");
    line("# pdf: article.pdf");
    line("# DOI（不含 https://doi.org/）DOI, bare, e.g. 10.1234/abcd");
    line("doi: \"\"");
    line("# true：不發布 Not published while true");
    line("draft: false");
  } else if (kind == "report") {
    line("# 一份研究報告（" + series + "）。必填 required: title, year. 其餘可留空 the rest may stay empty.");
    line("# 報告名稱 Title (required)");
    line("title: " + t);
    line("# 英文名稱 Title in English (gives the report an English page)");
    line("title_en: \"\"");
    line("# 年度（西元）Year, Gregorian (required)");
    line("year: " + std::to_string(today.empty() ? 2000 : today.year));
    line("# 發布日期 YYYY-MM-DD Publication date; a future date keeps the report unpublished until then");
    line("published: " + date);
    line("# 機關 Agency");
    line("agency: \"\"");
    line("# 作者 Authors: names, or name / name_en / affiliation / orcid (ORCID iD, e.g. 0000-0002-1825-0097)");
    line("authors: []");
    if (series == "self-research") {
      line("# 獎項：甲等、乙等或佳作 Award: 甲等, 乙等 or 佳作");
      line("# award: 甲等");
    } else {
      line("# 獎項 Award");
      line("award: \"\"");
    }
    line("# 狀態 Status, e.g. 已結案");
    line("status: \"\"");
    line("# 全文 PDF：放在本資料夾，寫檔名 Full-text PDF, a file in this folder");
    line("# pdf: report.pdf");
    line("# 編號 Report number");
    line("number: \"\"");
    line("# DOI（不含 https://doi.org/）DOI, bare, e.g. 10.1234/abcd");
    line("doi: \"\"");
    std::string hide = series == "theses" ? "" : "# ";
    line("# 博碩士論文：學校、學位、指導教授 Theses: university, degree, advisor");
    line(hide + "university: \"\"");
    line(hide + "degree: \"\"");
    line(hide + "advisor: \"\"");
    line("# 出國報告：前往國家或城市 Overseas trips: destination");
    line((series == "overseas" ? "" : "# ") + std::string("destination: \"\""));
    line("# true：不發布 Not published while true");
    line("draft: false");
  } else {
    line("# 一個獨立頁面。必填 required: title. 其餘可留空 the rest may stay empty.");
    line("# 頁面標題 Title (required)");
    line("title: " + t);
    line("# 英文標題 Title in English (gives the page an English version)");
    line("title_en: \"\"");
    line("# 網址名稱，預設為檔名 URL name; the file name when not set");
    line("# slug: contact");
    line("# 排序，小者在前 Order among pages, smaller first");
    line("weight: 0");
    line("# true：列入主選單 Listed in the main menu");
    line("menu: false");
    line("# true：不發布 Not published while true");
    line("draft: false");
  }
  s += "---\n\n";
  return s;
}

ScaffoldResult scaffold(const ScaffoldRequest& req) {
  static const std::vector<std::string> kinds = {"issue", "article", "report", "page"};
  if (std::find(kinds.begin(), kinds.end(), req.kind) == kinds.end()) {
    return bad("unknown kind '" + req.kind + "' (expected issue, article, report or page)");
  }
  std::string path = req.path;
  std::string prefix = req.content_dir.empty() || req.content_dir.back() == '/' ? req.content_dir : req.content_dir + "/";
  if (!prefix.empty() && path.rfind(prefix, 0) == 0) path.erase(0, prefix.size());
  if (path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0) path.resize(path.size() - 3);
  auto parts = split(path);
  for (const auto& p : parts) {
    if (p == "." || p == "..") return bad("the path must stay inside the content folder: " + req.path);
  }
  fs::path root(req.content_dir);
  std::string rel, series;
  int number = 0;
  if (req.kind == "issue") {
    if (parts.size() != 2 || parts[0] != "journal" || !all_digits(parts[1])) {
      return bad("an issue's path is journal/<NNN>, such as journal/019");
    }
    number = std::stoi(parts[1]);
    rel = "journal/" + parts[1] + "/_index.md";
  } else if (req.kind == "article") {
    if ((parts.size() != 2 && parts.size() != 3) || parts[0] != "journal" || !all_digits(parts[1])) {
      return bad("an article's path is journal/<NNN> or journal/<NNN>/<name>, such as journal/019");
    }
    if (!fs::exists(root / "journal" / parts[1] / "_index.md")) {
      return bad("journal/" + parts[1] + " has no issue yet: run takao new issue journal/" + parts[1] + " first");
    }
    std::string name;
    if (parts.size() == 3) {
      if (!valid_name(parts[2])) return bad("not a usable file name: " + parts[2]);
      name = parts[2];
    } else {
      // Articles keep their printed order by a number in front: the next one after those there.
      int next = 1;
      for (const auto& f : markdown_in(root / "journal" / parts[1])) {
        if (f.size() > 2 && all_digits(f.substr(0, 2))) next = std::max(next, std::stoi(f.substr(0, 2)) + 1);
      }
      std::string slug = ascii_slug(req.title);
      name = two_digits(next) + "-" + (slug.empty() ? "article" : slug);
    }
    rel = "journal/" + parts[1] + "/" + name + ".md";
  } else if (req.kind == "report") {
    const auto& series_kinds = report_series_kinds();
    if ((parts.size() != 2 && parts.size() != 3) || parts[0] != "reports" ||
        std::find(series_kinds.begin(), series_kinds.end(), parts[1]) == series_kinds.end()) {
      return bad("a report's path is reports/<series> or reports/<series>/<name>; series: self-research, commissioned, theses, overseas");
    }
    series = parts[1];
    std::string name;
    if (parts.size() == 3) {
      if (!valid_name(parts[2])) return bad("not a usable file name: " + parts[2]);
      name = parts[2];
    } else {
      std::string slug = ascii_slug(req.title);
      std::string year = std::to_string(req.today.empty() ? 2000 : req.today.year);
      std::string base = year + "-" + (slug.empty() ? "report" : slug);
      name = base;
      for (int n = 2; fs::exists(root / "reports" / series / (name + ".md")); ++n) name = base + "-" + std::to_string(n);
    }
    rel = "reports/" + series + "/" + name + ".md";
  } else {
    if (parts.size() != 2 || parts[0] != "pages" || !valid_name(parts[1])) {
      return bad("a page's path is pages/<name>, such as pages/contact-en");
    }
    rel = "pages/" + parts[1] + ".md";
  }
  ScaffoldResult result;
  result.file = (root / rel).string();
  std::string text = scaffold_text(req.kind, series, req.title, number, req.today);
  std::error_code ec;
  fs::create_directories(fs::path(result.file).parent_path(), ec);
  // O_EXCL: an existing file is never touched, even if it appears between a check and the write.
  int fd = ::open(result.file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    result.status = 1;
    result.message = errno == EEXIST ? "already exists; takao new never overwrites a file" : std::strerror(errno);
    return result;
  }
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  if (!ok) {
    result.status = 1;
    result.message = "cannot write the file";
    return result;
  }
  if (req.title.empty()) result.message = "fill in the title (required) before publishing";
  return result;
}

int new_main(int argc, char** argv, const Date& today) {
  const char* usage =
      "usage: takao new KIND PATH [--title TEXT] [--content DIR]\n"
      "  takao new issue journal/019\n"
      "  takao new article journal/019 --title \"標題\"\n"
      "  takao new report reports/commissioned --title \"標題\"\n"
      "  takao new page pages/contact-en\n";
  ScaffoldRequest req;
  req.today = today;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--title" || a == "--content") {
      if (i + 1 >= argc) {
        std::cerr << "takao: " << a << " needs a value\n\n" << usage;
        return 2;
      }
      (a == "--title" ? req.title : req.content_dir) = argv[++i];
    } else if (a == "--help" || a == "-h") {
      std::cout << usage;
      return 0;
    } else if (!a.empty() && a[0] == '-') {
      std::cerr << "takao: unknown option for new: " << a << "\n\n" << usage;
      return 2;
    } else {
      positional.push_back(a);
    }
  }
  if (positional.size() != 2) {
    std::cerr << "takao: new needs a kind and a path\n\n" << usage;
    return 2;
  }
  req.kind = positional[0];
  req.path = positional[1];
  ScaffoldResult r = scaffold(req);
  if (r.status == 2) {
    std::cerr << "takao: " << r.message << "\n\n" << usage;
    return 2;
  }
  if (r.status != 0) {
    std::cerr << r.file << ":1:1: error: " << r.message << '\n';
    return r.status;
  }
  std::cout << r.file << '\n';
  if (!r.message.empty()) std::cerr << "takao: " << r.message << '\n';
  return 0;
}

}  // namespace takao
