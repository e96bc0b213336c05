#include "cite/cite_text.h"

#include <set>

namespace takao {

namespace {
bool word_char(unsigned char c) { return std::isalnum(c) || c >= 0x80; }
bool ends_with(std::string_view s, std::string_view tail) { return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail; }
}  // namespace

std::string smart_quotes(std::string_view text) {
  std::string out;
  bool double_open = false, single_open = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    bool after_word = i > 0 && word_char(static_cast<unsigned char>(text[i - 1]));
    bool before_word = i + 1 < text.size() && word_char(static_cast<unsigned char>(text[i + 1]));
    if (c == '"') {
      out += double_open ? "”" : "“";
      double_open = !double_open;
    } else if (c == '\'') {
      if (after_word && !(single_open && !before_word)) {
        out += "’";  // an apostrophe: it's, Kaohsiung's, Masters'
      } else if (!single_open && before_word) {
        out += "‘";
        single_open = true;
      } else {
        out += "’";
        single_open = false;
      }
    } else {
      out += c;
    }
  }
  return out;
}

std::string page_range(std::string_view pages) {
  std::string out;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (pages[i] == '-' && i > 0 && i + 1 < pages.size() && std::isdigit(static_cast<unsigned char>(pages[i - 1])) &&
        std::isdigit(static_cast<unsigned char>(pages[i + 1]))) {
      out += "–";
    } else {
      out += pages[i];
    }
  }
  return out;
}

std::string title_case(std::string_view text) {
  static const std::set<std::string, std::less<>> kSmall = {
      "a", "an", "and", "as", "at", "but", "by", "down", "for", "from", "in", "into", "nor", "of", "on", "onto", "or",
      "over", "so", "the", "till", "to", "up", "via", "with", "yet", "vs", "v", "per", "than", "that", "upon"};
  std::string out(text);
  bool first = true;
  size_t i = 0;
  while (i < out.size()) {
    if (!std::isalpha(static_cast<unsigned char>(out[i]))) {
      if (out[i] == ':' || out[i] == '?' || out[i] == '!') first = true;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < out.size() && (std::isalpha(static_cast<unsigned char>(out[j])) || out[j] == '\'')) ++j;
    std::string_view word(out.data() + i, j - i);
    bool lower = true;
    for (char c : word) lower = lower && !std::isupper(static_cast<unsigned char>(c));
    bool hyphen_part = i > 0 && out[i - 1] == '-';
    if (lower && (first || hyphen_part || !kSmall.count(word))) out[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[i])));
    first = false;
    i = j;
  }
  return out;
}

std::string with_stop(const std::string& text, std::string_view stop) {
  for (std::string_view end : {".", "?", "!", "。", "？", "！"}) {
    if (ends_with(text, end)) return text;
  }
  return text + std::string(stop);
}

}  // namespace takao
