// What every page kind's view is built from: the site, the theme's strings and the render options, and the
// pieces many views share (a document with its body, an issue, article, report or glossary entry in a list,
// an author list, the breadcrumbs). The view of each page kind is made in render/views_*.cc from these.
#pragma once
#include <array>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/site.h"
#include "render/glossary_districts.h"
#include "render/page_plan.h"
#include "render/theme.h"

namespace takao {

struct RenderOptions {
  bool preview = false;  // takao serve: show drafts' marks, inject the reload script
  std::string asset_version;  // appended as ?v= to theme assets (changes when assets change)
  // Theme assets for templates as {{asset.KEY.url}} / {{asset.KEY.integrity}} (publish/assets.h: content-hashed
  // names and Subresource Integrity). Null: every asset at its plain path, without integrity.
  nlohmann::json assets;
  // What the build read of each local PDF, by url (render/pdf_view.h).
  nlohmann::json pdfs;
};

// From now on, appends to *sink every document whose body (HTML, plain text, ids, word count) a view built
// on this thread reads; nullptr stops. takao serve re-renders a page when one of those bodies changed, so
// every read of a document's body in a view must call note_body_read.
void record_body_reads(std::vector<const Document*>* sink);
void note_body_read(const Document& d);

std::string title_of(const Document& d, bool en);
// The title in the other language, "" when it is the same.
std::string alt_title_of(const Document& d, bool en);
std::string url_of(const Document& d, bool en);
// For documents whose English page exists only with a translation (pages, articles, reports): an English
// listing links the Chinese page when there is no English one.
std::string page_url_of(const Document& d, bool en);
// The first `chars` characters of `text` on one line.
std::string excerpt(const std::string& text, size_t chars);

class SiteViews {
 public:
  SiteViews(const Site& site, const Theme& theme, RenderOptions options);

  const Site& site;
  const Theme& theme;
  const RenderOptions options;

  // An interface string of the theme (i18n/GROUP.LANG.yaml); the key itself when the theme has none.
  std::string t(bool en, const std::string& group, const std::string& key) const;
  // The interface strings of a language, whole (for parts that look several up).
  const nlohmann::json& strings(bool en) const { return en ? theme.strings_en : theme.strings_zh; }
  std::string date_label(const Date& d, bool en) const;
  std::string year_label(int year, bool en) const;
  // The theme's ui string `key` with each {name} in it replaced by its value (once: a value is not read
  // for names again). Like t(), the key itself when the theme has no such string.
  std::string phrase(bool en, const std::string& key,
                     std::initializer_list<std::pair<std::string_view, std::string_view>> values) const;
  // "第17期" / "No. 17" (ui.issue_number).
  std::string issue_label(int number, bool en) const;
  std::string term_url(IndexKind kind, const std::string& name, bool en) const;
  // A district in the page's language: its English name from the glossary's districts, else Chinese.
  std::string district_name(const std::string& zh, bool en) const;

  nlohmann::json doc_view(const Document& doc, bool en) const;
  nlohmann::json authors_view(const std::vector<Author>& authors, bool en) const;
  nlohmann::json issue_item(size_t index, bool en) const;
  nlohmann::json article_item(size_t index, bool en) const;
  nlohmann::json report_item(size_t index, bool en) const;
  nlohmann::json entry_item(size_t index, bool en) const;

  // The districts of a glossary table split by district (glossary_table_districts), and their list as the
  // table's and every district page's view shows it, made once: each of a table's district pages shows
  // the whole list, and grouping the table again for each page made views quadratic in the districts.
  const std::vector<GlossaryDistrictGroup>& table_districts(size_t table) const { return table_districts_[table]; }
  const nlohmann::json& table_district_list(size_t table, bool en) const { return district_lists_[table][en]; }

 private:
  // On an English page, a link to "/en/x/#id" where x's English text has no such id but its Chinese text
  // does (a Chinese heading cited from a Chinese body shown on an English page) goes to the Chinese page.
  std::string english_fragments(std::string html) const;

  std::map<std::string, const Document*> docs_by_url_;  // zh URL -> document, for english_fragments
  std::map<std::string, std::string> district_en_;      // 前鎮區 -> Cianjhen Dist., from the glossary's districts
  std::vector<std::vector<GlossaryDistrictGroup>> table_districts_;  // by table; empty when not split
  std::vector<std::array<nlohmann::json, 2>> district_lists_;          // by table, [zh, en]
};

// The view of one page while its kind's view function fills it in: the page's own data, the breadcrumbs
// (home first), its title and its counterpart in the other language. SiteRenderer finishes it (the
// current page's crumb, description, alternate links, citation, head metadata).
struct PageView {
  PageView(const PlannedPage& plan, nlohmann::json& view);

  const PlannedPage& plan;
  bool en;
  nlohmann::json& view;    // the whole view, with the parts every page has (SiteRenderer::common)
  nlohmann::json& page;    // view["page"]: what the page's template reads
  nlohmann::json& crumbs;  // view["breadcrumbs"]
  std::string title;
  std::string crumb_label;  // the current page's breadcrumb, when not its title
  // The counterpart in the other language; "" when the other language has no such page (then its home).
  std::string other;

  void crumb(const std::string& label, const std::string& url);
};

}  // namespace takao
