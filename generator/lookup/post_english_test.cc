#include "lookup/post_english.h"

#include <gtest/gtest.h>

namespace takao {
namespace {

TEST(PostEnglish, TongyongSyllableBySyllable) {
  EXPECT_EQ(tongyong_from_post_hanyu("七賢一路", "Qixian 1st Rd."), "Cisian 1st Rd.");
  EXPECT_EQ(tongyong_from_post_hanyu("光遠路", "Guangyuan Rd."), "Guangyuan Rd.");
  EXPECT_EQ(tongyong_from_post_hanyu("中山二路", "Zhongshan 2nd Rd."), "Jhongshan 2nd Rd.");
  EXPECT_EQ(tongyong_from_post_hanyu("鳳山街", "Fengshan St."), "Fongshan St.");
  // The characters fix the split: xi'an (西安) is two syllables, xian (賢) one.
  EXPECT_EQ(tongyong_from_post_hanyu("西安街", "Xi'an St."), "Si'an St.");
  EXPECT_EQ(tongyong_from_post_hanyu("文安路東段", "Sec. E., Wen'an Rd."), "Sec. E., Wun'an Rd.");
  // The Post's word order and English words kept: 鹽埕中路信義巷.
  EXPECT_EQ(tongyong_from_post_hanyu("鹽埕中路信義巷", "Xinyi Ln., Yancheng Central Rd."), "Sinyi Ln., Yancheng Central Rd.");
  EXPECT_EQ(tongyong_from_post_hanyu("大學二十九路", "Daxue 29th Rd."), "Dasyue 29th Rd.");
  EXPECT_EQ(tongyong_from_post_hanyu("四維", "Siwei"), "Sihwei");
  EXPECT_EQ(tongyong_from_post_hanyu("中央市場甲", "Central Market A"), "Central Market A");
  // The Post's English words stay even where their letters spell syllables: 橫巷 is "Side Ln.", not "Sihde".
  EXPECT_EQ(tongyong_from_post_hanyu("三誠路一橫巷", "1st Side Ln., Sancheng Rd."), "1st Side Ln., Sancheng Rd.");
  EXPECT_EQ(tongyong_from_post_hanyu("中崙橫巷", "Zhonglun Side Ln."), "Jhonglun Side Ln.");
  EXPECT_EQ(tongyong_from_post_hanyu("四德巷", "Side Ln."), "Sihde Ln.");  // here the same letters are 四德
  EXPECT_EQ(tongyong_from_post_hanyu("英德橫巷", "Yingde Side Ln."), "Yingde Side Ln.");
  EXPECT_EQ(tongyong_from_post_hanyu("黃埔新村東一橫巷", "E. 1st Side Ln., Huangpu New Vil."), "E. 1st Side Ln., Huangpu New Vil.");
}

TEST(PostEnglish, MachineRomanization) {
  EXPECT_EQ(machine_english("仕隆路公館一巷"), "Gongguan 1st Ln., Shihlong Rd.");
  EXPECT_EQ(machine_english("托子北街"), "Tuozih N. St.");
  EXPECT_EQ(machine_english("中山路一段"), "Sec. 1, Jhongshan Rd.");
}

TEST(PostEnglish, Category) {
  EXPECT_EQ(post_name_category("光遠路"), "road");
  EXPECT_EQ(post_name_category("中山路一段"), "road");
  EXPECT_EQ(post_name_category("一心街"), "street");
  EXPECT_EQ(post_name_category("民裕巷"), "lane");
  EXPECT_EQ(post_name_category("三崁店"), "settlement");
}

TEST(PostEnglish, NumeralLength) {
  EXPECT_EQ(chinese_numeral_length(1), 1);
  EXPECT_EQ(chinese_numeral_length(10), 1);
  EXPECT_EQ(chinese_numeral_length(12), 2);
  EXPECT_EQ(chinese_numeral_length(20), 2);
  EXPECT_EQ(chinese_numeral_length(29), 3);
}

}  // namespace
}  // namespace takao
