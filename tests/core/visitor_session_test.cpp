#include "core/visits/visitor_session.h"

#include <gtest/gtest.h>

#include <vector>

namespace openday {
namespace {

class Sink final : public EventSink {
 public:
  void log(Event event) override { events.push_back(std::move(event)); }
  std::vector<Event> events;
};

class VisitorSessionsTest : public ::testing::Test {
 protected:
  Sink sink;
  VisitorSessions sessions{sink, 60, 10};  // the defaults: 60 s idle, 10 s warning
};

TEST_F(VisitorSessionsTest, WakeStartsOneSessionOnly) {
  sessions.wake(100);
  sessions.wake(101);
  ASSERT_EQ(sink.events.size(), 1u);
  EXPECT_EQ(sink.events[0].type, EventType::SessionStart);
  EXPECT_EQ(sessions.phase(), SessionPhase::Active);
  EXPECT_NE(sessions.current_session(), 0);
}

TEST_F(VisitorSessionsTest, WarningAfterTimeoutThenTimeoutAfterWarning) {
  sessions.wake(100);
  EXPECT_FALSE(sessions.update(159.9));
  EXPECT_EQ(sessions.phase(), SessionPhase::Active);
  EXPECT_FALSE(sessions.update(160));
  EXPECT_EQ(sessions.phase(), SessionPhase::Warning);
  EXPECT_DOUBLE_EQ(sessions.warning_seconds_left(164), 6);
  EXPECT_FALSE(sessions.update(169.9));
  EXPECT_TRUE(sessions.update(170));
  EXPECT_EQ(sessions.phase(), SessionPhase::None);
  EXPECT_EQ(sink.events.back().type, EventType::SessionEnd);
  EXPECT_EQ(sink.events.back().target, "timeout");
}

TEST_F(VisitorSessionsTest, ATouchDuringTheWarningContinues) {
  sessions.wake(100);
  sessions.update(160);
  sessions.touch(165);
  EXPECT_EQ(sessions.phase(), SessionPhase::Active);
  EXPECT_EQ(sink.events.back().type, EventType::SessionContinued);
  EXPECT_FALSE(sessions.update(224));
  EXPECT_EQ(sessions.phase(), SessionPhase::Active) << "the idle clock restarts at the continuing touch";
  sessions.update(225);
  EXPECT_EQ(sessions.phase(), SessionPhase::Warning);
}

TEST_F(VisitorSessionsTest, DwellExcludesTheIdleTail) {
  sessions.wake(100);
  sessions.touch(110);
  sessions.touch(130.5);
  sessions.update(190.5);
  sessions.update(200.5);
  const Event& end = sink.events.back();
  ASSERT_EQ(end.type, EventType::SessionEnd);
  EXPECT_EQ(end.value, 30500) << "dwell runs from the wake to the last touch";
  EXPECT_EQ(end.count, 2);
}

TEST_F(VisitorSessionsTest, DoneEndsAtOnceWithItsReason) {
  sessions.wake(100);
  sessions.touch(105);
  sessions.end_done(112);
  EXPECT_EQ(sessions.phase(), SessionPhase::None);
  EXPECT_EQ(sink.events.back().target, "done");
  EXPECT_EQ(sink.events.back().value, 12000);
  EXPECT_FALSE(sessions.update(1000)) << "nothing is pending after the end";
}

TEST_F(VisitorSessionsTest, WakeAndLeaveHasNoTouches) {
  sessions.wake(100);
  sessions.update(160);
  sessions.update(170);
  EXPECT_EQ(sink.events.back().count, 0);
  EXPECT_EQ(sink.events.back().value, 0);
}

TEST_F(VisitorSessionsTest, EverySessionHasItsOwnNumberAndItsEventsCarryIt) {
  sessions.wake(100);
  const auto first = sessions.current_session();
  sessions.end_done(101);
  sessions.wake(102);
  const auto second = sessions.current_session();
  EXPECT_GT(second, first);
  for (const Event& e : sink.events) EXPECT_TRUE(e.session == first || e.session == second);
}

TEST_F(VisitorSessionsTest, NextDeadlineFollowsThePhase) {
  EXPECT_GT(sessions.next_deadline(), 1e12);
  sessions.wake(100);
  EXPECT_DOUBLE_EQ(sessions.next_deadline(), 160);
  sessions.update(160);
  EXPECT_DOUBLE_EQ(sessions.next_deadline(), 170);
}

}  // namespace
}  // namespace openday
