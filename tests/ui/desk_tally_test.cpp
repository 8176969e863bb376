// The staff desk (issue 12) as staff use it: the desk role opens behind the PIN and never shows
// a citizen's screen, locks after five wrong PINs and by itself after a minute; a walk through
// the tally taps every kind in both orientations, with the department two taps away (the most
// recent first), a double tap counted once, 撤销上一次, and the day's facts on the keypad.
#include <gtest/gtest.h>

#include "core/reports/report.h"
#include "core/staff/staff.h"
#include "core/visits/store.h"
#include "support/headless_kiosk.h"
#include "support/pin_fixture.h"
#include "ui/route_registry.h"
#include "ui/theme.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

// Whether the last frame filled any part of a target in the accent red (a primary or chosen button).
bool painted_in_accent(HeadlessKiosk& kiosk, std::string_view id) {
  const ui::TapTarget* target = kiosk.kiosk().taps().find(id);
  if (!target) return false;
  const ImDrawData* data = ImGui::GetDrawData();
  for (int l = 0; data && l < data->CmdListsCount; ++l)
    for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer)
      if (v.col == ui::colors::kAccent && v.pos.x > target->min.x + 1 && v.pos.x < target->max.x - 1 && v.pos.y > target->min.y + 1 &&
          v.pos.y < target->max.y - 1)
        return true;
  return false;
}

Config desk_config() {
  Config config;
  config.role = BoothRole::Desk;
  config.kiosk_id = "kiosk-1";
  return config;
}

