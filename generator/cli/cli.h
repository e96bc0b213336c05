// The command line of docs/INTERFACES.md: parses the subcommand and hands over to it.
#pragma once

namespace takao {

// Returns the process exit status: 0 done, 1 the content has errors, 2 the command line is wrong.
int cli_main(int argc, char** argv);

}  // namespace takao
