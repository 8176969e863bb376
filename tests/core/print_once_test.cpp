// Issue 30: a voucher's 兑奖凭条 is printed once per code from the kiosk, and a restart does not
// change that: a new SlipPrinter on the same database (the kiosk started again) learns from the
// event log which codes were printed. A print that ended as 打印机暂不可用 (print_failed) does not
// count. No CUPS is reached (CUPS_SERVER on a closed loopback port): only the refusal is tested.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <set>
#include <string>
#include <thread>

#include "core/print/slip_printer.h"
#include "core/print/slip_sources.h"
#include "core/visits/event_log.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::TempDir;

class NoCups : public ::testing::Test {
 protected:
  void SetUp() override { setenv("CUPS_SERVER", "127.0.0.1:1", 1); }
  void TearDown() override { unsetenv("CUPS_SERVER"); }
  Config config() const {
    Config c;
    c.printer_name = "slips";
    return c;
  }
  TempDir dir_;
};

const EventInfo kEvent{.county = "示例县", .title = "政务公开日", .date = "2026-05-15", .place = "人民广场", .hotline = "", .sample_data = false};
const print::VoucherFacts kVoucher{.code = "ABCD-EFGH", .prize = "环保袋", .collect_at = "服务台", .issued_at = "2026-05-15 10:00"};

// What the voucher screen logs with a tap (quiz_result_screen.cpp, print_widgets.cpp).
void log_print(EventLog& log, EventType type, const std::string& code) {
  Event event;
  event.type = type;
  event.screen = "quiz/result";
  event.item = code;
  if (type == EventType::PrintFailed) event.target = "voucher";
  log.log(std::move(event));
}

TEST_F(NoCups, ASecondPressAfterARestartIsRefused) {
  const auto db = dir_ / "kiosk.db";
  {
    EventLog log(EventLog::Options{db, "kiosk-1"});
    print::SlipPrinter printer(config(), dir_ / "spool", print::printed_voucher_codes(db));
    ASSERT_TRUE(printer.print_voucher_once(kEvent, kVoucher).has_value());
    log_print(log, EventType::PrintVoucher, kVoucher.code);
    EXPECT_FALSE(printer.print_voucher_once(kEvent, kVoucher).has_value()) << "refused while it prints";
    log.flush();
  }
  // The kiosk started again on the same database.
  print::SlipPrinter restarted(config(), dir_ / "spool", print::printed_voucher_codes(db));
  EXPECT_TRUE(restarted.voucher_printed(kVoucher.code));
  EXPECT_FALSE(restarted.print_voucher_once(kEvent, kVoucher).has_value());
  // Another code of the same kiosk is not affected.
  print::VoucherFacts other = kVoucher;
  other.code = "WXYZ-2345";
  EXPECT_TRUE(restarted.print_voucher_once(kEvent, other).has_value());
  // The desk's 补打凭条 prints it again all the same.
  EXPECT_GT(restarted.reprint_voucher(kEvent, kVoucher), 0u);
}

TEST_F(NoCups, APrintThatFailedMayBeTriedAgainAfterARestart) {
  const auto db = dir_ / "kiosk.db";
  {
    EventLog log(EventLog::Options{db, "kiosk-1"});
    log_print(log, EventType::PrintVoucher, "ABCD-EFGH");
    log_print(log, EventType::PrintFailed, "ABCD-EFGH");
    log_print(log, EventType::PrintVoucher, "WXYZ-2345");
    log_print(log, EventType::PrintVoucher, "WXYZ-2345");  // the desk reprinted it, one failed
    log_print(log, EventType::PrintFailed, "WXYZ-2345");
    log.flush();
  }
  EXPECT_EQ(print::printed_voucher_codes(db), (std::set<std::string>{"WXYZ-2345"}));
  print::SlipPrinter restarted(config(), dir_ / "spool", print::printed_voucher_codes(db));
  EXPECT_TRUE(restarted.print_voucher_once(kEvent, kVoucher).has_value());
}

TEST_F(NoCups, APrintThatFailedSinceStartMayBeTriedAgain) {
  print::SlipPrinter printer(config(), dir_ / "spool");
  const auto ticket = printer.print_voucher_once(kEvent, kVoucher);
  ASSERT_TRUE(ticket.has_value());
  // No CUPS: the queue's thread gives up at once (up to 10 s here).
  for (int i = 0; i < 1000 && printer.status(*ticket) == print::PrintStatus::Printing; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_EQ(printer.status(*ticket), print::PrintStatus::Unavailable);
  EXPECT_FALSE(printer.voucher_printed(kVoucher.code));
  EXPECT_TRUE(printer.print_voucher_once(kEvent, kVoucher).has_value());
}

TEST_F(NoCups, NoDatabaseYetMeansNothingPrinted) {
  EXPECT_TRUE(print::printed_voucher_codes(dir_ / "absent.db").empty());
}

}  // namespace
}  // namespace openday
