// The theme's assets as published: every file at its own path (the ES modules' paths are an interface),
// plus a copy of each stylesheet and script under a content-hashed name that can be cached for a year,
// with its Subresource Integrity value for the integrity="" attribute.
#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/diagnostics.h"
#include "core/output_file.h"
#include "render/theme.h"

namespace takao {

struct PublishedAssets {
  OutputFiles files;
  // For templates, by asset_key: {"style_css": {"url": "/assets/style.1a2b3c4d5e.css",
  // "integrity": "sha384-...", "plain_url": "/assets/style.css"}, ...}; every asset has url and plain_url.
  nlohmann::json view = nlohmann::json::object();
};

// Reads every asset of the theme; unreadable files are errors naming them.
PublishedAssets publish_theme_assets(const Theme& theme, Diagnostics& diags);

// "sha384-" + base64 of the SHA-384 digest (the Subresource Integrity format).
std::string sri_sha384(std::string_view bytes);
// "takao-search.mjs" -> "takao_search_mjs" (mustache names cannot hold '.' or '-').
std::string asset_key(std::string_view relative_path);
// "style.css" + bytes -> "style.<10 hex digits of SHA-384>.css"; a name without extension gets the hash last.
std::string hashed_asset_name(std::string_view relative_path, std::string_view bytes);
// css, js and mjs get hashed copies.
bool is_hashed_asset(std::string_view relative_path);

}  // namespace takao
