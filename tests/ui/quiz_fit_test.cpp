// Every question of the shipped bank, in both orientations and both text sizes, as a visitor
// meets it: all its options in view before the answer; after it, the answer's panel (verdict,
// the visitor's choice, explanation, source) whole inside the visible page and clear of the
// actions, which are in view too; true/false words never broken one character per line.
#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "core/content/ui_text.h"
#include "support/headless_kiosk.h"
#include "support/quiz_walk.h"
#include "support/ui_shapes.h"
#include "ui/read_aloud.h"
#include "ui/text_layout.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;
using testing::Shape;

constexpr float kTolerance = 1.0f;

bool inside(ImVec2 min, ImVec2 max, const ImRect& area) {
  return min.x >= area.Min.x - kTolerance && max.x <= area.Max.x + kTolerance && min.y >= area.Min.y - kTolerance &&
         max.y <= area.Max.y + kTolerance;
}

bool overlaps(ImVec2 min, ImVec2 max, const ui::TapTarget& target) {
  return min.x < target.max.x && max.x > target.min.x && min.y < target.max.y && max.y > target.min.y;
}

// Where the last frame drew this text (each wrapped block is one placement); none: not drawn.
std::vector<ui::TextPlacement> placements_of(HeadlessKiosk& kiosk, const std::string& text) {
  std::vector<ui::TextPlacement> out;
  for (const ui::TextPlacement& p : kiosk.kiosk().text_audit().placements())
    if (p.text == text) out.push_back(p);
  return out;
}

std::string shown_option(const QuizAnswer& answer, int i) {
  static constexpr const char* kLetters[] = {"A", "B", "C", "D", "E", "F"};
  const std::string& text = answer.question->options[static_cast<std::size_t>(answer.order[static_cast<std::size_t>(i)])];
  return answer.question->kind == QuestionKind::TrueFalse ? text : std::string(kLetters[i]) + " " + text;
}

void expect_options_in_view(HeadlessKiosk& kiosk, const QuizAnswer& answer) {
  for (std::size_t i = 0; i < answer.order.size(); ++i) {
    const ui::TapTarget* option = kiosk.kiosk().taps().find("quiz.option." + std::to_string(i));
    ASSERT_NE(option, nullptr) << "option " << i << " not in view";
    EXPECT_FALSE(option->clipped) << "option " << i << " cut by the page's edge";
  }
}

void expect_feedback_in_view(HeadlessKiosk& kiosk, const QuizAnswer& answer, ImVec2 display) {
  const ImRect page = kiosk.rect_of("quiz.question");
  ASSERT_GT(page.GetHeight(), 0) << "no page drawn";
  const std::string verdict =
      answer.correct() ? std::string(tr(Text::QuizCorrect)) : fill_text(Text::QuizWrongFormat, {shown_option(answer, answer.shown_correct())});
  const std::vector<std::string> panel = {verdict, fill_text(Text::QuizYourChoiceFormat, {shown_option(answer, answer.chosen)}),
                                          answer.question->explanation, fill_text(Text::QuizSourceFormat, {answer.question->source})};
  std::vector<const ui::TapTarget*> actions;
  for (const char* id : {"quiz.next", "quiz.restart"})
    if (const ui::TapTarget* target = kiosk.kiosk().taps().find(id)) actions.push_back(target);
  ASSERT_NE(kiosk.kiosk().taps().find("quiz.next"), nullptr) << "下一题 not in view";
  for (const ui::TapTarget* action : actions) {
    EXPECT_FALSE(action->clipped) << action->id;
    EXPECT_LE(action->max.y, display.y + kTolerance) << action->id;
    EXPECT_LE(action->max.x, display.x + kTolerance) << action->id;
  }
  for (const std::string& text : panel) {
    const std::vector<ui::TextPlacement> drawn = placements_of(kiosk, text);
    ASSERT_FALSE(drawn.empty()) << "not drawn: " << text;
    for (const ui::TextPlacement& p : drawn) {
      EXPECT_TRUE(inside(p.min, p.max, page)) << "outside the visible page (" << p.min.y << ".." << p.max.y << " against " << page.Min.y
                                              << ".." << page.Max.y << "): " << text;
      for (const ui::TapTarget* action : actions) EXPECT_FALSE(overlaps(p.min, p.max, *action)) << text << " under " << action->id;
    }
  }
}

