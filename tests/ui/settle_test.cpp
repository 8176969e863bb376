// Stale screens (issue 9): after a tap the kiosk must keep drawing until the layout is final,
// because ImGui applies scroll requests and new window sizes one frame late. Here the real loop
// is emulated after every tap (draw while a frame is due now, then sleep), and one more frame
// at that moment (what a pointer move would draw) must not change a single draw command. Also
// where each scrolling region starts: new screens, questions and sessions at the top, Back
// where the visitor left it.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "core/staff/staff.h"
#include "support/headless_kiosk.h"
#include "support/pin_fixture.h"
#include "ui/route_registry.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

const std::vector<ImVec2> kDisplays = {ImVec2(1920, 1080), ImVec2(1080, 1920)};

std::string display_name(ImVec2 display, bool large) {
  return std::to_string(static_cast<int>(display.x)) + "x" + std::to_string(static_cast<int>(display.y)) + (large ? " large text" : "");
}

// What a walk covered, printed at the end so that a shrinking walk shows.
struct Coverage {
  int screens = 0;
  int taps = 0;
};

// After whatever just happened, the frames the real loop draws; then the picture must be final.
void expect_final(HeadlessKiosk& kiosk, const std::string& step, Coverage& coverage) {
  kiosk.run_until_idle();
  ++coverage.screens;
  const std::string difference = kiosk.redraw_difference();
  EXPECT_EQ(difference, "") << "on " << kiosk.route() << " after " << step << ", the loop would sleep on a frame that is not final";
}

// A visitor's tap (after the tap guard of the screen change has passed), then the check.
void tap_and_expect_final(HeadlessKiosk& kiosk, const std::string& target, Coverage& coverage) {
  kiosk.wait(0.5);
  ASSERT_TRUE(kiosk.has_target(target)) << "no " << target << " on " << kiosk.route();
  kiosk.tap(target);
  ++coverage.taps;
  expect_final(kiosk, "tapping " + target, coverage);
}

void turn_on_large_text(HeadlessKiosk& kiosk, Coverage& coverage) {
  tap_and_expect_final(kiosk, "topbar.large_text", coverage);
  ASSERT_TRUE(kiosk.kiosk().large_text());
}

// Every route of the registry, concrete: the first department in each tab and without one,
// the first approval item.
std::vector<std::string> registry_routes(const Content& content) {
  return ui::every_route(content, {.short_forms = true, .first_only = true});
}

TEST(Settle, EveryRouteOfTheRegistryIsFinalBeforeTheLoopSleeps) {
  Coverage coverage;
  const auto routes = registry_routes(*HeadlessKiosk::sample_content());
  for (ImVec2 display : kDisplays) {
    for (const std::string& route : routes) {
      SCOPED_TRACE(route + " at " + display_name(display, false));
      HeadlessKiosk kiosk(display, route);
      expect_final(kiosk, "opening it", coverage);
      // Then in large text (staff screens and the attract screen have no such button).
      if (kiosk.has_target("topbar.large_text")) turn_on_large_text(kiosk, coverage);
    }
  }
  std::printf("[ settle   ] registry: %zu routes, %d screens checked, %d taps\n", routes.size(), coverage.screens, coverage.taps);
  EXPECT_GE(coverage.screens, static_cast<int>(routes.size() * kDisplays.size()));
}

