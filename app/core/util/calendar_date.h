#pragma once
// A calendar day as the config and the content write it (YYYY-MM-DD), and the day numbers the
// reports count in. Built on std::chrono's calendar types, which know the leap years.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace openday {

struct CalendarDate {
  int year = 2026;
  int month = 5;
  int day = 15;
  friend bool operator==(const CalendarDate&, const CalendarDate&) = default;
};

// Parses YYYY-MM-DD (years 2000-2999) and checks it is a real calendar day.
std::optional<CalendarDate> parse_calendar_date(std::string_view text);
std::string format_calendar_date(const CalendarDate& date);

// Days since 1970-01-01, and back.
std::int64_t day_number(const CalendarDate& date);
CalendarDate date_of_day_number(std::int64_t days);

}  // namespace openday
