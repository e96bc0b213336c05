// Small text utilities that every stage needs: UTF-8 checks, escaping, slugs, joining.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace takao {

// Byte offset of the first invalid UTF-8 sequence, or npos when the text is valid.
size_t find_invalid_utf8(std::string_view text);

// 1-based line and column (in code points) of a byte offset.
struct LineCol {
  int line = 1;
  int col = 1;
};
LineCol line_col_at(std::string_view text, size_t offset);

// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view text);
void append_html_escaped(std::string& out, std::string_view text);

// Percent-encodes everything outside unreserved characters and '/', for URLs built from file names.
std::string url_encode_path(std::string_view path);
std::string url_decode(std::string_view text);

// An id for a heading: lowercased ASCII, spaces to '-', punctuation dropped, letters of any script kept
// (Chinese headings keep their characters: "## 結論" -> "結論").
std::string heading_id(std::string_view text);

std::string trim(std::string_view text);
std::string join(const std::vector<std::string>& parts, std::string_view separator);
bool starts_with(std::string_view text, std::string_view prefix);
bool ends_with(std::string_view text, std::string_view suffix);

// Number of code points.
size_t utf8_length(std::string_view text);
// The first `max_chars` code points, with "…" when cut.
std::string utf8_truncate(std::string_view text, size_t max_chars);

// Counts words the way a reader would: each CJK character is a word, a run of Latin letters or digits is one.
size_t count_words(std::string_view text);

}  // namespace takao
