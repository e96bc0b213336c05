// The national rules for English road and area names (Ministry of the Interior): abbreviated suffixes
// with a full stop (Rd., St., Blvd., Ln., Aly., Sec., Dist.) and a capital first letter.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace takao {

// What is wrong with `english` as the name of `chinese`, or nullopt when it follows the rules. The suffix
// the Chinese asks for (路 -> Rd.) is checked for roads and districts only (`category` road, street,
// district, ... or empty): 園區 is a park, not a district.
std::optional<std::string> road_name_problem(std::string_view chinese, std::string_view english,
                                             std::string_view category);

}  // namespace takao
