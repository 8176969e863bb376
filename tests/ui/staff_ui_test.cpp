// Staff mode as the desk uses it: the hidden corner press, the PIN keypad and its lockout, the
// dashboard's actions, the auto-lock, and leaving the app.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <span>

#include "core/staff/doctor.h"
#include "core/staff/staff.h"
#include "core/visits/store.h"
#include "core/content/ui_text.h"
#include "support/headless_kiosk.h"
#include "support/pin_fixture.h"
#include "ui/drawn_text.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

void set_pin_in(HeadlessKiosk& kiosk, const std::string& pin) {
  const std::string hash = testing::cheap_pin_hash(pin);
  const auto done = kiosk.log().run_durable([&](DurableTransaction& tx) {
    Statement set = tx.db().prepare("INSERT INTO settings (key, value) VALUES ('staff.pin_hash', ?1)");
    set.bind(1, hash);
    set.run();
  }).get();
  ASSERT_TRUE(done.committed) << done.error;
}

// Holds the finger still in the bottom-left corner for the given time.
void hold_corner(HeadlessKiosk& kiosk, double seconds, ImVec2 display) {
  const ImVec2 corner(20, display.y - 20);
  const int frames = static_cast<int>(seconds / HeadlessKiosk::kFrameSeconds);
  kiosk.drag(corner, corner, frames);
}

void type_pin(HeadlessKiosk& kiosk, const std::string& pin) {
  for (char digit : pin) {
    kiosk.tap("staff.pin.key." + std::to_string(digit == '0' ? 10 : digit - '1'));
    kiosk.wait(0.4);
  }
  kiosk.tap("staff.pin.key.11");  // 确定
  kiosk.kiosk().service().wait();
  kiosk.frame();
  kiosk.frame();
}

// Sets the PIN and types it at the keypad.
void sign_in(HeadlessKiosk& kiosk, const std::string& pin) {
  set_pin_in(kiosk, pin);
  kiosk.wait(0.5);
  type_pin(kiosk, pin);
}

void type_wrong_pins(HeadlessKiosk& kiosk, int count, const std::string& wrong) {
  for (int i = 0; i < count; ++i) {
    type_pin(kiosk, wrong);
    kiosk.wait(0.5);
  }
}

// The lockout's monotonic clock, moved by the test; the wall clock stays the real one.
std::shared_ptr<std::int64_t> fake_monotonic_clock(HeadlessKiosk& kiosk) {
  auto steady_ms = std::make_shared<std::int64_t>(5'000'000);
  kiosk.kiosk().service().set_pin_clock([steady_ms] { return PinClock{utc_now_ms(), *steady_ms}; });
  return steady_ms;
}

TEST(StaffUi, AThreeSecondPressInTheCornerOpensTheKeypadAndAShortOneDoesNot) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  hold_corner(kiosk, 1.5, ImVec2(1920, 1080));
  kiosk.wait(0.5);
  EXPECT_EQ(kiosk.route(), "home");
  hold_corner(kiosk, 3.2, ImVec2(1920, 1080));
  EXPECT_EQ(kiosk.route(), "staff/pin");
  EXPECT_EQ(kiosk.events().of_type(EventType::SessionEnd).size(), 1u) << "the visitor session ends when staff take over";
}

// 大字 ends with the visitor: the staff screens have no switch for it and are laid out at their
// own size (in 大字 the PIN keypad's 确定 and the redeem screen's 兑奖 ran off a landscape screen).
TEST(StaffUi, StaffTakingOverEndsTheVisitorsLargeText) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  kiosk.wait(ui::Kiosk::kTapGuardSeconds + 0.1);
  kiosk.tap("topbar.large_text");
  ASSERT_TRUE(kiosk.kiosk().large_text());
  hold_corner(kiosk, 3.2, ImVec2(1920, 1080));
  ASSERT_EQ(kiosk.route(), "staff/pin");
  EXPECT_FALSE(kiosk.kiosk().large_text());
  EXPECT_FALSE(kiosk.has_target("topbar.large_text")) << "staff screens offer no 大字 switch to turn it back on";
}

