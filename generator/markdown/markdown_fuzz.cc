// libFuzzer target: Markdown to HTML with link resolution, on any valid UTF-8 (the source stage rejects
// anything else before Markdown sees it). Besides not crashing, the HTML must carry nothing executable:
// only the tags cmark-gfm writes for Markdown, no on* attributes, no script URLs.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/text.h"
#include "markdown/markdown.h"

namespace {

bool allowed_tag(std::string_view name) {
  static constexpr std::string_view kTags[] = {
      "p", "a", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "hr", "br", "img",
      "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td", "input", "sup",
      "section", "span", "div"};
  for (auto t : kTags) {
    if (name == t) return true;
  }
  return false;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Scans the HTML tag by tag. Text and attribute values are escaped by cmark-gfm, so every '<' opens a tag
// (or the "raw HTML omitted" comment).
void check_html(const std::string& html) {
  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string::npos) {
    if (html.compare(pos, 4, "<!--") == 0) {
      size_t end = html.find("-->", pos);
      if (end == std::string::npos) __builtin_trap();
      if (html.compare(pos, end + 3 - pos, "<!-- raw HTML omitted -->") != 0) __builtin_trap();
      pos = end + 3;
      continue;
    }
    size_t i = pos + 1;
    if (i < html.size() && html[i] == '/') ++i;
    size_t name_start = i;
    while (i < html.size() && std::isalnum(static_cast<unsigned char>(html[i]))) ++i;
    if (!allowed_tag(html.substr(name_start, i - name_start))) __builtin_trap();
    // Attributes up to '>', with values in double quotes.
    while (i < html.size() && html[i] != '>') {
      if (html[i] == ' ') {
        ++i;
        continue;
      }
      if (html[i] == '/') {
        ++i;
        continue;
      }
      size_t attr_start = i;
      while (i < html.size() && html[i] != '=' && html[i] != ' ' && html[i] != '>' && html[i] != '/') ++i;
      std::string attr = lower(std::string_view(html).substr(attr_start, i - attr_start));
      if (attr.size() >= 2 && attr[0] == 'o' && attr[1] == 'n') __builtin_trap();
      if (attr == "style") __builtin_trap();
      if (i < html.size() && html[i] == '=') {
        ++i;
        if (i >= html.size() || html[i] != '"') __builtin_trap();
        size_t end = html.find('"', i + 1);
        if (end == std::string::npos) __builtin_trap();
        std::string value = lower(std::string_view(html).substr(i + 1, end - i - 1));
        if ((attr == "href" || attr == "src") &&
            (value.rfind("javascript:", 0) == 0 || value.rfind("vbscript:", 0) == 0 ||
             value.rfind("data:text", 0) == 0)) {
          __builtin_trap();
        }
        i = end + 1;
      }
    }
    if (i >= html.size()) __builtin_trap();  // a tag that never closes
    pos = i + 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  takao::init_markdown();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view body(reinterpret_cast<const char*>(data), size);
  if (takao::find_invalid_utf8(body) != std::string_view::npos || body.find('\0') != std::string_view::npos) return 0;
  // Resolve like the site builder does: decode, re-encode, mark some links as pages (localised), and drop
  // some (a missing target: the text stays, the link goes).
  size_t localised = 0;
  auto resolver = [&localised](const takao::LinkRef& ref) -> std::optional<takao::ResolvedLink> {
    if (ref.destination.size() % 3 == 0) return std::nullopt;
    if (ref.destination.size() % 7 == 0) return takao::ResolvedLink{"", false};
    std::string url = "/" + takao::url_encode_path(takao::url_decode(ref.destination));
    localised += ref.destination.size() % 3 == 1;
    return takao::ResolvedLink{url, ref.destination.size() % 3 == 1};
  };
  takao::RenderedMarkdown out = takao::render_markdown(body, 5, resolver);
  // Only links the resolver localised get "/en" (fewer when one is not rendered as a link: a link inside
  // an image's alt text); the marker written by hand is text (CI found [x](/@takao-local@javascript:...)
  // turned into href="javascript:...").
  if (out.localised_links.size() > localised) __builtin_trap();
  if (out.html.find("href=\"/@takao-local@") != std::string::npos) __builtin_trap();
  if (out.html.find("src=\"/@takao-local@") != std::string::npos) __builtin_trap();
  size_t last = 0;
  for (size_t at : out.localised_links) {
    if (at < last || at > out.html.size()) __builtin_trap();
    last = at;
  }
  if (out.html_for(false) != out.html) __builtin_trap();
  std::string en = out.html_for(true);
  if (en.size() != out.html.size() + 3 * out.localised_links.size()) __builtin_trap();
  for (const auto& h : out.headings) {
    if (h.level < 1 || h.level > 6) __builtin_trap();
  }
  // Relative links get errors reported at their position, so it must be inside the body. (Autolinks carry
  // no position in cmark-gfm, but they are absolute and never reported.)
  for (const auto& l : out.links) {
    bool relative = l.destination.find(':') == std::string::npos && l.destination[0] != '/' && l.destination[0] != '#';
    if (relative && l.line < 5) __builtin_trap();
  }
  if (takao::find_invalid_utf8(out.html) != std::string_view::npos) __builtin_trap();
  if (takao::find_invalid_utf8(out.text) != std::string_view::npos) __builtin_trap();
  check_html(out.html);
  check_html(en);
  return 0;
}
