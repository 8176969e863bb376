#include <gtest/gtest.h>
#include <sys/resource.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <sstream>

#include "core/util/atomic_file.h"
#include "core/reports/export.h"
#include "core/reports/report.h"
#include "core/visits/store.h"
#include "support/fixture_db.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::FixtureDb;
using testing::TempDir;

void fill_kiosk_one(FixtureDb& db) {
  // Session 1, 9:xx: engaged, browses 民政局 twice and one item, ends by 结束使用 after 90 s.
  db.add("2026-05-15 09:00", 1, "session_start");
  db.add("2026-05-15 09:00", 1, "tap", "attract.start");
  db.add("2026-05-15 09:01", 1, "screen_view", "", "minzheng");
  db.add("2026-05-15 09:01", 1, "screen_view", "", "minzheng");
  db.add("2026-05-15 09:01", 1, "screen_view", "", "minzheng", "minzheng-dibao");
  db.add("2026-05-15 09:02", 1, "session_end", "done", "", "", 90000, 3);
  // Session 2, 10:xx: woke and left.
  db.add("2026-05-15 10:05", 2, "session_start");
  db.add("2026-05-15 10:06", 2, "session_end", "timeout", "", "", 0, 0);
  // Session 3, 10:xx: quiz passed with one voucher, redeemed later.
  db.add("2026-05-15 10:30", 3, "session_start");
  db.add("2026-05-15 10:30", 3, "tap", "home.quiz");
  db.add("2026-05-15 10:30", 3, "quiz_start");
  db.add("2026-05-15 10:31", 3, "quiz_answer", "", "guotu", "q001", 1);
  db.add("2026-05-15 10:31", 3, "quiz_answer", "", "", "q002", 0);
  db.add("2026-05-15 10:32", 3, "quiz_finish", "passed", "", "", 1, 2);
  db.voucher("ABCD-EF23", 3, "2026-05-15 10:32", true);
  db.add("2026-05-15 10:33", 3, "session_end", "timeout", "", "", 30000, 4);
  // The next day: one session that never ended (a power cut).
  db.add("2026-05-16 08:00", 4, "session_start");
  db.add("2026-05-16 08:00", 4, "tap", "attract.start");
  db.stock(7);
}

TEST(Report, ExactNumbersFromAFixtureDatabase) {
  TempDir dir;
  {
    FixtureDb db(dir / "k1.db", "kiosk-1");
    fill_kiosk_one(db);
  }
  ReportRequest request;
  request.databases = {dir / "k1.db"};
  const Report report = build_report(request);
  ASSERT_EQ(report.days.size(), 2u);
  const DailyRow& day = report.days[0];
  EXPECT_EQ(day.day, "2026-05-15");
  EXPECT_EQ(day.sessions, 3);
  EXPECT_EQ(day.engaged_sessions, 2);
  EXPECT_EQ(day.woke_and_left_sessions, 1);
  EXPECT_NEAR(day.average_dwell_seconds, 40.0, 1e-9);
  EXPECT_EQ(day.interactions, 2);
  EXPECT_EQ(day.screen_views, 3);
  EXPECT_EQ(day.quiz_attempts, 1);
  EXPECT_EQ(day.quiz_passed, 1);
  EXPECT_EQ(day.vouchers_issued, 1);
  EXPECT_EQ(report.days[1].sessions, 1);
  EXPECT_EQ(report.days[1].engaged_sessions, 1);
  EXPECT_EQ(report.total.sessions, 4);
  EXPECT_EQ(report.total.interactions, 3);
  // Per hour: 9:00 one session, 10:00 two.
  ASSERT_GE(report.hours.size(), 2u);
  EXPECT_EQ(report.hours[0].hour, 9);
  EXPECT_EQ(report.hours[0].sessions, 1);
  EXPECT_EQ(report.hours[1].hour, 10);
  EXPECT_EQ(report.hours[1].sessions, 2);
  EXPECT_EQ(report.hours[1].quiz_attempts, 1);
  ASSERT_EQ(report.departments.size(), 2u);
  EXPECT_EQ(report.departments[0].id, "minzheng");
  EXPECT_EQ(report.departments[0].views, 2);
  EXPECT_EQ(report.departments[0].item_views, 1);
  EXPECT_EQ(report.departments[1].id, "guotu");
  EXPECT_EQ(report.departments[1].quiz_answers, 1);
  ASSERT_EQ(report.items.size(), 1u);
  EXPECT_EQ(report.items[0].id, "minzheng-dibao");
  ASSERT_EQ(report.questions.size(), 2u);
  EXPECT_EQ(report.questions[0].id, "q002") << "least understood first";
  EXPECT_DOUBLE_EQ(report.questions[1].accuracy(), 1.0);
  ASSERT_EQ(report.vouchers.size(), 1u);
  EXPECT_TRUE(report.vouchers[0].redeemed_at_ms);
  ASSERT_EQ(report.sessions.size(), 4u);
  EXPECT_EQ(report.sessions[3].end_reason, "") << "a session that never ended says so";
  EXPECT_EQ(report.prize_stock, 7);
  EXPECT_EQ(report.kiosks, (std::vector<std::string>{"kiosk-1"}));
}