TEST(StaffUi, TheCornerPressDoesNotPressWhatIsUnderIt) {
  HeadlessKiosk kiosk(ImVec2(1080, 1920), "departments");
  kiosk.wait(0.5);
  hold_corner(kiosk, 3.2, ImVec2(1080, 1920));
  EXPECT_EQ(kiosk.route(), "staff/pin") << "the card under the corner must not open on release";
}

TEST(StaffUi, NoPinSetSaysSo) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "staff/pin");
  kiosk.kiosk().service().wait();
  kiosk.frame();
  ASSERT_TRUE(kiosk.kiosk().service().pin_result());
  EXPECT_EQ(kiosk.kiosk().service().pin_result()->outcome, PinCheck::Outcome::NoPin);
}

TEST(StaffUi, TheRightPinOpensTheDashboardAndFiveWrongOnesLockIt) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "staff/pin");
  set_pin_in(kiosk, "258025");
  kiosk.wait(0.5);
  for (int i = 0; i < 5; ++i) {
    type_pin(kiosk, "1111");
    kiosk.wait(0.5);
  }
  ASSERT_TRUE(kiosk.kiosk().service().pin_result());
  EXPECT_EQ(kiosk.kiosk().service().pin_result()->outcome, PinCheck::Outcome::Locked);
  type_pin(kiosk, "258025");
  EXPECT_EQ(kiosk.route(), "staff/pin") << "the right PIN must wait out the lock";
  EXPECT_EQ(kiosk.events().of_type(EventType::StaffSignIn).size(), 0u);
}

// The lock runs by the monotonic clock, and so does the countdown on the keypad: here 30 s pass
// on the monotonic clock while the wall clock stands still (as when it is set back by 30 s).
TEST(StaffUi, TheLockCountdownFollowsTheMonotonicClock) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "staff/pin");
  const auto steady_ms = fake_monotonic_clock(kiosk);
  set_pin_in(kiosk, "258025");
  kiosk.wait(0.5);
  type_wrong_pins(kiosk, 5, "1111");
  ASSERT_TRUE(kiosk.kiosk().service().pin_result());
  ASSERT_EQ(kiosk.kiosk().service().pin_result()->outcome, PinCheck::Outcome::Locked);
  const auto shown = [] { return testing::drawn_text(); };
  EXPECT_NE(shown().find(testing::without_spaces(fill_text(Text::StaffPinLockedFormat, {"60"}))), std::string::npos) << shown();
  *steady_ms += 30'000;
  kiosk.frame();
  EXPECT_EQ(kiosk.kiosk().service().pin_lock_left_ms(), 30'000);
  EXPECT_NE(shown().find(testing::without_spaces(fill_text(Text::StaffPinLockedFormat, {"30"}))), std::string::npos) << shown();
  *steady_ms += 30'000;
  kiosk.frame();
  const std::string locked_words = std::string(tr(Text::StaffPinLockedFormat)).substr(0, std::string(tr(Text::StaffPinLockedFormat)).find('{'));
  ASSERT_FALSE(testing::without_spaces(locked_words).empty());
  EXPECT_EQ(shown().find(testing::without_spaces(locked_words)), std::string::npos) << "the lock is over: " << shown();
}

// Five more wrong PINs after the first lock ran out lock the keypad for 5 min, shown in minutes.
TEST(StaffUi, TheSecondLockIsLongerAndCountsDownInMinutes) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "staff/pin");
  const auto steady_ms = fake_monotonic_clock(kiosk);
  set_pin_in(kiosk, "258025");
  kiosk.wait(0.5);
  for (int lock = 0; lock < 2; ++lock) {
    type_wrong_pins(kiosk, 5, "111111");
    ASSERT_EQ(kiosk.kiosk().service().pin_result()->outcome, PinCheck::Outcome::Locked);
    if (lock == 0) *steady_ms += kPinLockoutMs;
  }
  EXPECT_EQ(kiosk.kiosk().service().pin_lock_left_ms(), 5 * 60'000);
  const std::string shown = testing::drawn_text();
  EXPECT_NE(shown.find(testing::without_spaces(fill_text(Text::StaffPinLockedMinutesFormat, {"5"}))), std::string::npos) << shown;
}

