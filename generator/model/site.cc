#include "model/site.h"

namespace takao {

Date newest_date(const Site& site) {
  Date newest;
  auto consider = [&](const Date& d) {
    if (!d.empty() && newest < d) newest = d;
  };
  for (const auto& i : site.issues) consider(i.doc.published);
  for (const auto& r : site.reports) consider(r.doc.published);
  for (const auto& p : site.pages) consider(p.doc.published);
  return newest;
}

}  // namespace takao
