// Outside changes (issue 15): the build state records each published file's size, inode and modification
// time, and a rebuild links a file from the live site only while it is still that very file. Files of the
// output touched or replaced by hand are not trusted: the next build makes them again (or compares their
// bytes), and the site it publishes is exactly what a clean build gives.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <regex>

#include "e2e_util.h"

namespace fs = std::filesystem;
using namespace e2e;

namespace {

e2e::Run build(const fs::path& content, const fs::path& out) {
  return takao("build --content '" + content.string() + "' --out '" + out.string() + "' --jobs 2 --timings");
}

// "takao: N of M pages unchanged" (--timings).
std::pair<size_t, size_t> pages_reused(const std::string& err) {
  std::smatch m;
  static const std::regex re("takao: (\\d+) of (\\d+) pages unchanged");
  if (!std::regex_search(err, m, re)) return {0, 0};
  return {std::stoul(m[1]), std::stoul(m[2])};
}

// Changes one byte in the middle of `path` through the existing file: same inode, same size; only the
// modification time tells.
void edit_in_place(const fs::path& path) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  ASSERT_TRUE(f) << path;
  f.seekg(0, std::ios::end);
  std::streamoff middle = f.tellg() / 2;
  f.seekg(middle);
  char c = 0;
  f.get(c);
  f.seekp(middle);
  f.put(c == 'x' ? 'y' : 'x');
}

// Puts other bytes at `path` the way an upload tool does: a new file renamed over the old one.
void replace(const fs::path& path, const std::string& bytes) {
  fs::path temp = path;
  temp += ".upload";
  write(temp, bytes);
  fs::rename(temp, path);
}

ino_t inode(const fs::path& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 ? st.st_ino : 0;
}

std::vector<std::string> differences(const std::map<std::string, std::string>& a, const std::map<std::string, std::string>& b) {
  std::vector<std::string> differ;
  for (const auto& [path, bytes] : a) {
    auto it = b.find(path);
    if (it == b.end() || it->second != bytes) differ.push_back(path);
  }
  for (const auto& [path, bytes] : b) {
    if (!a.count(path)) differ.push_back(path + " (missing)");
  }
  return differ;
}

TEST(OutsideChange, PagesAndTwinsEditedByHandAreRestored) {
  fs::path content = fixture_copy("outside-change");
  fs::path root = content.parent_path();
  fs::path out = root / "public", clean = root / "clean" / "public";
  ASSERT_EQ(build(content, out).status, 0);
  ASSERT_EQ(build(content, clean).status, 0);
  const auto expected = tree(clean);

  // Pages that have both twins, in a fixed order.
  std::vector<fs::path> pages;
  for (const auto& e : fs::recursive_directory_iterator(out)) {
    fs::path p = e.path();
    if (p.extension() == ".html" && fs::exists(p.string() + ".gz") && fs::exists(p.string() + ".br")) pages.push_back(p);
  }
  std::sort(pages.begin(), pages.end());
  ASSERT_GE(pages.size(), 5u);
  fs::path same_size = pages[0], twin_replaced = pages[1], grown = pages[2], twin_edited = pages[3], touched = pages[4];

  // A page edited in place, same size: the modification time alone differs from the record.
  edit_in_place(same_size);
  // Another page's .gz replaced by a new file (another inode and size) that is not even gzip.
  replace(twin_replaced.string() + ".gz", "edited by hand");
  // A page that grew (another size), and a .br twin edited in place.
  write(grown, read(grown) + "<!-- added by hand -->\n");
  edit_in_place(twin_edited.string() + ".br");
  // A page only touched: same bytes, a new modification time. Its bytes are compared, not trusted, and
  // its twins (made from what the record vouched for) are made again.
  fs::last_write_time(touched, fs::last_write_time(touched) + std::chrono::seconds(5));
  ino_t touched_gz = inode(touched.string() + ".gz");
  // Not a page: the sitemap, edited in place.
  fs::path sitemap = out / "sitemap.xml";
  if (fs::exists(sitemap)) edit_in_place(sitemap);
  ASSERT_FALSE(differences(tree(out), expected).empty());

  e2e::Run rebuilt = build(content, out);
  ASSERT_EQ(rebuilt.status, 0) << rebuilt.err;
  auto [reused, total] = pages_reused(rebuilt.err);
  // The rest of the site was linked as recorded: this was a rebuild, not a full build.
  EXPECT_GT(total, 4u) << rebuilt.err;
  EXPECT_EQ(reused, total - 5) << rebuilt.err;
  EXPECT_NE(inode(touched.string() + ".gz"), touched_gz);
  auto differ = differences(tree(out), expected);
  EXPECT_TRUE(differ.empty()) << differ.size() << " files differ from a clean build, first " << differ.front();

  // And the build after that trusts the repaired files again: every page is linked.
  e2e::Run again = build(content, out);
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_EQ(pages_reused(again.err).first, total) << again.err;
  EXPECT_TRUE(differences(tree(out), expected).empty());
}

}  // namespace
