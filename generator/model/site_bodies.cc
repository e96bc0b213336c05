#include "model/site_bodies.h"

#include <algorithm>
#include <unordered_map>

#include "core/text.h"

namespace takao {

namespace {

// Every document of the site, in a fixed order.
template <typename SiteT, typename F>
void for_each_document(SiteT& site, F&& f) {
  for (auto& p : site.pages) f(p.doc);
  if (site.journal) f(site.journal->doc);
  for (auto& i : site.issues) f(i.doc);
  for (auto& a : site.articles) f(a.doc);
  if (site.report_archive) f(*site.report_archive);
  for (auto& s : site.series) f(s.doc);
  for (auto& r : site.reports) f(r.doc);
  if (site.glossary_home) f(*site.glossary_home);
  for (auto& t : site.glossary_tables) f(t.doc);
}

bool has_id(const RenderedMarkdown& body, const std::string& id) {
  return std::find(body.ids.begin(), body.ids.end(), id) != body.ids.end();
}

// Links within the page itself ("#結論").
void check_own_anchors(const RenderedMarkdown& body, const std::string& display_path, Diagnostics& diags) {
  for (const auto& ref : body.links) {
    if (ref.destination.size() > 1 && ref.destination[0] == '#') {
      std::string id = url_decode(ref.destination.substr(1));
      if (!has_id(body, id)) diags.error(display_path, ref.line, ref.col, "link to a missing anchor #" + id + " on the same page");
    }
  }
}

}  // namespace

void render_body(const LinkTargets& targets, const SourceFile& file, const FrontMatter& fm, ParseCache* cache,
                 RenderedMarkdown& body, BodyLinks& links) {
  links = {};
  auto resolver = [&](const LinkRef& ref) { return resolve_link(targets, file.display_path, file.path, ref, links); };
  body = cache ? cache->markdown(file.display_path, fm.body, fm.body_line, resolver)
               : render_markdown(fm.body, fm.body_line, resolver);
}

void report_body_diagnostics(const Site& site, Diagnostics& diags) {
  std::unordered_map<std::string, const Document*> by_path;
  for_each_document(site, [&](const Document& d) {
    if (!d.source_path.empty()) by_path.emplace(d.source_path, &d);
  });
  for_each_document(site, [&](const Document& d) {
    for (const BodyLinks* links : {&d.links, &d.links_en}) {
      for (const auto& problem : links->diagnostics) diags.add(problem);
      // Links into another page: its Chinese or English body must have the id.
      for (const auto& a : links->anchors) {
        auto it = by_path.find(a.target_path);
        if (it != by_path.end() && (has_id(it->second->body, a.id) || has_id(it->second->body_en, a.id))) continue;
        diags.error(a.display_path, a.ref.line, a.ref.col, "link to a missing anchor #" + a.id + " in " + a.target_path);
      }
    }
    check_own_anchors(d.body, d.display_path, diags);
    if (d.has_en_body) check_own_anchors(d.body_en, d.en_display_path, diags);
  });
}

void release_body_html(Site& site) {
  for_each_document(site, [](Document& d) {
    for (RenderedMarkdown* body : {&d.body, &d.body_en}) {
      std::string().swap(body->html);
      std::vector<size_t>().swap(body->localised_links);
      std::vector<Heading>().swap(body->headings);
    }
  });
}

void BodyPatch::undo() {
  for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) {
    Document& d = *it->doc;
    d.body = std::move(it->body);
    d.body_en = std::move(it->body_en);
    d.links = std::move(it->links);
    d.links_en = std::move(it->links_en);
    d.word_count = it->word_count;
  }
  saved_.clear();
}

std::optional<BodyPatch> patch_bodies(Site& site, const std::vector<SourceFile>& edited, ParseCache* cache) {
  std::unordered_map<std::string, Document*> by_path;
  for_each_document(site, [&](Document& d) {
    if (!d.source_path.empty()) by_path.emplace(d.source_path, &d);
  });
  BodyPatch patch;
  for (const SourceFile& f : edited) {
    bool en = f.lang == Lang::en;
    auto it = by_path.find(en ? f.zh_path : f.path);
    // Not published (draft, scheduled, or a glossary table whose body is its data): no body to render.
    // The caller sends only Markdown documents, and a glossary table's whole text is its skeleton.
    if (it == by_path.end()) continue;
    Document& d = *it->second;
    if (d.kind == FileKind::glossary_table || d.kind == FileKind::glossary_csv) return std::nullopt;
    Diagnostics fm_diags;
    auto fm = cache ? cache->front_matter(f.display_path, f.bytes, fm_diags) : parse_front_matter(f.display_path, f.bytes, fm_diags);
    if (!fm || fm_diags.has_errors()) {
      patch.undo();
      return std::nullopt;
    }
    patch.saved_.push_back({&d, d.body, d.body_en, d.links, d.links_en, d.word_count});
    if (en) {
      if (!d.has_en_body) {
        patch.undo();
        return std::nullopt;
      }
      render_body(*site.link_targets, f, *fm, cache, d.body_en, d.links_en);
    } else {
      render_body(*site.link_targets, f, *fm, cache, d.body, d.links);
      d.word_count = count_words(d.body.text);
    }
  }
  return patch;
}

}  // namespace takao
