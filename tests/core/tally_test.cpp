// The staff desk tally (issue 12): taps, undo and facts as events; exact totals when a desk
// database is merged with two kiosk databases (and given twice); the whole 基本情况 paragraph,
// word for word; the desk's undo window and double-tap protection.
#include "core/reports/tally.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <chrono>
#include <thread>

#include "core/booth/config.h"
#include "core/reports/export.h"
#include "core/reports/report.h"
#include "core/reports/stats.h"
#include "core/staff/tally_service.h"
#include "core/visits/event_log.h"
#include "support/fixture_db.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::FixtureDb;
using testing::TempDir;

constexpr CalendarDate kDay{2026, 5, 15};

ReportRequest day_of(std::vector<std::filesystem::path> databases) {
  ReportRequest request;
  request.databases = std::move(databases);
  request.from = request.to = kDay;
  return request;
}

// tap_id is the row's value: unique per kiosk id, as the desk makes it.
void tap(FixtureDb& db, const std::string& at, std::int64_t tap_id, const std::string& kind, std::int64_t count,
         const std::string& department = "", const std::string& category = "") {
  db.add(at, 0, "desk_tally", kind, department, category, tap_id, count);
}

void undo(FixtureDb& db, const std::string& at, std::int64_t tap_id, const std::string& kind) {
  db.add(at, 0, "desk_tally_undo", kind, "", "", tap_id);
}

void fact(FixtureDb& db, const std::string& at, const std::string& name, std::int64_t value) {
  db.add(at, 0, "event_fact", name, "", "", value);
}

// The desk of the fixture: every figure of the seed's 基本情况, some of them corrected or undone.
void fill_desk(FixtureDb& db) {
  fact(db, "2026-05-15 08:30", "departments", 31);
  fact(db, "2026-05-15 08:31", "staff", 30);   // a typo ...
  fact(db, "2026-05-15 08:32", "staff", 300);  // ... corrected: the latest counts
  fact(db, "2026-05-15 08:33", "boards", 50);
  fact(db, "2026-05-15 08:34", "leaflets_printed", 30000);
  tap(db, "2026-05-15 09:00", 1, "consultation", 1000);
  tap(db, "2026-05-15 09:01", 2, "consultation", 30);
  tap(db, "2026-05-15 09:02", 3, "answer", 350, "minzheng");
  tap(db, "2026-05-15 09:03", 4, "answer", 6, "guotu");
  tap(db, "2026-05-15 09:04", 5, "answer", 5, "guotu");  // undone within the minute
  undo(db, "2026-05-15 09:04", 5, "answer");
  tap(db, "2026-05-15 09:05", 6, "problem", 70, "minzheng", "fees");
  tap(db, "2026-05-15 09:06", 7, "problem", 7, "guotu", "policy");
  // A tap counts at most kMaxTallyCount: large figures come in several taps.
  tap(db, "2026-05-15 09:07", 8, "handbook", 1000);
  tap(db, "2026-05-15 09:07", 11, "handbook", 1000);
  tap(db, "2026-05-15 09:07", 12, "handbook", 318);
  tap(db, "2026-05-15 09:08", 9, "leaflet", 1000);
  tap(db, "2026-05-15 09:08", 13, "leaflet", 500);
  tap(db, "2026-05-14 16:00", 10, "leaflet", 999);  // the day before: not counted
}

// Sessions 1 and 2 of the words fixture on one kiosk, 3 and 4 on another.
void fill_kiosk_one(FixtureDb& db) {
  db.add("2026-05-15 09:00", 1, "session_start");
  db.add("2026-05-15 09:00", 1, "tap", "home.disclosure");
  db.add("2026-05-15 09:01", 1, "screen_view", "", "minzheng");
  db.add("2026-05-15 09:02", 1, "session_end", "done", "", "", 60000, 2);
  db.add("2026-05-15 10:00", 2, "session_start");
  db.add("2026-05-15 10:00", 2, "tap", "home.quiz");
  db.add("2026-05-15 10:00", 2, "quiz_start");
  db.add("2026-05-15 10:01", 2, "quiz_answer", "", "jiancha", "q001", 0);
  db.add("2026-05-15 10:01", 2, "quiz_finish", "failed", "", "", 0, 1);
  db.add("2026-05-15 10:02", 2, "session_end", "done", "", "", 60000, 3);
}

