// The research reports' pages: the archive of series, a series (whole or one year), a report.
#include "render/views.h"

#include "render/lang_marks.h"
#include "render/pdf_view.h"

namespace takao {

using json = nlohmann::json;

namespace {

// The report archive's crumb, on series and reports.
void reports_crumb(const SiteViews& views, PageView& out) {
  bool en = out.en;
  out.crumb(views.site.report_archive ? title_of(*views.site.report_archive, en) : views.t(en, "ui", "nav_reports"), en ? "/en/reports/" : "/reports/");
}

}  // namespace

void report_archive_view(const SiteViews& views, PageView& out) {
  const Site& site = views.site;
  bool en = out.en;
  json& page = out.page;
  if (site.report_archive) page = views.doc_view(*site.report_archive, en);
  else page = {{"title", views.t(en, "ui", "nav_reports")}, {"body", ""}, {"has_body", false}};
  json series = json::array();
  for (const auto& s : site.series) {
    json item = {{"title", title_of(s.doc, en)}, {"title_alt", alt_title_of(s.doc, en)}, {"url", url_of(s.doc, en)}, {"count", s.reports.size()}};
    json latest = json::array();
    for (size_t i = 0; i < s.reports.size() && i < 3; ++i) latest.push_back(views.report_item(s.reports[i], en));
    item["latest"] = latest;
    series.push_back(item);
  }
  page["series"] = series;
  out.title = page["title"];
  out.other = en ? "/reports/" : "/en/reports/";
}

void series_view(const SiteViews& views, PageView& out) {
  const Site& site = views.site;
  bool en = out.en;
  const PlannedPage& p = out.plan;
  json& page = out.page;
  const ReportSeries& s = site.series[p.index];
  reports_crumb(views, out);
  page = views.doc_view(s.doc, en);
  bool split = s.reports.size() > kSeriesSplitThreshold;
  json years = json::array();
  for (size_t r : s.reports) {
    int y = site.reports[r].year;
    if (p.kind == PageKind::series_year && y != p.year) continue;
    if (years.empty() || years.back()["year"] != y) {
      years.push_back({{"year", y}, {"label", views.year_label(y, en)}, {"reports", json::array()}, {"count", 0},
                       {"url", url_of(s.doc, en) + std::to_string(y) + "/"}});
    }
    json& yv = years.back();
    yv["count"] = yv["count"].get<int>() + 1;
    if (!split || p.kind == PageKind::series_year) yv["reports"].push_back(views.report_item(r, en));
  }
  page["years"] = years;
  page["split"] = split && p.kind == PageKind::series;
  page["count"] = s.reports.size();
  page["is_self_research"] = s.kind == "self-research";
  out.title = page["title"];
  if (p.kind == PageKind::series_year) {
    out.crumb(out.title, url_of(s.doc, en));
    out.title = out.title + " " + views.year_label(p.year, en);
    page["title"] = out.title;
    page["body"] = "";
    page["has_body"] = false;
  }
  out.other = en ? p.url.substr(3) : "/en" + p.url;
}

void report_view(const SiteViews& views, PageView& out) {
  const Site& site = views.site;
  bool en = out.en;
  const PlannedPage& p = out.plan;
  json& page = out.page;
  const Report& r = site.reports[p.index];
  reports_crumb(views, out);
  json item = views.report_item(p.index, en);
  for (const auto& s : site.series) {
    if (s.kind == r.series) out.crumb(title_of(s.doc, en), url_of(s.doc, en));
  }
  page = views.doc_view(r.doc, en);
  page["award"] = item["award"];
  page["award_class"] = item["award_class"];
  page["authors"] = views.authors_view(r.authors, en);
  page["has_authors"] = !r.authors.empty();
  page["pdf"] = r.pdf;
  page["pdf_file"] = pdf_file_view(views.options.pdfs, r.pdf, views.strings(en));
  page["series_kind"] = r.series;
  page["year"] = r.year;
  page["agency"] = item["agency"];
  page["agency_lang"] = item["agency_lang"];
  page["agency_url"] = r.agency.empty() ? "" : views.term_url(IndexKind::agencies, r.agency, en);
  page["university"] = r.university;
  json meta = json::array();
  auto row = [&](const std::string& key, const std::string& value) {
    if (!value.empty()) meta.push_back({{"label", views.t(en, "ui", key)}, {"value", value}, {"value_lang", zh_mark(en, value)}});
  };
  row("field_year", views.year_label(r.year, en));
  row("field_published", views.date_label(r.doc.published, en));
  row("field_award", item["award"]);
  row("field_status", r.status);
  row("field_number", r.number);
  row("field_university", agency_name(site, r.university, en));
  row("field_degree", r.degree);
  row("field_advisor", r.advisor);
  row("field_destination", r.destination);
  page["meta"] = meta;
  out.title = page["title"];
  out.other = en ? r.doc.url : (r.doc.has_english ? "/en" + r.doc.url : "");
}

}  // namespace takao
