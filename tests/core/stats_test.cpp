#include "core/reports/stats.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/visits/store.h"
#include "support/fixture_db.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;

class StatsTest : public ::testing::Test {
 protected:
  // The booth's day in UTC+8; fields: time, session, type, target, department, value, count.
  void add(const std::string& at, std::int64_t session, const std::string& type, const std::string& target = "",
           const std::string& department = "", std::optional<std::int64_t> value = {}, std::optional<std::int64_t> count = {}) {
    db.add(at, session, type, target, department, "", value, count);
  }
  TempDir dir;
  testing::FixtureDb db{dir / "stats.db", "k1"};
};

TEST_F(StatsTest, CountsOneLocalDay) {
  // Session 1: engaged, ends done after 90 s.
  add("2026-05-15 09:00", 1, "session_start");
  add("2026-05-15 09:00", 1, "screen_view", "", "minzheng");
  add("2026-05-15 09:01", 1, "tap", "home.disclosure");
  add("2026-05-15 09:01", 1, "screen_view", "", "minzheng");
  add("2026-05-15 09:01", 1, "screen_view", "", "guotu");
  add("2026-05-15 09:02", 1, "session_end", "done", "", 90000, 3);
  // Session 2: woke and left.
  add("2026-05-15 10:00", 2, "session_start");
  add("2026-05-15 10:01", 2, "session_end", "timeout", "", 0, 0);
  // Session 3: quiz, passed, voucher; ends by timeout after 30 s.
  add("2026-05-15 11:00", 3, "session_start");
  add("2026-05-15 11:00", 3, "tap", "home.quiz");
  add("2026-05-15 11:00", 3, "quiz_start");
  add("2026-05-15 11:02", 3, "quiz_finish", "passed");
  add("2026-05-15 11:02", 3, "voucher_issued");
  add("2026-05-15 11:03", 3, "session_end", "timeout", "", 30000, 4);
  add("2026-05-15 15:00", 0, "voucher_redeemed");
  // Other days, by local time: 23:59 on the 14th and 00:01 on the 16th.
  add("2026-05-14 23:59", 4, "session_start");
  add("2026-05-16 00:01", 5, "session_start");
  db.stock(42);

  const DayStats s = compute_day_stats(dir / "stats.db", {2026, 5, 15});
  EXPECT_EQ(s.sessions, 3);
  EXPECT_EQ(s.engaged_sessions, 2);
  EXPECT_EQ(s.woke_and_left_sessions, 1);
  EXPECT_EQ(s.sessions_ended_by_timeout, 2);
  EXPECT_EQ(s.sessions_ended_by_done, 1);
  EXPECT_NEAR(s.average_dwell_seconds, 40.0, 1e-9);
  EXPECT_EQ(s.interactions, 2);
  EXPECT_EQ(s.quiz_attempts, 1);
  EXPECT_EQ(s.quiz_passed, 1);
  EXPECT_EQ(s.vouchers_issued, 1);
  EXPECT_EQ(s.vouchers_redeemed, 1);
  EXPECT_EQ(s.prize_stock, 42);
  ASSERT_EQ(s.department_views.size(), 2u);
  EXPECT_EQ(s.department_views[0], (std::pair<std::string, std::int64_t>{"minzheng", 2}));
  EXPECT_EQ(s.department_views[1], (std::pair<std::string, std::int64_t>{"guotu", 1}));

  EXPECT_EQ(compute_day_stats(dir / "stats.db", {2026, 5, 14}).sessions, 1);
  EXPECT_EQ(compute_day_stats(dir / "stats.db", {2026, 5, 16}).sessions, 1);
}

TEST_F(StatsTest, JsonHasTheDocumentedKeys) {
  const std::string json = day_stats_json(compute_day_stats(dir / "stats.db", {2026, 5, 15}));
  for (const char* key : {"sessions", "engaged_sessions", "interactions", "quiz_attempts", "quiz_passed", "vouchers_issued",
                          "vouchers_redeemed", "prize_stock", "department_views"})
    EXPECT_NE(json.find("\"" + std::string(key) + "\":"), std::string::npos) << key;
  EXPECT_NE(json.find("\"prize_stock\": null"), std::string::npos) << "no stock set up yet is null, not 0";
}

// The README's `stats --json` keys, in its order, with their JSON types.
TEST(StatsJson, KeysAndValueTypesAreTheDocumentedOnes) {
  DayStats s;
  s.day = {2026, 5, 15};
  s.sessions = 3;
  s.engaged_sessions = 2;
  s.woke_and_left_sessions = 1;
  s.sessions_ended_by_timeout = 1;
  s.sessions_ended_by_done = 1;
  s.sessions_ended_by_shutdown = 1;
  s.average_dwell_seconds = 12.0;
  s.interactions = 9;
  s.quiz_attempts = 2;
  s.quiz_passed = 1;
  s.vouchers_issued = 1;
  s.vouchers_redeemed = 0;
  s.prize_stock = 41;
  s.department_views = {{"minzheng", 5}, {"a\"b", 2}, {"guotu", 1}};
  const auto json = nlohmann::ordered_json::parse(day_stats_json(s));
  const std::vector<std::string> documented = {"date", "sessions", "engaged_sessions", "woke_and_left_sessions",
                                               "sessions_ended_by_timeout", "sessions_ended_by_done", "sessions_ended_by_shutdown",
                                               "average_dwell_seconds", "interactions", "quiz_attempts", "quiz_passed",
                                               "vouchers_issued", "vouchers_redeemed", "prize_stock", "department_views",
                                               "faq_views", "questions_registered", "questions_answered", "satisfaction",
                                               // the staff desk's tally (issue 12)
                                               "desk_consultations", "policy_answers", "problems_recorded", "handbooks", "leaflets",
                                               "tally_departments", "event_facts",
                                               "topic_views", "searches", "failed_searches"};
  std::vector<std::string> keys;
  for (const auto& [key, value] : json.items()) keys.push_back(key);
  EXPECT_EQ(keys, documented);
  EXPECT_EQ(json["date"], "2026-05-15");
  for (const char* count : {"sessions", "engaged_sessions", "woke_and_left_sessions", "sessions_ended_by_timeout",
                            "sessions_ended_by_done", "sessions_ended_by_shutdown", "interactions", "quiz_attempts", "quiz_passed",
                            "vouchers_issued", "vouchers_redeemed", "prize_stock"})
    EXPECT_TRUE(json[count].is_number_integer()) << count;
  EXPECT_EQ(json["sessions"], 3);
  EXPECT_EQ(json["prize_stock"], 41);
  EXPECT_TRUE(json["average_dwell_seconds"].is_number_float()) << "a whole number of seconds is still written 12.0";
  EXPECT_EQ(json["average_dwell_seconds"], 12.0);
  std::vector<std::pair<std::string, std::int64_t>> views;
  for (const auto& [department, count] : json["department_views"].items()) views.emplace_back(department, count.get<std::int64_t>());
  EXPECT_EQ(views, s.department_views) << "most viewed first, ids escaped";

  s.prize_stock.reset();
  s.department_views.clear();
  s.average_dwell_seconds = 37.26;
  const auto empty = nlohmann::json::parse(day_stats_json(s));
  EXPECT_TRUE(empty["prize_stock"].is_null());
  EXPECT_TRUE(empty["department_views"].is_object()) << "no views is {}, not null";
  EXPECT_DOUBLE_EQ(empty["average_dwell_seconds"].get<double>(), 37.3) << "a tenth of a second, as before";
}

}  // namespace
}  // namespace openday