// The keypad takes a PIN of up to twelve digits.
TEST(StaffUi, ATwelveDigitPinOpensTheDashboard) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "staff/pin");
  sign_in(kiosk, "258025802580");
  EXPECT_EQ(kiosk.route(), "staff/dashboard");
}

// A scanner at the redeem screen types (characters, Backspace, Enter) without touching the
// glass: each keeps staff mode awake as a touch would.
TEST(StaffUi, TypingAtTheRedeemScreenKeepsStaffModeAwake) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "staff/redeem");
  ImGuiIO& io = ImGui::GetIO();
  io.KeyMap[ImGuiKey_Enter] = 257;
  io.KeyMap[ImGuiKey_Backspace] = 259;
  const auto press = [&](int key) {
    io.KeysDown[key] = true;
    kiosk.frame();
    io.KeysDown[key] = false;
    kiosk.frame();
  };
  kiosk.wait(0.5);
  ASSERT_TRUE(kiosk.kiosk().staff_mode());
  kiosk.wait(45);
  io.AddInputCharacter('A');
  kiosk.frame();
  kiosk.wait(45);
  ASSERT_EQ(kiosk.route(), "staff/redeem") << "a typed character is staff activity";
  press(259);
  kiosk.wait(45);
  ASSERT_EQ(kiosk.route(), "staff/redeem") << "Backspace is staff activity";
  press(257);
  kiosk.wait(45);
  EXPECT_EQ(kiosk.route(), "staff/redeem") << "Enter is staff activity";
  EXPECT_TRUE(kiosk.kiosk().staff_mode());
  kiosk.wait(16);
  EXPECT_EQ(kiosk.route(), "attract") << "without typing or touching, staff mode still locks after 60 s";
}

TEST(StaffUi, SignInDashboardAutoLock) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "staff/pin");
  sign_in(kiosk, "258025");
  ASSERT_EQ(kiosk.route(), "staff/dashboard");
  EXPECT_TRUE(kiosk.kiosk().staff_mode());
  kiosk.kiosk().service().wait();
  kiosk.frame();
  EXPECT_TRUE(kiosk.kiosk().service().dashboard());
  kiosk.wait(61);
  EXPECT_EQ(kiosk.route(), "attract") << "staff mode locks itself after 60 s without a touch";
  EXPECT_FALSE(kiosk.kiosk().staff_mode());
}

TEST(StaffUi, StaffScreensCannotBeOpenedWithoutStaffMode) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  kiosk.kiosk().router().push("staff/dashboard");
  kiosk.frame();
  EXPECT_EQ(kiosk.route(), "home");
}

TEST(StaffUi, RedeemOnTheKeypad) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  // A visitor wins a voucher first.
  kiosk.kiosk().quiz().play_round(kiosk.kiosk().sessions().current_session(), true);
  kiosk.kiosk().quiz().wait();
  const std::string code = kiosk.kiosk().quiz().voucher_code();
  ASSERT_EQ(code.size(), 9u);
  kiosk.kiosk().enter_staff_mode();
  kiosk.frame();
  kiosk.wait(0.5);
  kiosk.tap("staff.redeem");
  kiosk.wait(0.5);
  ASSERT_EQ(kiosk.route(), "staff/redeem");
  for (char c : code) {
    if (c == '-') continue;
    kiosk.tap("staff.redeem.key." + std::to_string(kVoucherAlphabet.find(c)));
    kiosk.wait(0.4);
  }
  kiosk.tap("staff.redeem.submit");
  kiosk.kiosk().service().wait();
  ASSERT_TRUE(kiosk.kiosk().service().redemption());
  EXPECT_EQ(kiosk.kiosk().service().redemption()->outcome, Redemption::Outcome::Redeemed);
  kiosk.log().flush();
  EXPECT_EQ(open_store_read_only(kiosk.db_path()).query_int("SELECT count(*) FROM vouchers WHERE redeemed_at_ms IS NOT NULL"), 1);
}

