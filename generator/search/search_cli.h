// `takao search [--site DIR] [--limit N] [--offset N] [--lang zh-Hant|en] [--collection C] [--year Y]
// [--json] QUERY`: answers from a built site with the same matching and ranking as the browser module.
#pragma once
#include <string>
#include <vector>

namespace takao {

// argv[0] is "search". Returns 0 when done (even with no match), 1 when the site has no index, 2 when the
// command line is wrong (message on stderr).
int search_main(int argc, char** argv);

namespace search {
struct SearchCommand {
  std::string site = "public";
  size_t limit = 10;
  size_t offset = 0;
  std::string lang, collection;
  int year = 0;
  bool json = false;
  std::string query;
};
// Parses the options after "search"; on error returns false and sets `error`.
bool parse_search_command(const std::vector<std::string>& args, SearchCommand& command, std::string& error);
}  // namespace search

}  // namespace takao
