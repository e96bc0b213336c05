#include "core/date.h"

#include <unicode/calendar.h>
#include <unicode/smpdtfmt.h>

#include <cstdio>
#include <map>
#include <memory>

namespace takao {

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  auto num = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) v = v * 10 + (text[i] - '0');
    return v;
  };
  Date d{num(0, 4), num(5, 2), num(8, 2)};
  static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.year < 1 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > days[d.month - 1]) return std::nullopt;
  bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  if (d.month == 2 && d.day == 29 && !leap) return std::nullopt;
  return d;
}

namespace {

// Formats through ICU with the Republic of China calendar. Building a SimpleDateFormat costs far more than
// formatting and takes ICU's global service lock, so each thread keeps one formatter per pattern and a memo
// of what it formatted (a site has few distinct dates).
std::string format_roc(const Date& date, const char* pattern) {
  struct Formatter {
    std::unique_ptr<icu::SimpleDateFormat> roc;
    std::unique_ptr<icu::Calendar> gregorian;
    std::map<Date, std::string> memo;
  };
  thread_local std::map<std::string, Formatter> formatters;
  Formatter& f = formatters[pattern];
  if (auto it = f.memo.find(date); it != f.memo.end()) return it->second;
  UErrorCode status = U_ZERO_ERROR;
  if (!f.roc) {
    icu::Locale locale("zh_TW@calendar=roc");
    f.roc = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString::fromUTF8(pattern), locale, status);
    f.roc->adoptCalendar(icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), locale, status));
    f.gregorian.reset(icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(),
                                                    icu::Locale("en_US@calendar=gregorian"), status));
    if (U_FAILURE(status)) {
      f.roc.reset();
      return date.iso();
    }
  }
  f.gregorian->clear();
  f.gregorian->set(date.year, date.month - 1, date.day == 0 ? 1 : date.day, 12, 0, 0);
  UDate when = f.gregorian->getTime(status);
  icu::UnicodeString out;
  f.roc->format(when, out);
  std::string utf8;
  out.toUTF8String(utf8);
  if (U_FAILURE(status)) utf8 = date.iso();
  f.memo.emplace(date, utf8);
  return utf8;
}

const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                         "July",    "August",   "September", "October", "November", "December"};

}  // namespace

std::string format_date_zh(const Date& date) { return format_roc(date, "Gy年M月d日"); }
std::string format_month_zh(const Date& date) { return format_roc(date, "Gy年M月"); }
std::string format_year_zh(int year) { return format_roc(Date{year, 7, 1}, "Gy年"); }

std::string format_date_en(const Date& date) {
  return std::to_string(date.day) + " " + kMonths[date.month - 1] + " " + std::to_string(date.year);
}

std::string format_month_en(const Date& date) { return std::string(kMonths[date.month - 1]) + " " + std::to_string(date.year); }

}  // namespace takao
