// Link checking at build: every rendered page is parsed with libxml2's HTML parser as it is rendered (in the
// worker threads), its ids and links kept; once all pages are in, every internal link, image, script,
// stylesheet and fragment is checked against the output. A broken link is an error naming the Markdown
// file and line it came from, or the template that wrote it.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/diagnostics.h"

namespace takao {

// Where a page's HTML came from.
struct PageOrigin {
  std::string source;  // display path of the Markdown file shown in the page body, "" for generated pages
  int line = 1;        // where that file starts (errors with no better place point here)
  // Destinations as written in the Markdown, with their lines: a broken link in the body is traced back here.
  std::vector<std::pair<std::string, int>> links;
  std::string template_file;  // display path of the page's template, for links the templates add
};

// One link found in a page.
struct FoundLink {
  std::string href;       // as written in the attribute (entities decoded)
  std::string element;    // "a href", "img src", "link href", ...
  int html_line = 0;      // line in the rendered page
  bool in_body = false;   // inside the Markdown body (an element with class "prose")
};

// What one page holds, as the parser found it.
struct ParsedPage {
  std::vector<std::string> ids;  // sorted, unique
  std::vector<FoundLink> links;
};

// Parses HTML with libxml2 and collects ids (and <a name>) and every URL-valued attribute.
ParsedPage parse_page_links(std::string_view html);

class LinkChecker {
 public:
  // `pages`: how many pages will be added; `base_url`: absolute links under it are internal
  // ("https://example.gov.tw/"; may be empty); `page_files`: the output files of those pages, if known
  // ("journal/017/index.html"); `files`: other files of the site known before the pages are added (as if
  // given to add_file). A link to one of these without a fragment, a link outside the site and a link to
  // an id on its own page are settled as soon as the page is parsed, and not kept: most of a site's links
  // are its navigation's, and keeping them all took 100 MB on 10,000 pages.
  LinkChecker(size_t pages, std::string base_url, const std::vector<std::string>& page_files = {},
              const std::vector<std::string>& files = {});

  // Thread-safe for distinct slots. `url` is the page's site-absolute URL ("/journal/017/"), `path` its output
  // file ("journal/017/index.html").
  // With `settled_files`, also gives the files (sorted, unique) that links of the page were settled by
  // because they exist: a later build may reuse this page's record while all of them still exist.
  void add_page(size_t slot, std::string url, std::string path, std::string_view html, PageOrigin origin,
                std::vector<std::string>* settled_files = nullptr);
  // A page parsed by an earlier build (its ids and the links that were left to check), not parsed again.
  void add_parsed_page(size_t slot, std::string url, std::string path, ParsedPage parsed, PageOrigin origin);
  // What add_page kept of a page (ids, links left to check). Not thread-safe with add_page on that slot.
  const ParsedPage& parsed(size_t slot) const { return pages_[slot].parsed; }
  // Whether `file` is a page file or a file known so far; while pages are added, thread-safe.
  bool knows_file(const std::string& file) const { return page_files_.count(file) || files_.count(file); }
  // A file of the site that is not a page: assets, attachments, feeds, indexes, open data. Not thread-safe.
  void add_file(const std::string& path);
  // A template file's text, so a link a template writes literally is reported at its line. Not thread-safe.
  void add_template(const std::string& display_path, const std::string& text);

  // Checks every link; one error per broken (source place, link), saying on how many pages it occurs.
  // Returns the number of errors added.
  size_t check(Diagnostics& diags);
  // After check(), when pages `slots` were added again (same slots, same paths) and no file came or went:
  // checks what that can change, their links and the links of other pages to ids on them (the preview's
  // edit of a body; checking the whole site again was most of its save-to-reload time).
  size_t check_changed(const std::vector<size_t>& slots, Diagnostics& diags);
  // What check_changed does to its index, without checking: for pages put back as they were
  // (add_parsed_page) after a check_changed whose errors stopped the build.
  void reindex(const std::vector<size_t>& slots);

 private:
  struct Page {
    std::string url, path;
    ParsedPage parsed;
    PageOrigin origin;
    bool added = false;
  };
  // Whether a link found on the page at `page_url` needs no look at the finished site.
  // When it is settled by a file that exists, that file is put in *file.
  bool settled(const FoundLink& link, const Page& page, std::string* file = nullptr) const;
  struct Outcome;
  Outcome follow(const Page& page, const FoundLink& link) const;
  // Records that page `slot` asks the page `out` reaches for an id (check_changed's index).
  void note_fragment(size_t slot, const Outcome& out);
  // Reports the broken links of pages `slots`; with `index`, records their links' ids asked for as well.
  size_t report(const std::vector<size_t>& slots, Diagnostics& diags, bool index);

  std::string base_url_;
  std::unordered_set<std::string> page_files_;  // read-only once constructed
  std::vector<Page> pages_;
  std::unordered_set<std::string> files_;  // only read while pages are added (add_file comes after them)
  std::vector<std::pair<std::string, std::string>> templates_;
  // Made by check(): the added pages by file, and for each page the pages its links ask for an id (and the
  // reverse), so that check_changed finds what an edit of a few pages can break.
  std::unordered_map<std::string, const Page*> by_file_;
  std::vector<std::vector<const Page*>> fragment_targets_;
  std::unordered_map<const Page*, std::vector<size_t>> linked_with_fragment_;
};

// Resolves `href` found on the page at `page_url` to a site-absolute path without query or fragment
// ("/journal/017/"), and its fragment (decoded). Returns false for links outside the site (other schemes,
// other hosts), and for links with nothing to check (empty, "#", "#top").
bool resolve_internal_link(std::string_view href, std::string_view page_url, std::string_view base_url,
                           std::string& path, std::string& fragment);

}  // namespace takao
