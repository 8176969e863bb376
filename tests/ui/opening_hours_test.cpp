// booth.hours: outside the opening hours the attract screen shows 今日活动时间 and a touch starts
// no visitor session (staff can still get in); inside them it starts one as always.
#include <gtest/gtest.h>

#include "core/booth/opening_hours.h"
#include "support/headless_kiosk.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

// An hour that is not now (twelve hours away), so the booth is closed whatever the clock says.
OpeningHours hours_excluding_now() {
  const int now = local_minute_of_day();
  const int start = now < 12 * 60 ? 18 * 60 : 6 * 60;
  return OpeningHours{start, start + 60};
}

Config config_with_hours(OpeningHours hours) {
  Config config;
  config.hours = hours;
  return config;
}

TEST(OpeningHoursKiosk, OutsideTheHoursATouchStartsNoSession) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "attract", config_with_hours(hours_excluding_now()));
  kiosk.frame();
  EXPECT_TRUE(kiosk.has_target("attract.closed"));
  EXPECT_FALSE(kiosk.has_target("attract.start"));
  kiosk.tap_at(ImVec2(960, 540));
  kiosk.wait(1);
  EXPECT_EQ(kiosk.route(), "attract");
  EXPECT_TRUE(kiosk.events().of_type(EventType::SessionStart).empty());
  EXPECT_TRUE(kiosk.events().of_type(EventType::Tap).empty());
}

TEST(OpeningHoursKiosk, OutsideTheHoursStaffStillGetInThroughTheCorner) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "attract", config_with_hours(hours_excluding_now()));
  kiosk.frame();
  const ImVec2 corner(20, 1080 - 20);
  kiosk.drag(corner, corner, static_cast<int>(3.2 / HeadlessKiosk::kFrameSeconds));
  EXPECT_EQ(kiosk.route(), "staff/pin");
  EXPECT_TRUE(kiosk.events().of_type(EventType::SessionStart).empty());
}

TEST(OpeningHoursKiosk, InsideTheHoursATouchStartsASession) {
  HeadlessKiosk kiosk(ImVec2(1080, 1920), "attract", config_with_hours(OpeningHours{0, 24 * 60}));
  kiosk.frame();
  EXPECT_FALSE(kiosk.has_target("attract.closed"));
  kiosk.tap("attract.start");
  EXPECT_EQ(kiosk.route(), "home");
  EXPECT_EQ(kiosk.events().of_type(EventType::SessionStart).size(), 1u);
}

}  // namespace
}  // namespace openday