void fill_kiosk_two(FixtureDb& db) {
  db.add("2026-05-15 11:00", 3, "session_start");
  db.add("2026-05-15 11:00", 3, "tap", "home.disclosure");
  db.add("2026-05-15 11:01", 3, "screen_view", "", "guotu", "guotu-item");
  db.add("2026-05-15 11:02", 3, "session_end", "timeout", "", "", 30000, 1);
  db.add("2026-05-15 12:00", 4, "session_start");
  db.add("2026-05-15 12:01", 4, "session_end", "timeout", "", "", 0, 0);
}

class BoothFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    {
      FixtureDb desk(dir / "desk.db", "desk-1");
      fill_desk(desk);
      FixtureDb one(dir / "k1.db", "kiosk-1");
      fill_kiosk_one(one);
      FixtureDb two(dir / "k2.db", "kiosk-2");
      fill_kiosk_two(two);
    }
    // The desk's file copied to a USB stick and given again: its rows count once.
    std::filesystem::copy_file(dir / "desk.db", dir / "desk-copy.db");
  }
  Report merged() { return build_report(day_of({dir / "desk.db", dir / "k1.db", dir / "k2.db", dir / "desk-copy.db"})); }
  TempDir dir;
};

TEST_F(BoothFixture, ADeskDatabaseAndTwoKioskDatabasesMergeToExactTotals) {
  const Report report = merged();
  const TallyTotals& t = report.tally;
  EXPECT_EQ(t[TallyKind::Consultation], 1030);
  EXPECT_EQ(t[TallyKind::Answer], 356) << "the undone tap of 5 is left out";
  EXPECT_EQ(t[TallyKind::Problem], 77);
  EXPECT_EQ(t[TallyKind::Handbook], 2318);
  EXPECT_EQ(t[TallyKind::Leaflet], 1500) << "the day before is not counted";
  EXPECT_EQ(t.undone, 1);
  EXPECT_EQ(t.fact(EventFactKind::Departments), 31);
  EXPECT_EQ(t.fact(EventFactKind::Staff), 300) << "the corrected figure, not the typo";
  EXPECT_EQ(t.fact(EventFactKind::Boards), 50);
  EXPECT_EQ(t.fact(EventFactKind::LeafletsPrinted), 30000);
  ASSERT_EQ(t.by_department.size(), 2u);
  EXPECT_EQ(t.by_department.at("minzheng")[static_cast<std::size_t>(TallyKind::Answer)], 350);
  EXPECT_EQ(t.by_department.at("minzheng")[static_cast<std::size_t>(TallyKind::Problem)], 70);
  EXPECT_EQ(t.by_department.at("guotu")[static_cast<std::size_t>(TallyKind::Answer)], 6);
  EXPECT_EQ(t.by_department.at("guotu")[static_cast<std::size_t>(TallyKind::Problem)], 7);
  EXPECT_EQ(t.problems_by_category.at("fees"), 70);
  EXPECT_EQ(t.problems_by_category.at("policy"), 7);
  EXPECT_EQ(report.total.sessions, 4) << "two kiosks, two sessions each";
  EXPECT_EQ(report.databases_read, 4);
}

TEST_F(BoothFixture, TheCopyOfTheDeskCountsOnceInEveryOrder) {
  const Report copy_first = build_report(day_of({dir / "desk-copy.db", dir / "k2.db", dir / "desk.db", dir / "k1.db"}));
  const Report once = build_report(day_of({dir / "desk.db", dir / "k1.db", dir / "k2.db"}));
  EXPECT_EQ(copy_first.tally.by_kind, once.tally.by_kind);
  EXPECT_EQ(copy_first.tally.undone, 1);
  EXPECT_EQ(copy_first.tally.facts, once.tally.facts);
}

