// The quiz as a visitor plays it on the screen: to a voucher, a failed round and its way to
// the department, a retry that cannot win twice, and no stock.
#include <gtest/gtest.h>

#include "core/visits/store.h"
#include "support/headless_kiosk.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;
using testing::open_quiz;

// Answers every question of the round on screen, all right or the first one wrong.
void play(HeadlessKiosk& kiosk, bool all_right) {
  QuizService& quiz = kiosk.kiosk().quiz();
  bool first = true;
  while (kiosk.route() == "quiz/question") {
    const QuizAnswer& current = quiz.round()->current();
    const int right = current.shown_correct();
    const int choice = all_right || !first ? right : (right + 1) % static_cast<int>(current.order.size());
    first = false;
    kiosk.tap("quiz.option." + std::to_string(choice));
    kiosk.wait(0.5);
    kiosk.tap("quiz.next");
    kiosk.wait(0.5);
  }
  quiz.wait();
  kiosk.frame();
}

std::int64_t vouchers_in(HeadlessKiosk& kiosk) {
  kiosk.log().flush();
  return open_store_read_only(kiosk.db_path()).query_int("SELECT count(*) FROM vouchers").value_or(-1);
}

TEST(QuizUi, ARoundToAVoucher) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  open_quiz(kiosk);
  play(kiosk, true);
  EXPECT_EQ(kiosk.route(), "quiz/result");
  EXPECT_EQ(kiosk.kiosk().quiz().voucher_state(), VoucherState::Issued);
  EXPECT_EQ(vouchers_in(kiosk), 1);
  EXPECT_EQ(kiosk.kiosk().quiz().stock(), 99);
  EXPECT_EQ(kiosk.events().of_type(EventType::QuizAnswer).size(), 5u);
  ASSERT_EQ(kiosk.events().of_type(EventType::QuizFinish).size(), 1u);
  EXPECT_EQ(kiosk.events().of_type(EventType::QuizFinish)[0].target, "passed");
  EXPECT_TRUE(kiosk.has_target("quiz.home"));
}

TEST(QuizUi, DoubleTapsAnswerOnceAndSkipNothing) {
  HeadlessKiosk kiosk(ImVec2(1080, 1920), "home");
  open_quiz(kiosk);
  QuizService& quiz = kiosk.kiosk().quiz();
  const ImVec2 second_option = kiosk.center_of("quiz.option.1");
  kiosk.tap("quiz.option.0");
  kiosk.tap_at(second_option);  // the second tap of a double tap lands on another option
  EXPECT_EQ(kiosk.events().of_type(EventType::QuizAnswer).size(), 1u);
  kiosk.wait(0.5);
  const ImVec2 next = kiosk.center_of("quiz.next");
  kiosk.tap_at(next);
  kiosk.tap_at(next);
  EXPECT_EQ(quiz.round()->current_index(), 1u) << "a double tap on 下一题 skipped a question";
  EXPECT_EQ(kiosk.events().of_type(EventType::QuizAnswer).size(), 1u) << "the second tap answered the next question";
}

TEST(QuizUi, AFailedRoundShowsTheDepartmentAndARetryCannotWinTwice) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  open_quiz(kiosk);
  play(kiosk, false);
  EXPECT_EQ(kiosk.route(), "quiz/result");
  EXPECT_EQ(kiosk.kiosk().quiz().voucher_state(), VoucherState::None);
  EXPECT_EQ(vouchers_in(kiosk), 0);
  kiosk.wait(0.5);
  kiosk.tap("quiz.retry");
  kiosk.wait(0.5);
  play(kiosk, true);
  EXPECT_EQ(kiosk.kiosk().quiz().voucher_state(), VoucherState::Issued);
  kiosk.wait(0.5);
  kiosk.tap("quiz.retry");
  kiosk.wait(0.5);
  play(kiosk, true);
  EXPECT_EQ(kiosk.kiosk().quiz().voucher_state(), VoucherState::AlreadyWon);
  EXPECT_EQ(vouchers_in(kiosk), 1) << "one session won two vouchers";
}

TEST(QuizUi, AMissedQuestionLeadsToItsDepartment) {
  // Rounds are random: play failed rounds until a missed question names a department.
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  open_quiz(kiosk);
  for (int attempt = 0; attempt < 20; ++attempt) {
    play(kiosk, false);
    const auto& first = kiosk.kiosk().quiz().round()->answers().front();
    if (!first.question->department.empty()) {
      kiosk.wait(0.5);
      kiosk.tap("quiz.look_up." + first.question->id);
      EXPECT_EQ(kiosk.route(), "department/" + first.question->department + "/items");
      return;
    }
    kiosk.wait(0.5);
    kiosk.tap("quiz.retry");
    kiosk.wait(0.5);
  }
  FAIL() << "no missed question with a department in 20 rounds";
}

TEST(QuizUi, NoStockMeansAThankYouAndNoVoucher) {
  Config config;
  config.initial_stock = 0;
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home", config);
  open_quiz(kiosk);
  EXPECT_EQ(kiosk.kiosk().quiz().stock(), 0) << "the intro shows stock 0 beforehand";
  play(kiosk, true);
  EXPECT_EQ(kiosk.kiosk().quiz().voucher_state(), VoucherState::OutOfStock);
  EXPECT_EQ(vouchers_in(kiosk), 0);
}

TEST(QuizUi, LeavingTheKioskForgetsTheRound) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  open_quiz(kiosk);
  play(kiosk, true);
  kiosk.wait(0.5);
  kiosk.tap("topbar.end_session");
  kiosk.wait(0.5);
  kiosk.tap("end.confirm.yes");  // the session holds a code: 结束使用 asks once
  kiosk.wait(0.5);
  kiosk.tap("rating.skip");
  EXPECT_EQ(kiosk.route(), "attract");
  EXPECT_EQ(kiosk.kiosk().quiz().round(), nullptr);
  EXPECT_FALSE(kiosk.kiosk().quiz().session_voucher());
  EXPECT_TRUE(kiosk.kiosk().quiz().voucher_code().empty());
}

}  // namespace
}  // namespace openday
