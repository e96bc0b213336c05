// Pre-compressed twins of text files (name.gz through libdeflate, name.br through libbrotlienc) for web servers
// that serve them as they are (nginx gzip_static / brotli_static), so no request pays for compression.
#pragma once
#include <string>
#include <string_view>

#include "core/output_file.h"

namespace takao {

// Text formats the site publishes: html, css, js, mjs, json, xml, atom, txt, csv, svg, map.
bool is_compressible(std::string_view path);

// gzip (RFC 1952) at level 6, with no file name and a zero time stamp, so the bytes depend on
// the input alone.
std::string gzip_compress(std::string_view bytes);
// Brotli (RFC 7932); quality chosen for build speed on sites of tens of thousands of pages.
std::string brotli_compress(std::string_view bytes);

// {path.gz, path.br} for a compressible path, else nothing.
OutputFiles compressed_twins(const std::string& path, std::string_view bytes);
// The same for an output file, reading it from `copy_from` when it is a copy.
OutputFiles compressed_twins(const OutputFile& file);

}  // namespace takao
