// The takao command: everything it does is in cli/.
#include "cli/cli.h"

int main(int argc, char** argv) { return takao::cli_main(argc, argv); }