TEST_F(BoothFixture, TheSummaryIsTheWhole基本情况WordForWord) {
  const std::string expected =
      "5月15日，示例县政务公开日共有31个部门（单位）、300名机关干部和工作人员参加。"
      "共印发政务公开宣传品30000份，发放宣传品1500份，发放便民手册2300余册，制作各种栏（板）50块，受理解答政策咨询350余件，"
      "接待现场咨询群众1000余人次（其中咨询台接待1030人次，自助查询机服务4人次），整理问题77件。"
      "自助查询机服务群众4人次，其中2人次查阅了政务公开信息，累计操作3次。群众查阅最多的部门是minzheng、guotu。"
      "网上审批有奖竞猜共1人次参与，0人次答题过关（过关率0%），发放奖品0份，已兑奖0份。"
      "答错较多的题目是“q001”（正确率0%），今后宣传中需重点解读。"
      "（文中带“余”的数字为向下取整的约数，确切数字见基本情况表。）";
  EXPECT_EQ(summary_text(merged(), "示例县"), expected);
}

TEST_F(BoothFixture, TheBasicFactsSheetHoldsTheExactFigures) {
  const auto tables = report_tables(merged());
  const auto sheet = std::find_if(tables.begin(), tables.end(), [](const ExportTable& t) { return t.sheet_name == "基本情况"; });
  ASSERT_NE(sheet, tables.end());
  auto figure = [&](const std::string& label) -> std::int64_t {
    for (const auto& row : sheet->rows)
      if (std::get<std::string>(row[0].value) == label) return std::get<std::int64_t>(row[1].value);
    ADD_FAILURE() << "no row " << label;
    return -1;
  };
  EXPECT_EQ(figure("参加部门（单位）"), 31);
  EXPECT_EQ(figure("参加机关干部和工作人员"), 300);
  EXPECT_EQ(figure("印发政务公开宣传品"), 30000);
  EXPECT_EQ(figure("发放宣传品"), 1500);
  EXPECT_EQ(figure("发放便民手册"), 2318) << "exact in the table, 2300余 in the paragraph";
  EXPECT_EQ(figure("制作各种栏（板）"), 50);
  EXPECT_EQ(figure("受理解答政策咨询"), 356);
  EXPECT_EQ(figure("接待现场咨询群众（合计）"), 1034);
  EXPECT_EQ(figure("其中：咨询台接待"), 1030);
  EXPECT_EQ(figure("其中：自助查询机服务"), 4);
  EXPECT_EQ(figure("整理问题"), 77);
  EXPECT_EQ(figure("其中：收费问题"), 70);
  EXPECT_EQ(figure("撤销的登记"), 1);
}

TEST_F(BoothFixture, StatsJsonHasTheTallyOfOneDatabase) {
  const DayStats stats = compute_day_stats(dir / "desk.db", kDay);
  EXPECT_EQ(stats.desk_consultations, 1030);
  EXPECT_EQ(stats.policy_answers, 356);
  EXPECT_EQ(stats.problems_recorded, 77);
  EXPECT_EQ(stats.handbooks, 2318);
  EXPECT_EQ(stats.leaflets, 1500);
  const std::string json = day_stats_json(stats);
  EXPECT_NE(json.find("\"policy_answers\": 356"), std::string::npos) << json;
  EXPECT_NE(json.find("\"guotu\": {\n      \"policy_answers\": 6,\n      \"problems_recorded\": 7\n    }"), std::string::npos) << json;
  EXPECT_NE(json.find("\"staff\": 300"), std::string::npos) << json;
}

TEST(TallyUndo, AnUndoJustAfterMidnightCancelsItsTapOfTheDayBefore) {
  TempDir dir;
  {
    FixtureDb desk(dir / "desk.db", "desk-1");
    tap(desk, "2026-05-15 23:59", 1, "leaflet", 100);
    tap(desk, "2026-05-15 23:58", 2, "leaflet", 10);
    undo(desk, "2026-05-16 00:00", 1, "leaflet");
  }
  EXPECT_EQ(build_report(day_of({dir / "desk.db"})).tally[TallyKind::Leaflet], 10);
}

TEST(TallyUndo, AnUndoCancelsOnlyTheTapOfItsOwnDesk) {
  TempDir dir;
  {
    FixtureDb one(dir / "a.db", "desk-a");
    tap(one, "2026-05-15 10:00", 7, "consultation", 1);
    FixtureDb two(dir / "b.db", "desk-b");
    tap(two, "2026-05-15 10:00", 7, "consultation", 1);  // the same tap id on another desk
    undo(two, "2026-05-15 10:00", 7, "consultation");
  }
  EXPECT_EQ(build_report(day_of({dir / "a.db", dir / "b.db"})).tally[TallyKind::Consultation], 1);
}

