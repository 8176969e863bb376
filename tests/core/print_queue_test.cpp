// Issue 30: the print queue against a real, private CUPS server (tests/support/private_cupsd.sh,
// on 127.0.0.1 only, its printer a real cups-pdf when we run as root): a slip submitted returns at
// once, is printed as a PDF with the slip's text, and a stopped or unknown printer ends as
// 打印机暂不可用 with CUPS's reason. Also the doctor's printer check and `openday print --test`.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include "core/print/print_queue.h"
#include "core/print/printer.h"
#include "core/staff/doctor.h"
#include "support/shell.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using namespace std::chrono_literals;
using testing::run_shell;
using testing::TempDir;

const std::string kCupsdScript = std::string(OPENDAY_TESTS_DIR) + "/support/private_cupsd.sh";

// A private cupsd with the printer "slips", and CUPS_SERVER pointing at it while the test runs.
class PrivateCups {
 public:
  PrivateCups() {
    const auto started = run_shell("sh '" + kCupsdScript + "' start '" + dir_.path().string() + "'");
    server_ = started.output.substr(0, started.output.find('\n'));
    EXPECT_EQ(started.status, 0) << started.output;
    // Which printer this run used (cups-pdf, or the copying backend when not root): said, not judged.
    const auto kind = started.output.find("printer slips: ");
    std::printf("private cupsd %s, %s", server_.c_str(), kind == std::string::npos ? "no printer\n" : started.output.substr(kind).c_str());
    setenv("CUPS_SERVER", server_.c_str(), 1);
  }
  ~PrivateCups() {
    run_shell("sh '" + kCupsdScript + "' stop '" + dir_.path().string() + "'");
    unsetenv("CUPS_SERVER");
  }
  PrivateCups(const PrivateCups&) = delete;
  PrivateCups& operator=(const PrivateCups&) = delete;
  std::filesystem::path out() const { return dir_.path() / "out"; }
  // The PDF the printer wrote for CUPS's job `job` (named after the job's title, "...-job_N.pdf");
  // empty when there is none.
  std::filesystem::path printed(int job) const {
    const std::string suffix = "-job_" + std::to_string(job) + ".pdf";
    for (const auto& entry : std::filesystem::directory_iterator(out()))
      if (entry.path().filename().string().ends_with(suffix)) return entry.path();
    return {};
  }
  std::filesystem::path spool() const { return dir_.path() / "kiosk-spool"; }
  std::string admin(const std::string& command) const { return command + " -h " + server_ + " slips"; }

 private:
  TempDir dir_;
  std::string server_;
};

print::PrintStatus wait_while_printing(const print::PrintQueue& queue, std::uint64_t ticket) {
  for (int i = 0; i < 400 && queue.status(ticket) == print::PrintStatus::Printing; ++i) std::this_thread::sleep_for(25ms);
  return queue.status(ticket);
}

const print::SlipOrigin kOrigin{.event = {.county = "示例县", .title = "政务公开日", .date = "2026-05-15", .place = "人民广场",
                                          .hotline = "", .sample_data = false},
                                .printed_at = "2026-05-15 10:00"};

TEST(PrintQueue, ASlipIsQueuedAtOnceAndComesOutOfThePrinterWithItsText) {
  const PrivateCups cups;
  print::PrintReport last;
  print::PrintQueue queue({.printer = "slips", .paper = print::Paper::Roll80mm, .spool_dir = cups.spool()},
                          [&last](const print::PrintReport& report) { last = report; });
  const print::VoucherFacts voucher{.code = "WXYZ-2345", .prize = "青花瓷笔", .collect_at = "展台服务台", .issued_at = "2026-05-15 09:58"};
  const auto before = std::chrono::steady_clock::now();
  const auto ticket = queue.submit(print::voucher_slip(kOrigin, voucher), "voucher WXYZ-2345");
  EXPECT_LT(std::chrono::steady_clock::now() - before, 50ms) << "submit must not wait on CUPS";
  EXPECT_EQ(queue.status(ticket), print::PrintStatus::Printing);
  ASSERT_EQ(wait_while_printing(queue, ticket), print::PrintStatus::Done) << last.detail;
  EXPECT_GE(last.accepted_after_ms, 0);
  EXPECT_EQ(last.title, "voucher WXYZ-2345");
  const auto printed = cups.printed(1);
  ASSERT_FALSE(printed.empty()) << "no PDF of job 1 in " << cups.out();
  const auto text = run_shell("pdftotext -enc UTF-8 '" + printed.string() + "' -").output;
  EXPECT_NE(text.find("WXYZ-2345"), std::string::npos) << text;
  EXPECT_NE(text.find("兑奖凭条"), std::string::npos) << text;
  EXPECT_FALSE(std::filesystem::exists(cups.spool() / "slip-1.pdf")) << "the kiosk's copy is removed once CUPS has it";
}

