// The booth's prize stock at the screens (issue 27): the quiz intro is honest before anyone plays
// when this device has no prize left and cannot reach the hub, and tells the booth's stock, not
// this device's share; the prize code screen shows the booth's stock; staff see the booth's stock
// on the dashboard and the stock screen (and why it could not be read or saved); the redeem
// screen's hub answers fit; the desk's board lists codes redeemed twice. In both orientations and
// both text sizes, with the actions in view.
#include <gtest/gtest.h>

#include <algorithm>
#include <future>
#include <ostream>
#include <string>

#include "core/content/ui_text.h"
#include "core/staff/staff.h"
#include "core/visits/booth_store.h"
#include "core/visits/store.h"
#include "support/headless_kiosk.h"
#include "support/quiz_walk.h"
#include "support/ui_shapes.h"
#include "ui/drawn_text.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;
using testing::Shape;
using testing::shape_name;

const auto kShapes = testing::every_shape();

// Staff screens have no 大字 switch: staff read them at arm's length.
const auto kStaffShapes = ::testing::Values(Shape{ImVec2(1920, 1080), false}, Shape{ImVec2(1080, 1920), false});

std::function<BoothLinkState()> link(bool reachable, std::optional<std::int64_t> booth_prizes, std::int64_t held) {
  return [=] {
    BoothLinkState state;
    state.configured = true;
    state.reachable = reachable;
    state.booth_prizes = booth_prizes;
    state.prizes_held = held;
    return state;
  };
}

template <typename T>
std::future<T> answered(T value) {
  std::promise<T> promise;
  promise.set_value(std::move(value));
  return promise.get_future();
}

// The uplink's prize link as a test gives it: the booth's stock as last read (none: never read),
// the hub's answer to a redemption and to a stock change.
struct FakePrizes {
  std::optional<std::int64_t> stock;
  HubRedemption redemption;
  BoothStockChange change;
  BoothPrizeLink link() {
    BoothPrizeLink out;
    out.redeem = [this](std::string code, std::int64_t) {
      HubRedemption answer = redemption;
      answer.code = code;
      return answered(answer);
    };
    out.set_stock = [this](std::int64_t wanted) {
      BoothStockChange answer = change;
      if (answer.error.empty()) {
        answer.before = stock.value_or(0);
        answer.after = wanted;
        stock = wanted;
      }
      return answered(answer);
    };
    out.booth_stock = [this] { return stock; };
    return out;
  }
};

// Spaces draw nothing, the ideographic one (U+3000) included.
bool shows(std::string_view text) {
  std::string wanted = testing::without_spaces(text);
  for (std::size_t at = wanted.find("\u3000"); at != std::string::npos; at = wanted.find("\u3000")) wanted.erase(at, 3);
  return testing::drawn_text().find(wanted) != std::string::npos;
}

void large_text_if(HeadlessKiosk& kiosk, bool large) { testing::set_text_size(kiosk, large); }

// Every text of the last frame inside its box and on the screen, and every target whole, large
// and on the screen: nothing cut, nothing to scroll to.
void expect_fits(HeadlessKiosk& kiosk, ImVec2 display) {
  constexpr float kTolerance = 1.0f;
  for (const ui::TextPlacement& p : kiosk.kiosk().text_audit().placements()) {
    EXPECT_TRUE(p.min.x >= p.box_min.x - kTolerance && p.max.x <= p.box_max.x + kTolerance && p.min.y >= p.box_min.y - kTolerance &&
                p.max.y <= p.box_max.y + kTolerance)
        << "\"" << p.text << "\" leaves its box";
    EXPECT_LE(p.max.y, display.y + kTolerance) << "\"" << p.text << "\" is below the screen";
    EXPECT_GE(p.min.x, -kTolerance) << p.text;
    EXPECT_LE(p.max.x, display.x + kTolerance) << p.text;
  }
  const float minimum = 80.0f * std::min(display.x, display.y) / 1080.0f;
  for (const ui::TapTarget& target : kiosk.kiosk().taps().all()) {
    SCOPED_TRACE(target.id);
    EXPECT_FALSE(target.clipped) << "in view without scrolling";
    EXPECT_GE(target.size().x, minimum);
    EXPECT_GE(target.size().y, minimum);
    EXPECT_LE(target.max.y, display.y);
    EXPECT_LE(target.max.x, display.x);
  }
}

