// A synthetic content folder of any size, generated in the test (nothing big is committed, and CI needs
// nothing outside the clone): journal issues with articles, reports, pages and a glossary table.
#pragma once
#include <filesystem>
#include <string>

namespace hostile {

// Writes a complete, valid content folder with `articles` articles (10 per issue) and as many reports.
// `variant` appears in every body, so two variants give two sites that differ in every page.
void write_corpus(const std::filesystem::path& content, int articles, const std::string& variant);

}  // namespace hostile
