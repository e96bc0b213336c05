#include "publish/assets.h"

#include <openssl/evp.h>

#include <array>
#include <fstream>
#include <sstream>

#include "core/text.h"

namespace takao {

namespace {

std::array<unsigned char, 48> sha384(std::string_view bytes) {
  std::array<unsigned char, 48> digest{};
  unsigned int len = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest.data(), &len, EVP_sha384(), nullptr);
  return digest;
}

std::string base64(const unsigned char* data, size_t size) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < size; i += 3) {
    uint32_t n = data[i] << 16;
    if (i + 1 < size) n |= data[i + 1] << 8;
    if (i + 2 < size) n |= data[i + 2];
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < size ? kAlphabet[(n >> 6) & 63] : '=';
    out += i + 2 < size ? kAlphabet[n & 63] : '=';
  }
  return out;
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return !in.bad();
}

}  // namespace

std::string sri_sha384(std::string_view bytes) {
  auto d = sha384(bytes);
  return "sha384-" + base64(d.data(), d.size());
}

std::string asset_key(std::string_view relative_path) {
  std::string key;
  for (char c : relative_path) key += (std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return key;
}

bool is_hashed_asset(std::string_view path) {
  return ends_with(path, ".css") || ends_with(path, ".js") || ends_with(path, ".mjs");
}

std::string hashed_asset_name(std::string_view path, std::string_view bytes) {
  auto d = sha384(bytes);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hash;
  for (size_t i = 0; i < 5; ++i) {
    hash += kHex[d[i] >> 4];
    hash += kHex[d[i] & 15];
  }
  size_t slash = path.rfind('/');
  size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return std::string(path) + "." + hash;
  return std::string(path.substr(0, dot)) + "." + hash + std::string(path.substr(dot));
}

PublishedAssets publish_theme_assets(const Theme& theme, Diagnostics& diags) {
  PublishedAssets out;
  for (const auto& rel : theme.assets) {
    std::string source = theme.dir + "/assets/" + rel;
    std::string bytes;
    if (!read_file(source, bytes)) {
      diags.error(source, 0, 0, "cannot read theme asset");
      continue;
    }
    nlohmann::json item = {{"url", "/assets/" + rel}, {"plain_url", "/assets/" + rel}, {"integrity", ""}};
    if (is_hashed_asset(rel)) {
      std::string hashed = hashed_asset_name(rel, bytes);
      item["url"] = "/assets/" + hashed;
      item["integrity"] = sri_sha384(bytes);
      out.files.push_back({"assets/" + hashed, bytes, ""});
    }
    out.view[asset_key(rel)] = item;
    out.files.push_back({"assets/" + rel, std::move(bytes), ""});
  }
  return out;
}

}  // namespace takao
