// The one local clock: the day, the time of day and the offset of a UTC instant in the booth's
// time zone, and where a local day begins.
#include "core/util/local_clock.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

namespace openday {
namespace {

// Each test sets TZ itself (use_zone); the zone the process had comes back after it.
class LocalClock : public testing::Test {
 protected:
  void SetUp() override {
    const char* tz = std::getenv("TZ");
    saved_ = tz ? std::optional<std::string>(tz) : std::nullopt;
  }
  void TearDown() override {
    if (saved_) setenv("TZ", saved_->c_str(), 1);
    else unsetenv("TZ");
    tzset();
  }
  static void use_zone(const char* tz) {
    setenv("TZ", tz, 1);
    tzset();
  }

 private:
  std::optional<std::string> saved_;
};

constexpr std::int64_t kHourMs = 3600 * 1000;
// 2026-05-15 00:00:00 UTC.
constexpr std::int64_t kMay15Utc = 1'778'803'200'000;

TEST_F(LocalClock, ReadsTheDayAndTimeInTheBoothsZone) {
  use_zone("Asia/Shanghai");
  // 23:30 UTC on 14 May is 07:30:15 on 15 May in China.
  const LocalTime t = local_time_at(kMay15Utc - kHourMs / 2 + 15'000);
  EXPECT_EQ(t.day, (CalendarDate{2026, 5, 15}));
  EXPECT_EQ(t.hour, 7);
  EXPECT_EQ(t.minute, 30);
  EXPECT_EQ(t.second, 15);
  EXPECT_EQ(t.utc_offset_minutes, 480);
  EXPECT_EQ(t.minute_of_day(), 7 * 60 + 30);
  EXPECT_EQ(t.second_of_day(), (7 * 60 + 30) * 60 + 15);
  const std::tm tm = local_tm_at(kMay15Utc - kHourMs / 2 + 15'000);
  EXPECT_EQ(tm.tm_hour, 7);
  EXPECT_EQ(tm.tm_mday, 15);
}

TEST_F(LocalClock, TheSameInstantIsAnotherDayInAnotherZone) {
  use_zone("UTC");
  const LocalTime t = local_time_at(kMay15Utc - kHourMs / 2);
  EXPECT_EQ(t.day, (CalendarDate{2026, 5, 14}));
  EXPECT_EQ(t.hour, 23);
  EXPECT_EQ(t.utc_offset_minutes, 0);
}

TEST_F(LocalClock, ALocalDayBeginsAtItsLocalMidnight) {
  use_zone("Asia/Shanghai");
  EXPECT_EQ(local_midnight_ms({2026, 5, 15}), kMay15Utc - 8 * kHourMs);
  const LocalTime midnight = local_time_at(local_midnight_ms({2026, 5, 15}));
  EXPECT_EQ(midnight.day, (CalendarDate{2026, 5, 15}));
  EXPECT_EQ(midnight.second_of_day(), 0);
  // Daylight saving time: 8 March 2026 begins at 05:00 UTC in New York.
  use_zone("America/New_York");
  EXPECT_EQ(local_midnight_ms({2026, 3, 8}), 1'772'946'000'000);
}

// A clock set past 2262-04-11 stamped redemptions 1677 (issue 33): std::chrono::system_clock's
// 64-bit nanoseconds wrap there; the wall clock is read in seconds and nanoseconds instead.
TEST_F(LocalClock, TheWallClockPast2262DoesNotWrap) {
  use_zone("UTC");
  const std::timespec year_2300{10'413'792'000, 500'000'000};  // 2300-01-01 00:00:00.5 UTC
  const std::int64_t ms = milliseconds_of(year_2300);
  EXPECT_EQ(ms, 10'413'792'000'500);
  EXPECT_EQ(local_time_at(ms).day, (CalendarDate{2300, 1, 1}));
  const std::int64_t now = wall_clock_ms();
  EXPECT_GT(now, 1'767'225'600'000) << "after 2026-01-01";
  EXPECT_LT(now, 4'102'444'800'000) << "before 2100-01-01";
}

TEST_F(LocalClock, TodayIsTheDayOfNow) {
  const LocalTime before = local_time_now();
  const CalendarDate today = local_today();
  const LocalTime after = local_time_now();
  EXPECT_TRUE(today == before.day || today == after.day);
}

}  // namespace
}  // namespace openday
