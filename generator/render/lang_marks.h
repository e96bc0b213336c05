// What English pages need to speak English, or to say where they cannot (WCAG 2.1 SC 3.1.2, language of
// parts): which text is Chinese, and the English names of agencies that the editors keep in site.yaml.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/site.h"
#include "render/page_plan.h"

namespace takao {

// True when the text holds a Han character or CJK punctuation (、：「」…), i.e. must be read in a Chinese voice.
bool has_han(std::string_view text);

// The lang attribute a piece of text needs on a page: "zh-Hant" for Chinese text on an English page, ""
// (no attribute: the page's own language) otherwise.
std::string zh_mark(bool en, std::string_view text);

// A text cut into runs for a page: on an English page each stretch of Chinese (Han characters, with the
// spaces, digits and punctuation between two of them) is its own run marked "zh-Hant", the rest unmarked;
// on a Chinese page, one unmarked run. For text that mixes both, such as a citation of a Chinese report in
// an English style. Templates print {{#lang}}<span lang="{{lang}}">{{text}}</span>{{/lang}}{{^lang}}{{text}}{{/lang}}.
struct LangRun {
  std::string text;
  std::string lang;
};
std::vector<LangRun> lang_runs(bool en, std::string_view text);
// The same runs for a view: [{"text": ..., "lang": ...}].
nlohmann::json lang_runs_view(bool en, std::string_view text);

// An English body's HTML with each Chinese run of its text (not of its tags or attributes) wrapped in
// <span lang="zh-Hant">: editors write 七賢一路 into English prose; a screen reader must switch voice for it.
// The HTML is cmark-gfm's (no raw HTML, so every '<' opens a tag); returned unchanged without Han text.
std::string mark_chinese_in_html(std::string_view html);

// An agency's name on a page: on English pages the official English name from site.yaml's `agencies` map
// (中文名稱: English name) when the editors gave one, otherwise the name as written.
std::string agency_name(const Site& site, const std::string& name, bool en);

// The agency index of an English page (one page, not split): the agencies in the order of the names it
// shows (English where given), grouped by their first letter; Chinese names left follow in stroke order.
std::vector<IndexBucket> english_agency_buckets(const Site& site, const std::vector<IndexTerm>& terms);

// How English pages join a list of names (", ") and Chinese pages ("、").
inline const char* list_separator(bool en) { return en ? ", " : "、"; }

}  // namespace takao
