// Incremental builds equal clean builds byte for byte, after every step of a sequence of edits, renames and
// deletions of content and theme; and an edit redoes only what it touched.
#include "pipeline/incremental.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "markdown/markdown.h"

namespace fs = std::filesystem;

namespace takao {
namespace {

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << text;
}

void replace_in(const fs::path& p, const std::string& from, const std::string& to) {
  std::string text = read_file(p);
  size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from << " not in " << p;
  text.replace(at, from.size(), to);
  write_file(p, text);
}

std::map<std::string, std::string> tree(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    std::string rel = fs::relative(e.path(), root).generic_string();
    if (rel == ".takao-output") continue;  // the marker's wording is the writer's own
    out[rel] = read_file(e.path());
  }
  return out;
}

class IncrementalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    init_markdown();
    dir_ = fs::temp_directory_path() / ("takao-incremental-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    fs::copy(fs::path(TAKAO_SOURCE_DIR) / "content", dir_ / "content", fs::copy_options::recursive);
    // The whole city's 5,170 street entries (10,000 pages) add nothing these builds test: the first 30 stay.
    {
      std::ifstream in(dir_ / "content/glossary/streets.md");
      std::string line, kept;
      for (int i = 0; i < 40 && std::getline(in, line); ++i) kept += line + "\n";
      std::ofstream(dir_ / "content/glossary/streets.md", std::ios::trunc) << kept;
    }
    // TAKAO_TEST_THEME: another theme folder (to test against a snapshot while the default one changes).
    const char* theme_dir = std::getenv("TAKAO_TEST_THEME");
    fs::copy(theme_dir ? fs::path(theme_dir) : fs::path(TAKAO_SOURCE_DIR) / "themes/default", dir_ / "theme",
             fs::copy_options::recursive);
    config_.content_dir = (dir_ / "content").string();
    config_.theme_dir = (dir_ / "theme").string();
    config_.out_dir = (dir_ / "live").string();
    config_.jobs = 2;
    config_.today = Date{2025, 6, 1};
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Builds incrementally and cleanly and compares the two trees. The clean build is run_build itself when
  // `reference` (it syncs the disk, slow on a busy machine), otherwise a new IncrementalBuilder, whose first
  // build starts from nothing: the first test shows that one equals run_build.
  IncrementalResult check(IncrementalBuilder& builder, const std::string& step, bool reference = false,
                          const std::vector<std::string>* changed_paths = nullptr) {
    Diagnostics diags;
    IncrementalResult r = builder.build(diags, changed_paths);
    if (std::getenv("TAKAO_TEST_VERBOSE")) {
      std::fprintf(stderr, "%-28s %6.3f s, considered %zu, rendered %zu, wrote %zu, removed %zu%s\n", step.c_str(), r.seconds,
                   r.pages_considered, r.pages_rendered, r.written.size(), r.removed.size(), r.full ? " (full)" : "");
    }
    EXPECT_TRUE(r.ok) << step;
    for (const auto& d : diags.sorted()) {
      if (d.severity == Severity::error) ADD_FAILURE() << step << ": " << d.format();
    }
    BuildConfig clean = config_;
    clean.out_dir = (dir_ / ("clean-" + std::to_string(++clean_builds_))).string();
    Diagnostics clean_diags;
    bool clean_ok;
    if (reference || std::getenv("TAKAO_TEST_REFERENCE_EVERY_STEP")) {
      clean_ok = run_build(clean, clean_diags, nullptr);
    } else {
      clean_ok = IncrementalBuilder(clean).build(clean_diags).ok;
    }
    EXPECT_TRUE(clean_ok) << step;
    for (const auto& d : clean_diags.sorted()) {
      if (d.severity == Severity::error) ADD_FAILURE() << step << " (clean): " << d.format();
    }
    if (!clean_ok) return r;
    auto want = tree(clean.out_dir);
    auto got = tree(config_.out_dir);
    std::vector<std::string> differ;
    for (const auto& [path, bytes] : want) {
      auto it = got.find(path);
      if (it == got.end()) differ.push_back("missing " + path);
      else if (it->second != bytes) differ.push_back("differs " + path);
    }
    for (const auto& [path, bytes] : got) {
      if (!want.count(path)) differ.push_back("extra " + path);
    }
    EXPECT_TRUE(differ.empty()) << step << ": " << differ.size() << " files, first: " << (differ.empty() ? "" : differ[0])
                                << (differ.size() > 1 ? ", " + differ[1] : "");
    fs::remove_all(clean.out_dir);
    return r;
  }

  fs::path content(const std::string& rel) { return dir_ / "content" / rel; }
  fs::path theme(const std::string& rel) { return dir_ / "theme" / rel; }

  fs::path dir_;
  BuildConfig config_;
  int clean_builds_ = 0;
};

