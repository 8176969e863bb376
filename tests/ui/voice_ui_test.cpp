// Tap walks of the citizen's voice (issue 15), in both orientations and in 大字: the 常见问题 tab
// and an answer with its links, 我要问 with and without an answer (nothing personal stored),
// and the rating with a reason, without one, skipped, asked at most once per session, and
// never waiting on a visitor who walked away longer than its countdown.
#include <gtest/gtest.h>

#include <string>

#include "core/content/ui_text.h"
#include "core/reports/stats.h"
#include "support/headless_kiosk.h"
#include "support/quiz_walk.h"
#include "ui/drawn_text.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;
using testing::open_quiz;

// A rating is thanked for a moment (感谢您的评价！, nothing to tap twice), then the kiosk goes on.
void expect_thanked_then(HeadlessKiosk& kiosk, const std::string& route) {
  EXPECT_TRUE(testing::drawn_text().find(testing::without_spaces(tr(Text::RatingThanks))) != std::string::npos) << "thanked";
  for (const ui::TapTarget& target : kiosk.kiosk().taps().all()) EXPECT_FALSE(target.id.starts_with("rating.")) << target.id;
  kiosk.wait(3);
  EXPECT_EQ(kiosk.route(), route);
}

bool shows_countdown() {
  const std::string words = testing::without_spaces(tr(Text::RatingCountdownFormat));
  return testing::drawn_text().find(words.substr(words.find('}') + 1)) != std::string::npos;
}

struct Setting {
  ImVec2 display;
  bool large_text;
};

std::string setting_name(const ::testing::TestParamInfo<Setting>& info) {
  return std::string(info.param.display.x > info.param.display.y ? "Landscape" : "Portrait") + (info.param.large_text ? "LargeText" : "");
}

bool shows(std::string_view text) { return testing::drawn_text().find(testing::without_spaces(text)) != std::string::npos; }

int count_shown(std::string_view text) {
  const std::string drawn = testing::drawn_text();
  const std::string wanted = testing::without_spaces(text);
  int count = 0;
  for (std::size_t at = drawn.find(wanted); at != std::string::npos; at = drawn.find(wanted, at + wanted.size())) ++count;
  return count;
}

// Opens a stack as --screen would; the next frame shows it, and its tap guard passes.
void open_stack(HeadlessKiosk& kiosk, const std::vector<std::string>& stack) {
  kiosk.kiosk().router().reset_to(stack);
  kiosk.frame();
  kiosk.wait(0.5);
}

class VoiceWalk : public ::testing::TestWithParam<Setting> {
 protected:
  VoiceWalk() : kiosk(GetParam().display, "home") {
    kiosk.wait(0.5);
    if (GetParam().large_text) tap("topbar.large_text");
  }

  void tap(std::string_view id) {
    kiosk.tap(id);
    kiosk.wait(0.5);
  }

  // Drags the list in region up until id is on screen, then taps it.
  void tap_in(std::string_view region, std::string_view id) {
    for (int i = 0; i < 12 && !kiosk.has_target(id); ++i) {
      const ImRect area = kiosk.rect_of(region);
      ASSERT_FALSE(area.IsInverted()) << region << " is not on screen";
      const float x = area.Min.x + area.GetWidth() * 0.5f;
      kiosk.drag(ImVec2(x, area.Max.y - area.GetHeight() * 0.1f), ImVec2(x, area.Min.y + area.GetHeight() * 0.3f), 12, 10);
      kiosk.wait(1.0);
    }
    tap(id);
  }

  std::vector<Event> events_of(EventType type) { return kiosk.events().of_type(type); }

  HeadlessKiosk kiosk;
};

TEST_P(VoiceWalk, FaqTabOpensAnAnswerThatLinksToItsItems) {
  open_stack(kiosk, {"home", "departments", "department/minzheng"});
  tap("department.tab.faq");
  ASSERT_EQ(kiosk.route(), "department/minzheng/faq");
  EXPECT_TRUE(shows("哪些人可以申请低保？"));
  tap("department.faq.1");
  ASSERT_EQ(kiosk.route(), "faq/minzheng/1");
  EXPECT_TRUE(shows("共同生活的家庭成员人均收入低于本县低保标准"));
  const auto opened = events_of(EventType::FaqOpened);
  ASSERT_EQ(opened.size(), 1u);
  EXPECT_EQ(opened[0].department, "minzheng");
  EXPECT_EQ(opened[0].item, "1");
  EXPECT_NE(opened[0].session, 0);
  tap_in("faq.answer", "faq.related.minzheng-dibao");
  EXPECT_EQ(kiosk.route(), "item/minzheng-dibao");
  tap("topbar.back");
  EXPECT_EQ(kiosk.route(), "faq/minzheng/1");
  EXPECT_EQ(events_of(EventType::FaqOpened).size(), 1u) << "coming back to an answer is not a new opening";
}

