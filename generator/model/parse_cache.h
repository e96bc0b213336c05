// Parse results kept between builds of one `takao serve` session, so an edit re-parses only the file that
// changed: front matter by the file's bytes, rendered Markdown by its body text plus the answers its links
// got (a link is re-resolved on every build; when any answer differs, the body is rendered again). Both
// replay the diagnostics the first parse gave, so a cached build reports what a clean one does.
#pragma once
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/diagnostics.h"
#include "frontmatter/front_matter.h"
#include "markdown/markdown.h"

namespace takao {

class ParseCache {
 public:
  // parse_front_matter, or the earlier result when `text` is byte-for-byte the same.
  std::optional<FrontMatter> front_matter(const std::string& display_path, std::string_view text, Diagnostics& diags);

  // render_markdown, or the earlier result when the body, its first line and every link answer are the same.
  RenderedMarkdown markdown(const std::string& key, std::string_view body, int first_line, const LinkResolver& resolver);

  // Where the body starts in the file last parsed under this path, when its front matter parsed.
  std::optional<size_t> body_offset(const std::string& display_path) const;

  // Forgets entries no build used since the last prune (deleted and renamed files). Not thread-safe.
  void prune();

  size_t front_matter_hits() const { return fm_hits_; }
  size_t markdown_hits() const { return md_hits_; }

 private:
  struct FrontMatterEntry {
    std::string text;
    std::optional<FrontMatter> fm;  // body points into `text`; rebased on a hit
    std::vector<Diagnostic> diags;
    bool used = false;
  };
  struct MarkdownEntry {
    std::string body;
    int first_line = 0;
    RenderedMarkdown out;
    std::vector<std::pair<LinkRef, std::optional<ResolvedLink>>> answers;
    bool used = false;
  };

  std::mutex mutex_;
  std::unordered_map<std::string, FrontMatterEntry> front_matter_;
  std::unordered_map<std::string, MarkdownEntry> markdown_;
  size_t fm_hits_ = 0, md_hits_ = 0;
};

}  // namespace takao
