// The takao command: everything it does is in cli/.
#include <cstdio>
#include <exception>

#include "cli/cli.h"

int main(int argc, char** argv) {
  // The last line of defence: an exception nobody caught (a theme without a template, a full disk) ends
  // the run with a message and status 1 after unwinding, which removes the staging folder, never abort().
  try {
    return takao::cli_main(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "takao: error: %s; nothing was published\n", e.what());
    return 1;
  }
}
