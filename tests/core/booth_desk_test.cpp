// The desk's view of the booth (issue 32), read from the desk's database: open calls and
// questions until the desk answers them, each device's counts of today, and the desk's answers
// in the reports (counted once each).
#include <gtest/gtest.h>

#include "core/reports/report.h"
#include "core/staff/booth_desk.h"
#include "core/util/local_clock.h"
#include "core/visits/booth_store.h"
#include "core/visits/event_log.h"
#include "core/visits/store.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;

EventRecord row(std::string kiosk, std::int64_t seq, std::int64_t at_ms, std::string type) {
  EventRecord r;
  r.kiosk_id = std::move(kiosk);
  r.seq = seq;
  r.at_ms = at_ms;
  r.utc_offset_min = 480;
  r.session = 1;
  r.type = std::move(type);
  return r;
}

class BoothDesk : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::int64_t now = utc_now_ms();
    EventRecord call = row("kiosk-1", 10, now - 5000, "staff_called");
    call.screen = "home";
    EventRecord question = row("kiosk-2", 20, now - 4000, "question_asked");
    question.department = "fuwu-zhongxin";
    question.target = "other";
    question.value = 0;
    EventRecord answered_on_screen = row("kiosk-2", 21, now - 3000, "question_asked");
    answered_on_screen.target = "faq-1";
    answered_on_screen.department = "fuwu-zhongxin";
    answered_on_screen.value = 1;
    std::vector<EventRecord> records{call, question, answered_on_screen, row("kiosk-1", 11, now - 2000, "session_start"),
                                     row("kiosk-1", 12, now - 1000, "tap"), row("kiosk-1", 13, now - 900, "tap")};
    DeviceState state;
    state.beat.device = state.beat.kiosk_id = "kiosk-1";
    state.beat.role = "kiosk";
    state.beat.at_ms = now;
    state.received_at_ms = now - 1000;
    run([&](DurableTransaction& tx) {
      take_in_event_records(tx.db(), records);
      save_device_heartbeat(tx.db(), "kiosk-1", encode_device_state(state));
    });
  }

  void run(const DurableJob& job) {
    const DurableResult done = log_.run_durable(job).get();
    ASSERT_TRUE(done.committed) << done.error;
  }

  BoothDeskView view() {
    log_.flush();
    Database db = open_store_read_only(file_);
    return read_booth_desk(db, nullptr, utc_now_ms(), local_midnight_ms(local_today()), "");
  }

  TempDir dir_;
  std::filesystem::path file_ = dir_ / "desk.db";
  EventLog log_{EventLog::Options{file_, "desk"}};
};

TEST_F(BoothDesk, CallsAndQuestionsStayOpenUntilTheDeskAnswersThem) {
  BoothDeskView before = view();
  ASSERT_EQ(before.calls.size(), 1u);
  EXPECT_EQ(before.calls.front().id, "kiosk-1:10");
  ASSERT_EQ(before.questions.size(), 1u) << "only the question registered for the desk, not the one answered on screen";
  EXPECT_EQ(before.questions.front().id, "kiosk-2:20");
  EXPECT_EQ(before.questions.front().department, "fuwu-zhongxin") << "the id when no content is given";
  ASSERT_EQ(before.devices.size(), 1u);
  EXPECT_EQ(before.devices.front().sessions_today, 1);
  EXPECT_EQ(before.devices.front().taps_today, 2);
  EXPECT_TRUE(before.devices.front().board.online);

  run([&](DurableTransaction& tx) { log_call_handled(tx, before.calls.front()); });
  run([&](DurableTransaction& tx) { log_question_answered(tx, before.questions.front()); });
  run([&](DurableTransaction& tx) { log_question_answered(tx, before.questions.front()); });  // a second staff member
  const BoothDeskView after = view();
  EXPECT_TRUE(after.calls.empty());
  EXPECT_TRUE(after.questions.empty());

  ReportRequest request;
  request.databases = {file_};
  const Report report = build_report(request);
  EXPECT_EQ(report.voice.questions_registered, 1);
  EXPECT_EQ(report.voice.questions_desk_answered, 1) << "answered twice, counted once";
  EXPECT_NE(voice_summary_sentence(report).find("1件已登记转服务台，服务台已现场解答1件。"), std::string::npos) << voice_summary_sentence(report);
}

}  // namespace
}  // namespace openday
