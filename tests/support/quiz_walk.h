#pragma once
// A quiz round played on screen as a visitor plays it, for UI tests.
#include <gtest/gtest.h>

#include <string>

#include "support/headless_kiosk.h"

namespace openday::testing {

// Answers question after question on screen, every answer right (or every one wrong), through
// 下一题 to the result, its voucher committed. Stops at the first failed tap rather than loop.
inline void answer_the_round(HeadlessKiosk& kiosk, bool right = true) {
  while (kiosk.route() == "quiz/question") {
    const QuizAnswer& answer = kiosk.kiosk().quiz().round()->current();
    const int correct = answer.shown_correct();
    kiosk.tap("quiz.option." + std::to_string(right ? correct : (correct + 1) % static_cast<int>(answer.order.size())));
    kiosk.wait(0.5);
    kiosk.tap("quiz.next");
    kiosk.wait(0.5);
    if (::testing::Test::HasFailure()) return;
  }
  kiosk.kiosk().quiz().wait();
  kiosk.frame();
  kiosk.wait(0.5);
}

}  // namespace openday::testing
