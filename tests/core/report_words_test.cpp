// What the report's numbers and words claim: a session counts on the day it started with its
// end and dwell, the summary says what the kiosk measured, and no list names a zero count.
#include <gtest/gtest.h>

#include "core/reports/report.h"
#include "core/reports/stats.h"
#include "support/fixture_db.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::FixtureDb;
using testing::TempDir;

ReportRequest one_day(const std::filesystem::path& db, CalendarDate day) {
  ReportRequest request;
  request.databases = {db};
  request.from = request.to = day;
  return request;
}

TEST(DayBoundary, ASessionCrossingMidnightCountsWithItsEndOnTheDayItStarted) {
  TempDir dir;
  {
    FixtureDb db(dir / "k.db", "k1");
    db.add("2026-05-15 23:58", 7, "session_start");
    db.add("2026-05-15 23:59", 7, "tap", "home.disclosure");
    db.add("2026-05-16 00:01", 7, "tap", "home.quiz");
    db.add("2026-05-16 00:02", 7, "session_end", "done", "", "", 240000, 2);
    db.add("2026-05-16 10:00", 8, "session_start");
    db.add("2026-05-16 10:01", 8, "session_end", "timeout", "", "", 0, 0);
  }
  const DayStats first = compute_day_stats(dir / "k.db", {2026, 5, 15});
  EXPECT_EQ(first.sessions, 1);
  EXPECT_EQ(first.engaged_sessions, 1);
  EXPECT_EQ(first.sessions_ended_by_done, 1);
  EXPECT_EQ(first.sessions_ended_by_timeout, 0);
  EXPECT_NEAR(first.average_dwell_seconds, 240.0, 1e-9);

  const DayStats second = compute_day_stats(dir / "k.db", {2026, 5, 16});
  EXPECT_EQ(second.sessions, 1);
  EXPECT_EQ(second.sessions_ended_by_done, 0) << "the end belongs to the 15th";
  EXPECT_EQ(second.sessions_ended_by_timeout, 1);
  EXPECT_EQ(second.sessions, second.sessions_ended_by_done + second.sessions_ended_by_timeout);

  // The export of the 15th shows the session ended, with its dwell.
  const Report report = build_report(one_day(dir / "k.db", {2026, 5, 15}));
  ASSERT_EQ(report.sessions.size(), 1u);
  EXPECT_EQ(report.sessions[0].end_reason, "done");
  EXPECT_NEAR(report.sessions[0].dwell_seconds, 240.0, 1e-9);
  ASSERT_EQ(report.days.size(), 1u);
  EXPECT_NEAR(report.days[0].average_dwell_seconds, 240.0, 1e-9);
}

void fill_words_fixture(FixtureDb& db) {
  // Session 1 opens a department; session 2 only plays the quiz (its question is about 监察局);
  // session 3 opens an approval item; session 4 woke and left.
  db.add("2026-05-15 09:00", 1, "session_start");
  db.add("2026-05-15 09:00", 1, "tap", "home.disclosure");
  db.add("2026-05-15 09:01", 1, "screen_view", "", "minzheng");
  db.add("2026-05-15 09:02", 1, "session_end", "done", "", "", 60000, 2);
  db.add("2026-05-15 10:00", 2, "session_start");
  db.add("2026-05-15 10:00", 2, "tap", "home.quiz");
  db.add("2026-05-15 10:00", 2, "screen_view", "");
  db.add("2026-05-15 10:00", 2, "quiz_start");
  db.add("2026-05-15 10:01", 2, "quiz_answer", "", "jiancha", "q001", 1);
  db.add("2026-05-15 10:02", 2, "session_end", "done", "", "", 60000, 3);
  db.add("2026-05-15 11:00", 3, "session_start");
  db.add("2026-05-15 11:00", 3, "tap", "home.disclosure");
  db.add("2026-05-15 11:01", 3, "screen_view", "", "guotu", "guotu-item");
  db.add("2026-05-15 11:02", 3, "session_end", "timeout", "", "", 30000, 1);
  db.add("2026-05-15 12:00", 4, "session_start");
  db.add("2026-05-15 12:01", 4, "session_end", "timeout", "", "", 0, 0);
}