TEST(StaffUi, AdjustStockExportAndLeave) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "staff/stock");
  kiosk.kiosk().service().wait();
  kiosk.frame();
  kiosk.wait(0.5);
  kiosk.tap("staff.stock.step.3");  // +10
  kiosk.wait(0.5);
  kiosk.tap("staff.stock.save");
  kiosk.kiosk().service().wait();
  kiosk.log().flush();
  Database db = open_store_read_only(kiosk.db_path());
  EXPECT_EQ(db.query_int("SELECT remaining FROM prize_stock"), 110);
  EXPECT_EQ(db.query_text("SELECT detail FROM events WHERE type = 'stock_adjusted'"), "100 -> 110");

  kiosk.wait(0.5);
  kiosk.tap("topbar.back");
  kiosk.wait(0.5);
  kiosk.tap("staff.export");
  kiosk.wait(0.5);
  ASSERT_EQ(kiosk.route(), "staff/export");
  // Without a USB stick the only destination is the fallback folder.
  kiosk.tap("staff.export.destination.0");
  kiosk.kiosk().service().wait();
  ASSERT_TRUE(kiosk.kiosk().service().export_result()) << kiosk.kiosk().service().export_error().value_or("");
  EXPECT_EQ(kiosk.kiosk().service().export_result()->files.size(), 17u);  // 15 CSV (满意度, 基本情况, 热门搜索, 功能使用 too), XLSX, summary

  kiosk.wait(0.5);
  kiosk.tap("topbar.back");
  kiosk.wait(0.5);
  kiosk.tap("staff.exit");
  kiosk.wait(0.5);
  kiosk.tap("staff.exit.confirm");
  EXPECT_TRUE(kiosk.kiosk().quit_requested());
}

TEST(StaffUi, ReloadingContentKeepsStaffWhereTheyAre) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "staff/dashboard");
  kiosk.kiosk().service().wait();
  kiosk.frame();
  kiosk.wait(0.5);
  kiosk.tap("staff.reload");
  kiosk.kiosk().service().wait();
  kiosk.frame();
  EXPECT_EQ(kiosk.route(), "staff/dashboard");
  EXPECT_TRUE(kiosk.kiosk().fonts_outdated()) << "new content means a new font atlas before the next frame";
  kiosk.log().flush();
  EXPECT_EQ(open_store_read_only(kiosk.db_path()).query_text("SELECT target FROM events WHERE type = 'content_reload'"), "ok");
}

}  // namespace
}  // namespace openday

namespace openday {
namespace {

TEST(StaffUi, RestockingWhileTheQuizSaysNoPrizesShowsOnceStaffLeave) {
  Config config;
  config.initial_stock = 0;
  testing::HeadlessKiosk kiosk(ImVec2(1920, 1080), "home", config);
  kiosk.kiosk().quiz().wait();
  ASSERT_EQ(kiosk.kiosk().quiz().stock(), 0);
  kiosk.kiosk().enter_staff_mode();
  kiosk.frame();
  kiosk.kiosk().service().set_stock(5);
  kiosk.kiosk().service().wait();
  kiosk.kiosk().leave_staff_mode();
  kiosk.kiosk().quiz().wait();
  EXPECT_EQ(kiosk.kiosk().quiz().stock(), 5);
}

}  // namespace
}  // namespace openday

