#include "markdown/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

#include "core/text.h"

namespace takao {

namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter", "tasklist"};
constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8 |
                         CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
// Stands in for a page link's language prefix until the HTML is rendered. Only an occurrence right after
// `href="` or `src="` counts (text and other attributes may hold the same characters), and a destination
// that begins with it is written with its '@' percent-encoded (see defuse_marker): otherwise
// [x](/@takao-local@javascript:alert(1)) became href="javascript:alert(1)" (found by fuzzing).
constexpr std::string_view kLocalMarker = "/@takao-local@";

std::once_flag init_flag;
std::mutex parse_mutex;

bool is_absolute(std::string_view url) {
  if (url.empty() || url[0] == '/' || url[0] == '#') return true;
  for (char c : url) {
    if (c == ':') return true;
    if (c == '/' || c == '?' || c == '#') break;
  }
  return false;
}

void collect_text(cmark_node* node, std::string& out) {
  cmark_event_type ev;
  std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(node), cmark_iter_free);
  while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    cmark_node* cur = cmark_iter_get_node(iter.get());
    cmark_node_type type = cmark_node_get_type(cur);
    if (ev == CMARK_EVENT_ENTER) {
      switch (type) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_CODE_BLOCK:
          if (const char* lit = cmark_node_get_literal(cur)) out += lit;
          break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          out += ' ';
          break;
        default:
          break;
      }
    } else if (ev == CMARK_EVENT_EXIT && (type & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK &&
               type != CMARK_NODE_DOCUMENT) {
      // Blocks (table cells too) end a line, so words of neighbouring blocks never run together.
      if (!out.empty() && out.back() != '\n') out += '\n';
    }
  }
}

// cmark-gfm can cut a multi-byte character in two (a footnote reference broken over lines: found by
// fuzzing), so its output is checked and each stray byte replaced by U+FFFD: pages, ids and the search
// index must stay valid UTF-8.
void repair_utf8(std::string& text) {
  size_t bad = find_invalid_utf8(text);
  if (bad == std::string::npos) return;
  std::string out(text, 0, bad);
  std::string_view rest = std::string_view(text).substr(bad);
  while (!rest.empty()) {
    size_t next = find_invalid_utf8(rest);
    if (next == std::string_view::npos) {
      out += rest;
      break;
    }
    out += rest.substr(0, next);
    out += "\xEF\xBF\xBD";
    rest.remove_prefix(next + 1);
  }
  text = std::move(out);
}

// A destination that begins with the marker gets "/%40" for its "/@", the same path to a server, so that
// only the markers render_markdown puts in front of page links start an href or src.
std::string defuse_marker(std::string url) {
  if (url.starts_with(kLocalMarker)) url.replace(0, 2, "/%40");
  return url;
}

// Where `marker` stands at the start of a link's or image's URL attribute in rendered HTML.
bool starts_url_attribute(const std::string& html, size_t at) {
  auto preceded_by = [&](std::string_view s) { return at >= s.size() && html.compare(at - s.size(), s.size(), s) == 0; };
  return preceded_by("<a href=\"") || preceded_by("<img src=\"");
}

std::string inline_text(cmark_node* node) {
  std::string out;
  collect_text(node, out);
  repair_utf8(out);
  return trim(out);
}

}  // namespace

void init_markdown() { std::call_once(init_flag, [] { cmark_gfm_core_extensions_ensure_registered(); }); }

std::string RenderedMarkdown::html_for(bool english) const {
  if (!english || localised_links.empty()) return html;
  std::string out;
  out.reserve(html.size() + localised_links.size() * 3);
  size_t last = 0;
  for (size_t at : localised_links) {
    out.append(html, last, at - last);
    out += "/en";
    last = at;
  }
  out.append(html, last, std::string::npos);
  return out;
}

