// Small text rules the citation formatters share: typographic quotes, page ranges, English title case
// (as the CSL processor applies it to English items), and the rule that a sentence that already ends in
// punctuation takes no further full stop.
#pragma once
#include <string>
#include <string_view>

namespace takao {

// Straight quotes to typographic ones: an apostrophe inside or at the end of a word to ’, "..." to “...”,
// '...' to ‘...’.
std::string smart_quotes(std::string_view text);

// "6-21" -> "6–21" (en dash between numbers).
std::string page_range(std::string_view pages);

// Title case as citeproc-js applies it: each lower-case word (and each part of a hyphenated one)
// capitalised, except short function words that are neither first nor after a colon; words with capitals
// kept as written.
std::string title_case(std::string_view text);

// `text` followed by `stop` unless it already ends in . ? or ! (ASCII or full-width).
std::string with_stop(const std::string& text, std::string_view stop = ".");

}  // namespace takao