bool wrote(const IncrementalResult& r, const std::string& path) {
  return std::find(r.written.begin(), r.written.end(), path) != r.written.end();
}

TEST_F(IncrementalTest, EqualsCleanBuildAfterEveryEdit) {
  IncrementalBuilder builder(config_);
  auto first = check(builder, "first build", true);
  EXPECT_TRUE(first.full);
  EXPECT_GT(first.pages_rendered, 100u);

  // Nothing changed: nothing rendered, nothing written.
  auto idle = check(builder, "no change");
  EXPECT_EQ(idle.pages_rendered, 0u);
  EXPECT_TRUE(idle.written.empty()) << idle.written.size() << " files, first " << (idle.written.empty() ? "" : idle.written[0]);
  EXPECT_TRUE(idle.removed.empty());

  // A body edit: that article's pages, its search entries, nothing else.
  replace_in(content("journal/018/03-livable-city.md"), "\n## ", "\n新增的一段文字，用於測試增量建置。\n\n## ");
  auto body = check(builder, "article body");
  EXPECT_FALSE(body.full);
  EXPECT_LE(body.pages_rendered, 4u);
  EXPECT_TRUE(wrote(body, "journal/018/03-livable-city/index.html"));
  EXPECT_FALSE(wrote(body, "journal/018/index.html"));
  EXPECT_FALSE(wrote(body, "index.html"));

  // A title: the article, its issue, the lists and indexes that show it.
  replace_in(content("journal/018/03-livable-city.md"), "title: ", "title: 修改後：");
  auto title = check(builder, "article title", true);
  EXPECT_TRUE(wrote(title, "journal/018/03-livable-city/index.html"));
  EXPECT_TRUE(wrote(title, "journal/018/index.html"));
  EXPECT_FALSE(wrote(title, "about/index.html"));

  // The heading an English page links to (#fragment kept or dropped per the target's English ids).
  replace_in(content("journal/018/02-pipelines.en.md"), "## Disclosure", "## Disclosure rules");
  check(builder, "linked English heading");
  replace_in(content("journal/018/02-pipelines.en.md"), "## Disclosure rules", "## Disclosure");
  check(builder, "linked English heading back");

  // An issue's body emptied: other pages show whether it has one.
  std::string issue = read_file(content("journal/018/_index.md"));
  write_file(content("journal/018/_index.md"), issue.substr(0, issue.find("---", 3) + 4));
  check(builder, "issue body emptied");
  write_file(content("journal/018/_index.md"), issue);
  check(builder, "issue body back");

  // A new article with an English twin, then a rename, then a deletion.
  write_file(content("journal/018/06-new.md"),
             "---\ntitle: 新文章\ntitle_en: A New Article\nauthors: [新作者]\nkeywords: [新關鍵詞]\npages: 90-99\n---\n\n## 前言\n\n內容。\n");
  write_file(content("journal/018/06-new.en.md"), "---\ntitle: A New Article\n---\n\n## Introduction\n\nText.\n");
  auto added = check(builder, "new article");
  EXPECT_TRUE(wrote(added, "journal/018/06-new/index.html"));
  EXPECT_TRUE(wrote(added, "en/journal/018/06-new/index.html"));
  fs::rename(content("journal/018/06-new.md"), content("journal/018/07-renamed.md"));
  fs::rename(content("journal/018/06-new.en.md"), content("journal/018/07-renamed.en.md"));
  auto renamed = check(builder, "renamed article", true);
  EXPECT_TRUE(std::find(renamed.removed.begin(), renamed.removed.end(), "journal/018/06-new/index.html") != renamed.removed.end());
  fs::remove(content("journal/018/07-renamed.md"));
  fs::remove(content("journal/018/07-renamed.en.md"));
  check(builder, "deleted article");

  // A draft leaves the site; taking the mark off brings it back.
  replace_in(content("journal/018/05-community.md"), "title: ", "draft: true\ntitle: ");
  auto draft = check(builder, "draft");
  EXPECT_TRUE(std::find(draft.removed.begin(), draft.removed.end(), "journal/018/05-community/index.html") != draft.removed.end());
  replace_in(content("journal/018/05-community.md"), "draft: true\n", "");
  check(builder, "draft undone");

  // A new issue folder with an article.
  write_file(content("journal/019/_index.md"), "---\ntitle: 新一期\nnumber: 19\npublished: 2015-08-01\n---\n\n本期導言。\n");
  write_file(content("journal/019/01-first.md"), "---\ntitle: 第十九期第一篇\ntitle_en: First of 19\nauthors: [作者甲]\n---\n\n正文。\n");
  check(builder, "new issue folder");

  // Glossary, site settings, an attachment.
  replace_in(content("glossary/districts.md"), "| 前鎮區 |", "| 前鎮區 |");
  check(builder, "glossary unchanged bytes");
  replace_in(content("site.yaml"), "title: ", "title: 測試");
  check(builder, "site title");

  // Theme: a partial, a page template, interface strings, a stylesheet.
  replace_in(theme("templates/partials/article-list.mustache"), "<a href=\"{{url}}\"", "<a class=\"x\" href=\"{{url}}\"");
  auto partial = check(builder, "partial");
  EXPECT_FALSE(wrote(partial, "about/index.html"));  // the page template does not use it
  replace_in(theme("templates/page.mustache"), "{{", "<!-- edited -->{{");
  auto page_tmpl = check(builder, "page template");
  EXPECT_TRUE(wrote(page_tmpl, "about/index.html"));
  EXPECT_FALSE(wrote(page_tmpl, "journal/018/index.html"));
  fs::path strings = theme("i18n/ui.en.yaml");
  write_file(strings, read_file(strings) + "\nextra_test_string: Extra\n");
  check(builder, "strings");
  write_file(theme("assets/style.css"), read_file(theme("assets/style.css")) + "\n.x { color: red; }\n");
  check(builder, "stylesheet", true);
}