TEST(TallyFacts, TheConfigGivesOnlyTheFactsNobodyEntered) {
  TempDir dir;
  {
    FixtureDb desk(dir / "desk.db", "desk-1");
    fact(desk, "2026-05-15 08:00", "boards", 12);
  }
  Config config;
  config.fact_defaults = {20, std::nullopt, 50, std::nullopt};
  ReportRequest request = day_of({dir / "desk.db"});
  request.config = &config;
  const Report report = build_report(request);
  EXPECT_EQ(report.tally.fact(EventFactKind::Departments), 20);
  EXPECT_EQ(report.tally.fact(EventFactKind::Boards), 12) << "entered on the desk: the config does not override it";
  EXPECT_FALSE(report.tally.fact(EventFactKind::Staff));
}

TEST(TallyWords, LargeCountsRoundDownToTwoFiguresWithYu) {
  EXPECT_EQ(rounded_down_words(0), "0");
  EXPECT_EQ(rounded_down_words(77), "77");
  EXPECT_EQ(rounded_down_words(99), "99");
  EXPECT_EQ(rounded_down_words(100), "100");
  EXPECT_EQ(rounded_down_words(350), "350");
  EXPECT_EQ(rounded_down_words(356), "350余");
  EXPECT_EQ(rounded_down_words(1034), "1000余");
  EXPECT_EQ(rounded_down_words(2318), "2300余");
  EXPECT_EQ(rounded_down_words(26123), "26000余");
}

TEST(TallyWords, WithoutDeskDataTheParagraphIsTheKiosksAloneAndSaysNothingOfRounding) {
  TempDir dir;
  {
    FixtureDb one(dir / "k1.db", "kiosk-1");
    fill_kiosk_one(one);
  }
  const std::string text = summary_text(build_report(day_of({dir / "k1.db"})), "示例县");
  EXPECT_EQ(text.find("接待"), std::string::npos) << text;
  EXPECT_EQ(text.find("余"), std::string::npos) << text;
  EXPECT_EQ(text.rfind("5月15日，示例县政务公开日自助查询机服务群众2人次", 0), 0u) << text;
}

TEST(TallyInput, BadTapsAreRefusedWithWhatIsWrong) {
  EXPECT_EQ(tally_tap_problem({TallyKind::Leaflet, "", "", 100}, nullptr), "");
  EXPECT_NE(tally_tap_problem({TallyKind::Leaflet, "", "", 0}, nullptr).find("from 1 to 1000"), std::string::npos);
  EXPECT_NE(tally_tap_problem({TallyKind::Leaflet, "", "", -3}, nullptr).find("got -3"), std::string::npos);
  EXPECT_NE(tally_tap_problem({TallyKind::Leaflet, "", "", kMaxTallyCount + 1}, nullptr), "");
  EXPECT_NE(tally_tap_problem({TallyKind::Answer, "民政局", "", 1}, nullptr).find("not a department id"), std::string::npos);
  EXPECT_NE(tally_tap_problem({TallyKind::Answer, "", "fees", 1}, nullptr).find("only with --kind problem"), std::string::npos);
  EXPECT_NE(tally_tap_problem({TallyKind::Problem, "", "weather", 1}, nullptr).find("unknown problem category"), std::string::npos);
  EXPECT_EQ(tally_kind_from_name("visitor"), std::nullopt);
}

TEST(TallyConfig, ReadsTheRoleAndTheFactsAndRefusesAnUnknownRole) {
  const auto result = parse_config_text("[booth]\nkiosk_id = \"booth-2\"\nrole = \"desk\"\n[facts]\ndepartments = 31\nboards = 50\n", "t.toml");
  ASSERT_TRUE(result.ok()) << result.problems.front().to_string();
  EXPECT_EQ(result.config.role, BoothRole::Desk);
  EXPECT_EQ(result.config.fact_defaults[static_cast<std::size_t>(EventFactKind::Departments)], 31);
  EXPECT_EQ(result.config.fact_defaults[static_cast<std::size_t>(EventFactKind::Boards)], 50);
  EXPECT_FALSE(result.config.fact_defaults[static_cast<std::size_t>(EventFactKind::Staff)]);
  EXPECT_EQ(effective_kiosk_id(result.config), "desk-booth-2") << "the desk has its own kiosk id";
  Config kiosk;
  EXPECT_EQ(effective_kiosk_id(kiosk), "kiosk-1");
  const auto wrong = parse_config_text("[booth]\nrole = \"counter\"\n", "t.toml");
  ASSERT_EQ(wrong.problems.size(), 1u);
  EXPECT_NE(wrong.problems[0].to_string().find("booth.role"), std::string::npos) << wrong.problems[0].to_string();
  EXPECT_NE(wrong.problems[0].to_string().find("\"counter\""), std::string::npos) << wrong.problems[0].to_string();
}

