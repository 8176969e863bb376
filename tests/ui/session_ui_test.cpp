// Visitor sessions as the kiosk drives them: wake, the idle question, continue, timeout, done,
// and what each logs.
#include <gtest/gtest.h>

#include "core/reports/stats.h"
#include "support/headless_kiosk.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

Config short_timeouts() {
  Config config;
  config.idle_timeout_seconds = 20;
  config.idle_warning_seconds = 8;
  return config;
}

TEST(SessionUi, TheWakingTouchStartsASessionAndLogsTheHomeView) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "attract", short_timeouts());
  EXPECT_TRUE(kiosk.events().of_type(EventType::SessionStart).empty());
  kiosk.tap_at(ImVec2(960, 900));
  ASSERT_EQ(kiosk.events().of_type(EventType::SessionStart).size(), 1u);
  const auto views = kiosk.events().of_type(EventType::ScreenView);
  ASSERT_FALSE(views.empty());
  EXPECT_EQ(views.back().screen, "home");
  EXPECT_EQ(views.back().session, kiosk.kiosk().sessions().current_session());
  EXPECT_NE(views.back().session, 0);
}

TEST(SessionUi, IdleQuestionAppearsAndContinueKeepsTheVisitorWhereTheyWere) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "attract", short_timeouts());
  kiosk.tap_at(ImVec2(960, 900));
  kiosk.wait(0.5);
  kiosk.tap("home.quiz");
  ASSERT_EQ(kiosk.route(), "quiz");
  kiosk.wait(21);
  ASSERT_TRUE(kiosk.has_target("idle.continue")) << "the idle question is not on screen after the timeout";
  EXPECT_EQ(kiosk.events().of_type(EventType::IdleWarning).size(), 1u);
  // While the question is up, the screen beneath does not react.
  kiosk.tap("topbar.home");
  EXPECT_EQ(kiosk.route(), "quiz");
  EXPECT_EQ(kiosk.events().of_type(EventType::SessionContinued).size(), 1u) << "any touch answers the question";
  kiosk.wait(21);
  ASSERT_TRUE(kiosk.has_target("idle.continue"));
  kiosk.tap("idle.continue");
  EXPECT_FALSE(kiosk.has_target("idle.continue"));
  EXPECT_EQ(kiosk.route(), "quiz");
  EXPECT_EQ(kiosk.events().of_type(EventType::SessionContinued).size(), 2u);
  EXPECT_TRUE(kiosk.events().of_type(EventType::SessionEnd).empty());
}

TEST(SessionUi, TimeoutEndsTheSessionWithDwellUpToTheLastTouch) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "attract", short_timeouts());
  kiosk.tap_at(ImVec2(960, 900));
  const double woke_at = kiosk.now();
  kiosk.wait(3);
  kiosk.tap("home.disclosure");
  const double last_touch = kiosk.now();
  kiosk.wait(40);
  EXPECT_EQ(kiosk.route(), "attract");
  const auto ends = kiosk.events().of_type(EventType::SessionEnd);
  ASSERT_EQ(ends.size(), 1u);
  EXPECT_EQ(ends[0].target, "timeout");
  ASSERT_TRUE(ends[0].value);
  EXPECT_NEAR(static_cast<double>(*ends[0].value) / 1000.0, last_touch - woke_at, 0.2);
  EXPECT_EQ(ends[0].count, 1);
}

TEST(SessionUi, EndSessionButtonEndsAtOnceAsDone) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "attract", short_timeouts());
  kiosk.tap_at(ImVec2(960, 900));
  kiosk.wait(0.5);
  kiosk.tap("topbar.large_text");
  kiosk.wait(0.5);
  kiosk.tap("topbar.end_session");
  ASSERT_EQ(kiosk.route(), "rating") << "结束使用 asks for the rating first (issue 15)";
  EXPECT_TRUE(kiosk.kiosk().large_text()) << "the rating is asked in the visitor's own text size";
  EXPECT_TRUE(kiosk.events().of_type(EventType::SessionEnd).empty());
  kiosk.wait(0.5);
  kiosk.tap("rating.skip");
  EXPECT_EQ(kiosk.route(), "attract");
  EXPECT_FALSE(kiosk.kiosk().large_text());
  const auto ends = kiosk.events().of_type(EventType::SessionEnd);
  ASSERT_EQ(ends.size(), 1u);
  EXPECT_EQ(ends[0].target, "done");
  // The taps were logged with their ids, and the text size change too.
  bool tapped_large_text = false;
  for (const Event& tap : kiosk.events().of_type(EventType::Tap)) tapped_large_text |= tap.target == "topbar.large_text";
  EXPECT_TRUE(tapped_large_text);
  EXPECT_FALSE(kiosk.events().of_type(EventType::TextSize).empty());
}

TEST(SessionUi, WakeAndLeaveIsASessionWithNoTouches) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "attract", short_timeouts());
  kiosk.tap_at(ImVec2(960, 900));
  kiosk.wait(40);
  const auto ends = kiosk.events().of_type(EventType::SessionEnd);
  ASSERT_EQ(ends.size(), 1u);
  EXPECT_EQ(ends[0].count, 0);
}

}  // namespace
}  // namespace openday

namespace openday {
namespace {

// The waking touch starts the session; it is not an interaction, or every session would
// look engaged and none "woke and left" in the counts staff report.
TEST(SessionUi, AWakeWithoutAnotherTouchCountsAsWokeAndLeft) {
  Config config;
  config.idle_timeout_seconds = 20;
  config.idle_warning_seconds = 8;
  testing::HeadlessKiosk kiosk(ImVec2(1920, 1080), "attract", config);
  kiosk.tap_at(ImVec2(960, 900));
  kiosk.wait(40);
  ASSERT_EQ(kiosk.route(), "attract");
  kiosk.wait(1);
  kiosk.tap_at(ImVec2(960, 900));
  kiosk.wait(1);
  kiosk.tap("home.quiz");
  kiosk.log().flush();
  const DayStats stats = compute_day_stats(kiosk.db_path(), local_today());
  EXPECT_EQ(stats.sessions, 2);
  EXPECT_EQ(stats.woke_and_left_sessions, 1);
  EXPECT_EQ(stats.engaged_sessions, 1);
  EXPECT_EQ(stats.interactions, 1) << "only home.quiz";
}

}  // namespace
}  // namespace openday
