// What the lookup index files hold and how keys are grouped into them; shared by the writer, the reader
// behind `takao lookup`, and (in JavaScript) takao-lookup.mjs.
//
//   lookup/manifest.json  fixed name, read first:
//     {"format":2, "fold":{"chars":"臺台鎮镇…" (pairs), "words":{"road":"rd",…}},
//      "places":[["高雄市","Kaohsiung City"],…], "districts":[[zh, en, zip3, [key,…]],…],
//      "entry_chunk":128, "entry_count":N, "derived_from":id|-1, "entry_files":[path,…],
//      "postal_files":[path|"" per entry chunk], "readings_file":path|"",
//      "key_files":[{"path":…, "groups":[group,…]},…]}
//   lookup/keys-<hash>.json  {"groups":{group:[start,end],…}, "keys":[…], "entries":[id,…], "kinds":"0152…"}
//     keys sorted by group, then key (code-point order), then kind, then entry id
//   lookup/entries-<hash>.json  {"entries":[[zh,en,category,district,url,source,districts,postcodes],…]}
//     for ids chunk*k .. (districts and postcodes ';'-separated)
//   lookup/postal-<hash>.json  {"ranges":{id:[[district index, zip, lane, alley, parity, kind, from n,
//     from sub, to n, to sub, floor min, floor max] | [district index, zip] (not judgeable),…]}}
//   lookup/readings-<hash>.json  {folded character: Tongyong syllable}
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace takao {

inline constexpr int kLookupFormat = 2;
inline constexpr const char* kLookupManifestPath = "lookup/manifest.json";

// The group of a folded key or query: its first two characters when both are [a-z0-9], else its first
// character. A query only ever reads the one key file holding its group.
std::string lookup_group(std::string_view folded);

// Cities and counties for addresses, Chinese as written and the English postal form.
const std::vector<std::pair<std::string, std::string>>& address_places();

}  // namespace takao