// The desk as the screens drive it, on a real event log.
class DeskService : public ::testing::Test {
 protected:
  void settle() {
    for (int i = 0; i < 5000 && (tally.poll() || tally.busy()); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  std::int64_t today(TallyKind kind) {
    tally.refresh();
    settle();
    return tally.today() ? (*tally.today()).totals[kind] : -1;
  }
  TempDir dir;
  EventLog log{{dir / "desk.db", "desk-1"}};
  Config config;
  TallyService tally{dir / "desk.db", log, config};
  const std::int64_t now = utc_now_ms();
};

TEST_F(DeskService, UndoWithinTheMinuteTakesTheLastTapBack) {
  ASSERT_EQ(tally.tap({TallyKind::Answer, "minzheng", "", 1}, "desk.answer", now, 1000), TallyTapOutcome::Saving);
  settle();
  EXPECT_EQ(today(TallyKind::Answer), 1);
  ASSERT_TRUE(tally.undoable(now + 59'000));
  EXPECT_TRUE(tally.undo(now + 59'000));
  settle();
  EXPECT_EQ(today(TallyKind::Answer), 0);
  EXPECT_FALSE(tally.undoable(now + 59'500)) << "one undo per tap";
  EXPECT_FALSE(tally.undo(now + 59'500));
  EXPECT_EQ(tally.today()->recent_departments.size(), 0u) << "an undone tap names no recent department";
}

TEST_F(DeskService, UndoAfterTheMinuteIsRefusedAndTheTapStays) {
  tally.tap({TallyKind::Leaflet, "", "", 100}, "desk.leaflet.100", now, 1000);
  settle();
  EXPECT_FALSE(tally.undoable(now + kTallyUndoWindowMs));
  EXPECT_FALSE(tally.undo(now + kTallyUndoWindowMs));
  settle();
  EXPECT_EQ(today(TallyKind::Leaflet), 100);
}

TEST_F(DeskService, ADoubleTapCountsOnceAndASecondPersonLaterCountsAgain) {
  EXPECT_EQ(tally.tap({TallyKind::Consultation, "", "", 1}, "desk.consultation", now, 1000), TallyTapOutcome::Saving);
  settle();
  EXPECT_EQ(tally.tap({TallyKind::Consultation, "", "", 1}, "desk.consultation", now + 150, 1150), TallyTapOutcome::DoubleTap);
  settle();
  EXPECT_EQ(today(TallyKind::Consultation), 1);
  EXPECT_EQ(tally.tap({TallyKind::Consultation, "", "", 1}, "desk.consultation", now + 2000, 3000), TallyTapOutcome::Saving);
  settle();
  EXPECT_EQ(today(TallyKind::Consultation), 2);
}

TEST_F(DeskService, RecentDepartmentsComeMostRecentFirstAndFactsCanBeCorrected) {
  tally.tap({TallyKind::Answer, "minzheng", "", 1}, "a", now, 1000);
  settle();
  tally.tap({TallyKind::Answer, "guotu", "", 1}, "b", now + 1000, 3000);
  settle();
  tally.tap({TallyKind::Problem, "minzheng", "fees", 1}, "c", now + 2000, 5000);
  settle();
  ASSERT_TRUE(tally.set_fact(EventFactKind::Staff, 30, now + 3000));
  settle();
  ASSERT_TRUE(tally.set_fact(EventFactKind::Staff, 300, now + 4000));
  settle();
  tally.refresh();
  settle();
  ASSERT_TRUE(tally.today());
  EXPECT_EQ(tally.today()->recent_departments, (std::vector<std::string>{"minzheng", "guotu"}));
  EXPECT_EQ(tally.today()->totals.fact(EventFactKind::Staff), 300);
}

}  // namespace
}  // namespace openday