TEST_F(IncrementalTest, ErrorKeepsLastGoodOutput) {
  IncrementalBuilder builder(config_);
  check(builder, "first build");
  auto before = tree(config_.out_dir);
  fs::path article = content("journal/018/03-livable-city.md");
  std::string text = read_file(article);
  write_file(article, "---\ntitle: [unclosed\n---\nbody\n");
  Diagnostics diags;
  auto r = builder.build(diags);
  EXPECT_FALSE(r.ok);
  ASSERT_TRUE(diags.has_errors());
  EXPECT_NE(diags.sorted()[0].path.find("03-livable-city.md"), std::string::npos);
  EXPECT_EQ(tree(config_.out_dir), before);
  write_file(article, text);
  auto back = check(builder, "fixed");
  EXPECT_TRUE(back.written.empty());  // the same content as the last good build
}

// Saves that change only Markdown bodies patch the model in place (the usual case while editing); they
// must still equal a clean build, and report what a clean build reports, including problems that a body
// edit causes in another file (an anchor it links to).
TEST_F(IncrementalTest, BodiesOnlyEditsEqualCleanBuild) {
  IncrementalBuilder builder(config_);
  check(builder, "first build");
  auto failing = [&](const std::string& step, const std::string& in_file) {
    auto before = tree(config_.out_dir);
    Diagnostics diags;
    auto r = builder.build(diags);
    EXPECT_FALSE(r.ok) << step;
    bool named = false;
    for (const auto& d : diags.sorted()) {
      if (d.severity == Severity::error && d.path.find(in_file) != std::string::npos) named = true;
    }
    EXPECT_TRUE(named) << step << ": no error in " << in_file;
    EXPECT_EQ(tree(config_.out_dir), before) << step;
  };

  fs::path mice = content("journal/017/01-mice.md");
  replace_in(mice, "\n## ", "\n只改正文的一句話。\n\n## ");
  auto body = check(builder, "body");
  EXPECT_TRUE(body.bodies_only);
  EXPECT_TRUE(wrote(body, "journal/017/01-mice/index.html"));
  EXPECT_FALSE(wrote(body, "journal/017/index.html"));

  // The heading another article links to (#政策建議): the error is in the other file.
  replace_in(mice, "## 政策建議", "## 政策方向");
  failing("anchor removed", "02-exhibition-center.md");
  replace_in(mice, "## 政策方向", "## 政策建議");
  auto back = check(builder, "anchor back");
  EXPECT_TRUE(back.bodies_only);

  // A broken link in the body, then fixed.
  replace_in(mice, "\n## ", "\n見[不存在](no-such-page.md)。\n\n## ");
  failing("broken link", "01-mice.md");
  replace_in(mice, "見[不存在](no-such-page.md)。", "見[太陽光電](04-solar.md#結論)。");
  EXPECT_TRUE(check(builder, "link fixed").bodies_only);

  // The English twin's body.
  replace_in(content("journal/017/01-mice.en.md"), "\n## ", "\nOne more English sentence.\n\n## ");
  EXPECT_TRUE(check(builder, "English body").bodies_only);

  // Two files at once, one of them a page.
  replace_in(content("journal/017/04-solar.md"), "## 結論", "## 結論\n\n多一句。");
  replace_in(content("pages/about.md"), "\n\n", "\n\n關於本站的新句子。\n\n");
  EXPECT_TRUE(check(builder, "two bodies").bodies_only);

  // A front-matter error, then a body edit elsewhere: still an error (the model is not the last good one).
  fs::path pipelines = content("journal/018/02-pipelines.md");
  std::string pipelines_text = read_file(pipelines);
  replace_in(pipelines, "title: ", "title: [unclosed ");
  failing("front matter broken", "02-pipelines.md");
  replace_in(mice, "只改正文的一句話。", "只改正文的兩句話。");
  failing("body edit while another file is broken", "02-pipelines.md");
  write_file(pipelines, pipelines_text);
  check(builder, "front matter fixed");

  // A draft's body: its page does not exist, nothing changes.
  fs::path community = content("journal/018/05-community.md");
  replace_in(community, "title: ", "draft: true\ntitle: ");
  check(builder, "draft");
  replace_in(community, "\n## ", "\n草稿的新句子。\n\n## ");
  auto draft_body = check(builder, "draft body");
  EXPECT_TRUE(draft_body.bodies_only);
  EXPECT_TRUE(draft_body.written.empty());

  // The front matter: not a bodies-only edit.
  replace_in(mice, "title: ", "title: 改題：");
  EXPECT_FALSE(check(builder, "title").bodies_only);
}

