// A session cut short by the kiosk stopping: a clean stop ends it (reason shutdown); after a
// kill the next start closes it at its last event, with touches consistent with the taps.
#include <gtest/gtest.h>

#include <vector>

#include "core/visits/event_log.h"
#include "core/reports/report.h"
#include "core/reports/stats.h"
#include "core/visits/store.h"
#include "core/util/local_clock.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;

Event at(EventType type, std::int64_t session, std::int64_t at_ms, std::string target = "") {
  Event e;
  e.type = type;
  e.session = session;
  e.at_ms = at_ms;
  e.target = std::move(target);
  return e;
}

struct EndRow {
  std::string reason;
  std::int64_t dwell_ms = -1, touches = -1;
  int count = 0;
};

EndRow session_end_of(const std::filesystem::path& file, std::int64_t session) {
  Database db = open_store_read_only(file);
  Statement read = db.prepare("SELECT target, value, count FROM events WHERE type = 'session_end' AND session = ?1");
  read.bind(1, session);
  EndRow row;
  while (read.step()) {
    ++row.count;
    row.reason = read.column_text(0);
    row.dwell_ms = read.column_int(1);
    row.touches = read.column_int(2);
  }
  return row;
}

// What a killed kiosk leaves: a start and taps at the given stamps, no end.
void write_killed_session(const std::filesystem::path& file, std::int64_t start, const std::vector<std::int64_t>& tap_stamps) {
  OpenedStore store = open_store_for_writing(file);
  Statement insert = prepare_event_insert(store.db);
  std::int64_t seq = 1;
  insert_event(insert, "kiosk-1", seq++, at(EventType::SessionStart, start, start));
  for (const std::int64_t stamp : tap_stamps) insert_event(insert, "kiosk-1", seq++, at(EventType::Tap, start, stamp, "t"));
}

// The next start of the kiosk, which closes what the kill left open.
void start_again(const std::filesystem::path& file) {
  EventLog log({file, "kiosk-1"});
  log.flush();
}

TEST(SessionClose, ACleanStopEndsTheOpenSessionAsShutdown) {
  TempDir dir;
  const std::int64_t start = utc_now_ms() - 60'000;
  {
    EventLog log({dir / "k.db", "kiosk-1"});
    log.log(at(EventType::SessionStart, start, start));
    log.log(at(EventType::Tap, start, start + 3000, "home.disclosure"));
    log.log(at(EventType::ScreenView, start, start + 3100));
    log.log(at(EventType::Tap, start, start + 5000, "home.quiz"));
    log.log(at(EventType::IdleWarning, start, start + 65000));
  }
  const EndRow end = session_end_of(dir / "k.db", start);
  ASSERT_EQ(end.count, 1);
  EXPECT_EQ(end.reason, "shutdown");
  EXPECT_EQ(end.dwell_ms, 5000) << "dwell runs to the last event, the idle warning excluded";
  EXPECT_EQ(end.touches, 2);
}

TEST(SessionClose, AnEndedSessionIsNotEndedTwice) {
  TempDir dir;
  const std::int64_t start = utc_now_ms() - 60'000;
  {
    EventLog log({dir / "k.db", "kiosk-1"});
    log.log(at(EventType::SessionStart, start, start));
    Event end = at(EventType::SessionEnd, start, start + 4000, "done");
    end.value = 4000;
    end.count = 1;
    log.log(end);
  }
  { EventLog again({dir / "k.db", "kiosk-1"}); }
  EXPECT_EQ(session_end_of(dir / "k.db", start).count, 1);
}

TEST(SessionClose, AfterAKillTheNextStartClosesItAtItsLastEvent) {
  TempDir dir;
  const std::int64_t start = utc_now_ms() - 600'000;
  std::vector<std::int64_t> taps;
  for (int i = 1; i <= 12; ++i) taps.push_back(start + i * 1000);
  write_killed_session(dir / "k.db", start, taps);
  {
    // Another kiosk's open session in the same file is not this kiosk's to close.
    OpenedStore store = open_store_for_writing(dir / "k.db");
    Statement insert = prepare_event_insert(store.db);
    insert_event(insert, "kiosk-2", 1, at(EventType::SessionStart, start + 1, start + 1));
  }
  start_again(dir / "k.db");
  const EndRow end = session_end_of(dir / "k.db", start);
  ASSERT_EQ(end.count, 1);
  EXPECT_EQ(end.reason, "interrupted");
  EXPECT_EQ(end.dwell_ms, 12000);
  EXPECT_EQ(end.touches, 12);
  EXPECT_EQ(session_end_of(dir / "k.db", start + 1).count, 0);

  ReportRequest request;
  request.databases = {dir / "k.db"};
  const Report report = build_report(request);
  ASSERT_EQ(report.sessions.size(), 2u);
  EXPECT_EQ(report.sessions[0].end_reason, "interrupted");
  EXPECT_EQ(report.sessions[0].touches, 12);
  EXPECT_EQ(report.sessions[0].taps, 12);
  EXPECT_NEAR(report.sessions[0].dwell_seconds, 12.0, 1e-9);
}