TEST_P(VoiceWalk, AskWithAnAnswerShowsIt) {
  tap("home.ask");
  ASSERT_EQ(kiosk.route(), "ask");
  tap_in("ask.departments", "ask.department.minzheng");
  ASSERT_EQ(kiosk.route(), "ask/minzheng");
  tap("ask.topic.faq-1");
  ASSERT_EQ(kiosk.route(), "ask/minzheng/faq-1");
  EXPECT_TRUE(shows(tr(Text::AskAnsweredTitle)));
  EXPECT_TRUE(shows("共同生活的家庭成员人均收入低于本县低保标准"));
  const auto asked = events_of(EventType::QuestionAsked);
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_EQ(asked[0].department, "minzheng");
  EXPECT_EQ(asked[0].target, "faq-1");
  EXPECT_EQ(asked[0].value, 1);
  tap_in("ask.result", "ask.home");
  EXPECT_EQ(kiosk.route(), "home");
}

TEST_P(VoiceWalk, AskWithoutAnAnswerRegistersItForTheDeskAndStoresNothingPersonal) {
  tap("home.ask");
  tap("ask.department.general");
  ASSERT_EQ(kiosk.route(), "ask/general");
  tap("ask.topic.category-2");
  ASSERT_EQ(kiosk.route(), "ask/general/category-2");
  EXPECT_TRUE(shows(tr(Text::AskRegisteredTitle)));
  EXPECT_TRUE(shows(fill_text(Text::AskRegisteredDeskFormat, {kiosk.kiosk().config().prize_desk})));
  EXPECT_FALSE(shows(kiosk.kiosk().content().event.place)) << "the visitor is at the booth: no other address";
  EXPECT_TRUE(shows(fill_text(Text::AskPhoneFormat, {kiosk.kiosk().content().event.hotline})));
  const auto asked = events_of(EventType::QuestionAsked);
  ASSERT_EQ(asked.size(), 1u);
  EXPECT_EQ(asked[0].department, "") << "不清楚";
  EXPECT_EQ(asked[0].target, "category-2");
  EXPECT_EQ(asked[0].value, 0);
  EXPECT_EQ(asked[0].item, "");
  EXPECT_EQ(asked[0].detail, "") << "no free text";

  // From a department page: an item no 常见问题 answers goes to that department's window.
  open_stack(kiosk, {"home", "departments", "department/gongan/faq"});
  tap_in("department.body", "department.ask");
  ASSERT_EQ(kiosk.route(), "ask/gongan");
  tap_in("ask.topics", "ask.topic.item-gongan-hukou-qianru");
  ASSERT_EQ(kiosk.route(), "ask/gongan/item-gongan-hukou-qianru");
  EXPECT_TRUE(shows(tr(Text::AskRegisteredTitle)));
  const Department& gongan = *kiosk.kiosk().content().department("gongan");
  EXPECT_TRUE(shows(fill_text(Text::AskRegisteredDeskFormat, {kiosk.kiosk().config().prize_desk})));
  EXPECT_TRUE(shows(fill_text(Text::AskPhoneFormat, {gongan.phone})));
  EXPECT_FALSE(shows(gongan.service_window)) << "not sent to the department's window across town";
  ASSERT_EQ(events_of(EventType::QuestionAsked).size(), 2u);
  EXPECT_EQ(events_of(EventType::QuestionAsked)[1].value, 0);
}

TEST_P(VoiceWalk, AnOtherQuestionSaysWhichDepartmentAndTheTitleIsNotRepeated) {
  open_stack(kiosk, {"home", "ask", "ask/gongan"});
  tap_in("ask.topics", "ask.topic.other");
  ASSERT_EQ(kiosk.route(), "ask/gongan/other");
  const Department& gongan = *kiosk.kiosk().content().department("gongan");
  EXPECT_TRUE(shows(fill_text(Text::AskYourOtherQuestionFormat, {gongan.name})));
  EXPECT_FALSE(shows(fill_text(Text::AskYourQuestionFormat, {tr(Text::AskOtherTopic)}))) << "您的问题：其他问题 tells nothing";
  EXPECT_EQ(count_shown(tr(Text::AskRegisteredTitle)), 1) << "您的问题已记录 once";

  open_stack(kiosk, {"home", "ask", "ask/general"});
  tap_in("ask.topics", "ask.topic.other");
  ASSERT_EQ(kiosk.route(), "ask/general/other");
  EXPECT_FALSE(shows(fill_text(Text::AskYourQuestionFormat, {tr(Text::AskOtherTopic)})));
  EXPECT_TRUE(shows(fill_text(Text::AskRegisteredDeskFormat, {kiosk.kiosk().config().prize_desk})));
}

