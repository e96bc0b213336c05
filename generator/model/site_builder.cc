// build_site: from loaded sources to the immutable Site. The steps run in the order of the pipeline:
// front matter (parallel) -> typed fields and URLs -> Markdown with link resolution (parallel) -> anchors
// -> glossary -> collections and indexes, each sorted deterministically.
#include <algorithm>
#include <map>
#include <set>

#include "core/parallel.h"
#include "core/text.h"
#include "frontmatter/front_matter.h"
#include "glossary/glossary_reader.h"
#include "model/body_links.h"
#include "model/collation.h"
#include "model/field_reader.h"
#include "model/parse_cache.h"
#include "model/site.h"
#include "model/site_bodies.h"

namespace takao {

namespace {

// First path segments the generator itself publishes: a page may not take them.
const std::set<std::string> kReservedSlugs = {"journal", "reports", "glossary", "search", "authors", "keywords",
                                              "agencies", "en", "assets", "lookup", "sitemap", "feeds", "404",
                                              "site-map", "index.html"};

// A Markdown source on its way through the builder.
struct Entry {
  size_t source = 0;        // index into sources
  std::optional<FrontMatter> fm;
  size_t en_source = SIZE_MAX;  // its .en.md twin
  std::optional<FrontMatter> fm_en;
  Document doc;
  bool published = true;    // false for drafts and scheduled pages (unless --drafts)
};

bool valid_slug(const std::string& slug) {
  if (slug.empty() || slug == "." || slug == ".." || slug[0] == '.') return false;
  for (char c : slug) {
    if (c == '/' || c == '\\' || c == '?' || c == '#' || static_cast<unsigned char>(c) < 0x20) return false;
  }
  return true;
}

std::string url_for(const SourceFile& f, const std::string& slug) {
  switch (f.kind) {
    case FileKind::page: return "/" + slug + "/";
    case FileKind::journal: return "/journal/";
    case FileKind::issue: return "/journal/" + f.folder + "/";
    case FileKind::article: return "/journal/" + f.folder + "/" + slug + "/";
    case FileKind::report_archive: return "/reports/";
    case FileKind::report_series: return "/reports/" + f.folder + "/";
    case FileKind::report: return "/reports/" + f.folder + "/" + slug + "/";
    case FileKind::glossary_home: return "/glossary/";
    case FileKind::glossary_table:
    case FileKind::glossary_csv: return "/glossary/" + slug + "/";
    default: return "/";
  }
}

class SiteBuilder {
 public:
  SiteBuilder(std::vector<SourceFile> sources, const BuildOptions& options, Diagnostics& diags)
      : sources_(std::move(sources)), options_(options), diags_(diags), site_(std::make_unique<Site>()) {}

  std::unique_ptr<Site> build() {
    read_config();
    parse_front_matter_all();
    read_common_fields();
    collect_link_targets();
    render_bodies();
    assemble();
    return std::move(site_);
  }

 private:
  void read_config() {
    const SourceFile* config = nullptr;
    for (const auto& f : sources_) {
      if (f.kind == FileKind::site_config) config = &f;
    }
    if (!config) {
      diags_.error("site.yaml", 1, 1, "missing site.yaml in the content folder");
      return;
    }
    auto fm = parse_yaml_document(config->display_path, config->bytes, diags_);
    if (!fm) return;
    FieldReader r(*fm, config->display_path, diags_);
    auto& c = site_->config;
    c.title = r.text("title", true);
    c.title_en = r.text("title_en");
    c.base_url = options_.base_url.empty() ? r.text("base_url", true) : options_.base_url;
    if (!c.base_url.empty() && c.base_url.back() != '/') c.base_url += '/';
    if (!c.base_url.empty() && !starts_with(c.base_url, "https://") && !starts_with(c.base_url, "http://")) {
      r.error("base_url", "base_url must start with https:// or http://");
    }
    c.languages = r.texts("languages");
    if (c.languages.empty()) c.languages = {"zh-Hant", "en"};
    c.fields = fm->fields;
  }

