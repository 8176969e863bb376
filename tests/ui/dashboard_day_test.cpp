// The staff dashboard's day: recomputed when the booth's local date changes while it is open,
// calm empty states instead of rows of zeros, whole quiz questions; and the 大字 switch, whose
// label never changes while a badge shows the state it has set.
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <string>

#include "core/booth/config.h"
#include "core/reports/stats.h"
#include "core/content/ui_text.h"
#include "support/headless_kiosk.h"
#include "ui/drawn_text.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

bool shows(std::string_view text) { return testing::drawn_text().find(testing::without_spaces(text)) != std::string::npos; }

// Sets the process time zone (POSIX TZ: "UTC-14" is fourteen hours ahead of UTC) and puts the
// old one back at the end. Nothing else may run meanwhile: set it only while the kiosk's
// background work is idle.
class TimeZone {
 public:
  explicit TimeZone(const char* tz) {
    if (const char* old = std::getenv("TZ")) old_ = old;
    set(tz);
  }
  ~TimeZone() {
    if (old_) set(old_->c_str());
    else {
      unsetenv("TZ");
      tzset();
    }
  }
  static void set(const char* tz) {
    setenv("TZ", tz, 1);
    tzset();
  }

 private:
  std::optional<std::string> old_;
};

void settle_dashboard(HeadlessKiosk& kiosk) {
  for (int i = 0; i < 5; ++i) {
    kiosk.kiosk().service().wait();
    kiosk.wait(1.1);
  }
}

TEST(DashboardDay, TodaysFiguresAreRecomputedWhenTheLocalDateChanges) {
  TimeZone zone("UTC-14");
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "staff/dashboard");
  settle_dashboard(kiosk);
  ASSERT_TRUE(kiosk.kiosk().service().dashboard());
  const std::string first_day = kiosk.kiosk().service().dashboard()->today.from;
  EXPECT_EQ(first_day, format_calendar_date(local_today()));
  kiosk.log().flush();
  // Midnight passes: 26 hours west, the local date is another one whatever the time of day.
  TimeZone::set("UTC+12");
  const std::string new_day = format_calendar_date(local_today());
  ASSERT_NE(new_day, first_day);
  kiosk.frame();
  EXPECT_FALSE(shows(tr(Text::TileSessions))) << "yesterday's figures are not shown as today's";
  settle_dashboard(kiosk);
  ASSERT_TRUE(kiosk.kiosk().service().dashboard());
  EXPECT_EQ(kiosk.kiosk().service().dashboard()->today.from, new_day) << "the report still counts the old day";
  EXPECT_TRUE(shows(tr(Text::TileSessions)));
}

TEST(DashboardDay, AnEmptyDayIsACalmEmptyStateNotZeros) {
  HeadlessKiosk kiosk(ImVec2(1080, 4000), "staff/dashboard");
  settle_dashboard(kiosk);
  ASSERT_TRUE(kiosk.kiosk().service().dashboard());
  EXPECT_TRUE(shows(tr(Text::DashboardNoQuizToday)));
  EXPECT_TRUE(shows(tr(Text::DashboardNoViewsToday)));
  // The quiz tile: its value, then its detail (the summary paragraph below is the report's own).
  EXPECT_FALSE(shows("0 / 0" + fill_text(Text::TilePassRateFormat, {"0"}))) << "no 0 / 0, 过关率 0% on a day without a round";
  EXPECT_TRUE(shows(std::string(tr(Text::TileQuiz)) + "0" + std::string(tr(Text::DashboardNoQuizToday))));
  for (const Department& department : kiosk.kiosk().content().departments)
    EXPECT_FALSE(shows(department.short_name + "0")) << "a department with no views listed as 0";
}

TEST(DashboardDay, TheAccuracyListShowsWholeQuestions) {
  HeadlessKiosk kiosk(ImVec2(1080, 6000), "home");
  kiosk.tap("home.quiz");
  kiosk.wait(0.5);
  kiosk.tap("quiz.start");
  kiosk.wait(0.5);
  std::vector<std::string> asked;
  QuizService& quiz = kiosk.kiosk().quiz();
  while (kiosk.route() == "quiz/question") {
    asked.push_back(quiz.round()->current().question->text);
    kiosk.tap("quiz.option.0");
    kiosk.wait(0.5);
    kiosk.tap("quiz.next");
    kiosk.wait(0.5);
  }
  quiz.wait();
  kiosk.log().flush();
  kiosk.kiosk().enter_staff_mode();
  kiosk.frame();
  settle_dashboard(kiosk);
  ASSERT_EQ(kiosk.route(), "staff/dashboard");
  const std::string text = testing::drawn_text();
  for (const std::string& question : asked)
    EXPECT_NE(text.find(testing::without_spaces(question)), std::string::npos) << "cut short: " << question;
}

TEST(LargeTextSwitch, TheLabelStaysAndABadgeShowsTheState) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  kiosk.wait(0.5);
  const ui::TapTarget* off = kiosk.kiosk().taps().find("topbar.large_text");
  ASSERT_NE(off, nullptr);
  EXPECT_EQ(off->label, tr(Text::LargeTextOn));
  EXPECT_EQ(off->state, tr(Text::LargeTextStateOff));
  kiosk.tap("topbar.large_text");
  kiosk.wait(0.5);
  ASSERT_TRUE(kiosk.kiosk().large_text());
  const ui::TapTarget* on = kiosk.kiosk().taps().find("topbar.large_text");
  ASSERT_NE(on, nullptr);
  EXPECT_EQ(on->label, tr(Text::LargeTextOn)) << "the label must not flip to 标准字";
  EXPECT_EQ(on->state, tr(Text::LargeTextStateOn));
  EXPECT_FALSE(shows(tr(Text::LargeTextOff)));
  EXPECT_TRUE(shows(std::string(tr(Text::LargeTextOn)) + std::string(tr(Text::LargeTextStateOn))));
}

}  // namespace
}  // namespace openday
