// Drafts and scheduled pages stay out of everything the site publishes (pages, lists, indexes, feeds,
// sitemaps, search) unless --drafts, and show a visible mark in the preview.
#include <gtest/gtest.h>

#include <filesystem>

#include "e2e_util.h"

namespace fs = std::filesystem;

namespace {

// Files of the built site that contain `text` (compressed twins hold it too, but not as plain bytes).
std::vector<std::string> files_with(const fs::path& site, const std::string& text) {
  std::vector<std::string> out;
  for (const auto& [path, bytes] : e2e::tree(site)) {
    if (bytes.find(text) != std::string::npos) out.push_back(path);
  }
  return out;
}

TEST(Drafts, StayOutOfPagesListsFeedsSitemapsAndSearch) {
  fs::path content = e2e::fixture_copy("drafts");
  e2e::write(content / "journal/001/03-draft.md",
             "---\ntitle: 草稿文章標題丙丁\ntitle_en: Draft Article Zyxw\nauthors: [草稿作者戊己]\nkeywords: [草稿關鍵詞庚辛]\ndraft: true\n---\n\n草稿正文壬癸。\n");
  e2e::write(content / "reports/commissioned/2099-future.md",
             "---\ntitle: 未來報告標題子丑\nyear: 2099\nagency: 未來機關寅卯\npublished: 2099-01-01\n---\n\n未來正文。\n");
  fs::path out = e2e::temp_dir("drafts-out");
  auto run = e2e::takao("build --content " + content.string() + " --out " + out.string() + " --quiet");
  ASSERT_EQ(run.status, 0) << run.err;
  for (const char* text : {"草稿文章標題丙丁", "Draft Article Zyxw", "草稿作者戊己", "草稿關鍵詞庚辛", "草稿正文壬癸",
                           "未來報告標題子丑", "未來機關寅卯", "03-draft", "2099-future"}) {
    auto found = files_with(out, text);
    EXPECT_TRUE(found.empty()) << text << " is in " << found.size() << " files, such as " << (found.empty() ? "" : found[0]);
  }
  auto search = e2e::takao("search --site " + out.string() + " --json 草稿文章標題丙丁");
  EXPECT_EQ(search.out.find("03-draft"), std::string::npos) << search.out;

  // With --drafts they are built, in lists and the sitemap too, and marked.
  fs::path with = e2e::temp_dir("drafts-with");
  run = e2e::takao("build --drafts --content " + content.string() + " --out " + with.string() + " --quiet");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(fs::exists(with / "journal/001/03-draft/index.html"));
  EXPECT_TRUE(fs::exists(with / "reports/commissioned/2099-future/index.html"));
  EXPECT_FALSE(files_with(with, "草稿文章標題丙丁").empty());
}

}  // namespace
