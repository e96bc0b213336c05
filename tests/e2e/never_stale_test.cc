// Never stale (issue 15): a seeded random sequence of edits to a small site (bodies, titles, front matter,
// renames, deletions, new pages, templates, interface strings, site.yaml, glossary rows, and files of the
// output changed behind takao's back). After each step the site is rebuilt incrementally into one folder
// (with the build state of the previous step) and built clean into another; every file must be equal byte
// for byte. A step that makes the content invalid must fail in both, leave the incremental site as it
// was, and is undone.
#include <gtest/gtest.h>

#include <random>
#include <regex>

#include "e2e_util.h"

namespace fs = std::filesystem;
using namespace e2e;

namespace {

std::vector<fs::path> files_below(const fs::path& root, const std::string& ext) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().extension() == ext) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Markdown documents an edit may touch: not the glossary tables, not the English twins (handled with
// their Chinese file).
std::vector<fs::path> documents(const fs::path& content) {
  std::vector<fs::path> out;
  for (const auto& p : files_below(content, ".md")) {
    std::string rel = fs::relative(p, content).string();
    if (rel.rfind("glossary/", 0) == 0 || rel.find(".en.md") != std::string::npos) continue;
    out.push_back(p);
  }
  return out;
}

std::string replace_line(const std::string& text, const std::string& key, const std::string& line) {
  std::regex re("(^|\n)" + key + ":[^\n]*");
  if (std::regex_search(text, re)) return std::regex_replace(text, re, "$1" + line, std::regex_constants::format_first_only);
  // Not there: added after the opening ---.
  return "---\n" + line + "\n" + text.substr(4);
}

size_t pages_reused(const std::string& err) {
  std::smatch m;
  static const std::regex re("takao: (\\d+) of \\d+ pages unchanged");
  return std::regex_search(err, m, re) ? std::stoul(m[1]) : 0;
}

TEST(NeverStale, RandomEditsRebuildLikeACleanBuild) {
  fs::path content = fixture_copy("never-stale");
  fs::path root = content.parent_path();
  fs::path theme = root / "theme";
  fs::copy(fs::path(TAKAO_SOURCE_DIR) / "themes/default", theme, fs::copy_options::recursive);
  fs::path inc = root / "incremental" / "public";
  fs::create_directories(inc.parent_path());
  auto build = [&](const fs::path& out) {
    return takao("build --content '" + content.string() + "' --theme '" + theme.string() + "' --out '" + out.string() +
                 "' --jobs 2 --timings");
  };
  ASSERT_EQ(build(inc).status, 0);

  std::mt19937 rng(15);
  auto pick = [&](size_t n) { return static_cast<size_t>(std::uniform_int_distribution<size_t>(0, n - 1)(rng)); };
  size_t reused_total = 0, failed_steps = 0;
  const int kSteps = 36;
  for (int step = 0; step < kSteps; ++step) {
    fs::path undo = root / "undo";
    fs::remove_all(undo);
    fs::create_directories(undo);
    fs::copy(content, undo / "content", fs::copy_options::recursive);
    fs::copy(theme, undo / "theme", fs::copy_options::recursive);
    auto before = tree(inc);
    std::string n = std::to_string(step);
    auto docs = documents(content);
    int kind = static_cast<int>(pick(11));
    std::string what = "nothing (a section's _index is not renamed or deleted)";
    switch (kind) {
      case 0: {  // a body
        fs::path d = docs[pick(docs.size())];
        write(d, read(d) + "\n\n新的一段，第 " + n + " 步。\n");
        what = "body of " + d.filename().string();
        break;
      }
      case 1: {  // a title
        fs::path d = docs[pick(docs.size())];
        std::string text = read(d);
        std::smatch m;
        if (std::regex_search(text, m, std::regex("\ntitle: ([^\n]*)"))) {
          write(d, replace_line(text, "title", "title: " + std::string(m[1]) + " " + n));
        }
        what = "title of " + d.filename().string();
        break;
      }
      case 2: {  // front matter: an article's keywords
        auto articles = files_below(content / "journal/001", ".md");
        std::erase_if(articles, [](const fs::path& p) { return p.filename().string()[0] == '_' || p.string().find(".en.md") != std::string::npos; });
        fs::path d = articles[pick(articles.size())];
        write(d, replace_line(read(d), "keywords", "keywords: [詞" + n + ", 光電]"));
        what = "keywords of " + d.filename().string();
        break;
      }
      case 3: {  // a rename (with its English twin)
        fs::path d = docs[pick(docs.size())];
        if (d.filename().string()[0] == '_') break;
        std::string stem = d.stem().string();
        fs::path to = d.parent_path() / (stem + "-r" + n + ".md");
        fs::rename(d, to);
        fs::path en = d.parent_path() / (stem + ".en.md");
        if (fs::exists(en)) fs::rename(en, d.parent_path() / (stem + "-r" + n + ".en.md"));
        what = "rename of " + d.filename().string();
        break;
      }
      case 4: {  // a deletion
        fs::path d = docs[pick(docs.size())];
        if (d.filename().string()[0] == '_') break;
        fs::remove(d);
        what = "deletion of " + d.filename().string();
        break;
      }
      case 5:  // a new page
        write(content / "pages" / ("p" + n + ".md"), "---\ntitle: 新頁 " + n + "\n---\n第 " + n + " 頁，見[關於](about.md)。\n");
        what = "new page p" + n;
        break;
      case 6: {  // a template
        auto partials = files_below(theme / "templates", ".mustache");
        fs::path t = partials[pick(partials.size())];
        write(t, read(t) + "<!-- " + n + " -->\n");
        what = "template " + t.filename().string();
        break;
      }
      case 7: {  // an interface string
        fs::path f = theme / "i18n/ui.en.yaml";
        write(f, std::regex_replace(read(f), std::regex("\nnav_home: [^\n]*"), "\nnav_home: Home " + n));
        what = "interface string";
        break;
      }
      case 8: {  // site.yaml
        fs::path f = content / "site.yaml";
        write(f, replace_line("---\n" + read(f), "title_en", "title_en: Test Site " + n).substr(4));
        what = "site.yaml";
        break;
      }
      case 9: {  // a glossary row
        fs::path f = content / "glossary/landmarks.csv";
        write(f, std::regex_replace(read(f), std::regex("\n蓮池潭,[^\n]*"), "\n蓮池潭,Lotus Pond,landmark,左營區,,備註 " + n));
        what = "glossary row";
        break;
      }
      case 10: {  // the published site changed behind takao's back: repaired, not trusted
        auto pages = files_below(inc, ".html");
        fs::path p = pages[pick(pages.size())];
        std::string bytes = read(p);
        bytes[bytes.size() / 2] = bytes[bytes.size() / 2] == 'x' ? 'y' : 'x';  // same size
        write(p, bytes);
        fs::path gz = p;
        gz += ".gz";
        if (fs::exists(gz)) fs::remove(gz);
        what = "output file " + fs::relative(p, inc).string() + " changed";
        before.clear();
        break;
      }
    }
    SCOPED_TRACE("step " + n + ": " + what);
    e2e::Run incremental = build(inc);
    fs::path clean = root / ("clean" + n) / "public";
    e2e::Run fresh = build(clean);
    ASSERT_EQ(incremental.status, fresh.status) << incremental.err << "\n---\n" << fresh.err;
    if (incremental.status != 0) {
      // Invalid content: nothing published, and the step is undone.
      ++failed_steps;
      std::printf("step %2d: %-40s failed in both, undone\n", step, what.c_str());
      if (!before.empty()) {
        EXPECT_TRUE(tree(inc) == before) << "a failed build changed the site";
      }
      fs::remove_all(content), fs::remove_all(theme);
      fs::copy(undo / "content", content, fs::copy_options::recursive);
      fs::copy(undo / "theme", theme, fs::copy_options::recursive);
      fs::remove_all(clean.parent_path());
      continue;
    }
    reused_total += pages_reused(incremental.err);
    std::printf("step %2d: %-40s %zu pages reused\n", step, what.c_str(), pages_reused(incremental.err));
    auto a = tree(inc), b = tree(clean);
    std::vector<std::string> differ;
    for (const auto& [path, bytes] : a) {
      auto it = b.find(path);
      if (it == b.end() || it->second != bytes) differ.push_back(path);
    }
    for (const auto& [path, bytes] : b) {
      if (!a.count(path)) differ.push_back(path + " (missing)");
    }
    ASSERT_TRUE(differ.empty()) << differ.size() << " files differ, first " << differ.front();
    fs::remove_all(clean.parent_path());
  }
  // The sequence must have exercised reuse, not only full builds.
  EXPECT_GT(reused_total, 100u);
  EXPECT_LT(failed_steps, static_cast<size_t>(kSteps / 2));
}

}  // namespace
