#include "render/page_metadata.h"

#include "core/text.h"
#include "model/identifiers.h"

namespace takao {

using json = nlohmann::json;

namespace {

std::string title_in(const Document& d, bool en) { return en && !d.title_en.empty() ? d.title_en : d.title; }

// Site-absolute and external URLs as absolute URLs (Scholar and schema.org want them whole).
std::string absolute(const Site& site, const std::string& url) {
  if (url.empty() || url.find("://") != std::string::npos) return url;
  const std::string& base = site.config.base_url;
  if (base.empty()) return url;
  return base + (url[0] == '/' ? url.substr(1) : url);
}

// Google Scholar's date form: 2014/08/01 (or only the year).
std::string scholar_date(const Date& d, int year = 0) {
  if (!d.empty()) {
    std::string iso = d.iso();
    std::replace(iso.begin(), iso.end(), '-', '/');
    return iso;
  }
  return year > 0 ? std::to_string(year) : "";
}

std::string author_name(const Author& a, bool en) { return en && !a.name_en.empty() ? a.name_en : a.name; }

json person(const Author& a, bool en) {
  json p = {{"@type", "Person"}, {"name", author_name(a, en)}};
  std::string other = en ? a.name : a.name_en;
  if (!other.empty() && other != author_name(a, en)) p["alternateName"] = other;
  if (!a.affiliation.empty()) p["affiliation"] = {{"@type", "Organization"}, {"name", a.affiliation}};
  if (!a.orcid.empty()) {
    p["identifier"] = {{"@type", "PropertyValue"}, {"propertyID", "ORCID"}, {"value", a.orcid}};
    p["sameAs"] = orcid_url(a.orcid);
  }
  return p;
}

json persons(const std::vector<Author>& authors, bool en) {
  json list = json::array();
  for (const auto& a : authors) list.push_back(person(a, en));
  return list;
}

json publisher(const Site& site, bool en) {
  const auto& c = site.config;
  return {{"@type", "GovernmentOrganization"}, {"name", en && !c.title_en.empty() ? c.title_en : c.title}, {"url", absolute(site, en ? "/en/" : "/")}};
}

json periodical(const Site& site, bool en) {
  json p = {{"@type", "Periodical"}, {"publisher", publisher(site, en)}};
  if (!site.journal) return p;
  const Journal& j = *site.journal;
  p["name"] = title_in(j.doc, en);
  std::string other = en ? j.doc.title : j.doc.title_en;
  if (!other.empty() && other != p["name"]) p["alternateName"] = other;
  if (!j.issn.empty()) p["issn"] = j.issn;
  p["url"] = absolute(site, (en ? "/en" : "") + j.doc.url);
  return p;
}

json publication_issue(const Site& site, const Issue& is, bool en) {
  json i = {{"@type", "PublicationIssue"}, {"issueNumber", std::to_string(is.number)}, {"name", title_in(is.doc, en)},
            {"url", absolute(site, (en ? "/en" : "") + is.doc.url)}, {"isPartOf", periodical(site, en)}};
  if (!is.doc.published.empty()) i["datePublished"] = is.doc.published.iso();
  return i;
}

// A DOI as schema.org gives identifiers, and the resolver URL as the thing's sameAs.
void add_doi(json& ld, const std::string& doi) {
  if (doi.empty()) return;
  ld["identifier"] = {{"@type", "PropertyValue"}, {"propertyID", "DOI"}, {"value", doi}, {"url", doi_url(doi)}};
  ld["sameAs"] = doi_url(doi);
}

json pdf_media(const Site& site, const std::string& pdf) {
  return {{"@type", "MediaObject"}, {"contentUrl", absolute(site, pdf)}, {"encodingFormat", "application/pdf"}};
}

}  // namespace

bool scholar_reads_pdf(const std::string& page_url, const std::string& pdf_url) {
  if (pdf_url.empty() || pdf_url[0] != '/' || page_url.empty() || page_url.back() != '/') return false;
  std::string folder = pdf_url.substr(0, pdf_url.rfind('/') + 1);
  std::string parent = page_url.substr(0, page_url.rfind('/', page_url.size() - 2) + 1);
  return folder == page_url || folder == parent;
}

std::string json_for_script(const json& value) {
  std::string text = value.dump(-1, ' ', false, json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '<': out += "\\u003c"; break;
      case '>': out += "\\u003e"; break;
      case '&': out += "\\u0026"; break;
      default: out += c;
    }
  }
  return out;
}

