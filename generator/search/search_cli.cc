// The `takao search` command: option parsing, then SearchIndex over the site folder, printed as JSON
// or as a list for people.
#include "search/search_cli.h"

#include <charconv>
#include <iostream>
#include <nlohmann/json.hpp>

#include "search/search_index.h"

namespace takao {
namespace search {
namespace {

bool parse_count(const std::string& text, size_t& value) {
  if (text.empty() || text.size() > 9) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

bool parse_search_command(const std::vector<std::string>& args, SearchCommand& command, std::string& error) {
  std::vector<std::string> words;
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (options_done || a.empty() || a[0] != '-' || a == "-") {
      words.push_back(a);
      continue;
    }
    if (a == "--") {
      options_done = true;
      continue;
    }
    if (a == "--json") {
      command.json = true;
      continue;
    }
    std::string name = a, value;
    bool has_value = false;
    if (size_t eq = a.find('='); eq != std::string::npos) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
      has_value = true;
    }
    static const char* const kWithValue[] = {"--site", "--limit", "--offset", "--lang", "--collection", "--year"};
    if (std::find(std::begin(kWithValue), std::end(kWithValue), name) == std::end(kWithValue)) {
      error = "unknown option " + a;
      return false;
    }
    if (!has_value) {
      if (i + 1 >= args.size()) {
        error = name + " needs a value";
        return false;
      }
      value = args[++i];
    }
    if (name == "--site") {
      if (value.empty()) {
        error = "--site needs a folder";
        return false;
      }
      command.site = value;
    } else if (name == "--limit" || name == "--offset") {
      size_t n;
      if (!parse_count(value, n)) {
        error = name + " needs a whole number, not '" + value + "'";
        return false;
      }
      (name == "--limit" ? command.limit : command.offset) = n;
    } else if (name == "--lang") {
      if (value != "zh-Hant" && value != "en") {
        error = "--lang must be zh-Hant or en, not '" + value + "'";
        return false;
      }
      command.lang = value;
    } else if (name == "--collection") {
      command.collection = value;
    } else if (name == "--year") {
      size_t n;
      if (!parse_count(value, n) || n == 0 || n > 9999) {
        error = "--year needs a year like 2014, not '" + value + "'";
        return false;
      }
      command.year = static_cast<int>(n);
    }
  }
  for (size_t i = 0; i < words.size(); ++i) command.query += (i ? " " : "") + words[i];
  if (command.query.empty()) {
    error = "missing QUERY";
    return false;
  }
  return true;
}

}  // namespace search

int search_main(int argc, char** argv) {
  std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
  search::SearchCommand command;
  std::string error;
  if (!search::parse_search_command(args, command, error)) {
    std::cerr << "takao search: " << error << "\n"
              << "usage: takao search [--site DIR] [--limit N] [--offset N] [--lang zh-Hant|en] "
                 "[--collection C] [--year Y] [--json] QUERY\n";
    return 2;
  }
  std::unique_ptr<search::SearchIndex> index =
      search::SearchIndex::open(search::read_from_folder(command.site), &error);
  if (!index) {
    std::cerr << command.site << ": error: " << error << " (run takao build first)\n";
    return 1;
  }
  search::SearchOptions options;
  options.limit = command.limit;
  options.offset = command.offset;
  options.lang = command.lang;
  options.collection = command.collection;
  options.year = command.year;
  search::SearchPage page = index->search(command.query, options);
  if (command.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : page.results) {
      nlohmann::json hit = {{"url", r.url}, {"title", r.title}, {"lang", r.lang}, {"excerpt", r.excerpt},
                            {"collection", r.collection}, {"date", r.date}};
      if (r.page > 0) hit["page"] = r.page;
      out.push_back(std::move(hit));
    }
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return 0;
  }
  if (page.results.empty()) {
    std::cout << "no pages match \"" << command.query << "\"\n";
    return 0;
  }
  std::cout << page.total << (page.total == 1 ? " page" : " pages")
            << (page.partial ? " with some of the words" : "") << "; showing " << command.offset + 1 << "-"
            << command.offset + page.results.size() << "\n\n";
  for (const auto& r : page.results) {
    std::cout << r.title << "\n  " << r.url << "  " << r.collection;
    if (!r.date.empty()) std::cout << "  " << r.date;
    if (r.page > 0) std::cout << "  PDF p. " << r.page;
    std::cout << "\n  " << r.excerpt << "\n\n";
  }
  return 0;
}

}  // namespace takao
