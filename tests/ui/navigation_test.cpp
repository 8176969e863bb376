// The router, the top bar and the tap rules, driven through real screens.
#include <gtest/gtest.h>

#include <cfloat>

#include "support/headless_kiosk.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

TEST(Navigation, TouchAnywhereOnAttractOpensHome) {
  HeadlessKiosk kiosk;
  ASSERT_EQ(kiosk.route(), "attract");
  kiosk.tap_at(ImVec2(1700, 950));  // a corner far from any drawn text
  EXPECT_EQ(kiosk.route(), "home");
}

TEST(Navigation, HomeEntrancesOpenTheirSectionsAndBackReturns) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  kiosk.tap("home.disclosure");
  EXPECT_EQ(kiosk.route(), "departments");
  kiosk.wait(0.5);
  kiosk.tap("topbar.back");
  EXPECT_EQ(kiosk.route(), "home");
  kiosk.wait(0.5);
  kiosk.tap("home.quiz");
  EXPECT_EQ(kiosk.route(), "quiz");
  kiosk.wait(0.5);
  kiosk.tap("topbar.home");
  EXPECT_EQ(kiosk.route(), "home");
  EXPECT_EQ(kiosk.kiosk().router().depth(), 1u);
}

TEST(Navigation, HomeHasNoBackButtonButEverySectionHasBackAndHomeInTheSamePlace) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  EXPECT_FALSE(kiosk.has_target("topbar.back"));
  kiosk.tap("home.disclosure");
  kiosk.wait(0.5);
  const ImVec2 back_in_disclosure = kiosk.center_of("topbar.back");
  kiosk.tap("topbar.home");
  kiosk.wait(0.5);
  kiosk.tap("home.quiz");
  kiosk.wait(0.5);
  EXPECT_EQ(kiosk.center_of("topbar.back").x, back_in_disclosure.x);
  EXPECT_EQ(kiosk.center_of("topbar.back").y, back_in_disclosure.y);
}

TEST(Navigation, SecondTapOfADoubleTapDoesNotPressWhatAppearsUnderIt) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  kiosk.tap("home.quiz");
  ASSERT_EQ(kiosk.route(), "quiz");
  // Within the guard time, a tap on the next screen's button does nothing...
  kiosk.tap("quiz.start");
  EXPECT_EQ(kiosk.route(), "quiz");
  // ...and after it, the same tap works.
  kiosk.wait(0.5);
  kiosk.tap("quiz.start");
  EXPECT_EQ(kiosk.route(), "quiz/question");
}

TEST(Navigation, ADoubleTapOnOneButtonCountsOnce) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  kiosk.tap("topbar.large_text");
  kiosk.tap("topbar.large_text");
  EXPECT_TRUE(kiosk.kiosk().large_text()) << "the second tap of a double tap toggled it back";
  kiosk.wait(0.5);
  kiosk.tap("topbar.large_text");
  EXPECT_FALSE(kiosk.kiosk().large_text());
}

TEST(Navigation, ADragThatLeavesAButtonDoesNotPressIt) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  const ImVec2 start = kiosk.center_of("home.disclosure");
  kiosk.drag(start, ImVec2(start.x, 60), 20);
  EXPECT_EQ(kiosk.route(), "home");
}

TEST(Navigation, NoPhantomHoverAfterTheFingerLifts) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  const ImVec2 where = kiosk.center_of("home.quiz");
  kiosk.tap_at(where);
  kiosk.wait(0.5);
  kiosk.tap("topbar.back");
  ASSERT_EQ(kiosk.route(), "home");
  // The finger lifted over home.quiz's spot; the next frames must not see a pointer there.
  ImGui::GetIO().MousePos = where;
  kiosk.frame();
  EXPECT_FALSE(ImGui::IsMousePosValid());
  EXPECT_FALSE(ImGui::IsAnyItemHovered());
}

TEST(Navigation, LargeTextStaysAcrossScreensUntilTheVisitorLeaves) {
  Config config;
  config.idle_timeout_seconds = 20;
  config.idle_warning_seconds = 5;
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home", config);
  kiosk.tap("topbar.large_text");
  ASSERT_TRUE(kiosk.kiosk().large_text());
  kiosk.wait(0.5);
  kiosk.tap("home.disclosure");
  EXPECT_TRUE(kiosk.kiosk().large_text());
  kiosk.wait(0.5);
  kiosk.tap("topbar.home");
  EXPECT_TRUE(kiosk.kiosk().large_text());
  kiosk.wait(26);
  EXPECT_EQ(kiosk.route(), "attract");
  EXPECT_FALSE(kiosk.kiosk().large_text());
}

TEST(Navigation, IdleKioskReturnsToAttractOnlyAfterTimeoutAndWarning) {
  Config config;
  config.idle_timeout_seconds = 30;
  config.idle_warning_seconds = 10;
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "attract", config);
  kiosk.tap_at(ImVec2(960, 900));
  ASSERT_EQ(kiosk.route(), "home");
  kiosk.wait(39);
  EXPECT_EQ(kiosk.route(), "home");
  kiosk.wait(2);
  EXPECT_EQ(kiosk.route(), "attract");
}

TEST(Navigation, AttractAnimatesSlowlyAndStaticScreensSleep) {
  HeadlessKiosk kiosk;
  // The first frames settle the layout (a new screen draws until two frames agree) and poll the
  // start's background reads (more polls on a busy machine: each waits 10 ms of real time); a
  // few, not a stream: the drift must not keep it from sleeping (a stream draws up to the cap).
  EXPECT_LT(kiosk.run_until_idle(), 20);
  const double due = kiosk.kiosk().seconds_until_next_frame(kiosk.now());
  EXPECT_GT(due, 0.2) << "the attract screen should not render at full frame rate";
  EXPECT_LE(due, 2.0) << "the attract screen should keep drifting";
  kiosk.tap_at(ImVec2(960, 900));
  kiosk.wait(1);
  // On home nothing moves: the next frame is due only for the idle timeout.
  EXPECT_GT(kiosk.kiosk().seconds_until_next_frame(kiosk.now()), 30.0);
}

}  // namespace
}  // namespace openday

namespace openday {
namespace {

TEST(Navigation, AScreenChangeWithoutATouchIsDrawnAtOnce) {
  testing::HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  kiosk.wait(1);
  ASSERT_GT(kiosk.kiosk().seconds_until_next_frame(kiosk.now()), 1.0);
  // Something other than a tap changes the screen (as a finished PIN check does).
  kiosk.kiosk().router().push("departments");
  kiosk.frame();
  ASSERT_EQ(kiosk.route(), "departments");
  EXPECT_EQ(kiosk.kiosk().seconds_until_next_frame(kiosk.now()), 0.0) << "the new screen would wait for the next touch";
}

}  // namespace
}  // namespace openday