RenderedMarkdown render_markdown(std::string_view body, int first_line, const LinkResolver& resolver) {
  init_markdown();
  RenderedMarkdown out;
  std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(kOptions), cmark_parser_free);
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(nullptr, cmark_node_free);
  {
    // cmark-gfm's inline parser shares static state between parsers: parallel parses corrupt each other.
    std::lock_guard lock(parse_mutex);
    cmark_parser_feed(parser.get(), body.data(), body.size());
    doc.reset(cmark_parser_finish(parser.get()));
  }

  std::map<std::string, int> id_uses;
  std::vector<cmark_node*> unlink;  // links the resolver dropped: their text stays, the link goes
  std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> iter(cmark_iter_new(doc.get()), cmark_iter_free);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter.get());
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_HEADING) {
      Heading h;
      h.level = cmark_node_get_heading_level(node);
      h.text = inline_text(node);
      std::string id = heading_id(h.text);
      int uses = id_uses[id]++;
      h.id = uses ? id + "-" + std::to_string(uses) : id;
      out.headings.push_back(h);
      out.ids.push_back(h.id);
    } else if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
      const char* url = cmark_node_get_url(node);
      int line = cmark_node_get_start_line(node), col = cmark_node_get_start_column(node);
      // cmark-gfm leaves some links without a position (line 0; found by fuzzing): errors then point at
      // the enclosing block.
      for (cmark_node* up = cmark_node_parent(node); line <= 0 && up; up = cmark_node_parent(up)) {
        line = cmark_node_get_start_line(up);
        col = cmark_node_get_start_column(up);
      }
      LinkRef ref{url ? url : "", first_line + std::max(line, 1) - 1, std::max(col, 1), type == CMARK_NODE_IMAGE};
      if (ref.destination.empty()) continue;
      out.links.push_back(ref);
      std::optional<ResolvedLink> resolved;
      if (!is_absolute(ref.destination) && resolver) resolved = resolver(ref);
      if (resolved && resolved->url.empty()) {
        unlink.push_back(node);
        continue;
      }
      std::string url_out = defuse_marker(resolved ? resolved->url : ref.destination);
      if (resolved && resolved->localised) url_out.insert(0, kLocalMarker);
      if (url_out != ref.destination) cmark_node_set_url(node, url_out.c_str());
    }
  }
  for (cmark_node* node : unlink) {
    while (cmark_node* child = cmark_node_first_child(node)) cmark_node_insert_before(node, child);
    cmark_node_free(node);
  }
  collect_text(doc.get(), out.text);
  repair_utf8(out.text);

  char* html = cmark_render_html(doc.get(), kOptions, cmark_parser_get_syntax_extensions(parser.get()));
  std::string rendered(html);
  free(html);
  repair_utf8(rendered);

  // Give headings their ids (raw HTML is omitted, so every "<hN>" in the output is one of ours, in order)
  // and replace the language markers of page links, noting where "/en" goes.
  out.html.reserve(rendered.size() + out.headings.size() * 16);
  size_t pos = 0, heading = 0;
  // Each search resumes only once passed: searching afresh every round was quadratic (50,000 headings
  // and no page link scanned the whole page for the marker each time: 9 s).
  size_t next_h = rendered.find("<h"), next_m = rendered.find(kLocalMarker);
  while (next_m != std::string::npos && !starts_url_attribute(rendered, next_m))
    next_m = rendered.find(kLocalMarker, next_m + 1);
  while (pos < rendered.size()) {
    if (next_h != std::string::npos && next_h < pos) next_h = rendered.find("<h", pos);
    if (next_m != std::string::npos && next_m < pos) next_m = rendered.find(kLocalMarker, pos);
    while (next_m != std::string::npos && !starts_url_attribute(rendered, next_m))
      next_m = rendered.find(kLocalMarker, next_m + 1);
    size_t next = std::min(next_h, next_m);
    if (next == std::string::npos) break;
    out.html.append(rendered, pos, next - pos);
    if (next == next_m) {
      out.localised_links.push_back(out.html.size());
      pos = next + kLocalMarker.size();
    } else if (next + 3 < rendered.size() && rendered[next + 2] >= '1' && rendered[next + 2] <= '6' &&
               rendered[next + 3] == '>' && heading < out.headings.size()) {
      out.html.append(rendered, next, 3);
      out.html += " id=\"";
      append_html_escaped(out.html, out.headings[heading++].id);
      out.html += "\">";
      pos = next + 4;
    } else {
      out.html.append(rendered, next, 2);
      pos = next + 2;
    }
  }
  out.html.append(rendered, pos, std::string::npos);

  // Footnote ids cmark-gfm writes, so "#fn-1" anchors check out.
  for (size_t at = out.html.find(" id=\"fn"); at != std::string::npos; at = out.html.find(" id=\"fn", at + 1)) {
    size_t end = out.html.find('"', at + 5);
    out.ids.push_back(out.html.substr(at + 5, end - at - 5));
  }
  return out;
}

}  // namespace takao