// Everything the last frame drew lies on the screen: no card runs off its bottom (for screens
// that do not scroll).
void expect_drawn_on_screen(ImVec2 display) {
  constexpr float kTolerance = 2.0f;  // anti-aliased edges
  const ImDrawData* data = ImGui::GetDrawData();
  ASSERT_NE(data, nullptr);
  float lowest = 0;
  for (int l = 0; l < data->CmdListsCount; ++l)
    for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer) lowest = std::max(lowest, v.pos.y);
  EXPECT_LE(lowest, display.y + kTolerance) << "something is drawn below the screen";
}

void record_texts(HeadlessKiosk& kiosk) { kiosk.kiosk().text_audit().record_placements = true; }

// From the home screen to the quiz intro, its stock read done.
void open_intro(HeadlessKiosk& kiosk, bool large) {
  large_text_if(kiosk, large);
  kiosk.tap("home.quiz");
  kiosk.wait(0.5);
  kiosk.kiosk().quiz().wait();
  kiosk.frame();
  kiosk.frame();
  ASSERT_EQ(kiosk.route(), "quiz");
}

// Plays the round on screen, every answer right, to its result.
void win_a_round(HeadlessKiosk& kiosk) {
  kiosk.tap("quiz.start");
  kiosk.wait(0.5);
  testing::answer_the_round(kiosk);
  ASSERT_EQ(kiosk.route(), "quiz/result");
}

class BoothPrizesIntro : public ::testing::TestWithParam<Shape> {};

TEST_P(BoothPrizesIntro, NothingHereAndNoHubIsSaidBeforeAnyonePlaysAndTheRoundCanStillBePlayed) {
  HeadlessKiosk kiosk(GetParam().display, "home", Config{}, nullptr, std::nullopt, nullptr, link(false, 40, 0));
  record_texts(kiosk);
  open_intro(kiosk, GetParam().large_text);
  EXPECT_TRUE(shows(tr(Text::QuizPrizesUnavailableTitle)));
  EXPECT_TRUE(shows(tr(Text::QuizPrizesUnavailableDetail)));
  EXPECT_FALSE(shows(fill_text(Text::QuizStockFormat, {"40"}))) << "no promise of a prize this device cannot give";
  ASSERT_TRUE(kiosk.has_target("quiz.start")) << "the quiz is still there to learn from";
  expect_fits(kiosk, GetParam().display);
  expect_drawn_on_screen(GetParam().display);
}

TEST_P(BoothPrizesIntro, TheBoothsStockIsToldNotThisDevicesShare) {
  HeadlessKiosk kiosk(GetParam().display, "home", Config{}, nullptr, std::nullopt, nullptr, link(true, 37, 3));
  record_texts(kiosk);
  open_intro(kiosk, GetParam().large_text);
  ASSERT_EQ(kiosk.kiosk().quiz().stock(), 100) << "this device's own count differs";
  EXPECT_TRUE(shows(fill_text(Text::QuizStockFormat, {"37"})));
  EXPECT_FALSE(shows(fill_text(Text::QuizStockFormat, {"100"})));
  EXPECT_FALSE(shows(tr(Text::QuizPrizesUnavailableTitle)));
  expect_fits(kiosk, GetParam().display);
  expect_drawn_on_screen(GetParam().display);
}

INSTANTIATE_TEST_SUITE_P(Shapes, BoothPrizesIntro, kShapes, shape_name);

TEST(BoothPrizesIntroCases, AHeldShareWhileTheHubIsAwayStillPromisesAPrize) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home", Config{}, nullptr, std::nullopt, nullptr, link(false, 37, 2));
  open_intro(kiosk, false);
  EXPECT_TRUE(shows(fill_text(Text::QuizStockFormat, {"37"}))) << "the booth's stock as last read";
  EXPECT_FALSE(shows(tr(Text::QuizPrizesUnavailableTitle)));
}

TEST(BoothPrizesIntroCases, TheBoothsStockNotReadYetIsNotThisDevicesCount) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home", Config{}, nullptr, std::nullopt, nullptr, link(true, std::nullopt, 0));
  open_intro(kiosk, false);
  EXPECT_TRUE(shows(tr(Text::QuizStockUnknown)));
  EXPECT_FALSE(shows(fill_text(Text::QuizStockFormat, {"100"})));
}

TEST(BoothPrizesIntroCases, WithoutAHubNothingChanges) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  open_intro(kiosk, false);
  EXPECT_TRUE(shows(fill_text(Text::QuizStockFormat, {"100"})));
  EXPECT_FALSE(shows(tr(Text::QuizPrizesUnavailableTitle)));
}

