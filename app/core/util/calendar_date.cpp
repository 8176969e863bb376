#include "core/util/calendar_date.h"

#include <chrono>
#include <cstdio>

namespace openday {
namespace {

std::chrono::year_month_day to_chrono(const CalendarDate& date) {
  return std::chrono::year{date.year} / std::chrono::month{static_cast<unsigned>(date.month)} /
         std::chrono::day{static_cast<unsigned>(date.day)};
}

// Two to four ASCII digits at text[pos, pos + len), or -1.
int digits(std::string_view text, std::size_t pos, std::size_t len) {
  int value = 0;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<CalendarDate> parse_calendar_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const CalendarDate date{digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2)};
  if (date.year < 2000 || date.year > 2999 || date.month < 1 || date.day < 1) return std::nullopt;
  if (!to_chrono(date).ok()) return std::nullopt;
  return date;
}

std::string format_calendar_date(const CalendarDate& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

std::int64_t day_number(const CalendarDate& date) {
  return std::chrono::sys_days{to_chrono(date)}.time_since_epoch().count();
}

CalendarDate date_of_day_number(std::int64_t days) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace openday
