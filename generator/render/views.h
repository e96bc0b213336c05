// One view function per page kind (kinds that share a template share a function): each fills in `out`
// from the site through `views`, without templates. SiteRenderer::fill picks the function by the page's
// kind and finishes the view. Grouped by collection in render/views_*.cc.
#pragma once
#include "render/view_parts.h"

namespace takao {

// views_site.cc
void home_view(const SiteViews& views, PageView& out);
void page_view(const SiteViews& views, PageView& out);  // a standing page (about, privacy...)
void search_view(const SiteViews& views, PageView& out);
void site_map_view(const SiteViews& views, PageView& out);
void not_found_view(const SiteViews& views, PageView& out);

// views_journal.cc
void journal_view(const SiteViews& views, PageView& out);
void issue_view(const SiteViews& views, PageView& out);
void article_view(const SiteViews& views, PageView& out);

// views_reports.cc
void report_archive_view(const SiteViews& views, PageView& out);
void series_view(const SiteViews& views, PageView& out);  // also series_year: one year of a long series
void report_view(const SiteViews& views, PageView& out);

// views_glossary.cc
void glossary_home_view(const SiteViews& views, PageView& out);
void glossary_table_view(const SiteViews& views, PageView& out);  // also glossary_district
void glossary_entry_view(const SiteViews& views, PageView& out);

// views_indexes.cc
void index_list_view(const SiteViews& views, PageView& out);  // index_home and index_bucket
void index_term_view(const SiteViews& views, PageView& out);

}  // namespace takao
