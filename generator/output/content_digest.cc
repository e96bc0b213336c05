#include "output/content_digest.h"

#include <openssl/evp.h>

namespace takao {

struct DigestBuilder::Context {
  EVP_MD_CTX* md = EVP_MD_CTX_new();
  ~Context() { EVP_MD_CTX_free(md); }
};

DigestBuilder::DigestBuilder() : ctx_(std::make_unique<Context>()) { EVP_DigestInit_ex(ctx_->md, EVP_sha256(), nullptr); }
DigestBuilder::~DigestBuilder() = default;

DigestBuilder& DigestBuilder::add(std::string_view part) {
  uint64_t size = part.size();
  EVP_DigestUpdate(ctx_->md, &size, sizeof size);
  EVP_DigestUpdate(ctx_->md, part.data(), part.size());
  return *this;
}

Digest DigestBuilder::finish() {
  unsigned char full[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx_->md, full, &len);
  Digest d{};
  for (size_t i = 0; i < d.size() && i < len; ++i) d[i] = full[i];
  return d;
}

Digest digest_of(std::string_view bytes) { return DigestBuilder().add(bytes).finish(); }

std::string digest_hex(const Digest& d) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (uint8_t b : d) out += kHex[b >> 4], out += kHex[b & 15];
  return out;
}

}  // namespace takao
