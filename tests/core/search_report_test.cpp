// Issue 14: 热门主题, 热门搜索 and 无结果搜索 read back exactly from a database whose every
// event is known, in the report, `openday stats` and the exported tables.
#include <gtest/gtest.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/reports/export.h"
#include "core/reports/report.h"
#include "core/reports/stats.h"
#include "support/fixture_db.h"
#include "support/search_fixture.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::FixtureDb;
using testing::TempDir;

// Three sessions on 5月15日 and one the day after.
void fill(FixtureDb& db) {
  db.add("2026-05-15 09:00", 1, "session_start");
  db.add("2026-05-15 09:01", 1, "topic_view", "shehui-baozhang", "", "", {}, 4);
  db.add("2026-05-15 09:02", 1, "search", "DB", "", "mz-dibao", {}, 5);
  db.add("2026-05-15 09:03", 1, "search", "XQZ", "", "", {}, 0);
  db.add("2026-05-15 10:00", 2, "session_start");
  db.add("2026-05-15 10:01", 2, "topic_view", "shehui-baozhang", "", "", {}, 4);
  db.add("2026-05-15 10:01", 2, "topic_view", "huji-banli", "", "", {}, 2);
  db.add("2026-05-15 10:02", 2, "search", "DB", "", "", {}, 5);
  db.add("2026-05-15 10:03", 2, "search", "低保", "", "mz-zuidi", {}, 4);
  db.add("2026-05-15 11:00", 3, "session_start");
  db.add("2026-05-15 11:01", 3, "search", "XQZ", "", "", {}, 0);
  db.add("2026-05-15 11:02", 3, "search", "DB", "", "mz-dibaojin", {}, 5);
  db.add("2026-05-15 11:03", 3, "search", "WSX", "", "", {}, 0);
  db.add("2026-05-16 09:00", 4, "session_start");
  db.add("2026-05-16 09:01", 4, "search", "SFZ", "", "", {}, 0);
  db.add("2026-05-16 09:01", 4, "topic_view", "qita", "", "", {}, 3);
}

class SearchReport : public ::testing::Test {
 protected:
  void SetUp() override {
    FixtureDb db(dir / "k1.db", "kiosk-1");
    fill(db);
    testing::write_search_content(dir / "content");
    load = load_content(dir / "content");
    ASSERT_TRUE(load.content) << testing::all(load.problems);
  }
  Report day_report() {
    ReportRequest request;
    request.databases = {dir / "k1.db"};
    request.from = request.to = parse_calendar_date("2026-05-15");
    request.content = &*load.content;
    return build_report(request);
  }
  TempDir dir;
  ContentLoad load;
};

TEST_F(SearchReport, TopTopicsTopSearchesAndFailedSearchesOfTheDay) {
  const Report report = day_report();
  ASSERT_EQ(report.topics.size(), 2u);
  EXPECT_EQ(report.topics[0].id, "shehui-baozhang");
  EXPECT_EQ(report.topics[0].name, "社会保障");
  EXPECT_EQ(report.topics[0].views, 2);
  EXPECT_EQ(report.topics[1].id, "huji-banli");
  EXPECT_EQ(report.topics[1].views, 1);

  ASSERT_EQ(report.searches.size(), 4u);
  EXPECT_EQ(report.searches[0].query, "DB");
  EXPECT_EQ(report.searches[0].searches, 3);
  EXPECT_EQ(report.searches[0].opened, 2);
  EXPECT_EQ(report.searches[0].results, 5);
  EXPECT_EQ(report.searches[1].query, "XQZ");
  EXPECT_EQ(report.searches[1].searches, 2);
  EXPECT_EQ(report.searches[1].opened, 0);
  EXPECT_EQ(report.searches[2].query, "WSX");  // ties: in the order of the query's bytes
  EXPECT_EQ(report.searches[3].query, "低保");
  EXPECT_EQ(report.searches[3].opened, 1);

  ASSERT_EQ(report.failed_searches.size(), 2u);
  EXPECT_EQ(report.failed_searches[0].query, "XQZ");
  EXPECT_EQ(report.failed_searches[0].searches, 2);
  EXPECT_EQ(report.failed_searches[1].query, "WSX");
  EXPECT_EQ(report.failed_searches[1].searches, 1);
}

TEST_F(SearchReport, StatsJsonListsThemMostFirst) {
  const DayStats stats = compute_day_stats(dir / "k1.db", *parse_calendar_date("2026-05-15"));
  const auto json = nlohmann::ordered_json::parse(day_stats_json(stats));
  EXPECT_EQ(json["topic_views"].dump(), R"({"shehui-baozhang":2,"huji-banli":1})");
  EXPECT_EQ(json["searches"].dump(), R"({"DB":3,"XQZ":2,"WSX":1,"低保":1})");
  EXPECT_EQ(json["failed_searches"].dump(), R"({"XQZ":2,"WSX":1})");
  const std::string text = day_stats_text(stats);
  EXPECT_NE(text.find("  searches that found nothing\n    XQZ  2\n    WSX  1\n"), std::string::npos) << text;
  const DayStats next = compute_day_stats(dir / "k1.db", *parse_calendar_date("2026-05-16"));
  EXPECT_EQ(nlohmann::ordered_json::parse(day_stats_json(next))["failed_searches"].dump(), R"({"SFZ":1})");
}