// Issue 33: the wall clock set back a day in the middle of a session (a booth PC's clock fixed by
// hand, or by NTP after a night on a wrong battery clock).
constexpr std::int64_t kDayMs = 86'400'000;

TEST(SessionClockJump, AKillAfterTheClockWentBackADayGivesTheElapsedTimeNotZero) {
  TempDir dir;
  const std::int64_t start = utc_now_ms() - 600'000;
  std::vector<std::int64_t> taps;
  for (int i = 1; i <= 5; ++i) taps.push_back(start + i * 1000);
  // The clock jumps back a day between the fifth and the sixth tap (a second apart as before).
  for (int i = 6; i <= 8; ++i) taps.push_back(start - kDayMs + i * 1000);
  write_killed_session(dir / "k.db", start, taps);
  start_again(dir / "k.db");
  const EndRow end = session_end_of(dir / "k.db", start);
  ASSERT_EQ(end.count, 1);
  EXPECT_EQ(end.reason, "interrupted");
  // Seven of the eight seconds: the step across the jump is unknown and counted as nothing.
  EXPECT_EQ(end.dwell_ms, 7000);
  EXPECT_EQ(end.touches, 8);
}

TEST(SessionClockJump, ACleanStopAfterTheClockWentBackCountsTheTimeOnBothSides) {
  TempDir dir;
  const std::int64_t start = utc_now_ms() - 60'000;
  {
    EventLog log({dir / "k.db", "kiosk-1"});
    log.log(at(EventType::SessionStart, start, start));
    log.log(at(EventType::Tap, start, start - kDayMs + 2000, "home.disclosure"));
    log.log(at(EventType::Tap, start, start - kDayMs + 6000, "home.quiz"));
  }
  const EndRow end = session_end_of(dir / "k.db", start);
  ASSERT_EQ(end.count, 1);
  EXPECT_EQ(end.reason, "shutdown");
  EXPECT_EQ(end.dwell_ms, 4000) << "never negative nor 0: the time after the jump counts";
  EXPECT_EQ(end.touches, 2);
}

TEST(SessionClockJump, AReportOfTheStartDayListsTheSessionEndedAtItsEndBeforeTheJump) {
  TempDir dir;
  const CalendarDate day{2026, 5, 15};
  const std::int64_t start = local_midnight_ms(day) + 10 * 3600 * 1000;
  {
    OpenedStore store = open_store_for_writing(dir / "k.db");
    Statement insert = prepare_event_insert(store.db);
    std::int64_t seq = 1;
    insert_event(insert, "kiosk-1", seq++, at(EventType::SessionStart, start, start));
    insert_event(insert, "kiosk-1", seq++, at(EventType::Tap, start, start + 1000, "t"));
    insert_event(insert, "kiosk-1", seq++, at(EventType::Tap, start, start - kDayMs + 3000, "t"));
    // The kiosk measures the dwell on its monotonic clock; the row is stamped on the wall clock.
    Event end = at(EventType::SessionEnd, start, start - kDayMs + 33'000, "timeout");
    end.value = 3000;
    end.count = 2;
    insert_event(insert, "kiosk-1", seq++, end);
  }
  ReportRequest request;
  request.databases = {dir / "k.db"};
  request.from = request.to = day;
  const Report report = build_report(request);
  ASSERT_EQ(report.sessions.size(), 1u);
  EXPECT_EQ(report.sessions[0].end_reason, "timeout") << "not 未结束";
  EXPECT_NEAR(report.sessions[0].dwell_seconds, 3.0, 1e-9);
  EXPECT_EQ(report.sessions[0].touches, 2);
  EXPECT_EQ(report.sessions[0].taps, 2) << "the tap stamped the day before is the session's";
  EXPECT_NEAR(report.total.average_dwell_seconds, 3.0, 1e-9);
}

}  // namespace
}  // namespace openday