TEST(BoothPrizesResult, ARoundWonWithNothingHereAndNoHubSaysWhyNotThatTheBoothRanOut) {
  FakePrizes hub{40, {}, {}};
  HeadlessKiosk kiosk(ImVec2(1080, 1920), "home", Config{}, nullptr, std::nullopt, nullptr, link(false, 40, 0), hub.link());
  open_intro(kiosk, false);
  win_a_round(kiosk);
  ASSERT_EQ(kiosk.kiosk().quiz().voucher_state(), VoucherState::OutOfStock) << "this device holds no share";
  EXPECT_TRUE(shows(tr(Text::QuizNoStockHere)));
  EXPECT_FALSE(shows(tr(Text::QuizNoStock)));
}

class BoothPrizesCode : public ::testing::TestWithParam<Shape> {};

TEST_P(BoothPrizesCode, TheWinnersCodeScreensShowTheBoothsStock) {
  HeadlessKiosk kiosk(GetParam().display, "home", Config{}, nullptr, std::nullopt, nullptr, link(true, 37, 3));
  record_texts(kiosk);
  open_intro(kiosk, GetParam().large_text);
  win_a_round(kiosk);
  ASSERT_EQ(kiosk.kiosk().quiz().voucher_state(), VoucherState::Issued);
  const std::string left = fill_text(Text::QuizBoothStockLeftFormat, {"37"});
  // Under the prize code; in landscape the page scrolls above its pinned actions to it.
  const auto scroll_to_stock = [&](const char* region) {
    for (int drag = 0; drag < 4 && !shows(left); ++drag) {
      const ImRect page = kiosk.rect_of(region);
      kiosk.drag(ImVec2(page.GetCenter().x, page.Max.y - 40), ImVec2(page.GetCenter().x, page.Min.y + 40), 12, 30);
      kiosk.run_until_idle();
    }
  };
  scroll_to_stock("quiz.result");
  EXPECT_TRUE(shows(left)) << "on the result";
  kiosk.tap("topbar.back");
  kiosk.wait(0.5);
  kiosk.tap("quiz.my_code");
  kiosk.wait(0.5);
  ASSERT_EQ(kiosk.route(), "quiz/code");
  scroll_to_stock("quiz.code");
  EXPECT_TRUE(shows(left)) << "on 我的兑奖码";
  EXPECT_FALSE(shows(fill_text(Text::QuizBoothStockLeftFormat, {"99"}))) << "never this device's count";
  for (const ui::TextPlacement& p : kiosk.kiosk().text_audit().placements()) EXPECT_LE(p.max.x, GetParam().display.x + 1) << p.text;
}

INSTANTIATE_TEST_SUITE_P(Shapes, BoothPrizesCode, kShapes, shape_name);

TEST(BoothPrizesCodeAlone, WithoutAHubTheCodeScreenIsAsItWas) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  open_intro(kiosk, false);
  win_a_round(kiosk);
  EXPECT_FALSE(shows(fill_text(Text::QuizBoothStockLeftFormat, {"99"})));
}

// Staff mode on a booth kiosk, opened as --screen opens it.
HeadlessKiosk& ready(HeadlessKiosk& kiosk, bool large) {
  kiosk.kiosk().service().wait();
  kiosk.frame();
  large_text_if(kiosk, large);
  kiosk.kiosk().service().wait();
  kiosk.frame();
  kiosk.frame();
  return kiosk;
}

class BoothPrizesStaff : public ::testing::TestWithParam<Shape> {};

TEST_P(BoothPrizesStaff, TheDashboardTileIsTheBoothsStock) {
  FakePrizes hub{25, {}, {}};
  HeadlessKiosk kiosk(GetParam().display, "staff/dashboard", Config{}, nullptr, std::nullopt, nullptr, link(true, 25, 3), hub.link());
  // The dashboard's report is built off the UI thread, again every 30 s; a fresh kiosk's first
  // one may come before its event log created the database.
  kiosk.log().flush();
  kiosk.wait(31);
  kiosk.kiosk().service().wait();
  kiosk.frame();
  kiosk.frame();
  ASSERT_TRUE(kiosk.kiosk().service().dashboard()) << kiosk.kiosk().service().dashboard_error().value_or("");
  EXPECT_TRUE(shows(std::string(tr(Text::TileBoothStock)) + "25")) << testing::drawn_text();
}