  void parse_front_matter_all() {
    std::map<std::string, size_t> zh_index;  // zh path -> entry
    std::vector<size_t> en_sources;
    for (size_t i = 0; i < sources_.size(); ++i) {
      const auto& f = sources_[i];
      if (f.kind == FileKind::site_config) continue;
      if (f.kind == FileKind::attachment) {
        site_->attachments.push_back(f);
        attachment_paths_.insert(f.path);
        continue;
      }
      if (f.kind == FileKind::glossary_csv) {
        csv_sources_.push_back(i);
        continue;
      }
      if (f.lang == Lang::en) {
        en_sources.push_back(i);
        continue;
      }
      zh_index[f.path] = entries_.size();
      Entry e;
      e.source = i;
      entries_.push_back(std::move(e));
    }
    for (size_t i : en_sources) {
      auto it = zh_index.find(sources_[i].zh_path);
      if (it == zh_index.end()) {
        diags_.error(sources_[i].display_path, 1, 1,
                     "English version without its Chinese page: expected " + sources_[i].zh_path);
        continue;
      }
      entries_[it->second].en_source = i;
    }
    parallel_for(entries_.size(), options_.jobs, [&](size_t i) {
      Entry& e = entries_[i];
      const SourceFile& f = sources_[e.source];
      e.fm = options_.cache ? options_.cache->front_matter(f.display_path, f.bytes, diags_)
                            : parse_front_matter(f.display_path, f.bytes, diags_);
      tell_source(f, e.fm);
      if (e.en_source != SIZE_MAX) {
        const SourceFile& en = sources_[e.en_source];
        e.fm_en = options_.cache ? options_.cache->front_matter(en.display_path, en.bytes, diags_)
                                 : parse_front_matter(en.display_path, en.bytes, diags_);
        tell_source(en, e.fm_en);
      }
    });
    if (options_.on_source) {
      for (const auto& f : sources_) {
        if (f.kind == FileKind::site_config || f.kind == FileKind::attachment || f.kind == FileKind::glossary_csv) options_.on_source(f, std::nullopt);
      }
    }
  }

  // options_.on_source, with where the body starts (the parser's body is a view into the file's bytes).
  void tell_source(const SourceFile& f, const std::optional<FrontMatter>& fm) const {
    if (!options_.on_source) return;
    std::optional<size_t> at;
    if (fm) at = fm->body.data() ? static_cast<size_t>(fm->body.data() - f.bytes.data()) : f.bytes.size();
    options_.on_source(f, at);
  }

  void read_common_fields() {
    std::map<std::string, size_t> by_url;
    for (size_t i = 0; i < entries_.size(); ++i) {
      Entry& e = entries_[i];
      const SourceFile& f = sources_[e.source];
      Document& d = e.doc;
      d.kind = f.kind;
      d.source_path = f.path;
      d.display_path = f.display_path;
      if (!e.fm) {
        e.published = false;
        continue;
      }
      FieldReader r(*e.fm, f.display_path, diags_);
      d.title = r.text("title", true);
      d.title_en = r.text("title_en");
      d.draft = r.boolean("draft");
      d.published = r.has("published") ? r.date("published") : Date{};
      d.weight = r.has("weight") ? r.integer("weight") : 0;
      d.fields = e.fm->fields;
      if (e.fm_en) {
        FieldReader en(*e.fm_en, sources_[e.en_source].display_path, diags_);
        std::string t = en.text("title", true);
        if (!t.empty()) d.title_en = t;
        d.fields_en = e.fm_en->fields;
        d.en_display_path = sources_[e.en_source].display_path;
        d.has_en_body = true;
      }
      d.has_english = e.fm_en.has_value() || !d.title_en.empty();
      std::string slug = f.stem;
      if (r.has("slug")) {
        slug = r.text("slug");
        if (!valid_slug(slug)) {
          r.error("slug", "slug '" + slug + "' must be one path segment: no '/', no '..', no leading '.'");
          slug = f.stem;
        }
      }
      if (f.kind == FileKind::page && kReservedSlugs.count(slug)) {
        diags_.error(f.display_path, 1, 1, "the page's URL /" + slug + "/ is reserved for the generator's own pages");
      }
      d.url = url_encode_path(url_for(f, slug));
      bool future = !options_.today.empty() && !d.published.empty() && options_.today < d.published;
      e.published = options_.drafts || !(d.draft || future);
      auto [it, inserted] = by_url.emplace(d.url, i);
      if (!inserted) {
        diags_.error(f.display_path, 1, 1,
                     "this page and " + sources_[entries_[it->second].source].display_path + " both map to URL " + d.url);
      }
      url_of_path_[f.path] = i;
    }
    // An article of a scheduled (or draft) issue appears with its issue, not before.
    for (Entry& e : entries_) {
      const SourceFile& f = sources_[e.source];
      if (f.kind != FileKind::article || !e.published) continue;
      auto it = url_of_path_.find("journal/" + f.folder + "/_index.md");
      if (it != url_of_path_.end() && !entries_[it->second].published) e.published = false;
    }
  }

