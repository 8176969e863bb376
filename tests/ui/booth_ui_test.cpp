// The booth hub at the screens (issue 32): 呼叫工作人员 on a linked kiosk in both orientations
// and text sizes, honest about an unreachable desk and harmless when tapped twice; the desk's
// call strip on every screen until 已处理, and 展台总览 with its questions and devices.
#include <gtest/gtest.h>

#include "core/booth/booth_messages.h"
#include "core/content/ui_text.h"
#include "core/staff/staff.h"
#include "core/visits/booth_store.h"
#include "core/visits/store.h"
#include "support/headless_kiosk.h"
#include "support/pin_fixture.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

struct Shape {
  ImVec2 display;
  bool large_text;
};

class CallStaff : public ::testing::TestWithParam<Shape> {};

std::function<BoothLinkState()> link(bool reachable) {
  return [reachable] {
    BoothLinkState state;
    state.configured = true;
    state.reachable = reachable;
    return state;
  };
}

void open_home(HeadlessKiosk& kiosk, bool large_text) {
  kiosk.wait(0.5);
  if (large_text) {
    kiosk.tap("topbar.large_text");
    kiosk.wait(0.5);
  }
}

TEST_P(CallStaff, ACallIsLoggedOnceAndTheVisitorIsToldSomeoneIsComing) {
  HeadlessKiosk kiosk(GetParam().display, "home", Config{}, nullptr, std::nullopt, nullptr, link(true));
  open_home(kiosk, GetParam().large_text);
  ASSERT_TRUE(kiosk.has_target("topbar.call_staff"));
  const ImVec2 at = kiosk.center_of("topbar.call_staff");
  EXPECT_GT(at.x, 0);
  EXPECT_LT(at.x, GetParam().display.x) << "the button is on the screen";
  for (const char* other : {"topbar.large_text", "topbar.end_session"})
    EXPECT_GT(std::abs(kiosk.center_of(other).x - at.x), 100.0f) << "beside " << other << ", not on it";
  kiosk.tap("topbar.call_staff");
  kiosk.frame();
  ASSERT_EQ(kiosk.events().of_type(EventType::StaffCalled).size(), 1u);
  const Event call = kiosk.events().of_type(EventType::StaffCalled).front();
  EXPECT_EQ(call.screen, "home");
  EXPECT_EQ(call.value, 1);
  ASSERT_TRUE(kiosk.has_target("call.ok")) << "the card tells the visitor the desk was told";
  kiosk.wait(0.5);  // past the new card's tap guard
  kiosk.tap("call.ok");
  kiosk.wait(0.5);
  EXPECT_FALSE(kiosk.has_target("call.ok"));

  // A second call by the same visitor (and a double tap) logs nothing more.
  kiosk.tap("topbar.call_staff");
  kiosk.tap("topbar.call_staff");
  kiosk.frame();
  EXPECT_EQ(kiosk.events().of_type(EventType::StaffCalled).size(), 1u);
  EXPECT_TRUE(kiosk.has_target("call.ok"));
}

INSTANTIATE_TEST_SUITE_P(Shapes, CallStaff,
                         ::testing::Values(Shape{ImVec2(1920, 1080), false}, Shape{ImVec2(1920, 1080), true},
                                           Shape{ImVec2(1080, 1920), false}, Shape{ImVec2(1080, 1920), true}));

TEST(CallStaffOffline, AnUnreachableDeskIsSaidHonestlyAndTheCallIsStillLogged) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "department/fuwu-zhongxin", Config{}, nullptr, std::nullopt, nullptr, link(false));
  kiosk.wait(0.5);
  kiosk.tap("topbar.call_staff");
  kiosk.frame();
  const auto calls = kiosk.events().of_type(EventType::StaffCalled);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls.front().value, 0) << "logged as not heard now";
  EXPECT_EQ(calls.front().department, "fuwu-zhongxin");
  kiosk.wait(0.5);
  kiosk.tap("call.ok");
  kiosk.wait(0.5);
  kiosk.tap("topbar.call_staff");
  kiosk.frame();
  EXPECT_EQ(kiosk.events().of_type(EventType::StaffCalled).size(), 2u) << "unheard, the visitor may call again";
}

TEST(CallStaffAlone, AKioskWithoutAHubHasNoCallButton) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  kiosk.wait(0.5);
  EXPECT_FALSE(kiosk.has_target("topbar.call_staff"));
}

// Counts what the desk says aloud.
class CountingSpeech final : public ui::SpeechOutput {
 public:
  bool available() const override { return true; }
  void speak(std::vector<std::string> sections) override { said.push_back(sections.empty() ? "" : sections.front()); }
  void stop() override {}
  int section() const override { return -1; }
  void set_volume_step(int) override {}
  std::vector<std::string> said;
};

