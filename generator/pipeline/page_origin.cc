#include "pipeline/page_origin.h"

#include "model/site.h"
#include "publish/page_info.h"
#include "render/page_plan.h"
#include "render/page_views.h"

namespace takao {

PageOrigin page_origin(const Site& site, const std::string& theme_dir, const PlannedPage& p) {
  PageOrigin origin;
  origin.template_file = theme_dir + "/templates/" + SiteRenderer::template_name(p.kind) + ".mustache";
  if (const Document* d = page_document(site, p)) {
    bool english_body = p.en && d->has_en_body;
    origin.source = english_body ? d->en_display_path : d->display_path;
    for (const auto& l : (english_body ? d->body_en : d->body).links) origin.links.emplace_back(l.destination, l.line);
  }
  return origin;
}

}  // namespace takao