// The preview checks the links of the rendered HTML as takao build does (a link written as a site path in
// a body, or by a template, is not the model's to check): in the whole path, in the bodies-only path, and
// for a page not rendered again whose link's target went away.
TEST_F(IncrementalTest, RenderedLinksAreCheckedAsTheBuildChecksThem) {
  IncrementalBuilder builder(config_);
  write_file(content("pages/extra.md"), "---\ntitle: 另一頁\n---\n\n另一頁的正文。\n");
  replace_in(content("pages/about.md"), "\n## 研究發展", "\n另見[另一頁](/extra/)。\n\n## 研究發展");
  check(builder, "first build");
  auto failing = [&](const std::string& step, const std::string& in_file, bool bodies_only) {
    auto before = tree(config_.out_dir);
    Diagnostics diags;
    auto r = builder.build(diags);
    EXPECT_FALSE(r.ok) << step;
    EXPECT_EQ(r.bodies_only, bodies_only) << step;
    size_t errors = 0;
    for (const auto& d : diags.sorted()) {
      if (d.severity != Severity::error) continue;
      ++errors;
      EXPECT_NE(d.path.find(in_file), std::string::npos) << step << ": " << d.format();
      EXPECT_NE(d.message.find("broken link"), std::string::npos) << step << ": " << d.format();
    }
    EXPECT_EQ(errors, 1u) << step;
    EXPECT_EQ(tree(config_.out_dir), before) << step;
  };

  // A body links to a site path the site does not have: an edit of the body only.
  fs::path mice = content("journal/017/01-mice.md");
  replace_in(mice, "\n## ", "\n見[不存在的頁](/no-such-page/)。\n\n## ");
  failing("site path in a body", "01-mice.md", true);
  replace_in(mice, "見[不存在的頁](/no-such-page/)。", "見[關於本會](/about/)。");
  EXPECT_TRUE(check(builder, "site path fixed").bodies_only);

  // A template writes a link to nowhere.
  fs::path page_template = theme("templates/page.mustache");
  std::string template_text = read_file(page_template);
  write_file(page_template, template_text + "<a href=\"/missing-from-template/\">x</a>\n");
  failing("template link", "page.mustache", false);
  write_file(page_template, template_text);
  check(builder, "template fixed");

  // The page a kept page links to is removed: the kept page's link is checked again.
  fs::remove(content("pages/extra.md"));
  failing("target removed", "about.md", false);
  write_file(content("pages/extra.md"), "---\ntitle: 另一頁\n---\n\n另一頁的正文。\n");
  check(builder, "target back");
}