// Home, the department list, every department in every tab, every approval item and Back.
TEST(Settle, BrowsingEveryDepartmentTabAndItemIsFinalAfterEachTap) {
  Coverage coverage;
  const Content& content = *HeadlessKiosk::sample_content();
  for (ImVec2 display : kDisplays) {
    for (bool large : {false, true}) {
      SCOPED_TRACE(display_name(display, large));
      HeadlessKiosk kiosk(display, "home");
      if (large) turn_on_large_text(kiosk, coverage);
      tap_and_expect_final(kiosk, "home.disclosure", coverage);
      for (const Department& department : content.departments) {
        SCOPED_TRACE(department.id);
        const std::string card = "departments.card." + department.id;
        if (kiosk.route() == "departments" && kiosk.has_target(card) && !kiosk.kiosk().taps().find(card)->clipped) {
          tap_and_expect_final(kiosk, card, coverage);
        } else {
          // Out of view on the list: opened the way --screen opens it.
          kiosk.kiosk().router().reset_to(*ui::stack_for_route("department/" + department.id, content));
          kiosk.frame();
          expect_final(kiosk, "opening " + department.id, coverage);
        }
        for (const char* tab : {"items", "fees", "duties"}) tap_and_expect_final(kiosk, std::string("department.tab.") + tab, coverage);
        tap_and_expect_final(kiosk, "department.tab.items", coverage);
        for (const ApprovalItem& item : department.approval_items) {
          const std::string target = "department.item." + item.id;
          if (kiosk.has_target(target) && !kiosk.kiosk().taps().find(target)->clipped) {
            tap_and_expect_final(kiosk, target, coverage);
          } else {
            kiosk.kiosk().router().push("item/" + item.id);
            kiosk.frame();
            expect_final(kiosk, "opening " + item.id, coverage);
          }
          ASSERT_EQ(kiosk.route(), "item/" + item.id);
          tap_and_expect_final(kiosk, "topbar.back", coverage);
        }
        tap_and_expect_final(kiosk, "topbar.back", coverage);
        ASSERT_EQ(kiosk.route(), "departments");
      }
      tap_and_expect_final(kiosk, "topbar.home", coverage);
      ASSERT_EQ(kiosk.route(), "home");
    }
  }
  std::printf("[ settle   ] browse: %d screens checked, %d taps\n", coverage.screens, coverage.taps);
}

// Drags the screen up until target is wholly in view; each drag must settle too.
void bring_into_view(HeadlessKiosk& kiosk, const std::string& target, Coverage& coverage) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  for (int drags = 0; drags < 12; ++drags) {
    const ui::TapTarget* found = kiosk.kiosk().taps().find(target);
    if (found && !found->clipped) return;
    kiosk.wait(0.5);
    kiosk.drag(ImVec2(display.x * 0.5f, display.y * 0.75f), ImVec2(display.x * 0.5f, display.y * 0.35f), 12, 30);
    expect_final(kiosk, "a drag", coverage);
  }
  FAIL() << target << " never came into view on " << kiosk.route();
}

// The quiz: intro, every question answered and 下一题, the result, 再答一次.
TEST(Settle, AQuizRoundIsFinalAfterEachTap) {
  Coverage coverage;
  for (ImVec2 display : kDisplays) {
    for (bool large : {false, true}) {
      SCOPED_TRACE(display_name(display, large));
      HeadlessKiosk kiosk(display, "home");
      if (large) turn_on_large_text(kiosk, coverage);
      tap_and_expect_final(kiosk, "home.quiz", coverage);
      tap_and_expect_final(kiosk, "quiz.start", coverage);
      for (int round = 0; round < 2; ++round) {
        while (kiosk.route() == "quiz/question") {
          tap_and_expect_final(kiosk, "quiz.option.0", coverage);
          tap_and_expect_final(kiosk, "quiz.next", coverage);
        }
        ASSERT_EQ(kiosk.route(), "quiz/result");
        bring_into_view(kiosk, "quiz.retry", coverage);
        if (round == 0) tap_and_expect_final(kiosk, "quiz.retry", coverage);
      }
      tap_and_expect_final(kiosk, "quiz.home", coverage);
    }
  }
  std::printf("[ settle   ] quiz: %d screens checked, %d taps\n", coverage.screens, coverage.taps);
}

// --- Work that finishes on another thread, with no finger on the glass ---------------------

TEST(Settle, TheStaffDashboardShowsItsReportWhenItArrives) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "staff/dashboard");
  kiosk.run_until_idle();
  EXPECT_TRUE(kiosk.kiosk().service().dashboard()) << "the loop went to sleep on 正在统计…… before the report arrived";
  EXPECT_EQ(kiosk.redraw_difference(), "");
}