  // Every page and attachment a body may link to, kept with the site (model/body_links.h).
  void collect_link_targets() {
    auto targets = std::make_shared<LinkTargets>();
    for (const auto& [path, i] : url_of_path_) targets->pages[path] = {entries_[i].doc.url, entries_[i].published};
    // A document whose front matter failed to load still exists: links to it are not errors of their own.
    for (const auto& e : entries_) {
      if (!e.fm) targets->unloaded.insert(sources_[e.source].path);
    }
    targets->attachments = attachment_paths_;
    site_->link_targets = std::move(targets);
  }

  void render_bodies() {
    const LinkTargets& targets = *site_->link_targets;
    parallel_for(entries_.size(), options_.jobs, [&](size_t i) {
      Entry& e = entries_[i];
      if (!e.fm || !e.published) return;
      const SourceFile& f = sources_[e.source];
      if (f.kind == FileKind::glossary_table) return;  // its body is the table, read by the glossary reader
      render_body(targets, f, *e.fm, options_.cache, e.doc.body, e.doc.links);
      e.doc.word_count = count_words(e.doc.body.text);
      if (e.fm_en) render_body(targets, sources_[e.en_source], *e.fm_en, options_.cache, e.doc.body_en, e.doc.links_en);
    });
  }

  // A relative path in a front-matter field (pdf, cover) names an attachment next to the file.
  std::string attachment_field(FieldReader& r, const Entry& e, const std::string& key) {
    std::string value = r.text(key);
    if (value.empty()) return value;
    if (value.find("://") != std::string::npos) {
      if (!starts_with(value, "https://") && !starts_with(value, "http://")) {
        r.error(key, "field '" + key + "' must be a relative path or an http(s) URL");
        return {};
      }
      return value;
    }
    auto target = join_relative(folder_of(sources_[e.source].path), value);
    if (!target || !attachment_paths_.count(*target)) {
      r.error(key, "field '" + key + "' names a missing file: " + value);
      return {};
    }
    return "/" + url_encode_path(*target);
  }