// The desk's database as the booth hub would have filled it: a call from kiosk-1, a question
// for the desk from kiosk-2, and kiosk-1's heartbeat.
void fill_from_hub(HeadlessKiosk& desk) {
  const std::int64_t now = utc_now_ms();
  EventRecord call{"kiosk-1", 5, now - 60'000, 480, 3, "staff_called", "department/fuwu-zhongxin", "fuwu-zhongxin", {}, {}, 1, {}, {}};
  EventRecord question{"kiosk-2", 7, now - 30'000, 480, 4, "question_asked", "ask/general/other", {}, {}, "other", 0, {}, {}};
  DeviceState state;
  state.beat.device = state.beat.kiosk_id = "kiosk-1";
  state.beat.role = "kiosk";
  state.beat.at_ms = now;
  state.received_at_ms = now;
  const auto done = desk.log().run_durable([&](DurableTransaction& tx) {
    const std::vector<EventRecord> records{call, question};
    take_in_event_records(tx.db(), records);
    save_device_heartbeat(tx.db(), "kiosk-1", encode_device_state(state));
    Statement pin = tx.db().prepare("INSERT INTO settings (key, value) VALUES ('staff.pin_hash', ?1)");
    pin.bind(1, testing::cheap_pin_hash("258025"));
    pin.run();
  }).get();
  ASSERT_TRUE(done.committed) << done.error;
}

void sign_in(HeadlessKiosk& desk) {
  desk.wait(0.5);
  for (char digit : std::string("258025")) {
    desk.tap("staff.pin.key." + std::to_string(digit == '0' ? 10 : digit - '1'));
    desk.wait(0.4);
  }
  desk.tap("staff.pin.key.11");
  desk.kiosk().service().wait();
  desk.frame();
  desk.kiosk().service().wait();
  desk.frame();
}

// The desk's own answers are committed with their jobs, not passed through the event sink.
std::size_t rows_of_type(HeadlessKiosk& desk, EventType type) {
  desk.log().flush();
  Database db = open_store_read_only(desk.db_path());
  Statement count = db.prepare("SELECT count(*) FROM events WHERE type = ?1");
  count.bind(1, event_type_name(type));
  count.step();
  return static_cast<std::size_t>(count.column_int(0));
}

// Waits (fake time) for the desk's periodic read of the booth, and lets it finish.
void let_the_desk_look(HeadlessKiosk& desk) {
  desk.wait(2.5);
  desk.kiosk().service().wait();
  desk.frame();
  desk.frame();
}

TEST(DeskBoard, ACallStaysOnEveryDeskScreenUntilHandledAndQuestionsAreAnsweredOnce) {
  Config config;
  config.role = BoothRole::Desk;
  config.kiosk_id = "desk";
  config.hub_url = "nats://127.0.0.1:4222";
  config.hub_credentials = "desk.creds";
  CountingSpeech voice;
  HeadlessKiosk desk(ImVec2(1920, 1080), "attract", config, nullptr, std::nullopt, &voice, link(true));
  fill_from_hub(desk);
  sign_in(desk);
  const auto pin = desk.kiosk().service().pin_result();
  ASSERT_EQ(desk.route(), "staff/tally") << "PIN check: " << (pin ? static_cast<int>(pin->outcome) : -1);
  let_the_desk_look(desk);
  const std::string handled = "banner.call_handled.kiosk-1:5";
  ASSERT_TRUE(desk.has_target(handled)) << "the call shows under the bar on the tally";
  ASSERT_EQ(voice.said.size(), 1u) << "and is said aloud";
  EXPECT_EQ(voice.said.front(), tr(Text::BoothCallSpoken));
  desk.wait(31);
  EXPECT_EQ(voice.said.size(), 2u) << "again every half minute until someone handles it";

  desk.tap("staff.tally.booth");
  let_the_desk_look(desk);
  ASSERT_EQ(desk.route(), "staff/booth");
  EXPECT_TRUE(desk.has_target(handled)) << "and on the board";
  ASSERT_TRUE(desk.has_target("staff.booth.question.kiosk-2:7"));
  const ImVec2 answer = desk.center_of("staff.booth.question.kiosk-2:7");
  desk.tap_at(answer);
  desk.tap_at(answer);  // a double tap: the row has already left the list
  let_the_desk_look(desk);
  EXPECT_EQ(rows_of_type(desk, EventType::QuestionAnswered), 1u) << "a double tap answers once";
  EXPECT_FALSE(desk.has_target("staff.booth.question.kiosk-2:7"));

  desk.tap(handled);
  let_the_desk_look(desk);
  EXPECT_EQ(rows_of_type(desk, EventType::StaffCallHandled), 1u);
  EXPECT_FALSE(desk.has_target(handled)) << "handled, the strip is gone";
  const std::size_t said = voice.said.size();
  desk.wait(31);
  EXPECT_EQ(voice.said.size(), said) << "and the desk is quiet";
  EXPECT_FALSE(desk.has_target("staff.booth.call.kiosk-1:5"));
}

}  // namespace
}  // namespace openday
