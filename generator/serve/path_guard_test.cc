// The preview serves files inside its output folder and nothing else, whatever the request spells.
#include "serve/path_guard.h"

#include <gtest/gtest.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace takao {
namespace {

class PathGuardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() / ("takao-path-guard-" + std::to_string(getpid()));
    fs::remove_all(base_);
    fs::create_directories(base_ / "site/journal/017");
    fs::create_directories(base_ / "site/keywords/亞洲新灣區");
    std::ofstream(base_ / "site/index.html") << "home";
    std::ofstream(base_ / "site/journal/017/index.html") << "issue";
    std::ofstream(base_ / "site/keywords/亞洲新灣區/index.html") << "kw";
    std::ofstream(base_ / "secret.txt") << "secret";
    fs::create_symlink(base_ / "secret.txt", base_ / "site/link.txt");
    fs::create_directory_symlink(base_, base_ / "site/up");
    fs::create_symlink(base_ / "site/index.html", base_ / "site/inside.html");
    char buf[PATH_MAX];
    root_ = realpath((base_ / "site").c_str(), buf);
  }
  void TearDown() override { fs::remove_all(base_); }

  std::string served(const std::string& target) {
    auto f = file_for_target(root_, target);
    if (!f) return "404";
    if (f->redirect_slash) return "301";
    return fs::path(f->path).lexically_relative(root_).generic_string();
  }

  fs::path base_;
  std::string root_;
};

TEST_F(PathGuardTest, ServesFilesAndFolderIndexes) {
  EXPECT_EQ(served("/"), "index.html");
  EXPECT_EQ(served("/index.html"), "index.html");
  EXPECT_EQ(served("/journal/017/"), "journal/017/index.html");
  EXPECT_EQ(served("/journal/017/?v=1#top"), "journal/017/index.html");
  EXPECT_EQ(served("/journal/017"), "301");
  EXPECT_EQ(served("/keywords/%E4%BA%9E%E6%B4%B2%E6%96%B0%E7%81%A3%E5%8D%80/"), "keywords/亞洲新灣區/index.html");
  EXPECT_EQ(served("/inside.html"), "index.html");  // a link that stays inside is fine
  EXPECT_EQ(served("/missing/"), "404");
}

TEST_F(PathGuardTest, RefusesEveryWayOut) {
  for (const char* target : {"/../secret.txt", "/journal/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
                             "/.%2e/secret.txt", "/%2e%2e%2fsecret.txt", "/journal%2f..%2f..%2fsecret.txt",
                             "/%252e%252e/secret.txt", "/%25252e%25252e/secret.txt", "/..%5csecret.txt",
                             "/..\\secret.txt", "/%00/index.html", "/index.html%00.txt", "/link.txt", "/up/secret.txt",
                             "/%", "/%zz", "relative", "", "//../secret.txt"}) {
    EXPECT_EQ(served(target), "404") << target;
  }
  EXPECT_EQ(served("/" + std::string(kMaxTargetBytes, 'a')), "404");
}

TEST(PercentDecode, DecodesOnceAndRejectsMalformedEscapes) {
  EXPECT_EQ(percent_decode("%E4%BA%9E").value(), "亞");
  EXPECT_EQ(percent_decode("%252e").value(), "%2e");
  EXPECT_FALSE(percent_decode("%2").has_value());
  EXPECT_FALSE(percent_decode("%g0").has_value());
}

}  // namespace
}  // namespace takao