TEST_P(VoiceWalk, ALowRatingAsksForAReasonAndTheSessionEnds) {
  tap("topbar.end_session");
  ASSERT_EQ(kiosk.route(), "rating");
  EXPECT_TRUE(shows(tr(Text::RatingQuestion)));
  for (Text words : {Text::RatingVerySatisfied, Text::RatingBasicallySatisfied, Text::RatingVeryDissatisfied})
    EXPECT_TRUE(shows(tr(words))) << "every level says its words: " << tr(words);
  EXPECT_EQ(kiosk.kiosk().large_text(), GetParam().large_text);
  tap("rating.level.dissatisfied");
  ASSERT_EQ(kiosk.route(), "rating");
  EXPECT_TRUE(shows(tr(Text::RatingReasonQuestion)));
  EXPECT_TRUE(kiosk.has_target("rating.skip")) << "跳过 is always there";
  tap("rating.reason.hard_to_use");
  expect_thanked_then(kiosk, "attract");
  const auto rated = events_of(EventType::SatisfactionRated);
  ASSERT_EQ(rated.size(), 1u);
  EXPECT_EQ(rated[0].value, 2);
  EXPECT_EQ(rated[0].target, "end");
  const auto reasons = events_of(EventType::SatisfactionReason);
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0].target, "hard_to_use");
  ASSERT_EQ(events_of(EventType::SessionEnd).size(), 1u);
  EXPECT_EQ(events_of(EventType::SessionEnd)[0].target, "done");
}

TEST_P(VoiceWalk, AHighRatingEndsAtOnceAndSkipEndsWithoutOne) {
  tap("topbar.end_session");
  tap("rating.level.very_satisfied");
  expect_thanked_then(kiosk, "attract");
  ASSERT_EQ(events_of(EventType::SatisfactionRated).size(), 1u);
  EXPECT_EQ(events_of(EventType::SatisfactionRated)[0].value, 5);
  EXPECT_TRUE(events_of(EventType::SatisfactionReason).empty());

  kiosk.tap_at(ImVec2(kiosk.kiosk().metrics().unit * 500, kiosk.kiosk().metrics().unit * 500));  // the next visitor
  kiosk.wait(0.5);
  ASSERT_EQ(kiosk.route(), "home");
  tap("topbar.end_session");
  ASSERT_EQ(kiosk.route(), "rating") << "a new session is asked again";
  tap("rating.level.very_dissatisfied");
  tap("rating.skip");
  EXPECT_EQ(kiosk.route(), "attract");
  EXPECT_EQ(events_of(EventType::SatisfactionRated).size(), 2u);
  EXPECT_TRUE(events_of(EventType::SatisfactionReason).empty()) << "the reason was skipped";
  EXPECT_EQ(events_of(EventType::SessionEnd).size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Settings, VoiceWalk,
                         ::testing::Values(Setting{ImVec2(1920, 1080), false}, Setting{ImVec2(1080, 1920), false},
                                           Setting{ImVec2(1920, 1080), true}, Setting{ImVec2(1080, 1920), true}),
                         setting_name);

// 结束使用 tapped by mistake: 返回 leads back to the page, the session still open.
TEST(Rating, BackUndoesAnEndTappedByMistake) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  kiosk.wait(0.5);
  kiosk.tap("home.quiz");
  kiosk.wait(0.5);
  ASSERT_EQ(kiosk.route(), "quiz");
  kiosk.tap("topbar.end_session");
  kiosk.wait(0.5);
  ASSERT_EQ(kiosk.route(), "rating");
  EXPECT_TRUE(shows_countdown()) << "the end of the session counts down";
  kiosk.tap("topbar.back");
  kiosk.wait(0.5);
  EXPECT_EQ(kiosk.route(), "quiz");
  EXPECT_TRUE(kiosk.events().of_type(EventType::SessionEnd).empty());
}

