#include "publish/compress.h"

#include <brotli/encode.h>
#include <libdeflate.h>

#include <array>
#include <fstream>
#include <sstream>

namespace takao {

namespace {
// Measured on 300 pages of the 2,000-page corpus (14-18 KB, one idle core): quality 6 takes 0.14 ms a
// page and leaves 29.1% of the bytes; quality 9 0.25 ms for 28.9%, quality 11 15 ms for ~4% less. Quality
// 6 is where the curve flattens. With a window over 64 KiB the higher qualities switch to a hasher whose
// setup alone costs ~60 ms per call, so the window follows the input: 2^16 for pages.
constexpr int kBrotliQuality = 6;
// gzip through libdeflate rather than zlib: on 3,874 pages of the 10,000-page corpus (8.6 KB each) level 6
// took 62 us a page against zlib's 121 us at its level 6, for the same size (39.3% against 39.4%).
// Level 9 gained 0.1% for 25% more time.
constexpr int kGzipLevel = 6;
int brotli_window(size_t size) {
  int bits = 16;
  while (bits < BROTLI_MAX_WINDOW_BITS && (size_t{1} << bits) < size) ++bits;
  return bits;
}
}  // namespace

bool is_compressible(std::string_view path) {
  // The search index is read in byte ranges by the browser: a compressed copy served in its place would
  // break range reads, and its files are versioned already.
  if (path.substr(0, 9) == "search/v-") return false;
  // Citation exports beside document pages (cite/citation_files.h) are a few kilobytes each, three per page:
  // twins would add two files per page (27,000 on the 10,000-page corpus) for no gain.
  static constexpr std::string_view kCite = "/cite.json";
  if (path.size() >= kCite.size() && path.substr(path.size() - kCite.size()) == kCite) return false;
  static constexpr std::array<std::string_view, 11> kExtensions = {
      ".html", ".css", ".js", ".mjs", ".json", ".xml", ".atom", ".txt", ".csv", ".svg", ".map"};
  for (auto ext : kExtensions) {
    if (path.size() > ext.size() && path.substr(path.size() - ext.size()) == ext) return true;
  }
  return false;
}

namespace {
// One compressor per thread: it holds ~1 MB of hash tables, too much to set up for every file.
struct Compressor {
  libdeflate_compressor* c = libdeflate_alloc_compressor(kGzipLevel);
  ~Compressor() { libdeflate_free_compressor(c); }
};
}  // namespace

std::string gzip_compress(std::string_view bytes) {
  thread_local Compressor compressor;
  if (!compressor.c) return "";
  // libdeflate writes MTIME 0, no file name and OS "unknown": the bytes depend on the input alone.
  std::string out(libdeflate_gzip_compress_bound(compressor.c, bytes.size()), '\0');
  size_t size = libdeflate_gzip_compress(compressor.c, bytes.data(), bytes.size(), out.data(), out.size());
  if (size == 0) return "";
  out.resize(size);
  return out;
}

std::string brotli_compress(std::string_view bytes) {
  size_t size = BrotliEncoderMaxCompressedSize(bytes.size());
  if (size == 0) size = bytes.size() + 1024;
  std::string out(size, '\0');
  if (!BrotliEncoderCompress(kBrotliQuality, brotli_window(bytes.size()), BROTLI_MODE_TEXT, bytes.size(),
                             reinterpret_cast<const uint8_t*>(bytes.data()), &size, reinterpret_cast<uint8_t*>(out.data()))) {
    return "";
  }
  out.resize(size);
  return out;
}

OutputFiles compressed_twins(const std::string& path, std::string_view bytes) {
  if (!is_compressible(path)) return {};
  return {{path + ".gz", gzip_compress(bytes), ""}, {path + ".br", brotli_compress(bytes), ""}};
}

}  // namespace takao

namespace takao {

OutputFiles compressed_twins(const OutputFile& file) {
  if (!is_compressible(file.path)) return {};
  if (file.copy_from.empty()) return compressed_twins(file.path, file.bytes);
  std::ifstream in(file.copy_from, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return compressed_twins(file.path, bytes.str());
}

}  // namespace takao