  void assemble() {
    std::map<std::string, size_t> issue_of_folder;
    std::map<std::string, size_t> series_of_kind;
    std::vector<GlossaryEntries> tables;
    std::vector<size_t> article_entries, report_entries;
    for (Entry& e : entries_) {
      if (!e.fm || !e.published) continue;
      const SourceFile& f = sources_[e.source];
      FieldReader r(*e.fm, f.display_path, diags_);
      switch (f.kind) {
        case FileKind::page: site_->pages.push_back(Page{std::move(e.doc)}); break;
        case FileKind::journal: {
          Journal j;
          j.doc = std::move(e.doc);
          j.issn = r.text("issn");
          j.gpn = r.text("gpn");
          j.frequency = r.text("frequency");
          site_->journal = std::move(j);
          break;
        }
        case FileKind::issue: {
          Issue is;
          is.doc = std::move(e.doc);
          is.number = r.integer("number", true);
          r.date("published", true);
          is.folder = f.folder;
          is.volume = r.text("volume");
          is.cover = attachment_field(r, e, "cover");
          is.pdf = attachment_field(r, e, "pdf");
          is.doi = r.doi("doi");
          issue_of_folder[f.folder] = site_->issues.size();
          site_->issues.push_back(std::move(is));
          break;
        }
        case FileKind::article: article_entries.push_back(&e - entries_.data()); break;
        case FileKind::report_archive: site_->report_archive = std::move(e.doc); break;
        case FileKind::report_series: {
          ReportSeries s;
          s.doc = std::move(e.doc);
          s.kind = f.folder;
          series_of_kind[f.folder] = site_->series.size();
          site_->series.push_back(std::move(s));
          break;
        }
        case FileKind::report: report_entries.push_back(&e - entries_.data()); break;
        case FileKind::glossary_home: site_->glossary_home = std::move(e.doc); break;
        case FileKind::glossary_table: {
          GlossaryTable t;
          t.doc = std::move(e.doc);
          t.slug = f.stem;
          t.category = r.text("category");
          GlossaryTableInfo info{f.display_path, f.path, f.stem, t.category};
          tables.push_back(read_glossary_markdown(e.fm->body, e.fm->body_line, info, diags_));
          site_->glossary_tables.push_back(std::move(t));
          break;
        }
        default: break;
      }
    }
    for (size_t i : csv_sources_) {
      const SourceFile& f = sources_[i];
      if (is_postal_table(f.bytes)) {  // the Post's code ranges: data for the entries, not a table of them
        site_->postal = read_postal_table(f.bytes, f.display_path, diags_);
        continue;
      }
      GlossaryTable t;
      t.doc.kind = FileKind::glossary_csv;
      t.doc.source_path = f.path;
      t.doc.display_path = f.display_path;
      t.doc.title = t.doc.title_en = f.stem;
      t.doc.has_english = true;
      t.doc.url = url_encode_path("/glossary/" + f.stem + "/");
      t.slug = f.stem;
      t.from_csv = true;
      for (const auto& other : site_->glossary_tables) {
        if (other.slug == t.slug) diags_.error(f.display_path, 1, 1, "this table and " + other.doc.display_path + " both map to URL " + t.doc.url);
      }
      GlossaryTableInfo info{f.display_path, f.path, f.stem, ""};
      tables.push_back(read_glossary_csv(f.bytes, info, diags_));
      site_->glossary_tables.push_back(std::move(t));
    }

    // Articles belong to the issue of their folder.
    for (size_t i : article_entries) {
      Entry& e = entries_[i];
      const SourceFile& f = sources_[e.source];
      FieldReader r(*e.fm, f.display_path, diags_);
      Article a;
      a.doc = std::move(e.doc);
      a.authors = r.authors("authors");
      a.abstract = r.text("abstract");
      a.abstract_en = r.text("abstract_en");
      a.keywords = r.texts("keywords");
      a.keywords_en = r.texts("keywords_en");
      a.pages = r.text("pages");
      if (!a.pages.empty()) {
        int first = 0, last = 0;
        char dash = 0;
        if (std::sscanf(a.pages.c_str(), "%d%c%d", &first, &dash, &last) == 3 && dash == '-' && first <= last) {
          a.first_page = first;
          a.last_page = last;
        } else if (std::sscanf(a.pages.c_str(), "%d", &first) == 1 && a.pages.find_first_not_of("0123456789") == std::string::npos) {
          a.first_page = a.last_page = first;
        } else {
          r.error("pages", "field 'pages' must be a page range such as 6-21, not '" + a.pages + "'");
        }
      }
      a.pdf = attachment_field(r, e, "pdf");
      a.doi = r.doi("doi");
      auto it = issue_of_folder.find(f.folder);
      if (it == issue_of_folder.end()) {
        diags_.error(f.display_path, 1, 1, "article without an issue: missing journal/" + f.folder + "/_index.md");
        continue;
      }
      a.issue = it->second;
      site_->articles.push_back(std::move(a));
    }
    for (size_t i : report_entries) {
      Entry& e = entries_[i];
      const SourceFile& f = sources_[e.source];
      FieldReader r(*e.fm, f.display_path, diags_);
      Report rep;
      rep.doc = std::move(e.doc);
      rep.series = f.folder;
      rep.year = r.integer("year", true);
      if (rep.year != 0 && (rep.year < 1900 || rep.year > 2200)) r.error("year", "field 'year' must be a Gregorian year such as 2014");
      rep.agency = r.text("agency");
      rep.authors = r.authors("authors");
      if (f.folder == "self-research") {
        rep.award = r.one_of("award", {"甲等", "乙等", "佳作"});
      } else {
        rep.award = r.text("award");
      }
      rep.status = r.text("status");
      rep.pdf = attachment_field(r, e, "pdf");
      rep.number = r.text("number");
      rep.university = r.text("university");
      rep.degree = r.text("degree");
      rep.advisor = r.text("advisor");
      rep.destination = r.text("destination");
      rep.doi = r.doi("doi");
      if (!series_of_kind.count(f.folder)) {
        // A series without its _index.md still exists: give it a plain title.
        ReportSeries s;
        s.kind = f.folder;
        s.doc.kind = FileKind::report_series;
        s.doc.title = s.doc.title_en = f.folder;
        s.doc.has_english = true;
        s.doc.url = "/reports/" + f.folder + "/";
        series_of_kind[f.folder] = site_->series.size();
        site_->series.push_back(std::move(s));
      }
      site_->reports.push_back(std::move(rep));
    }
    site_->glossary = finish_glossary(std::move(tables), diags_);
    attach_postal(site_->glossary, site_->postal);
    sort_and_link();
    build_indexes();
  }