TEST(PrintQueue, AStoppedPrinterIsUnavailableWithItsReason) {
  const PrivateCups cups;
  ASSERT_EQ(run_shell(cups.admin("cupsdisable")).status, 0);
  print::PrintReport last;
  print::PrintQueue queue({.printer = "slips", .paper = print::Paper::Roll80mm, .spool_dir = cups.spool()},
                          [&last](const print::PrintReport& report) { last = report; });
  const auto ticket = queue.submit(print::test_slip(kOrigin, "slips", print::Paper::Roll80mm), "test");
  EXPECT_EQ(wait_while_printing(queue, ticket), print::PrintStatus::Unavailable);
  EXPECT_NE(last.detail.find("stopped"), std::string::npos) << last.detail;
  EXPECT_TRUE(std::filesystem::is_empty(cups.out()));
}

TEST(PrintQueue, AnUnknownPrinterOrNoServerIsUnavailable) {
  const PrivateCups cups;
  print::PrintQueue queue({.printer = "no-such-printer", .paper = print::Paper::A4, .spool_dir = cups.spool()});
  EXPECT_EQ(wait_while_printing(queue, queue.submit(print::test_slip(kOrigin, "x", print::Paper::A4), "test")),
            print::PrintStatus::Unavailable);
  EXPECT_FALSE(print::probe_printer("no-such-printer").exists);
  setenv("CUPS_SERVER", "127.0.0.1:1", 1);
  const auto probe = print::probe_printer("slips");
  EXPECT_NE(probe.error.find("cannot reach CUPS at 127.0.0.1:1"), std::string::npos) << probe.error;
}

TEST(PrintQueue, TheDoctorChecksThePrinter) {
  Config config;
  EXPECT_TRUE(check_printer(config, std::nullopt).ok);
  config.printer_name = "slips";
  const PrivateCups cups;
  const auto ready = check_printer(config, print::probe_printer("slips"));
  EXPECT_TRUE(ready.ok) << doctor_line(ready);
  ASSERT_EQ(run_shell(cups.admin("cupsreject")).status, 0);
  const auto refusing = check_printer(config, print::probe_printer("slips"));
  EXPECT_FALSE(refusing.ok);
  EXPECT_NE(refusing.detail.find("not accepting jobs"), std::string::npos) << doctor_line(refusing);
  config.printer_name = "elsewhere";
  const auto missing = check_printer(config, print::probe_printer("elsewhere"));
  EXPECT_FALSE(missing.ok);
  EXPECT_NE(missing.detail.find("no such printer"), std::string::npos) << doctor_line(missing);
}

TEST(PrintQueue, OpendayPrintTestSendsATestSlipToTheConfiguredPrinter) {
  const PrivateCups cups;
  const TempDir dir;
  const auto config = dir / "booth.toml";
  run_shell("printf '[printer]\\nname = \"slips\"\\n' > '" + config.string() + "'");
  const auto printed = run_shell(std::string(OPENDAY_BINARY) + " print --test --config '" + config.string() + "'");
  EXPECT_EQ(printed.status, 0) << printed.output;
  ASSERT_FALSE(cups.printed(1).empty()) << "no PDF of job 1 in " << cups.out();
  EXPECT_NE(run_shell("pdftotext -enc UTF-8 '" + cups.printed(1).string() + "' -").output.find("打印测试"), std::string::npos);
  run_shell(cups.admin("cupsdisable"));
  const auto refused = run_shell(std::string(OPENDAY_BINARY) + " print --test --config '" + config.string() + "'");
  EXPECT_EQ(refused.status, 14) << refused.output;
  EXPECT_NE(refused.output.find("slips: stopped"), std::string::npos) << refused.output;
}

}  // namespace
}  // namespace openday