// Reached after a quiz round (返回首页), the rating does not say the session will end.
TEST(Rating, AfterAQuizRoundNoCountdownToAnEnd) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  open_quiz(kiosk);
  testing::answer_the_round(kiosk);
  kiosk.tap("quiz.home");
  kiosk.wait(0.5);
  ASSERT_EQ(kiosk.route(), "rating/quiz");
  EXPECT_TRUE(testing::drawn_text().find(testing::without_spaces(tr(Text::RatingQuestion))) != std::string::npos);
  EXPECT_FALSE(shows_countdown());
}

// After a finished quiz round the rating is asked on the way home; 结束使用 then ends at once.
TEST(Rating, IsAskedAtMostOncePerSession) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  open_quiz(kiosk);
  testing::answer_the_round(kiosk);
  ASSERT_EQ(kiosk.route(), "quiz/result");
  kiosk.tap("quiz.home");
  kiosk.wait(0.5);
  ASSERT_EQ(kiosk.route(), "rating/quiz");
  kiosk.tap("rating.level.satisfied");
  kiosk.wait(0.5);
  expect_thanked_then(kiosk, "home");  // the session goes on
  EXPECT_EQ(kiosk.events().of_type(EventType::SessionEnd).size(), 0u);
  ASSERT_EQ(kiosk.events().of_type(EventType::SatisfactionRated).size(), 1u);
  EXPECT_EQ(kiosk.events().of_type(EventType::SatisfactionRated)[0].target, "quiz");

  kiosk.tap("topbar.end_session");
  kiosk.wait(0.5);
  if (kiosk.has_target("end.confirm.yes")) {  // the round won a prize code: asked about it first
    kiosk.tap("end.confirm.yes");
    kiosk.wait(0.5);
  }
  EXPECT_EQ(kiosk.route(), "attract") << "already rated in this session: 结束使用 ends at once";
  EXPECT_EQ(kiosk.events().of_type(EventType::SatisfactionRated).size(), 1u);
}

// A visitor who walks away from the rating: the countdown (shorter than the idle timeout) ends
// the session as done, its dwell up to the last touch, with no idle question on the way.
TEST(Rating, NeverWaitsLongerThanItsCountdown) {
  Config config;
  config.idle_timeout_seconds = 20;
  config.idle_warning_seconds = 8;
  HeadlessKiosk kiosk(ImVec2(1080, 1920), "attract", config);
  kiosk.tap_at(ImVec2(540, 1500));
  const double woke = kiosk.now();
  kiosk.wait(2);
  kiosk.tap("topbar.end_session");
  const double last_touch = kiosk.now();
  ASSERT_EQ(kiosk.route(), "rating");
  kiosk.wait(config.idle_timeout_seconds - 2);
  EXPECT_EQ(kiosk.route(), "rating") << "still counting down";
  kiosk.wait(2.5);
  EXPECT_EQ(kiosk.route(), "attract");
  EXPECT_TRUE(kiosk.events().of_type(EventType::IdleWarning).empty()) << "the rating's countdown comes before the idle question";
  const auto ends = kiosk.events().of_type(EventType::SessionEnd);
  ASSERT_EQ(ends.size(), 1u);
  EXPECT_EQ(ends[0].target, "done");
  ASSERT_TRUE(ends[0].value);
  EXPECT_NEAR(static_cast<double>(*ends[0].value) / 1000.0, last_touch - woke, 0.2) << "the countdown is not dwell";
}

// What the walks log is what `openday stats` counts.
TEST(Rating, TheWalkShowsInTheDaysStats) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  kiosk.wait(0.5);
  open_stack(kiosk, {"home", "faq/guotu/2"});
  open_stack(kiosk, {"home", "ask", "ask/general"});
  kiosk.tap("ask.topic.category-1");
  kiosk.wait(0.5);
  kiosk.tap("topbar.end_session");
  kiosk.wait(0.5);
  kiosk.tap("rating.level.basically_satisfied");
  kiosk.log().flush();
  const DayStats stats = compute_day_stats(kiosk.db_path(), local_today());
  EXPECT_EQ(stats.faq_views, 1);
  EXPECT_EQ(stats.questions_registered, 1);
  EXPECT_EQ(stats.questions_answered, 0);
  EXPECT_EQ(stats.satisfaction[2], 1);
  ASSERT_TRUE(stats.satisfaction_rate);
  EXPECT_DOUBLE_EQ(*stats.satisfaction_rate, 1.0);
}

}  // namespace
}  // namespace openday