TEST(Report, DayRangeIsInclusiveAndLocal) {
  TempDir dir;
  {
    FixtureDb db(dir / "k1.db", "kiosk-1");
    fill_kiosk_one(db);
  }
  ReportRequest request;
  request.databases = {dir / "k1.db"};
  request.from = CalendarDate{2026, 5, 16};
  request.to = CalendarDate{2026, 5, 16};
  const Report report = build_report(request);
  ASSERT_EQ(report.days.size(), 1u);
  EXPECT_EQ(report.days[0].day, "2026-05-16");
  EXPECT_EQ(report.total.sessions, 1);
  EXPECT_TRUE(report.vouchers.empty()) << "the voucher was issued on the 15th";
}

TEST(Report, StaffActionsOnOtherDaysAddNoEmptyDays) {
  TempDir dir;
  {
    FixtureDb db(dir / "k1.db", "kiosk-1");
    fill_kiosk_one(db);
    db.add("2026-05-10 17:00", 0, "stock_adjusted", "", "", "", 100);
    db.add("2026-05-20 17:00", 0, "export");
    db.add("2026-05-20 17:05", 0, "staff_sign_in");
  }
  ReportRequest request;
  request.databases = {dir / "k1.db"};
  const Report report = build_report(request);
  ASSERT_EQ(report.days.size(), 2u);
  EXPECT_EQ(report.days.front().day, "2026-05-15");
  EXPECT_EQ(report.days.back().day, "2026-05-16");
  EXPECT_NE(summary_text(report, "示例县").find("5月15日至5月16日"), std::string::npos);
}

TEST(Report, SeveralKiosksMergeAndCopiesCountOnce) {
  TempDir dir;
  {
    FixtureDb one(dir / "k1.db", "kiosk-1");
    fill_kiosk_one(one);
    FixtureDb two(dir / "k2.db", "kiosk-2");
    two.add("2026-05-15 11:00", 9, "session_start");
    two.add("2026-05-15 11:00", 9, "tap", "attract.start");
    two.add("2026-05-15 11:01", 9, "session_end", "done", "", "", 60000, 1);
    two.stock(5);
  }
  // A copy of kiosk 1's file taken earlier (a prefix of its numbers) is counted once.
  {
    FixtureDb early(dir / "k1-copy.db", "kiosk-1");
    early.add("2026-05-15 09:00", 1, "session_start");
    early.add("2026-05-15 09:00", 1, "tap", "attract.start");
  }
  ReportRequest request;
  request.databases = {dir / "k1.db", dir / "k2.db", dir / "k1.db", dir / "k1-copy.db"};
  const Report report = build_report(request);
  EXPECT_EQ(report.databases_read, 3);
  EXPECT_EQ(report.duplicates_skipped, 1);
  EXPECT_EQ(report.total.sessions, 5);
  EXPECT_EQ(report.total.interactions, 4);
  EXPECT_EQ(report.prize_stock, 12);
  EXPECT_EQ(report.kiosks, (std::vector<std::string>{"kiosk-1", "kiosk-2"}));
}