TEST_F(SearchReport, ExportTablesReadBackExactly) {
  const auto tables = report_tables(day_report());
  ASSERT_GE(tables.size(), 4u);  // 热门主题, 热门搜索, 无结果搜索, then 功能使用 (issue 26) last
  const ExportTable& topics = tables[tables.size() - 4];
  const ExportTable& searches = tables[tables.size() - 3];
  const ExportTable& failed = tables[tables.size() - 2];
  EXPECT_EQ(topics.sheet_name, "热门主题");
  EXPECT_EQ(to_csv(topics), "\xEF\xBB\xBF主题编号,主题,浏览次数\r\nshehui-baozhang,社会保障,2\r\nhuji-banli,户籍办理,1\r\n");
  EXPECT_EQ(searches.sheet_name, "热门搜索");
  EXPECT_EQ(to_csv(searches),
            "\xEF\xBB\xBF搜索内容,搜索次数,打开结果次数,找到事项数,首字母搜索次数,手写搜索次数\r\nDB,3,2,5,3,0\r\nXQZ,2,0,0,2,0\r\nWSX,1,0,0,1,0\r\n"
            "低保,1,1,4,0,0\r\n");
  EXPECT_EQ(failed.sheet_name, "无结果搜索");
  EXPECT_EQ(to_csv(failed), "\xEF\xBB\xBF搜索内容,搜索次数\r\nXQZ,2\r\nWSX,1\r\n");
}

// Issue 31: searches written on the 手写 pad (value 1) are counted beside those typed as initials,
// per query, per day and in the export; a 热门搜索 word chosen (value 0, not letters) is neither,
// and 热门搜索 lists what either found.
TEST_F(SearchReport, HandwritingSearchesAreCountedBesideInitials) {
  {
    FixtureDb db(dir / "k2.db", "kiosk-2");
    db.add("2026-05-15 12:00", 7, "session_start");
    db.add("2026-05-15 12:01", 7, "search", "低保", "", "mz-dibao", kSearchWrittenByHand, 4);
    db.add("2026-05-15 12:02", 7, "search", "低保", "", "", kSearchWrittenByHand, 4);
    db.add("2026-05-15 12:03", 7, "search", "低", "", "", kSearchWrittenByHand, 6);
    db.add("2026-05-15 12:04", 7, "search", "DB", "", "", 0, 5);
  }
  ReportRequest request;
  request.databases = {dir / "k1.db", dir / "k2.db"};
  request.from = request.to = parse_calendar_date("2026-05-15");
  request.content = &*load.content;
  const Report report = build_report(request);

  const auto row = [&](const std::string& query) {
    const auto found = std::find_if(report.searches.begin(), report.searches.end(), [&](const SearchRow& r) { return r.query == query; });
    return found == report.searches.end() ? SearchRow{} : *found;
  };
  EXPECT_EQ(row("低保").searches, 3);
  EXPECT_EQ(row("低保").by_handwriting, 2);  // the 热门搜索 chip of k1.db (no value) is neither
  EXPECT_EQ(row("低保").by_initials, 0);
  EXPECT_EQ(row("低").by_handwriting, 1);
  EXPECT_EQ(row("DB").searches, 4);
  EXPECT_EQ(row("DB").by_initials, 4);
  EXPECT_EQ(row("DB").by_handwriting, 0);
  ASSERT_EQ(report.days.size(), 1u);
  EXPECT_EQ(report.days[0].searches_by_initials, 4 + 2 + 1);  // DB, XQZ, WSX
  EXPECT_EQ(report.days[0].searches_by_handwriting, 3);
  EXPECT_EQ(report.total.searches_by_handwriting, 3);

  const auto tables = report_tables(report);
  const auto sheet = std::find_if(tables.begin(), tables.end(), [](const ExportTable& t) { return t.sheet_name == "热门搜索"; });
  ASSERT_NE(sheet, tables.end());
  const std::string csv = to_csv(*sheet);
  EXPECT_NE(csv.find("搜索内容,搜索次数,打开结果次数,找到事项数,首字母搜索次数,手写搜索次数\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\nDB,4,2,5,4,0\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\n低保,3,2,4,0,2\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\n低,1,0,6,0,1\r\n"), std::string::npos) << csv;
}

}  // namespace
}  // namespace openday