TEST(SummaryWords, SaysWhatTheKioskMeasuredAndCountsOnlyBrowsingAsReading) {
  TempDir dir;
  {
    FixtureDb db(dir / "k.db", "k1");
    fill_words_fixture(db);
  }
  const Report report = build_report(one_day(dir / "k.db", {2026, 5, 15}));
  EXPECT_EQ(report.total.browsing_sessions, 2);
  const std::string text = summary_text(report, "示例县");
  EXPECT_NE(text.find("自助查询机服务群众4人次"), std::string::npos) << text;
  EXPECT_EQ(text.find("接待"), std::string::npos) << "the desk's numbers are not the kiosk's: " << text;
  EXPECT_NE(text.find("其中2人次查阅了政务公开信息"), std::string::npos) << text;
}

TEST(SummaryWords, TopDepartmentsNeverNameAZeroCount) {
  TempDir dir;
  {
    FixtureDb db(dir / "k.db", "k1");
    fill_words_fixture(db);
  }
  const Report report = build_report(one_day(dir / "k.db", {2026, 5, 15}));
  const std::string text = summary_text(report, "示例县");
  EXPECT_NE(text.find("查阅最多的部门是minzheng、guotu。"), std::string::npos) << text;
  EXPECT_EQ(text.find("jiancha"), std::string::npos) << "only answered about in the quiz, never opened: " << text;
  for (const DepartmentRow& d : most_viewed_departments(report, 8)) EXPECT_GT(d.views + d.item_views, 0) << d.id;
  EXPECT_EQ(most_viewed_departments(report, 8).size(), 2u);
}

TEST(SummaryWords, NoDepartmentViewedSaysNothingAboutDepartments) {
  TempDir dir;
  {
    FixtureDb db(dir / "k.db", "k1");
    db.add("2026-05-15 10:00", 2, "session_start");
    db.add("2026-05-15 10:01", 2, "quiz_answer", "", "jiancha", "q001", 0);
    db.add("2026-05-15 10:02", 2, "session_end", "done", "", "", 60000, 3);
  }
  const std::string text = summary_text(build_report(one_day(dir / "k.db", {2026, 5, 15})), "示例县");
  EXPECT_EQ(text.find("查阅最多的部门"), std::string::npos) << text;
}


// Just after midnight, or on a day nobody came: the date first, no rate without attempts.
TEST(SummaryWords, AnEmptyDayIsOneCalmSentenceThatStartsWithTheDate) {
  TempDir dir;
  { FixtureDb db(dir / "k.db", "k1"); }
  const Report report = build_report(one_day(dir / "k.db", {2026, 5, 15}));
  ASSERT_TRUE(report.days.empty() || report.total.sessions == 0);
  EXPECT_EQ(summary_text(report, "示例县"), "5月15日，示例县政务公开日自助查询机暂无群众使用记录。");
}

TEST(SummaryWords, ADayWithoutQuizRoundsGivesNoPassRate) {
  TempDir dir;
  {
    FixtureDb db(dir / "k.db", "k1");
    db.add("2026-05-15 09:00", 1, "session_start");
    db.add("2026-05-15 09:00", 1, "tap", "home.disclosure");
    db.add("2026-05-15 09:01", 1, "screen_view", "", "minzheng");
    db.add("2026-05-15 09:02", 1, "session_end", "done", "", "", 60000, 2);
  }
  EXPECT_EQ(summary_text(build_report(one_day(dir / "k.db", {2026, 5, 15})), "示例县"),
            "5月15日，示例县政务公开日自助查询机服务群众1人次，其中1人次查阅了政务公开信息，累计操作1次。"
            "群众查阅最多的部门是minzheng。网上审批有奖竞猜暂无人参与。");
}

TEST(SummaryWords, ARangeAskedForIsNamedEvenWhereItHasNoData) {
  TempDir dir;
  { FixtureDb db(dir / "k.db", "k1"); }
  ReportRequest request = one_day(dir / "k.db", {2026, 5, 15});
  request.to = CalendarDate{2026, 5, 16};
  EXPECT_EQ(summary_text(build_report(request), "示例县"), "5月15日至5月16日，示例县政务公开日自助查询机暂无群众使用记录。");
}

}  // namespace
}  // namespace openday
