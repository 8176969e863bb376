// The citizen's voice in the counts (issue 15): exact figures from a fixture database in
// `openday stats`, the report, the 满意度 and 群众问题 tables, and the summary's sentence.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iterator>
#include <stdexcept>

#include "core/content/content.h"
#include "core/reports/export.h"
#include "core/reports/report.h"
#include "core/reports/stats.h"
#include "core/util/paths.h"
#include "support/fixture_db.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::FixtureDb;
using testing::TempDir;

// One day at one kiosk: 3 常见问题 opened; 4 questions (2 answered, 2 registered: 民政局's
// 其他问题 twice... once answered 低保 FAQ, 不清楚 once); 5 ratings: 非常满意 x2, 满意, 不满意 with
// a reason, 非常不满意 without; and one rating the day after, which the day leaves out.
void fill(FixtureDb& db) {
  db.add("2026-05-15 09:00", 1, "session_start");
  db.add("2026-05-15 09:01", 1, "faq_opened", "", "minzheng", "1");
  db.add("2026-05-15 09:02", 1, "faq_opened", "", "minzheng", "2");
  db.add("2026-05-15 09:03", 1, "question_asked", "other", "minzheng", "", 0);
  db.add("2026-05-15 09:04", 1, "satisfaction_rated", "end", "", "", 5);
  db.add("2026-05-15 09:04", 1, "session_end", "done", "", "", 240000, 6);
  db.add("2026-05-15 10:00", 2, "session_start");
  db.add("2026-05-15 10:01", 2, "faq_opened", "", "guotu", "3");
  db.add("2026-05-15 10:02", 2, "question_asked", "faq-1", "minzheng", "", 1);
  db.add("2026-05-15 10:03", 2, "question_asked", "other", "minzheng", "", 0);
  db.add("2026-05-15 10:04", 2, "question_asked", "category-2", "", "", 0);
  db.add("2026-05-15 10:05", 2, "question_asked", "item-minzheng-dibao", "minzheng", "", 1);
  db.add("2026-05-15 10:06", 2, "satisfaction_rated", "quiz", "", "", 5);
  db.add("2026-05-15 10:07", 2, "satisfaction_rated", "end", "", "", 2);
  db.add("2026-05-15 10:07", 2, "satisfaction_reason", "hard_to_use", "", "", 2);
  db.add("2026-05-15 11:00", 3, "session_start");
  db.add("2026-05-15 11:01", 3, "satisfaction_rated", "end", "", "", 4);
  db.add("2026-05-15 11:02", 3, "satisfaction_rated", "end", "", "", 1);
  db.add("2026-05-16 09:00", 4, "session_start");
  db.add("2026-05-16 09:01", 4, "satisfaction_rated", "end", "", "", 1);
}

const Content& sample_content() {
  static const ContentLoad load = load_content(default_content_dir());
  return *load.content;
}

class VoiceReport : public ::testing::Test {
 protected:
  void SetUp() override {
    FixtureDb db(dir / "k1.db", "kiosk-1");
    fill(db);
  }
  Report day_report(const Content* content = nullptr) const {
    ReportRequest request;
    request.databases = {dir / "k1.db"};
    request.from = request.to = CalendarDate{2026, 5, 15};
    request.content = content;
    return build_report(request);
  }
  TempDir dir;
};

TEST_F(VoiceReport, StatsJsonCountsExactly) {
  const auto json = nlohmann::json::parse(day_stats_json(compute_day_stats(dir / "k1.db", {2026, 5, 15})));
  EXPECT_EQ(json["faq_views"], 3);
  EXPECT_EQ(json["questions_registered"], 3);
  EXPECT_EQ(json["questions_answered"], 2);
  const auto& s = json["satisfaction"];
  EXPECT_EQ(s["very_satisfied"], 2);
  EXPECT_EQ(s["satisfied"], 1);
  EXPECT_EQ(s["basically_satisfied"], 0);
  EXPECT_EQ(s["dissatisfied"], 1);
  EXPECT_EQ(s["very_dissatisfied"], 1);
  EXPECT_EQ(s["ratings"], 5);
  EXPECT_DOUBLE_EQ(s["satisfaction_rate"].get<double>(), 0.6) << "3 of 5 are 非常满意, 满意 or 基本满意";
}