namespace openday {
namespace {

// Everything drawn on a scrolling screen, page by page from its top to past its end.
// Short drags, each well under the scrolling body's height (再检查一次 is pinned under it), so
// that no line is carried past between two looks.
std::string drawn_down_the_page(HeadlessKiosk& kiosk, ImVec2 display) {
  std::string shown;
  for (int page = 0; page < 24; ++page) {
    shown += testing::drawn_text();
    kiosk.drag(ImVec2(display.x * 0.5f, display.y * 0.6f), ImVec2(display.x * 0.5f, display.y * 0.4f), 20);
    kiosk.wait(1.0);
  }
  return shown;
}

// The pre-flight check from the staff screen (issue 16): the dashboard's 本机自检 opens it, the
// checks run in core, and each is shown under its Chinese name; a failed one says what to do in
// Chinese and then gives the technician's exact step.
TEST(StaffUi, DoctorScreenNamesEveryCheckInChineseAndSaysWhatToDoAboutAFailedOne) {
  for (const ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920)}) {
    HeadlessKiosk kiosk(display, "staff/dashboard");
    kiosk.kiosk().service().wait();
    kiosk.frame();
    kiosk.wait(0.5);
    kiosk.tap("staff.doctor");
    kiosk.wait(0.5);
    ASSERT_EQ(kiosk.route(), "staff/doctor");
    kiosk.kiosk().service().wait();
    kiosk.frame();
    kiosk.frame();
    const auto& checks = kiosk.kiosk().service().doctor_checks();
    ASSERT_TRUE(checks) << kiosk.kiosk().service().doctor_error().value_or("");

    // The test database has no PIN: the core check fails, and the screen says so.
    const DoctorCheck expected_pin = check_pin(kiosk.db_path());
    ASSERT_FALSE(expected_pin.ok);
    const auto pin = std::find_if(checks->begin(), checks->end(), [](const DoctorCheck& c) { return c.id == DoctorCheckId::Pin; });
    ASSERT_NE(pin, checks->end());
    EXPECT_FALSE(pin->ok);
    EXPECT_EQ(pin->detail, expected_pin.detail);
    const auto font = std::find_if(checks->begin(), checks->end(), [](const DoctorCheck& c) { return c.id == DoctorCheckId::Font; });
    ASSERT_NE(font, checks->end());
    EXPECT_TRUE(font->ok) << font->detail;
    EXPECT_EQ(font->detail.find("<unknown>"), std::string::npos) << "the font check names the face the kiosk loaded";
    EXPECT_TRUE(std::any_of(checks->begin(), checks->end(), [](const DoctorCheck& c) { return c.id == DoctorCheckId::Content && c.ok; }));

    // The failed checks come first: the first row drawn under the summary is the PIN's.
    const std::string first_page = testing::drawn_text();
    const std::size_t failed = static_cast<std::size_t>(std::count_if(checks->begin(), checks->end(), [](const DoctorCheck& c) { return !c.ok; }));
    const std::string summary = testing::without_spaces(
        fill_text(Text::DoctorSomeFailedFormat, {std::to_string(checks->size()), std::to_string(failed)}));
    ASSERT_NE(first_page.find(summary), std::string::npos) << first_page;
    const std::size_t pin_at = first_page.find(testing::without_spaces(tr(Text::DoctorPin)));
    const std::size_t content_at = first_page.find(testing::without_spaces(tr(Text::DoctorContent)));
    ASSERT_NE(pin_at, std::string::npos) << first_page;
    if (content_at != std::string::npos) {
      EXPECT_LT(pin_at, content_at) << "a failed check is listed before the passed ones";
    }

    const std::string shown = drawn_down_the_page(kiosk, display);
    EXPECT_NE(shown.find(testing::without_spaces(tr(Text::DoctorFixPin))), std::string::npos) << shown;
    EXPECT_NE(shown.find(testing::without_spaces(expected_pin.fix)), std::string::npos) << shown;
    // What each check found: in Chinese where the check has the words (本机自检 is no place for
    // the command line's English), else the detail itself (a file or a device name).
    for (const DoctorCheck& check : *checks) {
      const std::string found = check.found == Text::Count ? check.detail : fill_text(check.found, std::span<const std::string>(check.found_values));
      EXPECT_NE(shown.find(testing::without_spaces(found)), std::string::npos) << check.name << "\n" << shown;
      if (!check.ok || check.found == Text::Count) continue;
      EXPECT_EQ(shown.find(testing::without_spaces(check.detail)), std::string::npos) << check.name;
    }
    for (const char* english : {"prizes left", "writable", "MB free", "(landscape)", "(portrait)"})
      EXPECT_EQ(shown.find(testing::without_spaces(english)), std::string::npos) << english << " shown to staff";
    for (const Text name : {Text::DoctorDisplay, Text::DoctorTouch, Text::DoctorFont, Text::DoctorContent, Text::DoctorQuizBank,
                            Text::DoctorDatabase, Text::DoctorClock, Text::DoctorPin, Text::DoctorPrizeStock, Text::DoctorKioskId}) {
      EXPECT_NE(shown.find(testing::without_spaces(tr(name))), std::string::npos) << tr(name) << "\n" << shown;
    }
  }
}

}  // namespace
}  // namespace openday
