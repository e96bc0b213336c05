#include "frontmatter/front_matter.h"

#include <yaml-cpp/yaml.h>

namespace takao {

namespace {

// Caps on what one YAML block may expand to: aliases can make a few lines stand for billions of nodes.
// Real front matter holds tens of values; 20,000 converts in milliseconds (200,000 took 0.4 s per file).
constexpr size_t kMaxNodes = 20000;
constexpr int kMaxDepth = 64;

struct Converter {
  size_t nodes = 0;
  bool too_big = false;

  nlohmann::json convert(const YAML::Node& node, int depth) {
    if (++nodes > kMaxNodes || depth > kMaxDepth) {
      too_big = true;
      return nullptr;
    }
    switch (node.Type()) {
      case YAML::NodeType::Null:
      case YAML::NodeType::Undefined:
        return nullptr;
      case YAML::NodeType::Scalar: {
        // Keep scalars as text unless plainly a number or boolean; quoted scalars ("12") stay text.
        const std::string& s = node.Scalar();
        if (node.Tag() == "!") return s;
        if (s == "true" || s == "True" || s == "TRUE") return true;
        if (s == "false" || s == "False" || s == "FALSE") return false;
        if (!s.empty() && s.size() < 19) {
          size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
          bool digits = i < s.size();
          for (size_t j = i; j < s.size(); ++j) digits = digits && s[j] >= '0' && s[j] <= '9';
          if (digits) return std::stoll(s);
        }
        return s;
      }
      case YAML::NodeType::Sequence: {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& item : node) {
          out.push_back(convert(item, depth + 1));
          if (too_big) break;
        }
        return out;
      }
      case YAML::NodeType::Map: {
        nlohmann::json out = nlohmann::json::object();
        for (const auto& kv : node) {
          std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string("?");
          out[key] = convert(kv.second, depth + 1);
          if (too_big) break;
        }
        return out;
      }
    }
    return nullptr;
  }
};

std::optional<FrontMatter> parse_block(const std::string& display_path, std::string_view yaml, int first_line,
                                       Diagnostics& diags) {
  FrontMatter fm;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    int line = e.mark.is_null() ? first_line : first_line + e.mark.line;
    int col = e.mark.is_null() ? 1 : e.mark.column + 1;
    diags.error(display_path, line, col, "malformed YAML: " + e.msg);
    return std::nullopt;
  }
  if (root.IsNull()) return fm;
  if (!root.IsMap()) {
    diags.error(display_path, first_line, 1, "front matter must be a map of fields (name: value)");
    return std::nullopt;
  }
  Converter converter;
  for (const auto& kv : root) {
    if (!kv.first.IsScalar()) {
      diags.error(display_path, first_line + kv.first.Mark().line, kv.first.Mark().column + 1,
                  "field names must be plain text");
      return std::nullopt;
    }
    const std::string& key = kv.first.Scalar();
    fm.fields[key] = converter.convert(kv.second, 1);
    auto mark = kv.second.Mark();
    if (mark.is_null()) mark = kv.first.Mark();
    fm.positions[key] = {first_line + mark.line, mark.column + 1};
    if (kv.second.IsSequence() && !converter.too_big) {
      size_t index = 0;
      for (const auto& item : kv.second) {
        if (item.IsMap()) {
          for (const auto& field : item) {
            if (!field.first.IsScalar() || field.second.Mark().is_null()) continue;
            fm.item_positions[key + "/" + std::to_string(index) + "/" + field.first.Scalar()] = {
                first_line + field.second.Mark().line, field.second.Mark().column + 1};
          }
        }
        ++index;
      }
    }
    if (converter.too_big) {
      diags.error(display_path, first_line + kv.first.Mark().line, kv.first.Mark().column + 1,
                  "field '" + key + "' expands to more than " + std::to_string(kMaxNodes) +
                      " values or nests deeper than " + std::to_string(kMaxDepth) + " levels (YAML aliases?)");
      return std::nullopt;
    }
  }
  return fm;
}

}  // namespace

std::optional<FrontMatter> parse_front_matter(const std::string& display_path, std::string_view text,
                                              Diagnostics& diags) {
  if (text.empty()) {
    diags.error(display_path, 1, 1, "empty file: expected front matter starting with '---'");
    return std::nullopt;
  }
  auto first_end = text.find('\n');
  std::string_view first = text.substr(0, first_end);
  while (!first.empty() && (first.back() == ' ' || first.back() == '\t')) first.remove_suffix(1);
  if (first != "---") {
    diags.error(display_path, 1, 1, "missing front matter: the file must start with a line '---'");
    return std::nullopt;
  }
  size_t start = first_end == std::string_view::npos ? text.size() : first_end + 1;
  int line = 2;
  size_t pos = start;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(pos, end - pos);
    while (!l.empty() && (l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
    if (l == "---" || l == "...") {
      auto fm = parse_block(display_path, text.substr(start, pos - start), 2, diags);
      if (!fm) return std::nullopt;
      fm->body = end < text.size() ? text.substr(end + 1) : std::string_view();
      fm->body_line = line + 1;
      return fm;
    }
    pos = end + 1;
    ++line;
  }
  diags.error(display_path, 1, 1, "front matter is not closed: no second '---' line");
  return std::nullopt;
}

std::optional<FrontMatter> parse_yaml_document(const std::string& display_path, std::string_view text,
                                               Diagnostics& diags) {
  return parse_block(display_path, text, 1, diags);
}

}  // namespace takao
