#include "lookup/pinyin_syllables.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>

namespace takao {

extern const char kPinyinSyllablesXml[];
extern const size_t kPinyinSyllablesXml_size;

const std::string& Syllable::in(Romanization r) const {
  switch (r) {
    case Romanization::tongyong: return tongyong;
    case Romanization::hanyu: return hanyu;
    default: return wade_giles;
  }
}

std::string ascii_spelling(std::string_view syllable) {
  std::string out;
  for (size_t i = 0; i < syllable.size(); ++i) {
    unsigned char c = syllable[i];
    if (c >= 'a' && c <= 'z') {
      out += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < syllable.size() &&
               (static_cast<unsigned char>(syllable[i + 1]) == 0xBC ||
                static_cast<unsigned char>(syllable[i + 1]) == 0x9C)) {  // ü, Ü
      out += 'u';
      ++i;
    }
  }
  return out;
}

// The file writes ü as "u:" and the Wade-Giles aspiration as a backtick.
static std::string tidy(std::string s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == 'u' && i + 1 < s.size() && s[i + 1] == ':') {
      out += "ü";
      ++i;
    } else if (s[i] == '`') {
      out += '\'';
    } else {
      out += s[i];
    }
  }
  return out;
}

static std::string child_text(xmlNode* item, const char* name) {
  for (xmlNode* n = item->children; n; n = n->next) {
    if (n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0) {
      xmlChar* content = xmlNodeGetContent(n);
      std::string s = content ? reinterpret_cast<const char*>(content) : "";
      xmlFree(content);
      return s;
    }
  }
  return {};
}

SyllableTable SyllableTable::parse(std::string_view xml) {
  xmlDoc* doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "pinyin-syllables.xml", nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) throw std::runtime_error("pinyin-syllables.xml: not well-formed XML");
  SyllableTable table;
  xmlNode* root = xmlDocGetRootElement(doc);
  for (xmlNode* item = root ? root->children : nullptr; item; item = item->next) {
    if (item->type != XML_ELEMENT_NODE || xmlStrcmp(item->name, BAD_CAST "item") != 0) continue;
    Syllable s{tidy(child_text(item, "Hanyu")), tidy(child_text(item, "Tongyong")),
               tidy(child_text(item, "Wade"))};
    if (s.hanyu.empty() || s.tongyong.empty() || s.wade_giles.empty()) continue;
    table.syllables_.push_back(std::move(s));
  }
  xmlFreeDoc(doc);
  if (table.syllables_.empty()) throw std::runtime_error("pinyin-syllables.xml: no <item> with all three spellings");
  for (size_t i = 0; i < table.syllables_.size(); ++i) {
    for (int r = 0; r < 3; ++r) {
      std::string a = ascii_spelling(table.syllables_[i].in(static_cast<Romanization>(r)));
      table.longest_ = std::max(table.longest_, a.size());
      table.index_[r].emplace_back(std::move(a), i);
    }
  }
  for (auto& index : table.index_) std::sort(index.begin(), index.end());
  return table;
}

const SyllableTable& SyllableTable::builtin() {
  static const SyllableTable table =
      parse(std::string_view(kPinyinSyllablesXml, kPinyinSyllablesXml_size));
  return table;
}

std::vector<const Syllable*> SyllableTable::find(Romanization r, std::string_view ascii) const {
  const auto& index = index_[static_cast<int>(r)];
  auto it = std::lower_bound(index.begin(), index.end(), ascii,
                             [](const auto& row, std::string_view key) { return row.first < key; });
  std::vector<const Syllable*> out;
  for (; it != index.end() && it->first == ascii; ++it) out.push_back(&syllables_[it->second]);
  return out;
}

}  // namespace takao
