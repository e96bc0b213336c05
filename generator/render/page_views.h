// Turns one planned page into HTML: builds its view (a plain JSON tree over the model; each kind's part in
// render/views_*.cc), renders the page template into the base layout. Views are data only, so tests can
// read them without templates.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/site.h"
#include "render/page_plan.h"
#include "render/template_engine.h"
#include "render/theme.h"
#include "render/view_parts.h"

namespace takao {

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
  // The page's own part of the view, by its kind (render/views.h), then what every page finishes with.
  void fill(nlohmann::json& v, const PlannedPage& page) const;

  SiteViews views_;
  const Site& site_;
  const Theme& theme_;
  TemplateEngine& engine_;
  const RenderOptions& options_;  // views_.options
  int shared_view_[2] = {-1, -1};  // engine ids of what every page of a language shares: zh, en
  std::string shared_hash_[2];     // and a hash of each
  Date newest_;  // the newest date in the content: the site's "last updated" when a page has none
};

}  // namespace takao
