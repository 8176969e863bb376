// Issue 30: slips printed are counted in the export's 功能使用 sheet, per day: 打印办事指南 and
// 打印兑奖凭条 (a print_failed row is a note for the staff, not a print).
#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>
#include <variant>
#include <string>
#include <vector>

#include "core/content/content.h"
#include "core/reports/export.h"
#include "core/reports/report.h"
#include "support/fixture_db.h"
#include "core/util/paths.h"
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

std::string to_text(const ExportCell& cell) {
  if (const auto* text = std::get_if<std::string>(&cell.value)) return *text;
  if (const auto* number = std::get_if<std::int64_t>(&cell.value)) return std::to_string(*number);
  return std::to_string(std::get<double>(cell.value));
}

// The cells of the row whose first cell is key, as text.
std::vector<std::string> row_of(const ExportTable& table, const std::string& key) {
  for (const auto& row : table.rows) {
    if (row.empty() || to_text(row[0]) != key) continue;
    std::vector<std::string> cells;
    for (const ExportCell& cell : row) cells.push_back(to_text(cell));
    return cells;
  }
  return {};
}

const ExportTable& table_named(const std::vector<ExportTable>& tables, const std::string& stem) {
  for (const ExportTable& table : tables)
    if (table.file_stem == stem) return table;
  throw std::runtime_error("no table " + stem);
}

TEST(PrintReport, GuidesArePrintedPerItemAndVoucherSlipsPerCode) {
  testing::TempDir dir;
  {
    testing::FixtureDb db(dir / "k1.db", "kiosk-1");
    db.add("2026-05-15 09:00", 1, "session_start");
    db.add("2026-05-15 09:01", 1, "screen_view", "", "chengjian", "chengjian-shigong-xuke");
    db.add("2026-05-15 09:01", 1, "print_guide", "", "chengjian", "chengjian-shigong-xuke");
    db.add("2026-05-15 09:02", 1, "print_guide", "", "chengjian", "chengjian-shigong-xuke");
    // Printed without a view of its own in range (the view came the day before): still counted.
    db.add("2026-05-15 09:03", 1, "print_guide", "", "minzheng", "minzheng-jiehun-dengji");
    db.voucher("ABCD-EFGH", 1, "2026-05-15 09:10", false);
    db.add("2026-05-15 09:11", 1, "print_voucher", "", "", "ABCD-EFGH");
    db.add("2026-05-15 15:00", 0, "print_voucher", "staff", "", "ABCD-EFGH");  // the desk's 补打凭条
    db.voucher("WXYZ-2345", 2, "2026-05-15 09:20", false);
  }
  const ContentLoad content = load_content(default_content_dir());
  ASSERT_TRUE(content.content);
  ReportRequest request;
  request.databases = {dir / "k1.db"};
  request.content = &*content.content;
  const Report report = build_report(request);
  const auto tables = report_tables(report);

  const ExportTable& items = table_named(tables, "approval-items");
  EXPECT_EQ(items.headers.back(), "打印办事指南");
  EXPECT_EQ(row_of(items, "chengjian-shigong-xuke"),
            (std::vector<std::string>{"chengjian-shigong-xuke", "建筑工程施工许可证核发", "示例县住房和城乡建设局", "1", "2"}));
  EXPECT_EQ(row_of(items, "minzheng-jiehun-dengji"),
            (std::vector<std::string>{"minzheng-jiehun-dengji", "内地居民结婚登记", "示例县民政局", "0", "1"}));

  const ExportTable& vouchers = table_named(tables, "vouchers");
  EXPECT_EQ(vouchers.headers.back(), "打印兑奖凭条");
  EXPECT_EQ(row_of(vouchers, "ABCD-EFGH").back(), "2");
  EXPECT_EQ(row_of(vouchers, "WXYZ-2345").back(), "0");

  const ExportTable& facts = table_named(tables, "basic-facts");
  EXPECT_EQ(row_of(facts, "打印办事指南").at(1), "3");
  EXPECT_EQ(row_of(facts, "打印兑奖凭条").at(1), "2");
}

}  // namespace
}  // namespace openday