  void sort_and_link() {
    auto& s = *site_;
    std::sort(s.pages.begin(), s.pages.end(), [](const Page& a, const Page& b) {
      return std::tie(a.doc.weight, a.doc.url) < std::tie(b.doc.weight, b.doc.url);
    });
    // Issues newest first; articles keep their issue's position through a remap.
    std::vector<size_t> order(s.issues.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
      return std::tie(s.issues[b].number, s.issues[b].folder) < std::tie(s.issues[a].number, s.issues[a].folder);
    });
    std::vector<size_t> new_pos(order.size());
    std::vector<Issue> sorted;
    for (size_t i = 0; i < order.size(); ++i) {
      new_pos[order[i]] = i;
      sorted.push_back(std::move(s.issues[order[i]]));
    }
    s.issues = std::move(sorted);
    for (auto& a : s.articles) a.issue = new_pos[a.issue];
    std::sort(s.articles.begin(), s.articles.end(), [](const Article& a, const Article& b) {
      return std::tie(a.issue, a.doc.source_path) < std::tie(b.issue, b.doc.source_path);
    });
    for (size_t i = 0; i < s.articles.size(); ++i) s.issues[s.articles[i].issue].articles.push_back(i);
    if (s.journal) {
      for (size_t i = 0; i < s.issues.size(); ++i) s.journal->issues.push_back(i);
    }
    std::sort(s.series.begin(), s.series.end(), [](const ReportSeries& a, const ReportSeries& b) {
      const auto& kinds = report_series_kinds();
      return std::find(kinds.begin(), kinds.end(), a.kind) < std::find(kinds.begin(), kinds.end(), b.kind);
    });
    std::sort(s.reports.begin(), s.reports.end(), [](const Report& a, const Report& b) {
      return std::tie(b.year, b.doc.published, a.doc.url) < std::tie(a.year, a.doc.published, b.doc.url);
    });
    for (size_t i = 0; i < s.reports.size(); ++i) {
      for (auto& series : s.series) {
        if (series.kind == s.reports[i].series) series.reports.push_back(i);
      }
    }
    std::sort(s.glossary_tables.begin(), s.glossary_tables.end(),
              [](const GlossaryTable& a, const GlossaryTable& b) { return a.slug < b.slug; });
    for (size_t i = 0; i < s.glossary.size(); ++i) {
      for (auto& t : s.glossary_tables) {
        if (t.slug == s.glossary[i].table_slug) t.entries.push_back(i);
      }
    }
  }

  void build_indexes() {
    auto& s = *site_;
    std::map<std::string, IndexTerm> authors, keywords, keywords_en, agencies;
    auto add = [](std::map<std::string, IndexTerm>& map, const std::string& name, size_t article, size_t report) {
      if (name.empty()) return;
      IndexTerm& t = map[name];
      t.name = name;
      if (article != SIZE_MAX && (t.articles.empty() || t.articles.back() != article)) t.articles.push_back(article);
      if (report != SIZE_MAX && (t.reports.empty() || t.reports.back() != report)) t.reports.push_back(report);
    };
    for (size_t i = 0; i < s.articles.size(); ++i) {
      for (const auto& a : s.articles[i].authors) add(authors, a.name, i, SIZE_MAX);
      for (const auto& k : s.articles[i].keywords) add(keywords, k, i, SIZE_MAX);
      for (const auto& k : s.articles[i].keywords_en) add(keywords_en, k, i, SIZE_MAX);
    }
    for (size_t i = 0; i < s.reports.size(); ++i) {
      for (const auto& a : s.reports[i].authors) add(authors, a.name, SIZE_MAX, i);
      add(agencies, s.reports[i].agency, SIZE_MAX, i);
    }
    auto finish = [](std::map<std::string, IndexTerm>& map, const std::string& lang) {
      std::vector<std::pair<std::string, IndexTerm>> keyed;
      for (auto& [name, term] : map) {
        std::string slug = name;
        std::replace(slug.begin(), slug.end(), '/', '-');
        if (slug == "." || slug == "..") slug = "_" + slug;
        term.slug = slug;
        keyed.emplace_back(collation_key(name, lang), std::move(term));
      }
      std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      std::vector<IndexTerm> out;
      for (auto& [key, term] : keyed) out.push_back(std::move(term));
      return out;
    };
    s.authors = finish(authors, "zh-Hant");
    s.keywords = finish(keywords, "zh-Hant");
    s.keywords_en = finish(keywords_en, "en");
    s.agencies = finish(agencies, "zh-Hant");
  }

  std::vector<SourceFile> sources_;
  const BuildOptions& options_;
  Diagnostics& diags_;
  std::unique_ptr<Site> site_;
  std::vector<Entry> entries_;
  std::vector<size_t> csv_sources_;
  std::set<std::string> attachment_paths_;
  std::map<std::string, size_t> url_of_path_;  // zh content path -> entry
};

}  // namespace

std::unique_ptr<Site> build_site(std::vector<SourceFile> sources, const BuildOptions& options, Diagnostics& diags) {
  auto site = SiteBuilder(std::move(sources), options, diags).build();
  if (options.body_diagnostics) report_body_diagnostics(*site, diags);
  return site;
}

}  // namespace takao
