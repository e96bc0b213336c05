#include "model/field_reader.h"

#include "core/text.h"
#include "model/identifiers.h"

namespace takao {

bool FieldReader::has(const std::string& key) const {
  auto it = fm_.fields.find(key);
  return it != fm_.fields.end() && !it->is_null();
}

void FieldReader::error(const std::string& key, const std::string& message) {
  auto pos = fm_.positions.find(key);
  int line = pos == fm_.positions.end() ? 1 : pos->second.line;
  int col = pos == fm_.positions.end() ? 1 : pos->second.col;
  diags_.error(path_, line, col, message);
}

void FieldReader::item_error(const std::string& key, size_t index, const std::string& field, const std::string& message) {
  auto pos = fm_.item_positions.find(key + "/" + std::to_string(index) + "/" + field);
  if (pos == fm_.item_positions.end()) return error(key, message);
  diags_.error(path_, pos->second.line, pos->second.col, message);
}

std::string FieldReader::doi(const std::string& key) {
  std::string value = text(key);
  if (value.empty() || valid_doi(value)) return value;
  std::string hint = value.find("doi.org/") != std::string::npos ? " (write the bare DOI, without https://doi.org/)" : "";
  error(key, "field '" + key + "' is not a DOI such as 10.1234/abcd: '" + value + "'" + hint);
  return {};
}

std::string FieldReader::text(const std::string& key, bool required) {
  if (!has(key)) {
    if (required) diags_.error(path_, 1, 1, "missing required field '" + key + "'");
    return {};
  }
  const auto& v = fm_.fields[key];
  if (v.is_string()) {
    std::string s = trim(v.get<std::string>());
    if (s.empty() && required) error(key, "field '" + key + "' must not be empty");
    return s;
  }
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  error(key, "field '" + key + "' must be text, not " + std::string(v.type_name()));
  return {};
}

int FieldReader::integer(const std::string& key, bool required) {
  if (!has(key)) {
    if (required) diags_.error(path_, 1, 1, "missing required field '" + key + "'");
    return 0;
  }
  const auto& v = fm_.fields[key];
  if (v.is_number_integer()) {
    long long n = v.get<long long>();
    if (n < -1000000 || n > 1000000) {
      error(key, "field '" + key + "' is out of range");
      return 0;
    }
    return static_cast<int>(n);
  }
  error(key, "field '" + key + "' must be a whole number, not " +
                 (v.is_string() ? "'" + v.get<std::string>() + "'" : std::string(v.type_name())));
  return 0;
}

Date FieldReader::date(const std::string& key, bool required) {
  if (!has(key)) {
    if (required) diags_.error(path_, 1, 1, "missing required field '" + key + "'");
    return {};
  }
  const auto& v = fm_.fields[key];
  if (v.is_string()) {
    if (auto d = parse_iso_date(trim(v.get<std::string>()))) return *d;
  }
  error(key, "field '" + key + "' must be a date written YYYY-MM-DD, not " +
                 (v.is_string() ? "'" + v.get<std::string>() + "'" : std::string(v.type_name())));
  return {};
}

bool FieldReader::boolean(const std::string& key) {
  if (!has(key)) return false;
  const auto& v = fm_.fields[key];
  if (v.is_boolean()) return v.get<bool>();
  error(key, "field '" + key + "' must be true or false");
  return false;
}

std::vector<std::string> FieldReader::texts(const std::string& key) {
  std::vector<std::string> out;
  if (!has(key)) return out;
  const auto& v = fm_.fields[key];
  if (v.is_string()) {
    out.push_back(trim(v.get<std::string>()));
  } else if (v.is_array()) {
    for (const auto& item : v) {
      if (item.is_string()) {
        std::string s = trim(item.get<std::string>());
        if (!s.empty()) out.push_back(s);
      } else if (item.is_number_integer()) {
        out.push_back(std::to_string(item.get<long long>()));
      } else {
        error(key, "every item of '" + key + "' must be text");
        return {};
      }
    }
  } else {
    error(key, "field '" + key + "' must be a list of text");
  }
  return out;
}

std::vector<Author> FieldReader::authors(const std::string& key) {
  std::vector<Author> out;
  if (!has(key)) return out;
  const auto& v = fm_.fields[key];
  size_t index = 0;
  auto one = [&](const nlohmann::json& item) -> bool {
    if (item.is_string()) {
      out.push_back({trim(item.get<std::string>()), "", "", ""});
      return true;
    }
    if (item.is_object() && item.contains("name") && item["name"].is_string()) {
      Author a;
      a.name = trim(item["name"].get<std::string>());
      if (item.contains("name_en") && item["name_en"].is_string()) a.name_en = trim(item["name_en"].get<std::string>());
      if (item.contains("affiliation") && item["affiliation"].is_string())
        a.affiliation = trim(item["affiliation"].get<std::string>());
      if (item.contains("orcid") && !item["orcid"].is_null()) {
        std::string orcid = item["orcid"].is_string() ? trim(item["orcid"].get<std::string>()) : item["orcid"].dump();
        if (valid_orcid(orcid)) {
          a.orcid = orcid;
        } else {
          item_error(key, index, "orcid",
                     "author '" + a.name + "': '" + orcid + "' is not a valid ORCID iD (0000-0002-1825-0097: four groups " +
                         "of four digits, the last one a check digit by ISO 7064 MOD 11-2)");
        }
      }
      out.push_back(a);
      return !a.name.empty();
    }
    return false;
  };
  bool ok = true;
  if (v.is_array()) {
    for (const auto& item : v) {
      ok = one(item) && ok;
      ++index;
    }
  } else {
    ok = one(v);
  }
  if (!ok) error(key, "each author must be a name or a map with 'name' (and optional 'name_en', 'affiliation', 'orcid')");
  return out;
}

std::string FieldReader::one_of(const std::string& key, const std::vector<std::string>& allowed) {
  std::string s = text(key);
  if (s.empty()) return s;
  for (const auto& a : allowed) {
    if (s == a) return s;
  }
  error(key, "field '" + key + "' must be one of " + join(allowed, ", ") + ", not '" + s + "'");
  return {};
}

}  // namespace takao
