#include "render/glossary_postal_view.h"

#include "core/text.h"
#include "render/lang_marks.h"

namespace takao {

namespace {

std::string number_text(const PostalNumber& n) {
  std::string out = std::to_string(n.n);
  if (n.sub == kAnySub) out += " (with its sub-numbers)";
  else if (n.sub) out += "-" + std::to_string(n.sub);
  return out;
}

}  // namespace

std::string english_range(const PostalRange& r) {
  std::string out;
  if (r.lane) out += "Ln. " + std::to_string(r.lane) + ", ";
  if (r.alley) out += "Aly. " + std::to_string(r.alley) + ", ";
  std::string parity = r.parity == PostalParity::odd ? "odd " : r.parity == PostalParity::even ? "even " : "";
  switch (r.kind) {
    case PostalKind::all: out += r.parity == PostalParity::any ? "all" : "all " + parity.substr(0, parity.size() - 1) + " numbers"; break;
    case PostalKind::exact: out += "No. " + number_text(r.from); break;
    case PostalKind::at_least: out += parity + "No. " + number_text(r.from) + " and above"; break;
    case PostalKind::at_most: out += parity + "No. " + number_text(r.to) + " and below"; break;
    case PostalKind::between:
      if (r.from.n == r.to.n && r.to.sub == kAnySub) out += parity + "sub-numbers of No. " + std::to_string(r.from.n) + (r.from.sub > 1 ? " from -" + std::to_string(r.from.sub) : "");
      else out += parity + "Nos. " + number_text(r.from) + " to " + number_text(r.to);
      break;
  }
  if (r.floor_min && r.floor_max && r.floor_min == r.floor_max) out += ", " + std::to_string(r.floor_min) + "F.";
  else if (r.floor_min && r.floor_max) out += ", " + std::to_string(r.floor_min) + "F. to " + std::to_string(r.floor_max) + "F.";
  else if (r.floor_min) out += ", " + std::to_string(r.floor_min) + "F. and above";
  else if (r.floor_max) out += ", " + std::to_string(r.floor_max) + "F. and below";
  return out;
}

void add_postal_view(nlohmann::json& page, const Site& site, const GlossaryEntry& e, bool en,
                     const std::function<std::string(const std::string&)>& district_name) {
  page["source_approved"] = e.source == "approved";
  page["source_post"] = e.source == "post";
  page["source_machine"] = e.source == "machine";
  nlohmann::json districts = nlohmann::json::array();
  for (const auto& d : e.districts) {
    std::string name = district_name(d);
    districts.push_back({{"zh", d}, {"en", name}, {"en_lang", zh_mark(en, name)}});
  }
  page["districts"] = districts;
  nlohmann::json rows = nlohmann::json::array();
  for (size_t i : e.postal_rows) {
    if (i >= site.postal.rows.size()) continue;
    const PostalRow& r = site.postal.rows[i];
    std::string range = trim(r.scoop);
    if (en) range = r.range ? english_range(*r.range) : range;
    std::string district = district_name(r.district);
    rows.push_back({{"district", district}, {"district_lang", zh_mark(en, district)}, {"range", range}, {"zip", r.zip}, {"range_zh", !en || !r.range}});
  }
  page["has_postal"] = !rows.empty();
  page["postal_rows"] = rows;
}

}  // namespace takao