void set_pin_in(HeadlessKiosk& kiosk, const std::string& pin) {
  const std::string hash = testing::cheap_pin_hash(pin);
  const auto done = kiosk.log().run_durable([&](DurableTransaction& tx) {
    Statement set = tx.db().prepare("INSERT INTO settings (key, value) VALUES ('staff.pin_hash', ?1)");
    set.bind(1, hash);
    set.run();
  }).get();
  ASSERT_TRUE(done.committed) << done.error;
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

// Lets the commit and the re-read of the totals finish, then draws them.
void settle(HeadlessKiosk& kiosk) {
  kiosk.kiosk().service().wait();
  kiosk.frame();
  kiosk.kiosk().service().wait();
  kiosk.frame();
}

// A tap on the tally after the new screen's tap guard.
void tap_after_guard(HeadlessKiosk& kiosk, std::string_view id) {
  kiosk.wait(0.4);
  kiosk.tap(id);
  settle(kiosk);
}

TallyTotals committed_totals(HeadlessKiosk& kiosk) {
  kiosk.log().flush();
  ReportRequest request;
  request.databases = {kiosk.db_path()};
  return build_report(request).tally;
}

class DeskRole : public ::testing::TestWithParam<ImVec2> {};

TEST_P(DeskRole, OpensBehindThePinAndNeverShowsACitizensScreen) {
  HeadlessKiosk kiosk(GetParam(), "attract", desk_config());
  kiosk.wait(0.5);
  EXPECT_EQ(kiosk.route(), "staff/pin");
  EXPECT_FALSE(kiosk.kiosk().staff_mode());
  kiosk.kiosk().router().reset_to({"home"});
  kiosk.frame();
  EXPECT_EQ(kiosk.route(), "staff/pin") << "the desk never opens a citizen's screen";
  kiosk.wait(ui::Kiosk::kStaffIdleSeconds + 1);
  EXPECT_EQ(kiosk.route(), "staff/pin") << "idle, the desk rests at the PIN, not on the attract screen";
  EXPECT_TRUE(kiosk.events().of_type(EventType::SessionStart).empty()) << "no visitor sessions at the desk";
}

TEST_P(DeskRole, FiveWrongPinsLockItAndTheRightOneOpensTheTallyThatLocksItself) {
  {
    HeadlessKiosk kiosk(GetParam(), "attract", desk_config());
    set_pin_in(kiosk, "258025");
    kiosk.wait(0.5);
    for (int i = 0; i < 5; ++i) {
      type_pin(kiosk, "1111");
      kiosk.wait(0.5);
    }
    ASSERT_TRUE(kiosk.kiosk().service().pin_result());
    EXPECT_EQ(kiosk.kiosk().service().pin_result()->outcome, PinCheck::Outcome::Locked);
    type_pin(kiosk, "258025");
    EXPECT_EQ(kiosk.route(), "staff/pin") << "the right PIN must wait out the lock, at the desk too";
  }
  HeadlessKiosk kiosk(GetParam(), "attract", desk_config());
  set_pin_in(kiosk, "258025");
  kiosk.wait(0.5);
  type_pin(kiosk, "258025");
  kiosk.wait(0.5);
  EXPECT_EQ(kiosk.route(), "staff/tally") << "the desk opens straight into the tally";
  kiosk.wait(ui::Kiosk::kStaffIdleSeconds + 1);
  EXPECT_EQ(kiosk.route(), "staff/pin") << "the tally locks itself after a minute untouched";
  EXPECT_FALSE(kiosk.kiosk().staff_mode());
}

TEST_P(DeskRole, ATapWalkCountsEveryKindOnceAndUndoTakesTheLastBack) {
  HeadlessKiosk kiosk(GetParam(), "attract", desk_config());
  set_pin_in(kiosk, "258025");
  kiosk.wait(0.5);
  type_pin(kiosk, "258025");
  settle(kiosk);
  ASSERT_EQ(kiosk.route(), "staff/tally");

  // 接待咨询群众 +1, then a double tap on it a second later: counted once each time, two in all.
  tap_after_guard(kiosk, "staff.tally.consultation");
  kiosk.wait(1.0);
  kiosk.tap("staff.tally.consultation");
  kiosk.tap("staff.tally.consultation");
  settle(kiosk);
  EXPECT_EQ(committed_totals(kiosk)[TallyKind::Consultation], 2) << "a double tap counts once";

  // 解答政策咨询: the department on the next screen, back on the tally after it.
  const std::string first = HeadlessKiosk::sample_content()->departments.at(3).id;
  tap_after_guard(kiosk, "staff.tally.answer");
  ASSERT_EQ(kiosk.route(), "staff/tally/answer");
  tap_after_guard(kiosk, "staff.tally.pick." + first);
  EXPECT_EQ(kiosk.route(), "staff/tally");
  // The next answer finds that department first, marked as recent.
  tap_after_guard(kiosk, "staff.tally.answer");
  ASSERT_EQ(kiosk.route(), "staff/tally/answer");
  const ImVec2 recent = kiosk.center_of("staff.tally.pick." + first);
  const ImVec2 other = kiosk.center_of("staff.tally.pick." + HeadlessKiosk::sample_content()->departments.at(0).id);
  EXPECT_TRUE(recent.y < other.y || (recent.y == other.y && recent.x < other.x)) << "the most recent department comes first";
  EXPECT_FALSE(painted_in_accent(kiosk, "staff.tally.pick." + first)) << "first, not painted in the chosen red";
  tap_after_guard(kiosk, "staff.tally.pick." + first);

  // 记录群众问题: a category, then the department; no department to tap before the category.
  tap_after_guard(kiosk, "staff.tally.problem");
  ASSERT_EQ(kiosk.route(), "staff/tally/problem");
  EXPECT_FALSE(kiosk.has_target("staff.tally.pick." + first)) << "no silent 其他问题: the category comes first";
  for (const ui::TapTarget& target : kiosk.kiosk().taps().all()) {
    if (!target.id.starts_with("staff.tally.category.")) continue;
    EXPECT_NE(target.state, "chosen") << target.id << " chosen before staff chose";
  }
  tap_after_guard(kiosk, "staff.tally.category.fees");
  tap_after_guard(kiosk, "staff.tally.pick." + first);
  EXPECT_EQ(kiosk.route(), "staff/tally");

  // Handbooks and leaflets in bundles.
  tap_after_guard(kiosk, "staff.tally.handbook.10");
  tap_after_guard(kiosk, "staff.tally.handbook.1");
  tap_after_guard(kiosk, "staff.tally.leaflet.100");

  TallyTotals totals = committed_totals(kiosk);
  EXPECT_EQ(totals[TallyKind::Answer], 2);
  EXPECT_EQ(totals.by_department[first][static_cast<std::size_t>(TallyKind::Answer)], 2);
  EXPECT_EQ(totals[TallyKind::Problem], 1);
  EXPECT_EQ(totals.problems_by_category["fees"], 1);
  EXPECT_EQ(totals[TallyKind::Handbook], 11);
  EXPECT_EQ(totals[TallyKind::Leaflet], 100);

  // 撤销上一次: the 100 leaflets go, the rest stays; a second undo has nothing to take.
  tap_after_guard(kiosk, "staff.tally.undo");
  tap_after_guard(kiosk, "staff.tally.undo");
  totals = committed_totals(kiosk);
  EXPECT_EQ(totals[TallyKind::Leaflet], 0);
  EXPECT_EQ(totals[TallyKind::Handbook], 11);
  EXPECT_EQ(totals.undone, 1);
  EXPECT_EQ(kiosk.kiosk().service().tally().today()->totals[TallyKind::Handbook], 11) << "the button shows what was committed";

  // 活动概况: staff on duty typed on the keypad, then corrected.
  tap_after_guard(kiosk, "staff.tally.facts");
  ASSERT_EQ(kiosk.route(), "staff/tally/facts");
  tap_after_guard(kiosk, "staff.facts.staff");
  for (const char* key : {"staff.facts.key.2", "staff.facts.key.10", "staff.facts.key.11"}) tap_after_guard(kiosk, key);  // 3 0 保存
  EXPECT_EQ(committed_totals(kiosk).fact(EventFactKind::Staff), 30);
  for (const char* key : {"staff.facts.key.2", "staff.facts.key.10", "staff.facts.key.10", "staff.facts.key.11"})
    tap_after_guard(kiosk, key);  // 3 0 0 保存
  EXPECT_EQ(committed_totals(kiosk).fact(EventFactKind::Staff), 300) << "the latest entry corrects the first";
  for (const auto& event : kiosk.events().events) EXPECT_NE(event.type, EventType::SessionStart);
}

INSTANTIATE_TEST_SUITE_P(BothOrientations, DeskRole, ::testing::Values(ImVec2(1920, 1080), ImVec2(1080, 1920)),
                         [](const auto& param_info) { return param_info.param.x > param_info.param.y ? "landscape" : "portrait"; });

TEST(DeskEntry, TheKiosksDashboardOpensTheTallyAndItsTapsCount) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "staff/dashboard");
  kiosk.wait(0.5);
  kiosk.tap("staff.tally");
  kiosk.wait(0.5);
  ASSERT_EQ(kiosk.route(), "staff/tally");
  tap_after_guard(kiosk, "staff.tally.consultation");
  EXPECT_EQ(committed_totals(kiosk)[TallyKind::Consultation], 1);
}

}  // namespace
}  // namespace openday
