// Turns one planned page into HTML: builds its view (a plain JSON tree over the model), renders the page
// template into the base layout. Views are data only, so tests can read them without templates.
#pragma once
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/site.h"
#include "render/page_plan.h"
#include "render/template_engine.h"
#include "render/theme.h"

namespace takao {

// From now on, appends to *sink every document whose body (HTML, plain text, ids, word count) a view built
// on this thread reads; nullptr stops. takao serve re-renders a page when one of those bodies changed, so
// every read of a document's body in page_views.cc must call note_body_read.
void record_body_reads(std::vector<const Document*>* sink);

struct RenderOptions {
  bool preview = false;  // takao serve: show drafts' marks, inject the reload script
  std::string asset_version;  // appended as ?v= to theme assets (changes when assets change)
  // Theme assets for templates as {{asset.KEY.url}} / {{asset.KEY.integrity}} (publish/assets.h: content-hashed
  // names and Subresource Integrity). Null: every asset at its plain path, without integrity.
  nlohmann::json assets;
  // What the build read of each local PDF, by url (render/pdf_view.h).
  nlohmann::json pdfs;
};

class SiteRenderer {
 public:
  SiteRenderer(const Site& site, const Theme& theme, TemplateEngine& engine, RenderOptions options);

  nlohmann::json view(const PlannedPage& page) const;
  std::string render(const PlannedPage& page) const;
  // The same from a view already built (takao serve compares views before rendering).
  std::string render_view(const PlannedPage& page, nlohmann::json view, TemplateNames* names = nullptr) const;
  // What the layout template gets beside the view (kind, stylesheets): with the view and the theme, all
  // a page's HTML is made from.
  nlohmann::json layout_view(const PlannedPage& page) const;
  // The template a page kind renders with.
  static std::string template_name(PageKind kind);

 private:
  nlohmann::json common(const PlannedPage& page) const;
  nlohmann::json doc_view(const Document& doc, bool en) const;
  nlohmann::json article_item(size_t index, bool en) const;
  nlohmann::json report_item(size_t index, bool en) const;
  nlohmann::json issue_item(size_t index, bool en) const;
  nlohmann::json entry_item(size_t index, bool en) const;
  std::string district_name(const std::string& zh, bool en) const;
  nlohmann::json authors_view(const std::vector<Author>& authors, bool en) const;
  std::string term_url(IndexKind kind, const std::string& name, bool en) const;
  std::string date_label(const Date& d, bool en) const;
  std::string year_label(int year, bool en) const;
  std::string t(bool en, const std::string& group, const std::string& key) const;

  void fill(nlohmann::json& v, const PlannedPage& page) const;

  const Site& site_;
  const Theme& theme_;
  TemplateEngine& engine_;
  RenderOptions options_;
  int shared_view_[2] = {-1, -1};  // engine ids of what every page of a language shares: zh, en
  std::string shared_hash_[2];     // and a hash of each
  Date newest_;  // the newest date in the content: the site's "last updated" when a page has none
  std::map<std::string, const Document*> docs_by_url_;
  std::map<std::string, std::string> district_en_;  // 前鎮區 -> Cianjhen Dist., from the glossary's districts  // zh URL -> document, for english_fragments

  // On an English page, a link to "/en/x/#id" where x's English text has no such id but its Chinese text
  // does (a Chinese heading cited from a Chinese body shown on an English page) goes to the Chinese page.
  std::string english_fragments(std::string html) const;
};

}  // namespace takao
