// A PDF page's text as a reader sees it, from poppler's reading-order text (blocks separated by blank
// lines, one line per printed line): lines of a block joined again, so that a phrase wrapped across two
// printed lines is one phrase for search, and running headers and footers dropped.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace takao::pdf {

// Joins the printed lines of each block: no space where either side is Chinese (or full-width
// punctuation), a hyphen at a line end dropped before a lower-case letter ("devel-" + "opment"), one space
// otherwise. Blocks are separated by "\n"; spaces between two Chinese characters (justified text) go too.
std::string join_page_lines(std::string_view raw);

// Removes, from each page's raw text, running headers and footers: short lines among the first or last
// kEdgeLines lines of a page that recur (digits ignored, so "3/45" and "4/45" are one line) on at least
// half the pages, and on two pages at least.
inline constexpr size_t kEdgeLines = 4;
void remove_running_lines(std::vector<std::string>& raw_pages);

// Code points written without spaces between them: CJK ideographs, kana, Hangul, CJK and full-width
// punctuation.
bool is_wide(char32_t c);

}  // namespace takao::pdf
