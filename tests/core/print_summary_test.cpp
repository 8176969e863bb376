// Issue 30: 打印当日概况 at the desk prints the day's 基本情况 as the staff dashboard counts it.
// The figures come from the report (day_summary_facts) and are on the slip's PDF as a reader
// finds them (pdftotext), within the 80 mm roll.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "core/print/slip.h"
#include "core/print/slip_pdf.h"
#include "core/reports/report.h"
#include "support/fixture_db.h"
#include "support/shell.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

const print::SlipOrigin kOrigin{.event = {.county = "示例县", .title = "政务公开日", .date = "2026-05-15", .place = "人民广场",
                                          .hotline = "", .sample_data = false},
                                .printed_at = "2026-05-15 17:00"};

Report day_with_everything(const testing::TempDir& dir) {
  {
    testing::FixtureDb db(dir / "k1.db", "kiosk-1");
    db.add("2026-05-15 09:00", 1, "session_start");
    db.add("2026-05-15 09:01", 1, "tap", "home.department.0");
    db.add("2026-05-15 09:01", 1, "screen_view", "", "chengjian");
    db.add("2026-05-15 09:02", 1, "screen_view", "", "chengjian", "chengjian-shigong-xuke");
    db.add("2026-05-15 09:03", 1, "print_guide", "", "chengjian", "chengjian-shigong-xuke");
    db.add("2026-05-15 09:04", 1, "search", "低保", "", "", std::nullopt, 3);
    db.add("2026-05-15 09:05", 1, "session_end", "done", "", "", 300000);
    db.add("2026-05-15 10:00", 2, "session_start");
    db.add("2026-05-15 10:01", 2, "quiz_start");
    db.add("2026-05-15 10:03", 2, "quiz_finish", "passed");
    db.voucher("ABCD-EFGH", 2, "2026-05-15 10:03", false);
    db.add("2026-05-15 10:04", 2, "print_voucher", "", "", "ABCD-EFGH");
    db.add("2026-05-15 10:05", 2, "session_end", "timeout", "", "", 200000);
  }
  ReportRequest request;
  request.databases = {dir / "k1.db"};
  return build_report(request);
}

std::string figure(const print::DaySummaryFacts& facts, const std::string& label) {
  for (const auto& [name, value] : facts.figures)
    if (name == label) return value;
  return "(none)";
}

TEST(PrintSummary, TheFiguresAreTheDashboardsOfTheDay) {
  testing::TempDir dir;
  const print::DaySummaryFacts facts = day_summary_facts(day_with_everything(dir));
  EXPECT_EQ(facts.day, "2026-05-15");
  EXPECT_EQ(figure(facts, "接待人次"), "2人次");
  EXPECT_EQ(figure(facts, "部门页面浏览"), "1次");
  EXPECT_EQ(figure(facts, "审批事项浏览"), "1次");
  EXPECT_EQ(figure(facts, "搜索次数"), "1次");
  EXPECT_EQ(figure(facts, "有奖竞猜参与"), "1人次");
  EXPECT_EQ(figure(facts, "有奖竞猜过关"), "1人次");
  EXPECT_EQ(figure(facts, "发放奖品"), "1份");
  EXPECT_EQ(figure(facts, "打印办事指南"), "1份");
  EXPECT_EQ(figure(facts, "打印兑奖凭条"), "1张");
}

TEST(PrintSummary, TheSlipsPdfHoldsEveryFigureWithinTheRoll) {
  testing::TempDir dir;
  const print::DaySummaryFacts facts = day_summary_facts(day_with_everything(dir));
  const auto pdf = dir / "summary.pdf";
  const print::RenderResult rendered = print::render_slip_pdf(print::day_summary_slip(kOrigin, facts), print::Paper::Roll80mm, pdf);
  ASSERT_TRUE(rendered.ok()) << rendered.error;
  auto shell = testing::run_shell("pdftotext -enc UTF-8 '" + pdf.string() + "' -");
  ASSERT_EQ(shell.status, 0) << shell.output;
  std::string text = shell.output;
  std::erase_if(text, [](unsigned char c) { return std::isspace(c) != 0; });
  EXPECT_NE(text.find("当日概况"), std::string::npos) << text;
  EXPECT_NE(text.find("日期：2026-05-15"), std::string::npos) << text;
  ASSERT_FALSE(facts.figures.empty());
  for (const auto& [label, value] : facts.figures) EXPECT_NE(text.find(label + "：" + value), std::string::npos) << label << "\n" << text;
}

}  // namespace
}  // namespace openday