TEST(Report, AMissingOrForeignDatabaseIsAnErrorThatNamesIt) {
  TempDir dir;
  ReportRequest request;
  request.databases = {dir / "nope.db"};
  try {
    build_report(request);
    FAIL();
  } catch (const SqliteError& error) {
    EXPECT_NE(std::string(error.what()).find("nope.db"), std::string::npos);
  }
}

TEST(Csv, BomCrlfQuotingAndNumbersAsNumbers) {
  ExportTable table{"t", "表", {"名称", "数量"}, {{"普通", std::int64_t{3}}, {"含,逗号", 2.5}, {"含\"引号\"", std::int64_t{0}}, {"两\n行", std::int64_t{1}}}};
  const std::string csv = to_csv(table);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.substr(3), "名称,数量\r\n普通,3\r\n\"含,逗号\",2.5\r\n\"含\"\"引号\"\"\",0\r\n\"两\n行\",1\r\n");
}

TEST(Csv, NoTextCellCanStartAFormula) {
  for (const char* dangerous : {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "\nx", "=HYPERLINK(\"http://x\")"}) {
    SCOPED_TRACE(dangerous);
    EXPECT_EQ(spreadsheet_safe(dangerous), std::string("'") + dangerous);
    ExportTable table{"t", "t", {"a"}, {{dangerous}}};
    const std::string csv = to_csv(table);
    const std::string body = csv.substr(csv.find("\r\n") + 2);
    EXPECT_TRUE(body.rfind("'", 0) == 0 || body.rfind("\"'", 0) == 0) << body;
  }
  EXPECT_EQ(spreadsheet_safe("民政局"), "民政局");
  EXPECT_EQ(spreadsheet_safe("ABCD-EF23"), "ABCD-EF23");
  // Numbers stay numbers, negative ones too.
  ExportTable numbers{"t", "t", {"n"}, {{std::int64_t{-5}}}};
  EXPECT_NE(to_csv(numbers).find("\r\n-5\r\n"), std::string::npos);
}

class ExportFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    FixtureDb db(dir / "live" / "k1.db", "kiosk-1");
    fill_kiosk_one(db);
  }
  Report report() {
    ReportRequest request;
    request.databases = {dir / "live" / "k1.db"};
    return build_report(request);
  }
  std::size_t files_in(const std::filesystem::path& folder) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder)) ++n;
    return n;
  }
  TempDir dir;
};

TEST_F(ExportFiles, WritesEveryTableTheWorkbookAndTheSummary) {
  std::filesystem::create_directories(dir / "usb");
  ExportRequest request{dir / "usb", ExportFormat::All, "示例县", {dir / "live" / "k1.db"}};
  const ExportResult result = export_report(report(), request);
  // 15 CSV (满意度, 群众问题, 基本情况, 现场登记按部门, 热门主题, 热门搜索, 无结果搜索, 功能使用 last), 1 XLSX, the summary
  EXPECT_EQ(result.files.size(), 17u);
  for (const auto& file : result.files) EXPECT_GT(std::filesystem::file_size(file), 3u) << file;
  EXPECT_EQ(files_in(dir / "usb"), 17u) << "no temporary files are left behind";
  EXPECT_EQ(result.files[14].filename(), "openday-2026-05-15_2026-05-16-15-feature-use.csv");
  EXPECT_NE(result.summary.find("5月15日至5月16日，示例县政务公开日自助查询机服务群众4人次，其中1人次查阅了政务公开信息"), std::string::npos)
      << result.summary;
}