TEST_P(BoothPrizesStaff, TheStockScreenShowsTheBoothsStockAndSavesItThroughTheHub) {
  FakePrizes hub{25, {}, {}};
  HeadlessKiosk kiosk(GetParam().display, "staff/stock", Config{}, nullptr, std::nullopt, nullptr, link(true, 25, 3), hub.link());
  record_texts(kiosk);
  ready(kiosk, GetParam().large_text);
  EXPECT_TRUE(shows(tr(Text::StockBoothTitle)));
  EXPECT_TRUE(shows(tr(Text::StockBoothHint)));
  EXPECT_TRUE(shows(fill_text(Text::StockCurrentFormat, {"25"})));
  kiosk.tap("staff.stock.step.3");  // +10
  kiosk.wait(0.5);
  kiosk.tap("staff.stock.save");
  kiosk.kiosk().service().wait();
  kiosk.frame();
  kiosk.frame();
  EXPECT_EQ(hub.stock, 35);
  EXPECT_TRUE(shows(fill_text(Text::StockSavedFormat, {"35"})));
  expect_fits(kiosk, GetParam().display);
}

TEST_P(BoothPrizesStaff, AStockTheHubDidNotGiveIsSaidWithWhyAndCanBeReadAgain) {
  FakePrizes hub{std::nullopt, {}, {}};
  HeadlessKiosk kiosk(GetParam().display, "staff/stock", Config{}, nullptr, std::nullopt, nullptr, link(false, std::nullopt, 0), hub.link());
  record_texts(kiosk);
  ready(kiosk, GetParam().large_text);
  const auto error = kiosk.kiosk().service().stock_error();
  ASSERT_TRUE(error);
  EXPECT_TRUE(shows(tr(Text::StockReadFailed))) << "not 正在读取 for ever";
  EXPECT_TRUE(shows(*error));
  ASSERT_TRUE(kiosk.has_target("staff.stock.retry"));
  expect_fits(kiosk, GetParam().display);
  hub.stock = 12;  // the hub is back
  kiosk.tap("staff.stock.retry");
  kiosk.kiosk().service().wait();
  kiosk.frame();
  kiosk.frame();
  EXPECT_TRUE(shows(fill_text(Text::StockCurrentFormat, {"12"})));
}

TEST_P(BoothPrizesStaff, AStockChangeTheHubRefusedIsNotCalledSaved) {
  FakePrizes hub{25, {}, {0, 0, "the booth hub did not answer within 4 s"}};
  HeadlessKiosk kiosk(GetParam().display, "staff/stock", Config{}, nullptr, std::nullopt, nullptr, link(true, 25, 3), hub.link());
  record_texts(kiosk);
  ready(kiosk, GetParam().large_text);
  kiosk.tap("staff.stock.step.2");  // +1
  kiosk.wait(0.5);
  kiosk.tap("staff.stock.save");
  kiosk.kiosk().service().wait();
  kiosk.frame();
  kiosk.frame();
  EXPECT_TRUE(shows(tr(Text::StockSaveFailed)));
  EXPECT_TRUE(shows("the booth hub did not answer within 4 s"));
  EXPECT_FALSE(shows(fill_text(Text::StockSavedFormat, {"26"})));
  EXPECT_FALSE(shows(fill_text(Text::StockSavedFormat, {"25"})));
  expect_fits(kiosk, GetParam().display);
}

// Types a code on the redeem keypad (the scanner's way: as characters) and submits it.
void redeem(HeadlessKiosk& kiosk, const std::string& code) {
  for (char c : code) ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
  kiosk.frame();
  kiosk.wait(0.5);
  kiosk.tap("staff.redeem.submit");
  kiosk.kiosk().service().wait();
  kiosk.frame();
  kiosk.frame();
}

TEST_P(BoothPrizesStaff, AnotherDevicesCodeWhileTheHubIsAwayIsNotRedeemedAndTheWordsFit) {
  FakePrizes hub{25, {}, {}};
  hub.redemption.outcome = HubRedemption::Outcome::Unreachable;
  HeadlessKiosk kiosk(GetParam().display, "staff/redeem", Config{}, nullptr, std::nullopt, nullptr, link(false, 25, 0), hub.link());
  record_texts(kiosk);
  ready(kiosk, GetParam().large_text);
  redeem(kiosk, "ABCDEF23");
  const auto result = kiosk.kiosk().service().redemption();
  ASSERT_TRUE(result);
  ASSERT_EQ(result->outcome, Redemption::Outcome::HubUnreachable);
  EXPECT_TRUE(shows(fill_text(Text::RedeemHubUnreachableFormat, {"ABCD-EF23"})));
  expect_fits(kiosk, GetParam().display);
}

