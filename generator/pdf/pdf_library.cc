#include "pdf/pdf_library.h"

#include <openssl/evp.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/parallel.h"

namespace takao::pdf {

namespace {

namespace fs = std::filesystem;
constexpr const char* kCacheVersion = "pdf-v1";  // bump when extraction changes what it gives

std::string read_all(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  *ok = static_cast<bool>(in);
  std::ostringstream s;
  if (*ok) s << in.rdbuf();
  return s.str();
}

// Writes through a temporary name, then renames: readers see a whole entry or none.
void write_atomic(const std::string& path, const std::string& bytes) {
  static std::atomic<unsigned> counter{0};
  std::string tmp = path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  {
    std::ofstream out(tmp, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      std::error_code ec;
      fs::remove(tmp, ec);
      return;
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) fs::remove(tmp, ec);
}

nlohmann::json to_json(const PdfText& t) {
  return {{"problem", static_cast<int>(t.problem)}, {"encrypted", t.encrypted}, {"truncated", t.truncated},
          {"page_count", t.page_count}, {"pages", t.pages},
          {"thumbnail", {t.thumbnail_width, t.thumbnail_height}}};
}

bool from_json(const std::string& text, PdfText& t) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object()) return false;
  try {
    t.problem = static_cast<Problem>(j.at("problem").get<int>());
    t.encrypted = j.at("encrypted").get<bool>();
    t.truncated = j.at("truncated").get<bool>();
    t.page_count = j.at("page_count").get<int>();
    t.pages = j.at("pages").get<std::vector<std::string>>();
    t.thumbnail_width = j.at("thumbnail").at(0).get<int>();
    t.thumbnail_height = j.at("thumbnail").at(1).get<int>();
  } catch (const nlohmann::json::exception&) {
    return false;
  }
  return true;
}

}  // namespace

std::string file_sha256(const std::string& path, uint64_t* size) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) return "";
  std::vector<char> block(1 << 16);
  uint64_t total = 0;
  while (in) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    std::streamsize n = in.gcount();
    if (n <= 0) break;
    EVP_DigestUpdate(ctx.get(), block.data(), static_cast<size_t>(n));
    total += static_cast<uint64_t>(n);
  }
  if (in.bad()) return "";
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &len);
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < len; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 15];
  }
  if (size) *size = total;
  return out;
}

PdfLibrary read_pdfs(const std::vector<PdfRequest>& requests, const std::string& cache_dir, int jobs,
                     Diagnostics& diags, const ExtractLimits& limits) {
  auto t0 = std::chrono::steady_clock::now();
  PdfLibrary lib;
  std::vector<const PdfRequest*> unique;
  for (const PdfRequest& r : requests)
    if (lib.by_url.emplace(r.url, PdfInfo{}).second) unique.push_back(&r);
  std::string dir;
  if (!cache_dir.empty()) {
    dir = cache_dir + "/" + kCacheVersion;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) dir.clear();  // no cache: still extract
  }
  std::vector<PdfInfo> infos(unique.size());
  std::vector<char> cached(unique.size(), 0);
  silence_poppler();
  parallel_for(unique.size(), jobs, [&](size_t i) {
    const PdfRequest& r = *unique[i];
    PdfInfo& info = infos[i];
    std::string key = r.bytes ? "" : file_sha256(r.file, &info.bytes);  // not cached when held in memory
    if (r.bytes) info.bytes = r.bytes->size();
    std::string entry = dir.empty() || key.empty() ? "" : dir + "/" + key;
    if (!entry.empty()) {
      bool ok = false;
      std::string json = read_all(entry + ".json", &ok);
      if (ok && from_json(json, info.text)) {
        if (info.text.thumbnail_width > 0) info.text.thumbnail_png = read_all(entry + ".png", &ok);
        if (ok || info.text.thumbnail_width == 0) {
          cached[i] = 1;
          return;
        }
      }
      info.text = PdfText{};
    }
    std::string scratch = (dir.empty() ? fs::temp_directory_path().string() : dir) + "/.thumb-" +
                          std::to_string(::getpid()) + "-" + std::to_string(i) + ".png";
    info.text = r.bytes ? extract_pdf_bytes(*r.bytes, limits, scratch) : extract_pdf_file(r.file, limits, scratch);
    if (entry.empty()) return;
    if (!info.text.thumbnail_png.empty()) write_atomic(entry + ".png", info.text.thumbnail_png);
    write_atomic(entry + ".json", to_json(info.text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  });
  for (size_t i = 0; i < unique.size(); ++i) {
    const PdfRequest& r = *unique[i];
    PdfInfo& info = infos[i];
    (cached[i] ? lib.from_cache : lib.extracted) += 1;
    if (info.text.problem != Problem::none) {
      diags.warning(r.display_path, 0, 0, problem_message(info.text.problem) + "; the file is still published");
    } else if (info.text.encrypted) {
      diags.warning(r.display_path, 0, 0,
                    "encrypted PDF: some readers and search engines refuse it; publish it unencrypted");
    }
    if (info.text.truncated)
      diags.warning(r.display_path, 0, 0, "more text than search keeps: later pages are not searchable");
    if (!info.text.thumbnail_png.empty()) info.thumbnail_url = r.url + ".png";
    lib.by_url[r.url] = std::move(info);
  }
  lib.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return lib;
}

}  // namespace takao::pdf
