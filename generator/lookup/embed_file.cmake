# Turns a data file into a C++ source defining `extern const char NAME[]` and `NAME_size`, so the program
# carries its data and never reads the repository at run time. Called as
#   cmake -DINPUT=... -DOUTPUT=... -DNAME=... -P embed_file.cmake
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "(([^,]*,){16})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}.tmp" "// Generated from ${INPUT} by embed_file.cmake; do not edit.\n#include <cstddef>\nnamespace takao {\nextern const char ${NAME}[] = {\n${bytes}'\\0'};\nextern const size_t ${NAME}_size = ${size};\n}  // namespace takao\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
