// `takao lookup [--site DIR] [--limit N] [--json] QUERY`: answers from the index of a built site with the
// matching and ranking of the browser's takao-lookup.mjs.
#pragma once

namespace takao {

// argv[0] is "lookup". Exit status: 0 answered (even with no match), 1 no index in the site, 2 bad command line.
int lookup_main(int argc, char** argv);

}  // namespace takao
