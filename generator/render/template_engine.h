// Renders a theme's templates with plain JSON views. Each thread compiles its own copy of a template once
// (kainjow's compiled templates keep mutable state while rendering), so pages render in parallel.
#pragma once
#include <kainjow/mustache.hpp>

#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/diagnostics.h"
#include "render/theme.h"

namespace takao {

// The variables a page's templates looked up: those no level of the context had ((template, name)) and
// those found. report_unused_variables() reads them over all pages; a build that reuses a page from the
// last run hands back what it recorded, so the warnings stay those of a clean build.
struct TemplateNames {
  std::set<std::pair<std::string, std::string>> missed;
  std::set<std::string> found;
};

class TemplateEngine {
 public:
  explicit TemplateEngine(const Theme& theme);

  bool has(const std::string& name) const { return theme_.templates.count(name) > 0; }
  // Renders template `name` with `view`, then the layout template with the same view plus `content` (the
  // first result, for {{{content}}}) and the names of `layout_view`, which replace the view's own. The view
  // is converted for the template library once for both. Values are HTML-escaped unless the template uses
  // {{{ }}}. Names the view lacks are looked up in the shared view `shared` (an id from add_shared), if given.
  std::string render_in_layout(const std::string& name, const std::string& layout, const nlohmann::json& view,
                               const nlohmann::json& layout_view, int shared = -1, TemplateNames* names = nullptr);
  // Names a page rendered by an earlier build looked up (see TemplateNames).
  void add_names(const TemplateNames& names);
  // Registers a view that many pages share (the interface strings, the asset table): it is converted for
  // the template library once, not once per page. Call before rendering starts; returns its id.
  int add_shared(const nlohmann::json& view);

  // After all rendering: one warning per variable that templates used but no view ever provided.
  void report_unused_variables(Diagnostics& diags) const;

 private:
  // This thread's compiled copy of template `name`.
  kainjow::mustache::mustache& compiled(const std::string& name);

  const Theme& theme_;
  size_t generation_;
  std::vector<nlohmann::json> shared_views_;
  std::vector<std::unique_ptr<kainjow::mustache::basic_data<std::string>>> shared_;  // read-only once added  // distinguishes engines, so a thread's cache never serves another engine's templates
  mutable std::mutex names_mutex_;
  std::set<std::pair<std::string, std::string>> missed_;  // (template, variable)
  std::set<std::string> found_;
};

}  // namespace takao
