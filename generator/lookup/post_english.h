// English for the names of Chunghwa Post's tables, in the city's Tongyong Pinyin:
// - derived from the Post's Hanyu Pinyin syllable by syllable (光遠路 "Guangyuan Rd." -> "Guangyuan Rd.",
//   七賢一路 "Qixian 1st Rd." -> "Cisian 1st Rd."): the Han characters of the name fix how many
//   syllables the romanized words hold; suffixes, ordinals, directions, English words and the Post's
//   word order ("Xinyi Ln., Yancheng Central Rd.") are kept as written;
// - for names the Post's English table lacks, a machine romanization of the Chinese (ICU's reading of
//   each character, which may miss a polyphone), in the Post's style.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace takao {

// nullopt when a romanized word does not read as Hanyu syllables matching the name.
std::optional<std::string> tongyong_from_post_hanyu(std::string_view chinese, std::string_view hanyu_english);

// "仕隆路公館一巷" -> "Gongguan 1st Ln., Shihlong Rd."; nullopt when a character has no reading.
std::optional<std::string> machine_english(std::string_view chinese);

// The category of a name of the Post's table by its last characters: road (路, 段, 大道), street (街),
// lane (巷, 弄) or settlement (anything else: 聚落, 新村, buildings).
std::string post_name_category(std::string_view chinese);

// How many Chinese numeral characters write n (1 -> 一, 10 -> 十, 12 -> 十二, 29 -> 二十九, 100 -> 一百).
int chinese_numeral_length(int n);

}  // namespace takao
