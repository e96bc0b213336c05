#include "publish/compress.h"

#include <brotli/decode.h>
#include <gtest/gtest.h>
#include <zlib.h>

namespace takao {
namespace {

std::string gunzip(const std::string& in) {
  z_stream zs{};
  inflateInit2(&zs, 15 + 16);
  std::string out(1 << 20, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = in.size();
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = out.size();
  int rc = inflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  inflateEnd(&zs);
  return rc == Z_STREAM_END ? out : "<corrupt>";
}

std::string unbrotli(const std::string& in) {
  std::string out(1 << 20, '\0');
  size_t size = out.size();
  if (BrotliDecoderDecompress(in.size(), reinterpret_cast<const uint8_t*>(in.data()), &size,
                              reinterpret_cast<uint8_t*>(out.data())) != BROTLI_DECODER_RESULT_SUCCESS) {
    return "<corrupt>";
  }
  out.resize(size);
  return out;
}

std::string sample_page() {
  std::string html = "<!DOCTYPE html><html lang=\"zh-Hant\"><body>";
  for (int i = 0; i < 500; ++i) html += "<p>高雄市政府研究發展考核委員會 第" + std::to_string(i) + "期</p>\n";
  return html + "</body></html>";
}

TEST(Compress, GzipRoundTripsAndIsSmaller) {
  std::string page = sample_page();
  std::string gz = gzip_compress(page);
  EXPECT_LT(gz.size(), page.size() / 4);
  EXPECT_EQ(gunzip(gz), page);
}

TEST(Compress, GzipHeaderHasNoTimeStampOrName) {
  std::string gz = gzip_compress("text");
  ASSERT_GE(gz.size(), 10u);
  EXPECT_EQ(static_cast<unsigned char>(gz[0]), 0x1f);
  EXPECT_EQ(static_cast<unsigned char>(gz[1]), 0x8b);
  EXPECT_EQ(gz[3] & 0x08, 0) << "FNAME set";
  EXPECT_EQ(gz.substr(4, 4), std::string(4, '\0')) << "MTIME set: output would differ between builds";
  EXPECT_EQ(gzip_compress("text"), gz);
}

TEST(Compress, BrotliRoundTripsSmallAndLargeInputs) {
  std::string page = sample_page();
  std::string big;
  while (big.size() < 300000) big += page;  // beyond the 64 KiB window of page-sized inputs
  for (const std::string* input : {&page, &big}) {
    std::string br = brotli_compress(*input);
    EXPECT_LT(br.size(), input->size() / 4);
    EXPECT_EQ(unbrotli(br), *input);
    EXPECT_EQ(brotli_compress(*input), br);
  }
  EXPECT_EQ(unbrotli(brotli_compress("")), "");
}

TEST(Compress, OnlyTextFilesGetTwins) {
  for (const char* p : {"index.html", "assets/style.css", "assets/takao-search.mjs", "sitemap.xml", "journal/feed.atom",
                        "robots.txt", "glossary/glossary.csv", "lookup/entries-1.json", "a.svg"}) {
    EXPECT_TRUE(is_compressible(p)) << p;
  }
  for (const char* p : {"journal/017/02.pdf", "search/v-1/r/0.bin", "cover.png", "html", "x.gz", "x.br", "journal/017/01-a/cite.json",
                        "journal/017/01-a/cite.bib"}) {
    EXPECT_FALSE(is_compressible(p)) << p;
  }
  auto twins = compressed_twins("a/index.html", "<p>x</p>");
  ASSERT_EQ(twins.size(), 2u);
  EXPECT_EQ(twins[0].path, "a/index.html.gz");
  EXPECT_EQ(twins[1].path, "a/index.html.br");
  EXPECT_EQ(gunzip(twins[0].bytes), "<p>x</p>");
  EXPECT_EQ(unbrotli(twins[1].bytes), "<p>x</p>");
  EXPECT_TRUE(compressed_twins("a.pdf", "%PDF").empty());
}

}  // namespace
}  // namespace takao