// 正确 and 错误 on an answered true/false option stay on one line, whatever mark they carry.
void expect_true_false_words_whole(HeadlessKiosk& kiosk, const QuizAnswer& answer, bool large_text) {
  if (answer.question->kind != QuestionKind::TrueFalse) return;
  const float line = ui::line_height(kiosk.kiosk().fonts().font(ui::FontRole::Heading, large_text)->FontSize);
  for (const std::string& option : answer.question->options)
    for (const ui::TextPlacement& p : placements_of(kiosk, option))
      EXPECT_LT(p.max.y - p.min.y, line * 1.5f) << option << " broken over lines";
}

// A voice that is there but silent: the 朗读 button takes its full height, as on a kiosk with speakers.
class SilentVoice final : public ui::SpeechOutput {
 public:
  bool available() const override { return true; }
  void speak(std::vector<std::string>) override {}
  void stop() override {}
  int section() const override { return -1; }
  void set_volume_step(int) override {}
};

// From the home screen in the shape's text size to the quiz intro, its stock read.
void open_quiz_intro(HeadlessKiosk& kiosk, bool large_text) {
  testing::set_text_size(kiosk, large_text);
  kiosk.tap("home.quiz");
  kiosk.wait(0.5);
  kiosk.kiosk().quiz().wait();
  kiosk.frame();
}

class QuizFit : public ::testing::TestWithParam<Shape> {};

TEST_P(QuizFit, EveryQuestionShowsItsOptionsAndThenItsWholeAnswerInView) {
  const Shape shape = GetParam();
  Config config;
  config.questions_per_round = static_cast<int>(HeadlessKiosk::sample_quiz()->questions.size());  // one round: the whole bank
  SilentVoice voice;
  HeadlessKiosk kiosk(shape.display, "home", config, nullptr, std::nullopt, &voice);
  kiosk.kiosk().text_audit().record_placements = true;
  open_quiz_intro(kiosk, shape.large_text);
  kiosk.tap("quiz.start");
  kiosk.wait(0.5);
  int seen = 0;
  while (kiosk.route() == "quiz/question") {
    const QuizAnswer& answer = kiosk.kiosk().quiz().round()->current();
    SCOPED_TRACE(answer.question->id);
    expect_options_in_view(kiosk, answer);
    // Right, then wrong, by turns: both panels, with and without the notice that the round can
    // no longer win (from the first wrong answer on).
    const int right = answer.shown_correct();
    const int choice = seen % 2 == 0 ? right : (right + 1) % static_cast<int>(answer.order.size());
    kiosk.tap("quiz.option." + std::to_string(choice));
    kiosk.wait(0.5);
    ASSERT_TRUE(answer.answered());
    expect_feedback_in_view(kiosk, answer, shape.display);
    expect_true_false_words_whole(kiosk, answer, shape.large_text);
    ++seen;
    kiosk.tap("quiz.next");
    kiosk.wait(0.5);
    if (::testing::Test::HasFatalFailure()) return;
  }
  EXPECT_EQ(seen, config.questions_per_round) << "every question of the bank";
}

// 再答一次 and 返回首页 are in view on arrival at the result: after a won round with its prize
// code, and after a lost one that lists every missed question.
TEST_P(QuizFit, TheResultsActionsAreInViewOnArrival) {
  const Shape shape = GetParam();
  for (const bool right : {true, false}) {
    SCOPED_TRACE(right ? "won" : "lost");
    Config config;
    config.questions_per_round = 12;
    HeadlessKiosk kiosk(shape.display, "home", config);
    open_quiz_intro(kiosk, shape.large_text);
    kiosk.tap("quiz.start");
    kiosk.wait(0.5);
    testing::answer_the_round(kiosk, right);
    ASSERT_EQ(kiosk.route(), "quiz/result");
    for (const char* id : {"quiz.retry", "quiz.home"}) {
      const ui::TapTarget* action = kiosk.kiosk().taps().find(id);
      ASSERT_NE(action, nullptr) << id << " not in view";
      EXPECT_FALSE(action->clipped) << id;
      EXPECT_LE(action->max.y, shape.display.y) << id;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Shapes, QuizFit, testing::every_shape(), testing::shape_name);

}  // namespace
}  // namespace openday
