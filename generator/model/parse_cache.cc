#include "model/parse_cache.h"

namespace takao {

namespace {

bool same_answer(const std::optional<ResolvedLink>& a, const std::optional<ResolvedLink>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (a->url == b->url && a->localised == b->localised);
}

}  // namespace

std::optional<FrontMatter> ParseCache::front_matter(const std::string& display_path, std::string_view text,
                                                    Diagnostics& diags) {
  FrontMatterEntry* entry;
  {
    std::lock_guard lock(mutex_);
    entry = &front_matter_[display_path];  // unordered_map keeps element addresses across rehashing
    entry->used = true;
  }
  // Entries are per file and each file is parsed by one thread, so the entry itself needs no lock.
  if (entry->fm && entry->text == text) {
    for (const auto& d : entry->diags) diags.add(d);
    FrontMatter fm = *entry->fm;
    fm.body = text.substr(entry->fm->body.data() - entry->text.data());
    std::lock_guard lock(mutex_);
    ++fm_hits_;
    return fm;
  }
  Diagnostics local;
  auto fm = parse_front_matter(display_path, text, local);
  auto found = local.sorted();
  for (const auto& d : found) diags.add(d);
  entry->text.assign(text);
  entry->diags = std::move(found);
  entry->fm = fm;
  if (entry->fm) entry->fm->body = std::string_view(entry->text).substr(fm->body.data() - text.data());
  return fm;
}

RenderedMarkdown ParseCache::markdown(const std::string& key, std::string_view body, int first_line,
                                      const LinkResolver& resolver) {
  MarkdownEntry* entry;
  {
    std::lock_guard lock(mutex_);
    entry = &markdown_[key];
    entry->used = true;
  }
  std::vector<std::pair<LinkRef, std::optional<ResolvedLink>>> answers;
  if (entry->first_line == first_line && entry->first_line != 0 && entry->body == body) {
    // Ask every link again, in the order the renderer asked, so the resolver's own checks and messages
    // happen as in a clean build; the cached HTML stands only when every answer is the same.
    bool same = true;
    for (const auto& [ref, answer] : entry->answers) {
      auto now = resolver(ref);
      if (!same_answer(now, answer)) same = false;
      answers.emplace_back(ref, std::move(now));
    }
    if (same) {
      std::lock_guard lock(mutex_);
      ++md_hits_;
      return entry->out;
    }
  }
  // Render, recording each answer. Links asked just above (same body, so the same links in the same order)
  // take those answers, so the resolver never reports one link twice.
  size_t asked = answers.size(), next = 0;
  auto recording = [&](const LinkRef& ref) -> std::optional<ResolvedLink> {
    if (next < asked && answers[next].first.destination == ref.destination && answers[next].first.line == ref.line &&
        answers[next].first.col == ref.col) {
      return answers[next++].second;
    }
    auto a = resolver(ref);
    answers.emplace_back(ref, a);
    return a;
  };
  RenderedMarkdown out = render_markdown(body, first_line, recording);
  entry->body.assign(body);
  entry->first_line = first_line;
  entry->out = out;
  // Keep what the renderer asked, in its order (answers it did not take are dropped).
  answers.erase(answers.begin() + static_cast<long>(next), answers.begin() + static_cast<long>(asked));
  entry->answers = std::move(answers);
  return out;
}

std::optional<size_t> ParseCache::body_offset(const std::string& display_path) const {
  auto it = front_matter_.find(display_path);
  if (it == front_matter_.end() || !it->second.fm) return std::nullopt;
  return static_cast<size_t>(it->second.fm->body.data() - it->second.text.data());
}

void ParseCache::prune() {
  for (auto it = front_matter_.begin(); it != front_matter_.end();) {
    if (!it->second.used) it = front_matter_.erase(it);
    else (it++)->second.used = false;
  }
  for (auto it = markdown_.begin(); it != markdown_.end();) {
    if (!it->second.used) it = markdown_.erase(it);
    else (it++)->second.used = false;
  }
}

}  // namespace takao