TEST(Settle, TheRightPinOpensTheDashboardWithoutAnotherTouch) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "staff/pin");
  const auto done = kiosk.log().run_durable([](DurableTransaction& tx) {
    Statement set = tx.db().prepare("INSERT INTO settings (key, value) VALUES ('staff.pin_hash', ?1)");
    set.bind(1, testing::cheap_pin_hash("258025"));
    set.run();
  }).get();
  ASSERT_TRUE(done.committed) << done.error;
  Coverage coverage;
  expect_final(kiosk, "opening the keypad", coverage);
  // The keypad is 1-9, 删除, 0, 确定.
  for (const char* key : {"staff.pin.key.1", "staff.pin.key.4", "staff.pin.key.7", "staff.pin.key.10", "staff.pin.key.1", "staff.pin.key.4",
                          "staff.pin.key.11"})
    tap_and_expect_final(kiosk, key, coverage);
  EXPECT_EQ(kiosk.route(), "staff/dashboard") << "the PIN check finished, but the loop slept before showing it";
  EXPECT_TRUE(kiosk.kiosk().service().dashboard());
}

// --- Where scrolling regions start -------------------------------------------------------

// A slow drag upwards that stops before lifting (no glide), then the loop's frames.
void scroll_down(HeadlessKiosk& kiosk, ImVec2 from, float by) {
  kiosk.wait(0.5);
  kiosk.drag(from, ImVec2(from.x, from.y - by), 12, 30);
  kiosk.run_until_idle();
}

TEST(Settle, ANewQuestionStartsAtItsTopInItsFirstFrame) {
  Config config;
  config.questions_per_round = 12;  // drawn at random: enough that several answers scroll
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "quiz/question", config);
  Coverage coverage;
  turn_on_large_text(kiosk, coverage);  // the answer's page is then longer than the screen
  // Every question (but the last) whose answered page the visitor scrolled down.
  int checked = 0;
  while (kiosk.route() == "quiz/question") {
    const QuizRound& round = *kiosk.kiosk().quiz().round();
    const bool last = round.current_index() + 1 == round.answers().size();
    tap_and_expect_final(kiosk, "quiz.option.0", coverage);
    EXPECT_EQ(kiosk.scroll_y_of("quiz.question"), 0) << "the answer opens its panel at the top";
    const ImRect page = kiosk.rect_of("quiz.question");
    scroll_down(kiosk, ImVec2((page.Min.x + page.Max.x) * 0.5f, page.Max.y - 40), 300);
    const bool scrolled = kiosk.scroll_y_of("quiz.question") > 0;
    kiosk.wait(0.5);
    const std::size_t index = round.current_index();
    kiosk.tap("quiz.next");
    if (last || !scrolled) continue;
    ASSERT_EQ(round.current_index(), index + 1) << "still the same question";
    // The first frame of the new question, which the next tap is matched against.
    EXPECT_EQ(kiosk.scroll_y_of("quiz.question"), 0);
    kiosk.run_until_idle();
    EXPECT_EQ(kiosk.scroll_y_of("quiz.question"), 0);
    ++checked;
  }
  EXPECT_GT(checked, 0) << "no answer of the round scrolled (precondition)";
}

TEST(Settle, TheNextSessionsDepartmentListStartsAtTheTop) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  kiosk.tap("home.disclosure");
  scroll_down(kiosk, ImVec2(960, 900), 500);
  ASSERT_GT(kiosk.scroll_y_of("departments.grid"), 0) << "the drag did not scroll (precondition)";
  kiosk.wait(0.5);
  kiosk.tap("topbar.end_session");
  kiosk.wait(0.5);
  kiosk.tap("rating.skip");
  ASSERT_EQ(kiosk.route(), "attract");
  kiosk.wait(1.0);
  kiosk.tap_at(ImVec2(1700, 950));  // the next visitor
  ASSERT_EQ(kiosk.route(), "home");
  kiosk.wait(0.5);
  kiosk.tap("home.disclosure");
  ASSERT_EQ(kiosk.route(), "departments");
  EXPECT_EQ(kiosk.scroll_y_of("departments.grid"), 0) << "in the first frame of the list";
  kiosk.run_until_idle();
  EXPECT_EQ(kiosk.scroll_y_of("departments.grid"), 0);
}

