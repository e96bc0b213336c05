// Hostile or broken content: each case gives a clear path:line:col error or correct output, within
// bounded time and memory, and never a crash. Big inputs are generated here, never committed.
#include <gtest/gtest.h>

#include <functional>
#include <regex>

#include "../hostile/corpus.h"
#include "../hostile/hostile_util.h"

namespace fs = std::filesystem;
using namespace hostile;

namespace {

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::string slurp(const fs::path& p) {
  auto files = snapshot(p.parent_path());
  auto it = files.find(p.filename().string());
  return it == files.end() ? "" : it->second;
}

struct HostileCase {
  std::string name;
  std::function<void(const fs::path& content)> make;
  // Empty: the build must succeed. Otherwise the error's "path:line:" (or "path:line:col") and a part of
  // its message.
  std::string error_at;
  std::string error_says;
  // For a successful build: checks on the output folder.
  std::function<void(const fs::path& out)> check = nullptr;
};

// Test names and logs show the case's name, not its bytes.
void PrintTo(const HostileCase& c, std::ostream* os) { *os << c.name; }

class HostileContent : public ::testing::TestWithParam<HostileCase> {};

TEST_P(HostileContent, ClearErrorOrCorrectOutputNeverACrash) {
  const HostileCase& c = GetParam();
  fs::path dir = fresh_dir("content-" + c.name);
  write_corpus(dir / "content", 3, "A");
  c.make(dir / "content");
  std::vector<std::string> args = {"build", "--content", "content", "--out", "public", "--jobs", "2", "--quiet"};
  for (auto& a : theme_args()) args.push_back(a);
  // Bounds: generous for a loaded CI machine, far below what a blow-up would take. Sanitizers make
  // everything about 3 times slower and bigger.
  double time_limit = sanitized() ? 300 : 90;
  long memory_limit_kb = sanitized() ? 3L << 20 : 1L << 20;
  Outcome r = run_takao(args, dir, time_limit);
  fs::remove_all(dir / "content");  // the big inputs go as soon as they are read
  EXPECT_FALSE(r.timed_out) << "still running after " << time_limit << " s";
  EXPECT_EQ(r.signal, 0) << "killed by signal " << r.signal << "\n" << r.err.substr(0, 4000);
  EXPECT_LT(r.max_rss_kb, memory_limit_kb) << "peak memory " << r.max_rss_kb / 1024 << " MB";
  EXPECT_EQ(r.err.find("terminate called"), std::string::npos) << r.err.substr(0, 4000);
  EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err.substr(0, 4000);
  if (c.error_at.empty()) {
    ASSERT_EQ(r.status, 0) << r.err.substr(0, 4000);
    if (c.check) c.check(dir / "public");
  } else {
    EXPECT_EQ(r.status, 1) << r.err.substr(0, 4000);
    EXPECT_NE(r.err.find(c.error_at), std::string::npos) << r.err.substr(0, 4000);
    EXPECT_NE(r.err.find(c.error_says), std::string::npos) << r.err.substr(0, 4000);
    EXPECT_TRUE(std::regex_search(r.err, std::regex(R"((^|\n)[^\n:]+:\d+:\d+: error: )"))) << r.err.substr(0, 4000);
    EXPECT_FALSE(fs::exists(dir / "public")) << "nothing may be published";
  }
  std::printf("%s: status %d in %.2f s, peak %ld MB\n", c.name.c_str(), r.status, r.seconds, r.max_rss_kb / 1024);
}

void page(const fs::path& content, const std::string& name, const std::string& bytes) { put(content / "pages" / name, bytes); }

const std::string kHead = "---\ntitle: 測試\ntitle_en: Test\n---\n";

INSTANTIATE_TEST_SUITE_P(
    Cases, HostileContent,
    ::testing::Values(
        // YAML: anchors and aliases that would expand to 9^9 values, flow and block nesting.
        HostileCase{"yaml_alias_bomb",
                    [](const fs::path& c) {
                      std::string y = "---\ntitle: 炸彈\na0: &a0 [x, x, x, x, x, x, x, x, x]\n";
                      for (int i = 1; i < 9; ++i) {
                        std::string prev = "*a" + std::to_string(i - 1);
                        y += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + repeat(prev + ", ", 8) + prev + "]\n";
                      }
                      page(c, "bomb.md", y + "---\n");
                    },
                    "content/pages/bomb.md:", "expands to more than"},
        HostileCase{"yaml_deep_flow_nesting",
                    [](const fs::path& c) { page(c, "deep.md", "---\ntitle: " + repeat("[", 100000) + repeat("]", 100000) + "\n---\n"); },
                    "content/pages/deep.md:", "error: "},
        HostileCase{"yaml_deep_block_nesting",
                    [](const fs::path& c) {
                      std::string y = "---\ntitle: 深\nx:\n";
                      for (int i = 1; i < 200; ++i) y += std::string(2 * i, ' ') + "k:\n";
                      page(c, "deep.md", y + "---\n");
                    },
                    "content/pages/deep.md:", "nests deeper than"},
        // Markdown nesting and pathological inlines.
        HostileCase{"markdown_deep_lists",
                    [](const fs::path& c) {
                      std::string b = kHead;
                      for (int i = 0; i < 1000; ++i) b += std::string(2 * i, ' ') + "- 項目\n";
                      page(c, "lists.md", b);
                    },
                    "", "", [](const fs::path& out) { EXPECT_NE(slurp(out / "lists/index.html").find("<li>"), std::string::npos); }},
        HostileCase{"markdown_deep_quotes",
                    [](const fs::path& c) { page(c, "quotes.md", kHead + repeat("> ", 50000) + "引用\n"); },
                    "", "", [](const fs::path& out) { EXPECT_NE(slurp(out / "quotes/index.html").find("<blockquote>"), std::string::npos); }},
        HostileCase{"markdown_pathological_inlines",
                    [](const fs::path& c) {
                      page(c, "inlines.md",
                           kHead + repeat("[", 50000) + "\n\n" + repeat("*a ", 50000) + "\n\n" + repeat("_a", 50000) + "\n\n" +
                               repeat("[a](", 20000) + "\n\n" + repeat("![", 20000) + "\n\n" + repeat("~~a", 20000) + "\n\n" +
                               repeat("www.", 20000) + "\n\n" + repeat("&#", 20000) + "\n\n" + repeat("<a ", 20000) + "\n");
                    },
                    "", "", [](const fs::path& out) { EXPECT_TRUE(fs::exists(out / "inlines/index.html")); }},
        HostileCase{"markdown_many_headings",
                    [](const fs::path& c) { page(c, "headings.md", kHead + repeat("## 標題\n\n", 20000)); },
                    "", "", [](const fs::path& out) {
                      EXPECT_NE(slurp(out / "headings/index.html").find("id=\"標題-19999\""), std::string::npos);
                    }},
        HostileCase{"markdown_table_too_wide",
                    [](const fs::path& c) { page(c, "wide.md", kHead + "\n" + repeat("|a", 20000) + "|\n" + repeat("|-", 20000) + "|\n"); },
                    "content/pages/wide.md:6:1", "table cells"},
        HostileCase{"markdown_table_many_rows",
                    [](const fs::path& c) { page(c, "rows.md", kHead + "| 甲 | 乙 |\n|---|---|\n" + repeat("| 一 | 二 |\n", 50000)); },
                    "", "", [](const fs::path& out) { EXPECT_NE(slurp(out / "rows/index.html").find("<td>二</td>"), std::string::npos); }},
        // Size.
        HostileCase{"markdown_50_mb",
                    [](const fs::path& c) { page(c, "big.md", kHead + repeat("高雄市政府研究發展考核委員會城市發展 Kaohsiung city development.\n\n", 50 << 20 >> 6)); },
                    "content/pages/big.md:1:1", "limited to 8 MB"},
        HostileCase{"markdown_4_mb",
                    [](const fs::path& c) { page(c, "large.md", kHead + repeat("高雄市政府研究發展考核委員會城市發展 Kaohsiung city development.\n\n", 4 << 20 >> 6)); },
                    "", "", [](const fs::path& out) { EXPECT_TRUE(fs::exists(out / "large/index.html")); }},
        HostileCase{"line_of_100000_characters",
                    [](const fs::path& c) { page(c, "line.md", kHead + repeat("長", 99999) + "尾\n"); },
                    "", "", [](const fs::path& out) {
                      EXPECT_NE(slurp(out / "line/index.html").find(repeat("長", 99999) + "尾"), std::string::npos);
                    }},
        HostileCase{"title_of_100000_characters",
                    [](const fs::path& c) { page(c, "title.md", "---\ntitle: " + repeat("題", 100000) + "\n---\n內容\n"); },
                    "", "", [](const fs::path& out) { EXPECT_NE(slurp(out / "title/index.html").find(repeat("題", 1000)), std::string::npos); }},
        // Bytes.
        HostileCase{"nul_byte",
                    [](const fs::path& c) { page(c, "nul.md", kHead + "前\n後" + std::string(1, '\0') + "\n"); },
                    "content/pages/nul.md:6:2", "NUL byte"},
        HostileCase{"binary_saved_as_markdown",
                    [](const fs::path& c) {
                      std::string b;
                      for (int i = 0; i < 4096; ++i) b += static_cast<char>((i * 7919) & 0xff);
                      page(c, "binary.md", b);
                    },
                    "content/pages/binary.md:", "invalid UTF-8"},
        HostileCase{"utf8_bom",
                    [](const fs::path& c) { page(c, "bom.md", "\xEF\xBB\xBF---\ntitle: 有BOM的標題\n---\n內文\n"); },
                    "", "", [](const fs::path& out) {
                      std::string html = slurp(out / "bom/index.html");
                      EXPECT_NE(html.find("<title>有BOM的標題"), std::string::npos);
                      EXPECT_EQ(html.find("\xEF\xBB\xBF"), std::string::npos);
                    }},
        HostileCase{"crlf_line_endings",
                    [](const fs::path& c) { page(c, "crlf.md", "---\r\ntitle: 換行\r\n---\r\n第一段\r\n\r\n第二段\r\n"); },
                    "", "", [](const fs::path& out) {
                      std::string html = slurp(out / "crlf/index.html");
                      EXPECT_NE(html.find("<p>第一段</p>"), std::string::npos);
                      EXPECT_NE(html.find("<p>第二段</p>"), std::string::npos);
                      EXPECT_EQ(html.find('\r'), std::string::npos);
                    }},
        HostileCase{"mixed_line_endings",
                    [](const fs::path& c) { page(c, "mixed.md", "---\r\ntitle: 混合\n---\r第一段\r\n\n第二段\r\r第三段\n"); },
                    "", "", [](const fs::path& out) {
                      std::string html = slurp(out / "mixed/index.html");
                      for (const char* p : {"<p>第一段</p>", "<p>第二段</p>", "<p>第三段</p>"}) EXPECT_NE(html.find(p), std::string::npos) << p;
                    }},
        HostileCase{"crlf_error_points_at_the_right_line",
                    [](const fs::path& c) {
                      put(c / "reports/self-research/crlf.md", "---\r\ntitle: 報告\r\n\r\nyear: 一百零三\r\n---\r\n");
                    },
                    "content/reports/self-research/crlf.md:4:7", "whole number"},
        // File names.
        HostileCase{"spaces_and_chinese_in_file_names",
                    [](const fs::path& c) {
                      page(c, "關於 我們.md", "---\ntitle: 關於我們\ntitle_en: About us\n---\n見[報告](<../journal/001/報告 全文.pdf>)與[全文](../journal/001/報告%20全文.pdf)。\n");
                      put(c / "journal/001/報告 全文.pdf", "%PDF-1.4\n");
                      page(c, "links.md", kHead + "[甲](關於%20我們.md) [乙](<關於 我們.md>)\n");
                    },
                    "", "", [](const fs::path& out) {
                      EXPECT_TRUE(fs::exists(out / "關於 我們/index.html"));
                      EXPECT_TRUE(fs::exists(out / "journal/001/報告 全文.pdf"));
                      std::string links = slurp(out / "links/index.html");
                      const std::string url = "/%E9%97%9C%E6%96%BC%20%E6%88%91%E5%80%91/";
                      EXPECT_NE(links.find("<a href=\"" + url + "\">甲</a>"), std::string::npos) << links;
                      EXPECT_NE(links.find("<a href=\"" + url + "\">乙</a>"), std::string::npos);
                      // Both spellings of the link (<with space> and %20) give the same encoded URL.
                      std::string about = slurp(out / "關於 我們/index.html");
                      const std::string pdf = "href=\"/journal/001/%E5%A0%B1%E5%91%8A%20%E5%85%A8%E6%96%87.pdf\"";
                      size_t first = about.find(pdf);
                      ASSERT_NE(first, std::string::npos) << about;
                      EXPECT_NE(about.find(pdf, first + 1), std::string::npos) << about;
                    }},
        HostileCase{"file_name_not_utf8",
                    [](const fs::path& c) { page(c, "bad\xff\xfe.md", kHead); }, "content/pages/bad\\xFF\\xFE.md:1:1",
                    "file name is not UTF-8"},
        HostileCase{"file_name_with_newline",
                    [](const fs::path& c) { page(c, "two\nlines.md", kHead); }, "content/pages/two\\x0Alines.md:1:1",
                    "control character"},
        // Escaping the content folder.
        HostileCase{"slug_with_dot_dot",
                    [](const fs::path& c) { page(c, "evil.md", "---\ntitle: X\nslug: ../../etc\n---\n"); },
                    "content/pages/evil.md:3:7", "must be one path segment"},
        HostileCase{"link_climbing_out",
                    [](const fs::path& c) { page(c, "evil.md", kHead + "[x](../../../../etc/passwd)\n"); },
                    "content/pages/evil.md:5:1", "points outside the content folder"},
        HostileCase{"percent_encoded_link_climbing_out",
                    [](const fs::path& c) { page(c, "evil.md", kHead + "[x](..%2F..%2F..%2F..%2Fetc%2Fpasswd)\n"); },
                    "content/pages/evil.md:5:1", "points outside the content folder"},
        HostileCase{"pdf_field_climbing_out",
                    [](const fs::path& c) {
                      put(c / "journal/001/99-evil.md", "---\ntitle: X\npdf: ../../../../../etc/passwd\n---\n");
                    },
                    "content/journal/001/99-evil.md:3:6", "names a missing file"},
        HostileCase{"attachment_symlink_out_of_content",
                    [](const fs::path& c) { fs::create_symlink("/etc/passwd", c / "journal/001/secret.pdf"); },
                    "content/journal/001/secret.pdf:1:1", "symbolic links are not followed"},
        HostileCase{"folder_symlink_out_of_content",
                    [](const fs::path& c) { fs::create_directory_symlink("/etc", c / "journal/002"); },
                    "content/journal/002:1:1", "symbolic links are not followed"},
        HostileCase{"link_to_symlinked_markdown",
                    [](const fs::path& c) {
                      put(c.parent_path() / "outside.md", "---\ntitle: 外\n---\n");
                      fs::create_symlink(c.parent_path() / "outside.md", c / "pages/inside.md");
                    },
                    "content/pages/inside.md:1:1", "symbolic links are not followed"}),
    [](const ::testing::TestParamInfo<HostileCase>& info) { return info.param.name; });

}  // namespace
