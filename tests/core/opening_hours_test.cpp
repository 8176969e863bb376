// booth.hours: "HH:MM-HH:MM", opening before closing, read from the config with errors naming the key.
#include "core/booth/opening_hours.h"

#include <gtest/gtest.h>

#include "core/booth/config.h"

namespace openday {
namespace {

TEST(OpeningHoursParse, AcceptsOpeningBeforeClosingOnly) {
  EXPECT_EQ(parse_opening_hours("08:30-17:00"), (OpeningHours{8 * 60 + 30, 17 * 60}));
  EXPECT_EQ(parse_opening_hours("00:00-24:00"), (OpeningHours{0, 24 * 60}));
  EXPECT_EQ(format_opening_hours(OpeningHours{8 * 60 + 30, 17 * 60}), "08:30-17:00");
  for (const char* bad : {"", "8:30-17:00", "08:30", "17:00-08:30", "08:30-08:30", "08:60-17:00", "25:00-26:00", "08:30 - 17:00", "ab:cd-ef:gh"})
    EXPECT_FALSE(parse_opening_hours(bad)) << bad;
  const OpeningHours day{8 * 60 + 30, 17 * 60};
  EXPECT_FALSE(is_open_at(day, 8 * 60 + 29));
  EXPECT_TRUE(is_open_at(day, 8 * 60 + 30));
  EXPECT_TRUE(is_open_at(day, 16 * 60 + 59));
  EXPECT_FALSE(is_open_at(day, 17 * 60));
}

TEST(OpeningHoursConfig, TheKeyIsReadAndBadValuesNameIt) {
  const auto good = parse_config_text("[booth]\nhours = \"08:30-17:00\"\n", "booth.toml");
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good.config.hours, (OpeningHours{8 * 60 + 30, 17 * 60}));
  EXPECT_FALSE(parse_config_text("[booth]\n", "booth.toml").config.hours) << "absent: always open";
  const auto bad = parse_config_text("[booth]\nhours = \"17:00-08:30\"\n", "booth.toml");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.problems.front().key, "booth.hours");
  EXPECT_EQ(bad.problems.front().line, 2);
}

}  // namespace
}  // namespace openday
