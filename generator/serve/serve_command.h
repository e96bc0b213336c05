// takao serve: builds the site into a temporary folder in preview mode (drafts marked, the reload script
// in every page), serves it on 127.0.0.1, watches content/ and the theme, rebuilds what changed and tells
// open pages to reload, or shows them the errors while the last good site stays served.
#pragma once

namespace takao {

// argv[0] is "serve". Returns the exit status (0 after Ctrl-C or SIGTERM, 1 when the port is taken or the
// content folder is missing, 2 on a bad command line).
int serve_main(int argc, char** argv);

}  // namespace takao
