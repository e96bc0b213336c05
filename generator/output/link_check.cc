#include "output/link_check.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"

namespace takao {

namespace {

// The attributes that hold a URL the browser will follow or fetch, by element.
struct UrlAttribute {
  const char* element;
  const char* attribute;
};
constexpr UrlAttribute kUrlAttributes[] = {
    {"a", "href"},      {"area", "href"},     {"link", "href"},  {"img", "src"},    {"img", "srcset"},
    {"source", "src"},  {"source", "srcset"}, {"script", "src"}, {"iframe", "src"}, {"form", "action"},
    {"video", "poster"}, {"video", "src"},    {"audio", "src"},  {"track", "src"},  {"embed", "src"},
    {"object", "data"},
};

bool has_class(std::string_view classes, std::string_view name) {
  size_t pos = 0;
  while (pos < classes.size()) {
    size_t end = classes.find_first_of(" \t\n", pos);
    if (end == std::string::npos) end = classes.size();
    if (classes.substr(pos, end - pos) == name) return true;
    pos = end + 1;
  }
  return false;
}

// srcset="a.png 1x, b.png 2x" -> {"a.png", "b.png"}
std::vector<std::string> srcset_urls(const std::string& value) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < value.size()) {
    size_t comma = value.find(',', pos);
    if (comma == std::string::npos) comma = value.size();
    std::string candidate = trim(std::string_view(value).substr(pos, comma - pos));
    size_t space = candidate.find_first_of(" \t\n");
    if (!candidate.empty()) out.push_back(candidate.substr(0, space));
    pos = comma + 1;
  }
  return out;
}

// The page is read with libxml2's HTML parser in SAX mode: the same tokenizer and error recovery as its
// tree builder (elements closed implicitly are still reported), without building a tree that would be
// walked once and freed. Building and walking the tree was half of the link check's time.
struct SaxState {
  htmlParserCtxtPtr parser = nullptr;
  ParsedPage* page = nullptr;
  std::vector<bool> in_body;  // per open element: inside an element with class "prose"
};

void on_start(void* user, const xmlChar* element_name, const xmlChar** atts) {
  auto& st = *static_cast<SaxState*>(user);
  ParsedPage& page = *st.page;
  const char* name = reinterpret_cast<const char*>(element_name);
  int line = st.parser->input ? st.parser->input->line : 0;
  bool body = !st.in_body.empty() && st.in_body.back();
  // Attributes come as name, value pairs; a value is null for an attribute written without one.
  auto value_at = [&](size_t i) { return atts[i + 1] ? std::string_view(reinterpret_cast<const char*>(atts[i + 1])) : ""; };
  for (size_t i = 0; atts && atts[i]; i += 2) {
    if (std::strcmp(reinterpret_cast<const char*>(atts[i]), "class") == 0 && has_class(value_at(i), "prose")) body = true;
  }
  for (size_t i = 0; atts && atts[i]; i += 2) {
    const char* attribute = reinterpret_cast<const char*>(atts[i]);
    std::string_view value = value_at(i);
    if (std::strcmp(attribute, "id") == 0 || (std::strcmp(attribute, "name") == 0 && std::strcmp(name, "a") == 0)) {
      page.ids.emplace_back(value);
    }
    for (const auto& ua : kUrlAttributes) {
      if (std::strcmp(name, ua.element) != 0 || std::strcmp(attribute, ua.attribute) != 0) continue;
      std::string element = std::string(ua.element) + " " + ua.attribute;
      if (std::strcmp(ua.attribute, "srcset") == 0) {
        for (auto& u : srcset_urls(std::string(value))) page.links.push_back({u, element, line, body});
      } else {
        page.links.push_back({trim(value), element, line, body});
      }
    }
    // Absolute URLs in <meta content> (og:url, citation_pdf_url): those under the site's base URL are checked.
    if (std::strcmp(name, "meta") == 0 && std::strcmp(attribute, "content") == 0) {
      std::string v = trim(value);
      if (v.find("://") != std::string::npos && v.find_first_of(" \t\n") == std::string::npos) {
        page.links.push_back({v, "meta content", line, body});
      }
    }
  }
  st.in_body.push_back(body);
}

void on_end(void* user, const xmlChar*) {
  auto& st = *static_cast<SaxState*>(user);
  if (!st.in_body.empty()) st.in_body.pop_back();
}

