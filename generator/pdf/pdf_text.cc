#include "pdf/pdf_text.h"

#include <unicode/utf8.h>

#include <map>
#include <set>

namespace takao::pdf {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (true) {
    size_t nl = text.find('\n');
    lines.push_back(trim_view(text.substr(0, nl)));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

// The first and last code points of a line (0 when none or invalid).
char32_t first_cp(std::string_view s) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  UChar32 c = 0;
  if (n == 0) return 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
  return c < 0 ? 0 : static_cast<char32_t>(c);
}
char32_t last_cp(std::string_view s, size_t* start = nullptr) {
  int32_t i = static_cast<int32_t>(s.size());
  UChar32 c = 0;
  if (i == 0) return 0;
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, i, c);
  if (start) *start = static_cast<size_t>(i);
  return c < 0 ? 0 : static_cast<char32_t>(c);
}

bool is_latin_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7); }
bool is_lower(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7); }

// Appends a line to the text of its block, deciding what stands between them.
void append_line(std::string& out, std::string_view line) {
  if (out.empty() || out.back() == '\n') {
    out += line;
    return;
  }
  size_t hyphen_at = 0;
  char32_t prev = last_cp(out, &hyphen_at);
  char32_t next = first_cp(line);
  if ((prev == '-' || prev == 0xAD || prev == 0x2010) && is_lower(next)) {
    std::string_view before(out.data(), hyphen_at);
    if (is_latin_letter(last_cp(before))) {
      out.resize(hyphen_at);
      out += line;
      return;
    }
  }
  if (!(is_wide(prev) || is_wide(next))) out += ' ';
  out += line;
}

// Drops spaces that stand between two wide characters ("城 市 發 展" in justified text).
std::string drop_wide_spaces(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] != ' ') {
      out += text[i++];
      continue;
    }
    size_t j = i;
    while (j < text.size() && text[j] == ' ') ++j;
    if (is_wide(last_cp(out)) && is_wide(first_cp(std::string_view(text).substr(j)))) {
      i = j;
      continue;
    }
    out.append(text, i, j - i);
    i = j;
  }
  return out;
}

// A line as compared across pages: digits as '#', runs of spaces as one.
std::string running_key(std::string_view line) {
  std::string key;
  for (char c : line) {
    if (c >= '0' && c <= '9') {
      if (key.empty() || key.back() != '#') key += '#';
    } else if (is_space(c)) {
      if (!key.empty() && key.back() != ' ') key += ' ';
    } else {
      key += c;
    }
  }
  return key;
}

constexpr size_t kRunningMaxBytes = 240;  // a running header is a line, not a paragraph

}  // namespace

bool is_wide(char32_t c) {
  return (c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3100 && c <= 0x312F) ||
         (c >= 0x3190 && c <= 0x31FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3134F);
}

std::string join_page_lines(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  bool in_block = false;
  for (std::string_view line : split_lines(raw)) {
    if (line.empty()) {
      if (in_block) out += '\n';
      in_block = false;
      continue;
    }
    append_line(out, line);
    in_block = true;
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return drop_wide_spaces(out);
}

void remove_running_lines(std::vector<std::string>& raw_pages) {
  if (raw_pages.size() < 2) return;
  // For each page, the indexes of its non-empty lines at either edge.
  std::vector<std::vector<std::string_view>> lines(raw_pages.size());
  std::vector<std::vector<size_t>> edges(raw_pages.size());
  std::map<std::string, size_t> pages_with;
  for (size_t p = 0; p < raw_pages.size(); ++p) {
    lines[p] = split_lines(raw_pages[p]);
    std::vector<size_t> filled;
    for (size_t i = 0; i < lines[p].size(); ++i)
      if (!lines[p][i].empty()) filled.push_back(i);
    std::set<std::string> seen;
    for (size_t k = 0; k < filled.size(); ++k) {
      if (k >= kEdgeLines && k + kEdgeLines < filled.size()) continue;
      std::string_view line = lines[p][filled[k]];
      if (line.size() > kRunningMaxBytes) continue;
      edges[p].push_back(filled[k]);
      if (seen.insert(running_key(line)).second) ++pages_with[running_key(line)];
    }
  }
  size_t need = std::max<size_t>(2, (raw_pages.size() + 1) / 2);
  for (size_t p = 0; p < raw_pages.size(); ++p) {
    std::set<size_t> drop;
    for (size_t i : edges[p])
      if (pages_with[running_key(lines[p][i])] >= need) drop.insert(i);
    if (drop.empty()) continue;
    std::string kept;
    for (size_t i = 0; i < lines[p].size(); ++i) {
      if (drop.count(i)) continue;
      kept += lines[p][i];
      kept += '\n';
    }
    raw_pages[p] = std::move(kept);
  }
}

}  // namespace takao::pdf
