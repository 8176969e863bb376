// Issue 30: slips printed are counted in the export's 功能使用 sheet, per day: 打印办事指南 and
// 打印兑奖凭条 (a print_failed row is a note for the staff, not a print).
#include <gtest/gtest.h>

#include "core/reports/export.h"
#include "core/reports/report.h"
#include "support/fixture_db.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

TEST(PrintReport, GuidesAndVouchersPrintedAreCountedPerDay) {
  testing::TempDir dir;
  {
    testing::FixtureDb db(dir / "k1.db", "kiosk-1");
    db.add("2026-05-15 09:00", 1, "session_start");
    db.add("2026-05-15 09:01", 1, "print_guide", "", "chengjian", "chengjian-shigong-xuke");
    db.add("2026-05-15 09:02", 1, "print_guide", "", "chengjian", "chengjian-shigong-xuke");
    db.add("2026-05-15 09:03", 1, "print_failed", "guide", "chengjian", "chengjian-shigong-xuke");
    db.add("2026-05-16 10:00", 2, "session_start");
    db.add("2026-05-16 10:01", 2, "print_voucher", "", "", "ABCD-EFGH");
  }
  ReportRequest request;
  request.databases = {dir / "k1.db"};
  const auto tables = report_tables(build_report(request));
  const ExportTable& feature_use = tables.back();
  EXPECT_EQ(to_csv(feature_use),
            "\xEF\xBB\xBF日期,朗读次数,朗读时长(秒),呼叫工作人员,打印办事指南,打印兑奖凭条\r\n"
            "2026-05-15,0,0,0,2,0\r\n"
            "2026-05-16,0,0,0,0,1\r\n"
            "合计,0,0,0,2,1\r\n");
}

}  // namespace
}  // namespace openday
