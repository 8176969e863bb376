// A scrolling page whose end is out of view says so (向下滑动查看更多 over a fade at its bottom
// edge) in its first frame, and stops saying so once the visitor reached the end; a page that
// fits says nothing.
#include <gtest/gtest.h>

#include <string>

#include "core/content/ui_text.h"
#include "support/headless_kiosk.h"
#include "ui/drawn_text.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

bool shows_cue() { return testing::drawn_text().find(std::string(tr(Text::ScrollMoreHint))) != std::string::npos; }

TEST(ScrollCue, ALongListSaysThereIsMoreUntilItsEndIsReached) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "departments");
  kiosk.frame();
  EXPECT_TRUE(shows_cue()) << "in the first frame";
  kiosk.wait(0.5);
  EXPECT_TRUE(shows_cue()) << "at rest";
  const ImRect grid = kiosk.rect_of("departments.grid");
  ASSERT_GT(grid.GetHeight(), 0);
  const ImVec2 from((grid.Min.x + grid.Max.x) * 0.5f, grid.Max.y - 60);
  for (int drag = 0; drag < 40 && shows_cue(); ++drag) {
    kiosk.drag(from, ImVec2(from.x, grid.Min.y + 60), 12, 30);
    kiosk.run_until_idle();
  }
  EXPECT_GT(kiosk.scroll_y_of("departments.grid"), 0) << "the drags scrolled (precondition)";
  EXPECT_FALSE(shows_cue()) << "the end of the list is in view";
}

TEST(ScrollCue, AQuestionThatFitsSaysNothingAndItsLongerAnsweredPageSaysMore) {
  HeadlessKiosk kiosk(ImVec2(1080, 1920), "quiz/question");
  kiosk.wait(0.5);
  ASSERT_EQ(kiosk.route(), "quiz/question");
  EXPECT_FALSE(shows_cue()) << "a question and its options fit a portrait screen";
  HeadlessKiosk answered(ImVec2(1920, 1080), "quiz/question/answered");
  answered.wait(0.5);
  answered.tap("topbar.large_text");
  answered.wait(0.5);
  EXPECT_TRUE(shows_cue()) << "in 大字 the question and its options follow the answer's panel below the edge";
}

}  // namespace
}  // namespace openday
