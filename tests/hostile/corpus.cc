#include "corpus.h"

#include <cstdio>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace hostile {

namespace {

void put_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// A few hundred characters of plausible prose that differ from page to page.
std::string prose(int seed, const std::string& variant) {
  static const char* kWords[] = {"城市", "發展", "研究", "交通", "會展", "產業", "光電", "港灣", "捷運", "輕軌",
                                 "觀光", "文化", "青年", "就業", "評估", "政策", "前鎮區", "鳳山區", "愛河"};
  std::string out;
  unsigned x = static_cast<unsigned>(seed) * 2654435761u + 1;
  for (int p = 0; p < 6; ++p) {
    for (int w = 0; w < 40; ++w) {
      x = x * 1103515245u + 12345u;
      out += kWords[(x >> 16) % (sizeof kWords / sizeof *kWords)];
    }
    out += "。版本" + variant + " Kaohsiung policy research " + std::to_string(seed) + ".\n\n";
  }
  return out;
}

}  // namespace

void write_corpus(const fs::path& content, int articles, const std::string& variant) {
  put_file(content / "site.yaml", "title: 測試網站\ntitle_en: Test Site\nbase_url: https://example.gov.tw/\nlanguages: [zh-Hant, en]\n");
  put_file(content / "pages/about.md", "---\ntitle: 關於\ntitle_en: About\n---\n" + prose(0, variant));
  // The pages the theme's footer and site map link to.
  put_file(content / "pages/contact.md", "---\ntitle: 聯絡\ntitle_en: Contact\n---\n電話。\n");
  put_file(content / "pages/privacy.md", "---\ntitle: 隱私權\ntitle_en: Privacy\n---\n政策。\n");
  put_file(content / "pages/open-data.md", "---\ntitle: 開放資料\ntitle_en: Open Data\n---\n下載。\n");
  put_file(content / "journal/_index.md", "---\ntitle: 城市發展\ntitle_en: City Development\n---\n半年刊。\n");
  int issues = (articles + 9) / 10;
  for (int i = 1; i <= issues; ++i) {
    char folder[16];
    std::snprintf(folder, sizeof folder, "%03d", i);
    put_file(content / "journal" / folder / "_index.md",
             "---\ntitle: 第" + std::to_string(i) + "期\ntitle_en: Issue " + std::to_string(i) + "\nnumber: " +
                 std::to_string(i) + "\npublished: " + std::to_string(2000 + i % 25) + "-08-01\n---\n本期。\n");
  }
  for (int a = 0; a < articles; ++a) {
    char folder[16], name[32];
    std::snprintf(folder, sizeof folder, "%03d", a / 10 + 1);
    std::snprintf(name, sizeof name, "%02d-article-%d.md", a % 10 + 1, a);
    put_file(content / "journal" / folder / name,
             "---\ntitle: 研究文章" + std::to_string(a) + "\ntitle_en: Article " + std::to_string(a) +
                 "\nauthors:\n  - name: 作者" + std::to_string(a % 37) + "\n    name_en: Author " + std::to_string(a % 37) +
                 "\nabstract: 摘要" + std::to_string(a) + "\nkeywords: [關鍵" + std::to_string(a % 23) + ", 城市]\n---\n## 前言\n\n" +
                 prose(a + 1, variant) + "## 結論\n\n" + prose(a + 7, variant));
  }
  put_file(content / "reports/_index.md", "---\ntitle: 研究報告\ntitle_en: Research Reports\n---\n");
  put_file(content / "reports/self-research/_index.md", "---\ntitle: 自行研究\ntitle_en: Self-research\n---\n");
  for (int r = 0; r < articles; ++r) {
    put_file(content / "reports/self-research" / ("report-" + std::to_string(r) + ".md"),
             "---\ntitle: 研究報告" + std::to_string(r) + "\ntitle_en: Report " + std::to_string(r) + "\nyear: " +
                 std::to_string(2005 + r % 15) + "\nagency: 交通局\nauthors: [研究員" + std::to_string(r % 19) + "]\n---\n" +
                 prose(r + 1000, variant));
  }
  put_file(content / "glossary/_index.md", "---\ntitle: 譯名\ntitle_en: Names\n---\n高雄市採用通用拼音。\n");
  put_file(content / "glossary/districts.md",
           "---\ntitle: 行政區\ntitle_en: Districts\ncategory: district\n---\n| 中文 | English | 備註 |\n|---|---|---|\n"
           "| 前鎮區 | Cianjhen Dist. | |\n| 鳳山區 | Fongshan Dist. | |\n");
}

}  // namespace hostile