// The department of the sample content with the most approval items.
const Department& department_with_most_items() {
  const Content& content = *HeadlessKiosk::sample_content();
  const Department* best = &content.departments.front();
  for (const Department& d : content.departments)
    if (d.approval_items.size() > best->approval_items.size()) best = &d;
  return *best;
}

TEST(Settle, AnApprovalItemOpensAtItsTop) {
  const Department& department = department_with_most_items();
  ASSERT_GE(department.approval_items.size(), 2u);
  HeadlessKiosk kiosk(ImVec2(1080, 1920), "department/" + department.id + "/items");
  Coverage coverage;
  turn_on_large_text(kiosk, coverage);
  for (int i = 0; i < 2; ++i) {
    const std::string target = "department.item." + department.approval_items[static_cast<std::size_t>(i)].id;
    tap_and_expect_final(kiosk, target, coverage);
    ASSERT_EQ(kiosk.route().rfind("item/", 0), 0u);
    if (i == 1) break;
    scroll_down(kiosk, ImVec2(540, 1500), 700);
    // In large text the whole item page scrolls, its QR card with it.
    ASSERT_GT(kiosk.scroll_y_of("item.page"), 0) << "the drag did not scroll (precondition)";
    tap_and_expect_final(kiosk, "topbar.back", coverage);
  }
  EXPECT_EQ(kiosk.scroll_y_of("item.page"), 0);
}

TEST(Settle, BackReturnsToWhereTheVisitorWas) {
  const Department& department = department_with_most_items();
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "departments");
  Coverage coverage;
  scroll_down(kiosk, ImVec2(960, 900), 300);
  const float list_scroll = kiosk.scroll_y_of("departments.grid");
  ASSERT_GT(list_scroll, 0) << "the drag did not scroll (precondition)";
  std::string card;
  for (const ui::TapTarget& target : kiosk.kiosk().taps().all())
    if (card.empty() && target.id.rfind("departments.card.", 0) == 0 && !target.clipped) card = target.id;
  ASSERT_FALSE(card.empty());
  tap_and_expect_final(kiosk, card, coverage);
  tap_and_expect_final(kiosk, "topbar.back", coverage);
  EXPECT_EQ(kiosk.scroll_y_of("departments.grid"), list_scroll);

  // A department's item list, scrolled, then an item and Back.
  kiosk.kiosk().router().reset_to(*ui::stack_for_route("department/" + department.id + "/items", *HeadlessKiosk::sample_content()));
  kiosk.frame();
  kiosk.run_until_idle();
  scroll_down(kiosk, ImVec2(960, 900), 200);
  const float body_scroll = kiosk.scroll_y_of("department.body");
  ASSERT_GT(body_scroll, 0) << "the drag did not scroll (precondition)";
  std::string item;
  for (const ui::TapTarget& target : kiosk.kiosk().taps().all())
    if (item.empty() && target.id.rfind("department.item.", 0) == 0 && !target.clipped) item = target.id;
  ASSERT_FALSE(item.empty());
  tap_and_expect_final(kiosk, item, coverage);
  EXPECT_EQ(kiosk.scroll_y_of("item.details"), 0);
  kiosk.wait(0.5);
  kiosk.tap("topbar.back");
  EXPECT_EQ(kiosk.scroll_y_of("department.body"), body_scroll) << "in the first frame after Back";
  kiosk.run_until_idle();
  EXPECT_EQ(kiosk.scroll_y_of("department.body"), body_scroll);
}

}  // namespace
}  // namespace openday
