#include "core/util/local_clock.h"

#include <chrono>

namespace openday {

std::tm local_tm_at(std::int64_t utc_ms) {
  const std::time_t seconds = static_cast<std::time_t>(utc_ms / 1000);
  std::tm local{};
  localtime_r(&seconds, &local);
  return local;
}

LocalTime local_time_at(std::int64_t utc_ms) {
  const std::tm local = local_tm_at(utc_ms);
  return {{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday},
          local.tm_hour,
          local.tm_min,
          local.tm_sec,
          static_cast<int>(local.tm_gmtoff / 60)};
}

std::int64_t milliseconds_of(const std::timespec& wall) {
  return static_cast<std::int64_t>(wall.tv_sec) * 1000 + static_cast<std::int64_t>(wall.tv_nsec) / 1'000'000;
}

std::int64_t wall_clock_ms() {
  std::timespec wall{};
  clock_gettime(CLOCK_REALTIME, &wall);
  return milliseconds_of(wall);
}

LocalTime local_time_now() { return local_time_at(wall_clock_ms()); }

CalendarDate local_today() { return local_time_now().day; }

std::int64_t local_midnight_ms(const CalendarDate& day) {
  std::tm local{};
  local.tm_year = day.year - 1900;
  local.tm_mon = day.month - 1;
  local.tm_mday = day.day;
  local.tm_isdst = -1;
  return static_cast<std::int64_t>(std::mktime(&local)) * 1000;
}

}  // namespace openday
