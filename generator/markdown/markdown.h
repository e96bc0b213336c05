// Markdown to HTML through cmark-gfm (tables, strikethrough, autolinks, task lists, footnotes, tag filter;
// raw HTML omitted), with ids on headings, links handed to a resolver, and the plain text for search.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.h"

namespace takao {

// Registers cmark-gfm's extensions. cmark-gfm keeps its registry in globals: call once from main before
// any thread starts (later calls are cheap no-ops).
void init_markdown();

struct Heading {
  int level = 0;
  std::string id;
  std::string text;
};

// A link or image destination found in the Markdown, with where it stands in the file.
struct LinkRef {
  std::string destination;
  int line = 0;
  int col = 0;
  bool image = false;
};

// What the resolver says of a relative destination.
struct ResolvedLink {
  std::string url;         // site-absolute, percent-encoded, without language prefix; "" = drop the link, keep its text
  bool localised = false;  // a page link: the English rendering gets "/en" in front
};
using LinkResolver = std::function<std::optional<ResolvedLink>(const LinkRef&)>;

struct RenderedMarkdown {
  std::string html;                       // Chinese-site URLs
  std::vector<size_t> localised_links;    // byte offsets in html where "/en" goes for the English rendering
  std::string text;                       // plain text: paragraphs separated by '\n'
  std::vector<Heading> headings;          // in order, ids unique within the page
  std::vector<LinkRef> links;             // every destination, in order
  std::vector<std::string> ids;           // every id on the page (headings, footnotes), for anchor checks

  // The HTML for a language: English inserts "/en" before each localised link.
  std::string html_for(bool english) const;
};

// Renders `body`, whose first line is line `first_line` of the file. The resolver is called for every
// destination that is neither absolute (scheme or '/') nor a pure fragment; returning nullopt keeps the
// destination as written (the resolver reports any error itself).
RenderedMarkdown render_markdown(std::string_view body, int first_line, const LinkResolver& resolver);

}  // namespace takao