// takao serve passes what the watcher saw; the builder then looks at those files only, and walks the whole
// folder when the list names a folder or something it cannot place.
TEST_F(IncrementalTest, WatcherListsEqualCleanBuild) {
  IncrementalBuilder builder(config_);
  check(builder, "first build");
  auto saw = [&](std::vector<std::string> rels) {
    std::vector<std::string> full;
    for (const auto& r : rels) full.push_back(r.empty() ? r : config_.content_dir + "/" + r);
    return full;
  };
  replace_in(content("journal/017/01-mice.md"), "\n## ", "\n正文多一句。\n\n## ");
  auto one = saw({"journal/017/01-mice.md"});
  EXPECT_TRUE(check(builder, "named body edit", false, &one).bodies_only);

  write_file(content("journal/018/08-added.md"), "---\ntitle: 新增\n---\n\n內容。\n");
  auto added = saw({"journal/018/08-added.md"});
  EXPECT_TRUE(wrote(check(builder, "named new file", false, &added), "journal/018/08-added/index.html"));
  fs::remove(content("journal/018/08-added.md"));
  auto removed = check(builder, "named removed file", false, &added);
  EXPECT_FALSE(removed.removed.empty());

  write_file(content("journal/019/_index.md"), "---\ntitle: 新一期\nnumber: 19\npublished: 2015-08-01\n---\n\n導言。\n");
  write_file(content("journal/019/01-first.md"), "---\ntitle: 第一篇\n---\n\n正文。\n");
  auto folder = saw({"journal/019"});
  EXPECT_TRUE(wrote(check(builder, "named new folder", false, &folder), "journal/019/01-first/index.html"));
  fs::rename(content("journal/019"), dir_ / "moved-away");
  auto gone = check(builder, "named folder moved away", false, &folder);
  EXPECT_TRUE(std::find(gone.removed.begin(), gone.removed.end(), "journal/019/01-first/index.html") != gone.removed.end());

  // A path the builder cannot place (the watcher lost events): the whole folder is walked.
  replace_in(content("journal/018/04-air-quality.md"), "\n## ", "\n空氣多一句。\n\n## ");
  auto lost = saw({""});
  EXPECT_TRUE(wrote(check(builder, "lost events", false, &lost), "journal/018/04-air-quality/index.html"));
}

// With the watcher's list, the theme is read again only when the list names one of its files; then what
// changed in it is measured against the last good build, also when the build that read it failed.
TEST_F(IncrementalTest, WatcherListsNamingTheThemeReadItAgain) {
  IncrementalBuilder builder(config_);
  check(builder, "first build");
  auto saw = [&](std::vector<fs::path> paths) {
    std::vector<std::string> full;
    for (const auto& p : paths) full.push_back(p.string());
    return full;
  };
  // An interface string every English page shows: its pages change, no content file does.
  replace_in(theme("i18n/ui.en.yaml"), "site_map: Site map", "site_map: Map of the site");
  auto strings = saw({theme("i18n/ui.en.yaml")});
  EXPECT_TRUE(wrote(check(builder, "named string", false, &strings), "en/index.html"));

  // A template and a broken front matter in one save: the build fails; the next save names the content
  // file only, and the template's change must still reach the pages.
  fs::path mice = content("journal/017/01-mice.md");
  std::string good = read_file(mice);
  replace_in(theme("templates/page.mustache"), "{{", "<!-- named -->{{");
  write_file(mice, "---\ntitle: [unclosed\n---\n");
  auto both = saw({theme("templates/page.mustache"), mice});
  Diagnostics diags;
  EXPECT_FALSE(builder.build(diags, &both).ok);
  write_file(mice, good);
  auto fixed = saw({mice});
  auto after = check(builder, "template after a failed build", false, &fixed);
  EXPECT_TRUE(wrote(after, "about/index.html"));

  // A body the journal's feed quotes (an issue's introduction): the feed is made again.
  replace_in(content("journal/018/_index.md"), "\n---\n", "\n---\n\n導言的新第一句。\n");
  auto intro = saw({content("journal/018/_index.md")});
  auto quoted = check(builder, "body the feed quotes", false, &intro);
  EXPECT_TRUE(quoted.bodies_only);
  EXPECT_TRUE(wrote(quoted, "journal/feed.atom"));
  // One it does not quote (an article's): the feed stays.
  replace_in(mice, "\n## ", "\n正文再多一句。\n\n## ");
  auto article = saw({mice});
  auto unquoted = check(builder, "body no feed quotes", false, &article);
  EXPECT_TRUE(unquoted.bodies_only);
  EXPECT_FALSE(wrote(unquoted, "journal/feed.atom"));
}

TEST_F(IncrementalTest, DeferredSearchIsWrittenLater) {
  IncrementalBuilder builder(config_, /*defer_search=*/true);
  Diagnostics diags;
  auto r = builder.build(diags);
  ASSERT_TRUE(r.ok);
  EXPECT_TRUE(r.search_pending);
  EXPECT_FALSE(fs::exists(fs::path(config_.out_dir) / "search/manifest.json"));
  auto s = builder.finish_search(diags);
  ASSERT_TRUE(s.ok);
  EXPECT_FALSE(builder.search_pending());
  check(builder, "after search");
}

}  // namespace
}  // namespace takao
