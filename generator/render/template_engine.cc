#include "render/template_engine.h"

#include <kainjow/mustache.hpp>

#include <atomic>
#include <map>
#include <memory>

#include "core/text.h"

namespace takao {

namespace mst = kainjow::mustache;

namespace {

std::atomic<size_t> next_generation{1};

mst::data to_data(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mst::data d{mst::data::type::object};
      for (auto it = j.begin(); it != j.end(); ++it) d.set(it.key(), to_data(it.value()));
      return d;
    }
    case nlohmann::json::value_t::array: {
      mst::data d{mst::data::type::list};
      for (const auto& item : j) d.push_back(to_data(item));
      return d;
    }
    case nlohmann::json::value_t::string: {
      // Empty text is "absent": falsy in sections ({{#pdf}}…{{/pdf}}), nothing when printed.
      const auto& s = j.get_ref<const std::string&>();
      return s.empty() ? mst::data{mst::data::type::bool_false} : mst::data{s};
    }
    case nlohmann::json::value_t::boolean: return j.get<bool>() ? mst::data{mst::data::type::bool_true} : mst::data{mst::data::type::bool_false};
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: return mst::data{std::to_string(j.get<long long>())};
    case nlohmann::json::value_t::number_float: return mst::data{j.dump()};
    default: return mst::data{mst::data::type::bool_false};
  }
}

// A context that remembers which names it could not find, for the "never provided" warning.
class RecordingContext : public mst::context<std::string> {
 public:
  RecordingContext(const mst::data* data, std::set<std::string>& missed, std::set<std::string>& found)
      : mst::context<std::string>(data), missed_(missed), found_(found) {}
  const mst::data* get(const std::string& name) const override {
    const mst::data* d = mst::context<std::string>::get(name);
    if (name != ".") (d ? found_ : missed_).insert(name);
    return d;
  }

 private:
  std::set<std::string>& missed_;
  std::set<std::string>& found_;
};

}  // namespace

TemplateEngine::TemplateEngine(const Theme& theme) : theme_(theme), generation_(next_generation++) {}

int TemplateEngine::add_shared(const nlohmann::json& view) {
  // The preview server makes a renderer per rebuild with the same engine: the same view gets its old id.
  for (size_t i = 0; i < shared_views_.size(); ++i) {
    if (shared_views_[i] == view) return static_cast<int>(i);
  }
  shared_views_.push_back(view);
  shared_.push_back(std::make_unique<mst::data>(to_data(view)));
  return static_cast<int>(shared_.size()) - 1;
}

std::string TemplateEngine::render(const std::string& name, const nlohmann::json& view, int shared) {
  thread_local size_t cache_generation = 0;
  thread_local std::map<std::string, std::unique_ptr<mst::mustache>> cache;
  if (cache_generation != generation_) {
    cache.clear();
    cache_generation = generation_;
  }
  auto& compiled = cache[name];
  if (!compiled) {
    auto it = theme_.templates.find(name);
    if (it == theme_.templates.end()) throw std::runtime_error("no template named " + name);
    compiled = std::make_unique<mst::mustache>(it->second);
    compiled->set_custom_escape([](const std::string& s) { return html_escape(s); });
  }
  mst::data data = to_data(view);
  std::set<std::string> missed, found;
  bool with_shared = shared >= 0 && static_cast<size_t>(shared) < shared_.size();
  RecordingContext ctx(with_shared ? shared_[shared].get() : &data, missed, found);
  if (with_shared) ctx.push(&data);  // the page's own names first
  std::string out = compiled->render(ctx);
  std::lock_guard lock(names_mutex_);
  for (const auto& m : missed) missed_.insert({name, m});
  found_.insert(found.begin(), found.end());
  return out;
}

void TemplateEngine::report_unused_variables(Diagnostics& diags) const {
  std::lock_guard lock(names_mutex_);
  std::set<std::string> reported;
  for (const auto& [tmpl, var] : missed_) {
    if (found_.count(var) || reported.count(var)) continue;
    // Names inside sections are looked up on every level of the context; a name is truly missing only
    // when no page ever resolved it, which is what found_ tells.
    reported.insert(var);
    std::string file = theme_.dir + "/templates/" + tmpl + ".mustache";
    int line = 1, col = 1;
    auto it = theme_.templates.find(tmpl);
    if (it != theme_.templates.end()) {
      size_t at = it->second.find(var);
      if (at != std::string::npos) theme_.locate(tmpl, at, file, line, col);
    }
    diags.warning(file, line, col, "template variable '" + var + "' is never provided by any page");
  }
}

}  // namespace takao
