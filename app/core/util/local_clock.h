#pragma once
// The booth's wall clock in its local time zone (TZ): the one place that asks the C library for
// local time, so that the dashboard, the opening hours, the stats and the simulation agree on
// when a local day begins.
#include <cstdint>
#include <ctime>

#include "core/util/calendar_date.h"

namespace openday {

struct LocalTime {
  CalendarDate day;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int utc_offset_minutes = 0;  // China: +480

  int minute_of_day() const { return hour * 60 + minute; }
  int second_of_day() const { return minute_of_day() * 60 + second; }
};

// The broken-down local time of a UTC instant (for std::put_time), and the same as a LocalTime.
// The wall clock in UTC milliseconds, read with clock_gettime: std::chrono::system_clock counts
// nanoseconds in 64 bits and wraps after 2262-04-11 (a clock set that far stamped 1677).
std::int64_t wall_clock_ms();
std::int64_t milliseconds_of(const std::timespec& wall);

std::tm local_tm_at(std::int64_t utc_ms);
LocalTime local_time_at(std::int64_t utc_ms);
LocalTime local_time_now();
CalendarDate local_today();

// The UTC instant at which a local day begins (its 00:00, daylight saving time resolved).
std::int64_t local_midnight_ms(const CalendarDate& day);

}  // namespace openday
