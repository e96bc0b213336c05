// The framing the check record and the tree record share: a first line "FORMAT DIGEST" (the format with
// its version, then the SHA-256 of the rest in hex) and the body. Written to a temporary file and renamed
// into place; read back only when whole, of that format, and unchanged.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace takao {

bool write_record_file(const std::string& file, std::string_view format, std::string_view body);

// The body when the file is whole and of `format`; `header` gets its first line (which names one record:
// its digest changes with the body).
std::optional<std::string> read_record_file(const std::string& file, std::string_view format,
                                            std::string* header = nullptr);

}  // namespace takao
