#include "publish/compress.h"

#include <brotli/encode.h>
#include <zlib.h>

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
// zlib level 6 (its default) gave the same size as 9 on those pages (34.1%) in 10% less time.
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
  static constexpr std::array<std::string_view, 11> kExtensions = {
      ".html", ".css", ".js", ".mjs", ".json", ".xml", ".atom", ".txt", ".csv", ".svg", ".map"};
  for (auto ext : kExtensions) {
    if (path.size() > ext.size() && path.substr(path.size() - ext.size()) == ext) return true;
  }
  return false;
}

namespace {
// One deflate state per thread, reset between files: setting up zlib's window and hash tables took three
// quarters of the time of compressing a page.
struct Deflater {
  z_stream zs{};
  bool ok = false;
  // windowBits 15 + 16: a gzip wrapper; zlib writes MTIME 0 and no name unless given a header.
  Deflater() { ok = deflateInit2(&zs, kGzipLevel, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) == Z_OK; }
  ~Deflater() {
    if (ok) deflateEnd(&zs);
  }
};
}  // namespace

std::string gzip_compress(std::string_view bytes) {
  thread_local Deflater deflater;
  if (!deflater.ok || deflateReset(&deflater.zs) != Z_OK) return "";
  z_stream& zs = deflater.zs;
  std::string out(deflateBound(&zs, bytes.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  return rc == Z_STREAM_END ? out : "";
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