json page_metadata(const Site& site, const PlannedPage& page, const json& view) {
  bool en = page.en;
  std::string lang = en ? "en" : "zh-Hant";
  std::string canonical = view.value("canonical", "");
  // The page's own URL (with /en for an English twin, whose folder never holds the PDF).
  const std::string& page_url = page.url;
  json meta = json::array();
  auto property = [&](const std::string& name, const std::string& content) {
    if (!content.empty()) meta.push_back({{"property", name}, {"name", ""}, {"content", content}});
  };
  // Both keys on every item, so a site with no page of `name` items (no articles or reports) does not warn
  // that the template's {{name}} is never provided.
  auto name = [&](const std::string& key, const std::string& content) {
    if (!content.empty()) meta.push_back({{"name", key}, {"property", ""}, {"content", content}});
  };

  // Open Graph, for link previews.
  bool is_document = page.kind == PageKind::article || page.kind == PageKind::report;
  property("og:title", view.value("title", ""));
  property("og:url", canonical);
  property("og:site_name", view["site"].value("title", ""));
  property("og:locale", en ? "en_US" : "zh_TW");
  if (view.contains("hreflang") && !view["hreflang"].empty()) property("og:locale:alternate", en ? "zh_TW" : "en_US");
  property("og:type", is_document ? "article" : "website");
  property("og:description", view.value("description", ""));

  json ld = {{"@context", "https://schema.org"}, {"@type", "WebPage"}, {"name", view.value("title", "")},
             {"url", canonical}, {"inLanguage", lang}};

  switch (page.kind) {
    case PageKind::home: {
      ld["@type"] = "WebSite";
      ld["publisher"] = publisher(site, en);
      break;
    }
    case PageKind::journal: {
      ld = periodical(site, en);
      ld["@context"] = "https://schema.org";
      ld["inLanguage"] = lang;
      break;
    }
    case PageKind::issue: {
      const Issue& is = site.issues[page.index];
      ld = publication_issue(site, is, en);
      ld["@context"] = "https://schema.org";
      ld["inLanguage"] = lang;
      json parts = json::array();
      for (size_t a : is.articles) {
        const Document& d = site.articles[a].doc;
        parts.push_back({{"@type", "ScholarlyArticle"}, {"name", title_in(d, en)},
                         {"url", absolute(site, (en && d.has_english ? "/en" : "") + d.url)}});
      }
      ld["hasPart"] = parts;
      if (!is.pdf.empty()) ld["encoding"] = pdf_media(site, is.pdf);
      add_doi(ld, is.doi);
      break;
    }
    case PageKind::article: {
      const Article& a = site.articles[page.index];
      const Issue& is = site.issues[a.issue];
      Date date = a.doc.published.empty() ? is.doc.published : a.doc.published;
      // Google Scholar (https://scholar.google.com/intl/en/scholar/inclusion.html#indexing).
      name("citation_title", title_in(a.doc, en));
      for (const auto& au : a.authors) name("citation_author", author_name(au, en));
      name("citation_publication_date", scholar_date(date));
      if (site.journal) {
        name("citation_journal_title", title_in(site.journal->doc, en));
        name("citation_issn", site.journal->issn);
        name("citation_publisher", publisher(site, en)["name"]);
      }
      name("citation_volume", is.volume);
      name("citation_issue", std::to_string(is.number));
      if (a.first_page > 0) name("citation_firstpage", std::to_string(a.first_page));
      if (a.last_page > 0) name("citation_lastpage", std::to_string(a.last_page));
      name("citation_doi", a.doi);
      if (scholar_reads_pdf(page_url, a.pdf)) name("citation_pdf_url", absolute(site, a.pdf));
      name("citation_abstract_html_url", canonical);
      name("citation_language", en && a.doc.has_en_body ? "en" : "zh");
      const auto& words = en && !a.keywords_en.empty() ? a.keywords_en : a.keywords;
      name("citation_keywords", join(words, "; "));
      if (!date.empty()) property("article:published_time", date.iso());

      ld = {{"@context", "https://schema.org"}, {"@type", "ScholarlyArticle"}, {"headline", title_in(a.doc, en)},
            {"name", title_in(a.doc, en)}, {"url", canonical}, {"inLanguage", lang},
            {"author", persons(a.authors, en)}, {"isPartOf", publication_issue(site, is, en)},
            {"publisher", publisher(site, en)}};
      std::string other = en ? a.doc.title : a.doc.title_en;
      if (!other.empty() && other != ld["name"]) ld["alternativeHeadline"] = other;
      if (!date.empty()) ld["datePublished"] = date.iso();
      std::string abstract = en && !a.abstract_en.empty() ? a.abstract_en : a.abstract;
      if (!abstract.empty()) ld["abstract"] = abstract;
      if (!words.empty()) ld["keywords"] = join(words, ", ");
      if (a.first_page > 0) ld["pageStart"] = a.first_page;
      if (a.last_page > 0) ld["pageEnd"] = a.last_page;
      if (!a.pages.empty()) ld["pagination"] = a.pages;
      add_doi(ld, a.doi);
      if (!a.pdf.empty()) ld["encoding"] = pdf_media(site, a.pdf);
      break;
    }
    case PageKind::report: {
      const Report& r = site.reports[page.index];
      bool thesis = r.series == "theses";
      name("citation_title", title_in(r.doc, en));
      for (const auto& au : r.authors) name("citation_author", author_name(au, en));
      name("citation_publication_date", scholar_date(r.doc.published, r.year));
      std::string institution = thesis ? r.university : (r.agency.empty() ? std::string(publisher(site, en)["name"]) : r.agency);
      if (thesis) {
        name("citation_dissertation_institution", institution);
      } else {
        name("citation_technical_report_institution", institution);
        name("citation_technical_report_number", r.number);
      }
      name("citation_doi", r.doi);
      if (scholar_reads_pdf(page_url, r.pdf)) name("citation_pdf_url", absolute(site, r.pdf));
      name("citation_abstract_html_url", canonical);
      name("citation_language", en && r.doc.has_en_body ? "en" : "zh");
      if (!r.doc.published.empty()) property("article:published_time", r.doc.published.iso());

      ld = {{"@context", "https://schema.org"}, {"@type", thesis ? "Thesis" : "Report"}, {"name", title_in(r.doc, en)},
            {"headline", title_in(r.doc, en)}, {"url", canonical}, {"inLanguage", lang}, {"author", persons(r.authors, en)},
            {"publisher", publisher(site, en)}};
      std::string other = en ? r.doc.title : r.doc.title_en;
      if (!other.empty() && other != ld["name"]) ld["alternativeHeadline"] = other;
      if (!r.doc.published.empty()) ld["datePublished"] = r.doc.published.iso();
      else if (r.year > 0) ld["datePublished"] = std::to_string(r.year);
      if (thesis) {
        if (!r.university.empty()) ld["sourceOrganization"] = {{"@type", "CollegeOrUniversity"}, {"name", r.university}};
        if (!r.degree.empty()) ld["inSupportOf"] = r.degree;
        if (!r.advisor.empty()) ld["contributor"] = {{"@type", "Person"}, {"name", r.advisor}};
      } else {
        if (!r.agency.empty()) ld["sourceOrganization"] = {{"@type", "GovernmentOrganization"}, {"name", r.agency}};
        if (!r.number.empty()) ld["reportNumber"] = r.number;
      }
      if (!r.award.empty()) ld["award"] = r.award;
      if (!r.pdf.empty()) ld["encoding"] = pdf_media(site, r.pdf);
      add_doi(ld, r.doi);
      break;
    }
    case PageKind::glossary_entry: {
      const GlossaryEntry& e = site.glossary[page.index];
      std::string set_url, set_name;
      for (const auto& tb : site.glossary_tables) {
        if (tb.slug == e.table_slug) {
          set_url = absolute(site, (en ? "/en" : "") + tb.doc.url);
          set_name = title_in(tb.doc, en);
        }
      }
      // The entry is a term of the approved-names glossary, about a place in Kaohsiung.
      json place = {{"@type", e.category == "district" ? "AdministrativeArea" : "Place"}, {"name", e.zh}, {"alternateName", e.en},
                    {"containedInPlace", {{"@type", "City"}, {"name", en ? "Kaohsiung City" : "高雄市"}}}};
      if (!e.district.empty()) place["containedInPlace"] = {{"@type", "AdministrativeArea"}, {"name", e.district},
                                                            {"containedInPlace", {{"@type", "City"}, {"name", en ? "Kaohsiung City" : "高雄市"}}}};
      json alt = json::array({e.en});
      for (const auto& a : e.aliases) alt.push_back(a);
      ld = {{"@context", "https://schema.org"}, {"@type", "DefinedTerm"}, {"name", e.zh}, {"alternateName", alt},
            {"termCode", e.en}, {"url", canonical}, {"inLanguage", lang}, {"about", place}};
      if (!e.note.empty()) ld["description"] = e.note;
      if (!set_url.empty()) ld["inDefinedTermSet"] = {{"@type", "DefinedTermSet"}, {"name", set_name}, {"url", set_url}};
      break;
    }
    case PageKind::glossary_table: {
      ld["@type"] = "DefinedTermSet";
      ld["publisher"] = publisher(site, en);
      break;
    }
    default: break;
  }
  return {{"meta", meta}, {"jsonld", json_for_script(ld)}};
}

}  // namespace takao
