#include "model/body_links.h"

#include "core/text.h"

namespace takao {

std::string folder_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

std::optional<std::string> join_relative(const std::string& folder, const std::string& relative) {
  std::vector<std::string> parts;
  auto push = [&](const std::string& path) -> bool {
    size_t start = 0;
    for (size_t i = 0; i <= path.size(); ++i) {
      if (i == path.size() || path[i] == '/') {
        std::string seg = path.substr(start, i - start);
        start = i + 1;
        if (seg.empty() || seg == ".") continue;
        if (seg == "..") {
          if (parts.empty()) return false;
          parts.pop_back();
        } else {
          parts.push_back(seg);
        }
      }
    }
    return true;
  };
  if (!push(folder) || !push(relative)) return std::nullopt;
  return join(parts, "/");
}

std::optional<ResolvedLink> resolve_link(const LinkTargets& targets, const std::string& display_path,
                                         const std::string& from_path, const LinkRef& ref, BodyLinks& out) {
  auto report = [&](Severity severity, std::string message) {
    out.diagnostics.push_back({display_path, ref.line, ref.col, severity, std::move(message)});
  };
  std::string dest = ref.destination;
  std::string fragment;
  if (size_t hash = dest.find('#'); hash != std::string::npos) {
    fragment = dest.substr(hash + 1);
    dest.resize(hash);
  }
  if (size_t q = dest.find('?'); q != std::string::npos) dest.resize(q);
  auto target = join_relative(folder_of(from_path), url_decode(dest));
  if (!target) {
    report(Severity::error, "link '" + ref.destination + "' points outside the content folder");
    return std::nullopt;
  }
  std::string frag_part = fragment.empty() ? "" : "#" + url_encode_path(url_decode(fragment));
  if (ends_with(*target, ".md")) {
    std::string zh_target = ends_with(*target, ".en.md") ? target->substr(0, target->size() - 6) + ".md" : *target;
    auto it = targets.pages.find(zh_target);
    if (it == targets.pages.end() && targets.unloaded.count(zh_target)) {
      // The target's own front-matter error is reported; the build stops on it, so the link's text alone
      // is kept meanwhile. One mistake, one error.
      return ResolvedLink{"", false};
    }
    if (it == targets.pages.end()) {
      report(Severity::error, "link to a missing page: " + *target);
      return std::nullopt;
    }
    if (!it->second.published) {
      // The target appears later (scheduled) or not at all (draft): keep the words, drop the link.
      report(Severity::warning, "link to a page that is not published (draft or scheduled), shown as plain text: " + *target);
      return ResolvedLink{"", false};
    }
    if (!fragment.empty()) out.anchors.push_back({display_path, ref, zh_target, url_decode(fragment)});
    return ResolvedLink{it->second.url + frag_part, true};
  }
  if (targets.attachments.count(*target) || targets.pages.count(*target + "/_index.md")) {
    return ResolvedLink{"/" + url_encode_path(*target) + frag_part, false};
  }
  report(Severity::error, "link to a missing file: " + *target);
  return std::nullopt;
}

}  // namespace takao