TEST_F(ExportFiles, NeverIntoTheLiveDatabasesFolder) {
  ExportRequest request{dir / "live", ExportFormat::Csv, "示例县", {dir / "live" / "k1.db"}};
  try {
    export_report(report(), request);
    FAIL();
  } catch (const FileWriteError& error) {
    EXPECT_NE(std::string(error.what()).find("live database"), std::string::npos);
  }
}

TEST_F(ExportFiles, APulledStickIsAClearError) {
  ExportRequest request{dir / "usb-gone", ExportFormat::All, "示例县", {}};
  try {
    export_report(report(), request);
    FAIL();
  } catch (const FileWriteError& error) {
    EXPECT_NE(std::string(error.what()).find("usb-gone"), std::string::npos);
    EXPECT_NE(std::string(error.what()).find("USB stick"), std::string::npos);
  }
}

TEST_F(ExportFiles, AFullDiskLeavesNoHalfFileUnderAFinalName) {
  std::filesystem::create_directories(dir / "full");
  const Report data = report();
  // A file-size limit stands in for a full stick: writes past it fail with EFBIG.
  rlimit old{};
  getrlimit(RLIMIT_FSIZE, &old);
  auto previous = std::signal(SIGXFSZ, SIG_IGN);
  rlimit tiny = old;
  tiny.rlim_cur = 300;
  setrlimit(RLIMIT_FSIZE, &tiny);
  std::string error;
  try {
    export_report(data, {dir / "full", ExportFormat::All, "示例县", {}});
  } catch (const FileWriteError& e) {
    error = e.what();
  }
  setrlimit(RLIMIT_FSIZE, &old);
  std::signal(SIGXFSZ, previous);
  EXPECT_NE(error.find("full"), std::string::npos) << error;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "full")) {
    // Files that completed before the disk filled are whole; nothing partial has a final name.
    const std::string name = entry.path().filename().string();
    EXPECT_NE(name.front(), '.') << "a temporary file was left: " << name;
    EXPECT_LE(std::filesystem::file_size(entry.path()), 300u);
  }
}

TEST_F(ExportFiles, OnlyTheOwnerCanReadTheFilesTheyHoldUnredeemedCodes) {
  std::filesystem::create_directories(dir / "usb");
  ::umask(022);
  const ExportResult result = export_report(report(), {dir / "usb", ExportFormat::All, "示例县", {}});
  ASSERT_FALSE(result.files.empty());
  for (const auto& file : result.files) {
    struct stat info {};
    ASSERT_EQ(::stat(file.c_str(), &info), 0) << file;
    EXPECT_EQ(info.st_mode & 0777, 0600u) << file;
  }
}

TEST(AtomicFile, ReplacesWholeOrNotAtAll) {
  TempDir dir;
  write_file_atomically(dir / "a.txt", "first");
  write_file_atomically(dir / "a.txt", "second");
  std::ifstream in(dir / "a.txt");
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), "second");
  EXPECT_THROW(write_file_atomically(dir / "missing-folder" / "a.txt", "x"), FileWriteError);
}

TEST(AtomicFile, WriteAllWritesEveryByteOrSaysWhyNot) {
  TempDir dir;
  const std::string bytes(200000, 'x');  // more than one pipe buffer or short write may take
  const int fd = ::open((dir / "b.bin").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  ASSERT_GE(fd, 0);
  EXPECT_EQ(write_all(fd, bytes), 0);
  ::close(fd);
  EXPECT_EQ(std::filesystem::file_size(dir / "b.bin"), bytes.size());
  const int full = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
  ASSERT_GE(full, 0);
  EXPECT_EQ(write_all(full, bytes), ENOSPC);
  ::close(full);
}

}  // namespace
}  // namespace openday