bool has_scheme(std::string_view href) {
  if (href.empty() || !std::isalpha(static_cast<unsigned char>(href[0]))) return false;
  for (size_t i = 1; i < href.size(); ++i) {
    char c = href[i];
    if (c == ':') return true;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  return false;
}

// Removes "." and ".." segments of an absolute path.
std::string normalise(std::string_view path) {
  std::vector<std::string> segments;
  size_t pos = 1;
  bool trailing = !path.empty() && path.back() == '/';
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view seg = path.substr(pos, slash - pos);
    if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
      trailing = true;
    } else if (seg == ".") {
      trailing = true;
    } else if (!seg.empty()) {
      segments.emplace_back(seg);
      trailing = slash < path.size();
    }
    pos = slash + 1;
  }
  std::string out = "/" + join(segments, "/");
  if (trailing && out.size() > 1) out += '/';
  return out;
}

// "/journal/017/" -> "journal/017/index.html"
std::string file_for_path(const std::string& path) {
  std::string file = url_decode(path);
  if (!file.empty() && file[0] == '/') file.erase(0, 1);
  if (file.empty() || file.back() == '/') file += "index.html";
  return file;
}

struct Place {
  std::string path;
  int line = 0, col = 0;
  bool operator<(const Place& o) const { return std::tie(path, line, col) < std::tie(o.path, o.line, o.col); }
};

}  // namespace

