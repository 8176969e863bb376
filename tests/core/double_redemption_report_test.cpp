// A code redeemed twice in the booth (issue 27: once offline at its kiosk, once at the desk) is
// listed by the report and the export's 重复兑奖 sheet with both times and places, each
// redemption once however many files hold it; an export without one has no such sheet.
#include <gtest/gtest.h>

#include <ctime>
#include <fstream>
#include <iomanip>
#include <iterator>
#include <sstream>

#include "core/content/xlsx_reader.h"
#include "core/reports/export.h"
#include "core/reports/report.h"
#include "core/visits/events.h"
#include "support/fixture_db.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::FixtureDb;
using testing::TempDir;

// "YYYY-MM-DD HH:MM" at UTC+8, as FixtureDb stores it.
std::int64_t at_ms(const std::string& day, int hour, int minute) {
  std::tm tm{};
  std::istringstream(day) >> std::get_time(&tm, "%Y-%m-%d");
  return (static_cast<std::int64_t>(timegm(&tm)) + hour * 3600 + minute * 60 - 8 * 3600) * 1000;
}

// kiosk-1 issued ABCD-EF23 and redeemed it offline at 11:00; the desk redeemed it again at 11:20
// (its own row), and holds kiosk-1's rows as the hub brought them. WXYZ-2345 was redeemed once.
void fill_booth(const TempDir& dir) {
  for (const char* file : {"k1.db", "desk.db"}) {
    FixtureDb kiosk(dir / file, "kiosk-1");
    kiosk.add("2026-05-15 10:32", 3, "voucher_issued", "", "", "ABCD-EF23");
    kiosk.add("2026-05-15 10:40", 4, "voucher_issued", "", "", "WXYZ-2345");
    kiosk.add("2026-05-15 11:00", 0, "voucher_redeemed", "staff", "", "ABCD-EF23");
  }
  FixtureDb desk(dir / "desk.db", "desk", 1);
  desk.add("2026-05-15 11:20", 0, "voucher_redeemed", "staff", "", "ABCD-EF23");
  desk.add("2026-05-15 11:30", 0, "voucher_redeemed", "staff", "", "WXYZ-2345");
}

Report booth_report(const TempDir& dir) {
  ReportRequest request;
  request.databases = {dir / "k1.db", dir / "desk.db"};
  return build_report(request);
}

TEST(DoubleRedemptionReport, ListsEachRedemptionOfTheCodeOnceWithWhenAndWhere) {
  TempDir dir;
  fill_booth(dir);
  const Report report = booth_report(dir);
  ASSERT_EQ(report.double_redemptions.size(), 1u) << "WXYZ-2345 was redeemed once";
  const DoubleRedemption& code = report.double_redemptions.front();
  EXPECT_EQ(code.code, "ABCD-EF23");
  ASSERT_EQ(code.redemptions.size(), 2u) << "kiosk-1's redemption is in both files and counts once";
  EXPECT_EQ(code.redemptions[0].kiosk_id, "kiosk-1");
  EXPECT_EQ(code.redemptions[0].at_ms, at_ms("2026-05-15", 11, 0));
  EXPECT_EQ(code.redemptions[1].kiosk_id, "desk");
  EXPECT_EQ(code.redemptions[1].at_ms, at_ms("2026-05-15", 11, 20));
}

TEST(DoubleRedemptionReport, TheWorkbookAndTheLastCsvListItAndReadBack) {
  TempDir dir;
  fill_booth(dir);
  std::filesystem::create_directories(dir / "usb");
  const ExportResult result = export_report(booth_report(dir), {dir / "usb", ExportFormat::All, "示例县", {}});

  std::filesystem::path workbook, csv;
  for (const auto& file : result.files) {
    if (file.extension() == ".xlsx") workbook = file;
    if (file.filename().string().ends_with("-16-double-redemptions.csv")) csv = file;
  }
  ASSERT_FALSE(csv.empty()) << "the 16th CSV, after 功能使用, so the others keep their numbers";
  const XlsxRead read = read_xlsx(workbook);
  ASSERT_TRUE(read.workbook) << read.error;
  ASSERT_EQ(read.workbook->sheets.back().name, "重复兑奖") << "the last sheet";
  const XlsxSheet& sheet = read.workbook->sheets.back();
  const std::vector<std::string> headers{"兑奖码", "第一次兑奖时间", "第一次兑奖设备", "再次兑奖时间", "再次兑奖设备"};
  for (std::size_t c = 0; c < headers.size(); ++c) EXPECT_EQ(sheet.text(1, static_cast<int>(c) + 1), headers[c]);
  EXPECT_EQ(sheet.last_row, 2) << "one row for the one second redemption";
  EXPECT_EQ(sheet.text(2, 1), "ABCD-EF23");
  EXPECT_EQ(sheet.text(2, 2), format_local_time(at_ms("2026-05-15", 11, 0)));
  EXPECT_EQ(sheet.text(2, 3), "kiosk-1");
  EXPECT_EQ(sheet.text(2, 4), format_local_time(at_ms("2026-05-15", 11, 20)));
  EXPECT_EQ(sheet.text(2, 5), "desk");

  std::ifstream in(csv, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(text.find("ABCD-EF23," + format_local_time(at_ms("2026-05-15", 11, 0)) + ",kiosk-1," +
                      format_local_time(at_ms("2026-05-15", 11, 20)) + ",desk\r\n"),
            std::string::npos)
      << text;
}

TEST(DoubleRedemptionReport, AThirdRedemptionIsAnotherRowBesideTheFirst) {
  TempDir dir;
  fill_booth(dir);
  {
    FixtureDb other(dir / "desk.db", "kiosk-2", 1);
    other.add("2026-05-15 12:00", 0, "voucher_redeemed", "staff", "", "ABCD-EF23");
  }
  const auto tables = report_tables(booth_report(dir));
  ASSERT_EQ(tables.back().sheet_name, "重复兑奖");
  ASSERT_EQ(tables.back().rows.size(), 2u);
  EXPECT_EQ(std::get<std::string>(tables.back().rows[1][2].value), "kiosk-1") << "beside the first";
  EXPECT_EQ(std::get<std::string>(tables.back().rows[1][4].value), "kiosk-2");
}

TEST(DoubleRedemptionReport, NoDoubleRedemptionNoSheet) {
  TempDir dir;
  {
    FixtureDb kiosk(dir / "k1.db", "kiosk-1");
    kiosk.add("2026-05-15 10:32", 3, "voucher_issued", "", "", "ABCD-EF23");
    kiosk.add("2026-05-15 11:00", 0, "voucher_redeemed", "staff", "", "ABCD-EF23");
  }
  ReportRequest request;
  request.databases = {dir / "k1.db"};
  const Report report = build_report(request);
  EXPECT_TRUE(report.double_redemptions.empty());
  std::filesystem::create_directories(dir / "usb");
  const ExportResult result = export_report(report, {dir / "usb", ExportFormat::Xlsx, "示例县", {}});
  const XlsxRead read = read_xlsx(result.files.front());
  ASSERT_TRUE(read.workbook) << read.error;
  EXPECT_EQ(read.workbook->sheet("重复兑奖"), nullptr);
  EXPECT_EQ(read.workbook->sheets.back().name, "功能使用");
}

}  // namespace
}  // namespace openday
