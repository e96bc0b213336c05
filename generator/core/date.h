// Calendar dates of the content model (ISO YYYY-MM-DD) and how each language shows them:
// Chinese pages in the Republic of China era (2014 -> 民國103年) through ICU's ROC calendar, English Gregorian.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace takao {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  bool empty() const { return year == 0; }
  std::string iso() const;  // "2014-08-01"
  auto operator<=>(const Date&) const = default;
};

// Accepts exactly YYYY-MM-DD with a real day of a real month.
std::optional<Date> parse_iso_date(std::string_view text);

// "民國103年8月1日"
std::string format_date_zh(const Date& date);
// "1 August 2014"
std::string format_date_en(const Date& date);
// "民國103年" for a Gregorian year.
std::string format_year_zh(int year);
// "民國103年8月" / "August 2014"
std::string format_month_zh(const Date& date);
std::string format_month_en(const Date& date);

}  // namespace takao
