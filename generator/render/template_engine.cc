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
    // kainjow's set() and push_back() copy their argument, deeply: at every level of nesting the subtree
    // was copied again (43% of an article's template time). Children are moved in instead.
    case nlohmann::json::value_t::object: {
      mst::data d{mst::data::type::object};
      for (auto it = j.begin(); it != j.end(); ++it) d[it.key()] = to_data(it.value());
      return d;
    }
    case nlohmann::json::value_t::array: {
      mst::data d{mst::data::type::list};
      // list_value() is the only accessor; d owns a non-const list, so writing through it is sound.
      auto& list = const_cast<mst::list&>(d.list_value());
      list.reserve(j.size());
      for (const auto& item : j) list.push_back(to_data(item));
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

// The context templates look names up in. kainjow's own context splits every dotted name ("site.title")
// into a vector of new strings on each lookup, which was a sixth of an article's template time; this one
// walks the segments in place. It also remembers which names it could not find, for the "never provided"
// warning: each distinct name once per page, not on every lookup.
class PageContext : public mst::basic_context<std::string> {
 public:
  PageContext(std::set<std::string>& missed, std::set<std::string>& found) : missed_(missed), found_(found) {}
  void push(const mst::data* data) override { items_.push_back(data); }
  void pop() override { items_.pop_back(); }

  const mst::data* get(const std::string& name) const override {
    if (name == ".") return items_.back();
    const mst::data* d = lookup(name);
    // Names are the compiled template's own strings, so their addresses identify them cheaply.
    if (seen_.insert({&name, d != nullptr}).second) (d ? found_ : missed_).insert(name);
    return d;
  }
  const mst::data* get_partial(const std::string& name) const override {
    for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
      if (const mst::data* d = (*it)->get(name)) return d;
    }
    return nullptr;
  }

 private:
  // Innermost context first, as Mustache wants; "a.b" is found where "a" is found and has a "b".
  const mst::data* lookup(const std::string& name) const {
    size_t dot = name.find('.');
    for (auto it = items_.rbegin(); it != items_.rend(); ++it) {
      if (dot == std::string::npos) {
        if (const mst::data* d = (*it)->get(name)) return d;
        continue;
      }
      const mst::data* d = *it;
      size_t start = 0;
      while (d) {
        size_t end = name.find('.', start);
        segment_.assign(name, start, end == std::string::npos ? std::string::npos : end - start);
        d = d->get(segment_);
        if (end == std::string::npos) break;
        start = end + 1;
      }
      if (d) return d;
    }
    return nullptr;
  }

  std::vector<const mst::data*> items_;  // outermost first
  mutable std::string segment_;          // reused: one segment of a dotted name
  mutable std::set<std::pair<const std::string*, bool>> seen_;  // (name, found) already recorded
  std::set<std::string>& missed_;
  std::set<std::string>& found_;
};

// Collects kainjow's output pieces in one string (its default is an ostringstream per render).
struct StringSink {
  std::string out;
  StringSink& operator<<(const std::string& s) {
    out += s;
    return *this;
  }
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

mst::mustache& TemplateEngine::compiled(const std::string& name) {
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
  return *compiled;
}

std::string TemplateEngine::render_in_layout(const std::string& name, const std::string& layout,
                                             const nlohmann::json& view, const nlohmann::json& layout_view,
                                             int shared, TemplateNames* names) {
  mst::data data = to_data(view);
  std::set<std::string> missed, found;
  auto render_one = [&](const std::string& tmpl) {
    PageContext ctx(missed, found);
    if (shared >= 0 && static_cast<size_t>(shared) < shared_.size()) ctx.push(shared_[shared].get());
    ctx.push(&data);  // the page's own names first
    StringSink sink;
    compiled(tmpl).render(ctx, sink);
    std::lock_guard lock(names_mutex_);
    for (const auto& m : missed) missed_.insert({tmpl, m});
    found_.insert(found.begin(), found.end());
    if (names) {
      for (const auto& m : missed) names->missed.insert({tmpl, m});
      names->found.insert(found.begin(), found.end());
    }
    missed.clear();
    found.clear();
    return std::move(sink.out);
  };
  std::string out = render_one(name);
  // The layout sees the same view, converted once, with the page's HTML and its own names on top.
  data["content"] = mst::data{out};
  for (auto it = layout_view.begin(); it != layout_view.end(); ++it) data[it.key()] = to_data(it.value());
  return render_one(layout);
}

void TemplateEngine::add_names(const TemplateNames& names) {
  std::lock_guard lock(names_mutex_);
  missed_.insert(names.missed.begin(), names.missed.end());
  found_.insert(names.found.begin(), names.found.end());
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
