#include "lookup/lookup_cli.h"

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "lookup/lookup_index.h"

namespace takao {

namespace {

constexpr const char* kUsage = "usage: takao lookup [--site DIR] [--limit N] [--json] QUERY\n";

std::optional<std::string> read_site_file(const std::string& site, const std::string& path) {
  // Paths come from the index; refuse anything that would leave the site folder.
  if (path.empty() || path[0] == '/' || path.find("..") != std::string::npos) return std::nullopt;
  std::ifstream in(site + "/" + path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

int lookup_main(int argc, char** argv) {
  std::string site = "public", query;
  long limit = 10;
  bool json = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--site" || arg == "--limit") {
      if (i + 1 >= argc) {
        std::cerr << "takao lookup: " << arg << " needs a value\n" << kUsage;
        return 2;
      }
      std::string value = argv[++i];
      if (arg == "--site") {
        site = value;
      } else {
        try {
          size_t used = 0;
          limit = std::stol(value, &used);
          if (used != value.size() || limit < 0) throw std::invalid_argument(value);
        } catch (const std::exception&) {
          std::cerr << "takao lookup: --limit takes a number of 0 or more, not '" << value << "'\n" << kUsage;
          return 2;
        }
      }
    } else if (arg == "--json") {
      json = true;
    } else if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "--") {
      std::cerr << "takao lookup: unknown option " << arg << "\n" << kUsage;
      return 2;
    } else {
      if (arg == "--" && i + 1 < argc) arg = argv[++i];
      if (!query.empty()) query += ' ';
      query += arg;
    }
  }
  if (query.empty()) {
    std::cerr << "takao lookup: no query\n" << kUsage;
    return 2;
  }
  std::string error;
  auto index = LookupIndex::open([&](const std::string& path) { return read_site_file(site, path); }, &error);
  if (!index) {
    std::cerr << "takao lookup: no lookup index in " << site << " (" << error << "); run takao build first\n";
    return 1;
  }
  auto hits = index->query(query, static_cast<size_t>(limit));
  if (json) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& h : hits) {
      nlohmann::ordered_json item = {{"zh", h.zh}, {"en", h.en}, {"category", h.category}, {"district", h.district}, {"url", h.url}};
      if (h.category == "address") {
        item["postcode"] = h.postcode;
      } else {
        if (!h.source.empty()) item["source"] = h.source;
        if (!h.districts.empty()) item["districts"] = h.districts;
        if (!h.postcodes.empty()) item["postcodes"] = h.postcodes;
      }
      if (!h.note.empty()) item["note"] = h.note;
      out.push_back(std::move(item));
    }
    std::cout << out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  } else {
    for (const auto& h : hits) {
      std::cout << h.zh << "\t" << h.en;
      if (!h.postcode.empty()) std::cout << "\t" << h.postcode;
      if (!h.note.empty()) std::cout << "\t(" << h.note << ")";
      if (!h.category.empty()) std::cout << "\t" << h.category;
      if (!h.url.empty()) std::cout << "\t" << h.url;
      std::cout << "\n";
    }
  }
  return 0;
}

}  // namespace takao