ParsedPage parse_page_links(std::string_view html) {
  ParsedPage page;
  htmlParserCtxtPtr parser = htmlCreateMemoryParserCtxt(html.data(), static_cast<int>(html.size()));
  if (!parser) return page;
  xmlSAXHandler sax{};
  sax.startElement = on_start;
  sax.endElement = on_end;
  SaxState state{parser, &page, {}};
  xmlSAXHandlerPtr own_sax = parser->sax;
  parser->sax = &sax;
  parser->userData = &state;
  htmlCtxtUseOptions(parser, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  // The pages are UTF-8: no converter (a UTF-8 to UTF-8 one copied every page), and a <meta charset> that
  // says otherwise is not followed, as the browser would not follow it for a UTF-8 file served as such.
  xmlSwitchEncoding(parser, XML_CHAR_ENCODING_UTF8);
  if (parser->input && !parser->input->encoding) parser->input->encoding = xmlStrdup(BAD_CAST "UTF-8");
  htmlParseDocument(parser);
  parser->sax = own_sax;
  parser->userData = nullptr;
  htmlFreeParserCtxt(parser);
  std::sort(page.ids.begin(), page.ids.end());
  page.ids.erase(std::unique(page.ids.begin(), page.ids.end()), page.ids.end());
  return page;
}

bool resolve_internal_link(std::string_view href, std::string_view page_url, std::string_view base_url,
                           std::string& path, std::string& fragment) {
  std::string h(href);
  if (!base_url.empty() && has_scheme(base_url) && starts_with(h, base_url)) {
    std::string rest = h.substr(base_url.size());
    if (base_url.back() == '/') h = "/" + rest;
    else if (rest.empty() || rest[0] == '/' || rest[0] == '#' || rest[0] == '?') h = "/" + (rest.empty() || rest[0] != '/' ? rest : rest.substr(1));
  }
  if (h.empty() || h == "#" || h == "#top") return false;
  if (has_scheme(h) || starts_with(h, "//")) return false;
  size_t hash = h.find('#');
  fragment = hash == std::string::npos ? "" : url_decode(std::string_view(h).substr(hash + 1));
  std::string rest = h.substr(0, hash);
  size_t query = rest.find('?');
  if (query != std::string::npos) rest.resize(query);
  if (rest.empty()) {
    path = std::string(page_url);
  } else if (rest[0] == '/') {
    path = normalise(rest);
  } else {
    std::string dir(page_url.substr(0, page_url.rfind('/') + 1));
    path = normalise(dir + rest);
  }
  if (fragment == "top") fragment.clear();
  return true;
}

LinkChecker::LinkChecker(size_t pages, std::string base_url, const std::vector<std::string>& page_files,
                         const std::vector<std::string>& files)
    : base_url_(std::move(base_url)),
      page_files_(page_files.begin(), page_files.end()),
      pages_(pages),
      files_(files.begin(), files.end()) {
  xmlInitParser();  // once, before worker threads parse
}

bool LinkChecker::settled(const FoundLink& link, const Page& page, std::string* found) const {
  std::string path, fragment;
  if (!resolve_internal_link(link.href, page.url, base_url_, path, fragment)) return true;  // not checked
  if (path == page.url) return fragment.empty() || std::binary_search(page.parsed.ids.begin(), page.parsed.ids.end(), fragment);
  if (!fragment.empty()) return false;
  std::string file = file_for_path(path);
  // The same tests as check(): a page, a file, or a page's folder written without its slash.
  if (page_files_.count(file) || files_.count(file)) {
    if (found) *found = std::move(file);
    return true;
  }
  if (path.back() != '/' && page_files_.count(file + "/index.html")) {
    if (found) *found = file + "/index.html";
    return true;
  }
  return false;
}

void LinkChecker::add_page(size_t slot, std::string url, std::string path, std::string_view html, PageOrigin origin,
                           std::vector<std::string>* settled_files) {
  Page& p = pages_[slot];
  p.url = std::move(url);
  p.path = std::move(path);
  p.parsed = parse_page_links(html);
  std::string file;
  std::erase_if(p.parsed.links, [&](const FoundLink& link) {
    file.clear();
    bool done = settled(link, p, settled_files ? &file : nullptr);
    if (done && !file.empty()) settled_files->push_back(file);
    return done;
  });
  if (settled_files) {
    std::sort(settled_files->begin(), settled_files->end());
    settled_files->erase(std::unique(settled_files->begin(), settled_files->end()), settled_files->end());
  }
  p.parsed.links.shrink_to_fit();
  p.origin = std::move(origin);
  p.added = true;
}

void LinkChecker::add_parsed_page(size_t slot, std::string url, std::string path, ParsedPage parsed, PageOrigin origin) {
  Page& p = pages_[slot];
  p.url = std::move(url);
  p.path = std::move(path);
  p.parsed = std::move(parsed);
  p.origin = std::move(origin);
  p.added = true;
}

void LinkChecker::add_file(const std::string& path) { files_.insert(path); }

void LinkChecker::add_template(const std::string& display_path, const std::string& text) {
  templates_.emplace_back(display_path, text);
}

// Where a link found on `page` leads: `problem` is empty when it is fine; `target` is the page it reaches
// (when it reaches one) and `fragment` the id it asks for there.
struct LinkChecker::Outcome {
  std::string problem;
  const Page* target = nullptr;
  std::string fragment;
  bool exists = false;
};

LinkChecker::Outcome LinkChecker::follow(const Page& page, const FoundLink& link) const {
  Outcome out;
  std::string path;
  if (!resolve_internal_link(link.href, page.url, base_url_, path, out.fragment)) {
    out.exists = true;
    return out;
  }
  std::string file = file_for_path(path);
  if (auto it = by_file_.find(file); it != by_file_.end()) {
    out.target = it->second;
    out.exists = true;
  } else if (files_.count(file)) {
    out.exists = true;
  } else if (path.back() != '/' && by_file_.count(file + "/index.html")) {
    // A folder without its slash: web servers redirect to the slash form.
    out.target = by_file_.at(file + "/index.html");
    out.exists = true;
  }
  if (!out.exists) {
    out.problem = "broken link: " + link.element + "=\"" + link.href + "\" points to " + path + ", which the site does not have";
  } else if (out.target && !out.fragment.empty() &&
             !std::binary_search(out.target->parsed.ids.begin(), out.target->parsed.ids.end(), out.fragment)) {
    out.problem = "broken link: " + link.element + "=\"" + link.href + "\": " + out.target->url + " has no element with id \"" + out.fragment + "\"";
  }
  return out;
}

void LinkChecker::note_fragment(size_t slot, const Outcome& out) {
  if (!out.target || out.target == &pages_[slot] || out.fragment.empty()) return;
  fragment_targets_[slot].push_back(out.target);
  linked_with_fragment_[out.target].push_back(slot);
}

void LinkChecker::reindex(const std::vector<size_t>& slots) {
  for (size_t slot : slots) {
    for (const Page* target : fragment_targets_[slot]) {
      auto& from = linked_with_fragment_[target];
      from.erase(std::remove(from.begin(), from.end(), slot), from.end());
    }
    fragment_targets_[slot].clear();
    const Page& page = pages_[slot];
    for (const auto& link : page.parsed.links) note_fragment(slot, follow(page, link));
  }
}

size_t LinkChecker::check(Diagnostics& diags) {
  by_file_.clear();
  for (const auto& p : pages_) {
    if (p.added) by_file_[p.path] = &p;
  }
  linked_with_fragment_.clear();
  fragment_targets_.assign(pages_.size(), {});
  std::vector<size_t> all;
  for (size_t slot = 0; slot < pages_.size(); ++slot) {
    if (pages_[slot].added) all.push_back(slot);
  }
  return report(all, diags, /*index=*/true);
}

size_t LinkChecker::check_changed(const std::vector<size_t>& slots, Diagnostics& diags) {
  // Only these pages' links and ids changed, and no file came or went: a link elsewhere can only break
  // where it asks one of these pages for an id.
  reindex(slots);
  std::vector<size_t> which(slots.begin(), slots.end());
  for (size_t slot : slots) {
    auto it = linked_with_fragment_.find(&pages_[slot]);
    if (it != linked_with_fragment_.end()) which.insert(which.end(), it->second.begin(), it->second.end());
  }
  std::sort(which.begin(), which.end());
  which.erase(std::unique(which.begin(), which.end()), which.end());
  return report(which, diags, /*index=*/false);
}

size_t LinkChecker::report(const std::vector<size_t>& slots, Diagnostics& diags, bool index) {
  // (place, link) -> the first message and the pages it occurs on: one template mistake is one error, even
  // when a relative link resolves differently on each page.
  struct Broken {
    std::string message;
    std::vector<std::string> pages;
  };
  std::map<std::pair<Place, std::string>, Broken> broken;
  auto locate = [&](const Page& page, const FoundLink& link) {
    if (link.in_body && !page.origin.source.empty()) {
      const auto& links = page.origin.links;
      for (const auto& [dest, line] : links) {
        if (dest == link.href || url_decode(dest) == url_decode(link.href)) return Place{page.origin.source, line, 1};
      }
      // A relative destination resolved to another form: the last path segment still names it.
      std::string tail = link.href.substr(0, link.href.find('#'));
      while (!tail.empty() && tail.back() == '/') tail.pop_back();
      tail = url_decode(tail.substr(tail.rfind('/') + 1));
      if (!tail.empty()) {
        for (const auto& [dest, line] : links) {
          if (url_decode(dest).find(tail) != std::string::npos) return Place{page.origin.source, line, 1};
        }
      }
      return Place{page.origin.source, page.origin.line, 1};
    }
    // A link written literally in a template is found at its line; otherwise the page's template is named.
    // Templates write site paths after {{lang_prefix}} ("" or "/en").
    std::string unprefixed = starts_with(link.href, "/en/") ? link.href.substr(3) : link.href;
    for (const auto& [file, text] : templates_) {
      for (const std::string& needle : {"\"" + link.href + "\"", "\"" + html_escape(link.href) + "\"",
                                        "\"{{lang_prefix}}" + unprefixed + "\""}) {
        size_t at = text.find(needle);
        if (at != std::string::npos) {
          auto lc = line_col_at(text, at + 1);
          return Place{file, lc.line, lc.col};
        }
      }
    }
    return Place{page.origin.template_file.empty() ? page.path : page.origin.template_file, 0, 0};
  };

  for (size_t slot : slots) {
    const Page& page = pages_[slot];
    for (const auto& link : page.parsed.links) {
      Outcome out = follow(page, link);
      if (index) note_fragment(slot, out);  // the whole check indexes as it goes: each link followed once
      if (out.problem.empty()) continue;
      Broken& b = broken[{locate(page, link), link.element + " " + link.href + (out.exists ? " #" : "")}];
      if (b.message.empty()) b.message = out.problem;
      b.pages.push_back(page.url + " (line " + std::to_string(link.html_line) + " of " + page.path + ")");
    }
  }
  for (auto& [key, b] : broken) {
    auto& where = b.pages;
    std::sort(where.begin(), where.end());
    std::string msg = b.message + "; on " + where.front();
    if (where.size() > 1) msg += " and " + std::to_string(where.size() - 1) + " more page" + (where.size() > 2 ? "s" : "");
    diags.error(key.first.path, key.first.line, key.first.col, msg);
  }
  return broken.size();
}

}  // namespace takao