TEST_P(BoothPrizesStaff, ACodeRedeemedElsewhereSaysWhenAndWhereAndTheWordsFit) {
  FakePrizes hub{25, {}, {}};
  hub.redemption.outcome = HubRedemption::Outcome::AlreadyRedeemed;
  hub.redemption.at_ms = 1'778'814'000'000;
  hub.redemption.redeemed_by = "kiosk-2";
  HeadlessKiosk kiosk(GetParam().display, "staff/redeem", Config{}, nullptr, std::nullopt, nullptr, link(true, 25, 3), hub.link());
  record_texts(kiosk);
  ready(kiosk, GetParam().large_text);
  redeem(kiosk, "ABCDEF23");
  EXPECT_TRUE(shows(fill_text(Text::RedeemAlreadyWhereFormat, {"ABCD-EF23", format_local_time(hub.redemption.at_ms, "%Y-%m-%d %H:%M"), "kiosk-2"})));
  expect_fits(kiosk, GetParam().display);
}

TEST_P(BoothPrizesStaff, ACodeTheBoothNeverIssuedIsCalledSo) {
  FakePrizes hub{25, {}, {}};
  hub.redemption.outcome = HubRedemption::Outcome::Unknown;
  HeadlessKiosk kiosk(GetParam().display, "staff/redeem", Config{}, nullptr, std::nullopt, nullptr, link(true, 25, 3), hub.link());
  record_texts(kiosk);
  ready(kiosk, GetParam().large_text);
  redeem(kiosk, "ABCDEF23");
  EXPECT_TRUE(shows(fill_text(Text::RedeemUnknownBoothFormat, {"ABCD-EF23"}))) << "the hub knows every device's codes";
  expect_fits(kiosk, GetParam().display);
}

INSTANTIATE_TEST_SUITE_P(Shapes, BoothPrizesStaff, kStaffShapes, shape_name);

// The desk's file as the hub filled it: ABCD-EF23 redeemed offline at kiosk-1, then at kiosk-2.
void fill_double_redemption(HeadlessKiosk& desk, std::int64_t first_ms, std::int64_t second_ms) {
  EventRecord offline{"kiosk-1", 8, first_ms, 480, 0, "voucher_redeemed", {}, {}, "ABCD-EF23", "staff", {}, {}, {}};
  EventRecord again{"kiosk-2", 9, second_ms, 480, 0, "voucher_redeemed", {}, {}, "ABCD-EF23", "staff", {}, {}, {}};
  const auto done = desk.log().run_durable([&](DurableTransaction& tx) {
    const std::vector<EventRecord> records{offline, again};
    take_in_event_records(tx.db(), records);
  }).get();
  ASSERT_TRUE(done.committed) << done.error;
}

class DeskDoubleRedemptions : public ::testing::TestWithParam<Shape> {};

TEST_P(DeskDoubleRedemptions, TheBoardListsEveryRedemptionOfACodeRedeemedTwice) {
  Config config;
  config.role = BoothRole::Desk;
  config.kiosk_id = "desk";
  HeadlessKiosk desk(GetParam().display, "staff/booth", config, nullptr, std::nullopt, nullptr, link(true, 25, 0));
  record_texts(desk);
  const std::int64_t now = utc_now_ms();
  fill_double_redemption(desk, now - 3'600'000, now - 600'000);
  ready(desk, GetParam().large_text);
  desk.wait(2.5);  // the desk's next look at the booth
  desk.kiosk().service().wait();
  desk.frame();
  desk.frame();
  ASSERT_EQ(desk.route(), "staff/booth");
  EXPECT_TRUE(shows(tr(Text::BoothDoublesHeading)));
  EXPECT_TRUE(shows(fill_text(Text::BoothDoubleCodeFormat, {"ABCD-EF23", "2"})));
  EXPECT_TRUE(shows(fill_text(Text::BoothDoubleRedemptionFormat, {"1", format_local_time(now - 3'600'000, "%m-%d %H:%M:%S"), "kiosk-1"})));
  EXPECT_TRUE(shows(fill_text(Text::BoothDoubleRedemptionFormat, {"2", format_local_time(now - 600'000, "%m-%d %H:%M:%S"), "kiosk-2"})));
  for (const ui::TextPlacement& p : desk.kiosk().text_audit().placements()) EXPECT_LE(p.max.x, GetParam().display.x + 1) << p.text;
}

INSTANTIATE_TEST_SUITE_P(Shapes, DeskDoubleRedemptions, kStaffShapes, shape_name);

TEST(DeskDoubleRedemptionsNone, NoSectionWithoutOne) {
  Config config;
  config.role = BoothRole::Desk;
  config.kiosk_id = "desk";
  HeadlessKiosk desk(ImVec2(1920, 1080), "staff/booth", config, nullptr, std::nullopt, nullptr, link(true, 25, 0));
  ready(desk, false);
  EXPECT_FALSE(shows(tr(Text::BoothDoublesHeading)));
}

}  // namespace
}  // namespace openday