TEST_F(VoiceReport, NoRatingsIsANullRateNotZero) {
  const auto json = nlohmann::json::parse(day_stats_json(compute_day_stats(dir / "k1.db", {2026, 5, 17})));
  EXPECT_EQ(json["faq_views"], 0);
  EXPECT_EQ(json["satisfaction"]["ratings"], 0);
  EXPECT_TRUE(json["satisfaction"]["satisfaction_rate"].is_null());
}

TEST_F(VoiceReport, TheSheetsListLevelsReasonsAndQuestionsUnansweredFirst) {
  const Report report = day_report(&sample_content());
  const auto tables = report_tables(report);
  // Found by name: later issues add sheets after these two.
  const auto sheet = [&](const std::string& name) {
    const auto found = std::find_if(tables.begin(), tables.end(), [&](const ExportTable& t) { return t.sheet_name == name; });
    if (found == tables.end()) throw std::runtime_error("no sheet " + name);
    return *found;
  };
  const ExportTable satisfaction = sheet("满意度");
  const ExportTable questions = sheet("群众问题");
  EXPECT_EQ(std::next(std::find_if(tables.begin(), tables.end(), [](const ExportTable& t) { return t.sheet_name == "满意度"; }))->sheet_name, "群众问题");
  const std::string csv = to_csv(satisfaction);
  EXPECT_NE(csv.find("非常满意,2,0.4\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("满意,1,0.2\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("基本满意,0,0\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("非常不满意,1,0.2\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("合计,5,1\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("满意率（非常满意、满意、基本满意）,3,0.6\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("不满意原因：操作不方便,1,\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("不满意原因：信息看不懂,0,\r\n"), std::string::npos) << csv;

  const std::string asked = to_csv(questions);
  ASSERT_EQ(questions.rows.size(), 4u) << asked;
  // 民政局 其他问题 registered twice, then 不清楚's category once, then the answered ones.
  EXPECT_NE(asked.find("minzheng,示例县民政局,其他问题,2,0,0\r\n"), std::string::npos) << asked;
  EXPECT_LT(asked.find("其他问题,2,0,0"), asked.find(",不清楚,民生保障,1,0,0\r\n")) << asked;
  EXPECT_LT(asked.find(",不清楚,民生保障,1,0,0"), asked.find("minzheng,示例县民政局,哪些人可以申请低保？,0,1,0\r\n")) << asked;
  EXPECT_NE(asked.find("minzheng,示例县民政局,城乡居民最低生活保障审批,0,1,0\r\n"), std::string::npos) << asked;
}

TEST_F(VoiceReport, TheSummarySentenceSaysTheRateAndTheQuestionsCollected) {
  const Report report = day_report();
  const std::string sentence = voice_summary_sentence(report);
  EXPECT_EQ(sentence,
            "通过查询机“我要问”收集群众问题5件，其中2件已有解答，3件已登记转服务台。"
            "共有5人次参与活动满意度评价，满意率60%。");
  const std::string summary = summary_text(report, "示例县");
  EXPECT_TRUE(summary.ends_with(sentence)) << summary;

  Report nothing;
  EXPECT_EQ(voice_summary_sentence(nothing), "") << "nothing to say: no sentence";
  Report only_ratings;
  only_ratings.voice.ratings = {0, 0, 1, 0, 0};
  EXPECT_EQ(voice_summary_sentence(only_ratings), "共有1人次参与活动满意度评价，满意率100%。");
}

}  // namespace
}  // namespace openday
