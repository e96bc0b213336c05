// Renders a theme's templates with plain JSON views. Each thread compiles its own copy of a template once
// (kainjow's compiled templates keep mutable state while rendering), so pages render in parallel.
#pragma once
#include <mutex>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "core/diagnostics.h"
#include "render/theme.h"

namespace takao {

class TemplateEngine {
 public:
  explicit TemplateEngine(const Theme& theme);

  bool has(const std::string& name) const { return theme_.templates.count(name) > 0; }
  // Renders template `name` with `view`; values are HTML-escaped unless the template uses {{{ }}}.
  std::string render(const std::string& name, const nlohmann::json& view);

  // After all rendering: one warning per variable that templates used but no view ever provided.
  void report_unused_variables(Diagnostics& diags) const;

 private:
  const Theme& theme_;
  size_t generation_;  // distinguishes engines, so a thread's cache never serves another engine's templates
  mutable std::mutex names_mutex_;
  std::set<std::pair<std::string, std::string>> missed_;  // (template, variable)
  std::set<std::string> found_;
};

}  // namespace takao
