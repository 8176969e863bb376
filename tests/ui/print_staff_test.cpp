// Issue 30 at the staff screens, only when the config names a printer: 补打凭条 on 兑奖核销 after a
// code was looked up (a reprint even when the kiosk printed the slip once; logged as
// print_voucher with target staff), 打印当日概况 on 数据导出 (the day's figures through the same
// queue; print_summary), and the printer's line on 本机自检. CUPS cannot be reached here (the
// ui_tests program points CUPS_SERVER at a closed loopback port, print_ui_test.cpp): each print
// ends as 打印机暂不可用 and is logged as print_failed with the slip's kind.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>

#include "core/content/ui_text.h"
#include "core/util/local_clock.h"
#include "support/headless_kiosk.h"
#include "ui/drawn_text.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

Config with_printer() {
  Config config;
  config.printer_name = "kiosk-receipt";
  return config;
}

// Frames go on while the queue's thread asks CUPS, until print_failed is logged (up to 10 s).
std::vector<Event> failures_after_frames(HeadlessKiosk& kiosk) {
  for (int i = 0; i < 500 && kiosk.events().of_type(EventType::PrintFailed).empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    kiosk.frame();
  }
  kiosk.frame();
  return kiosk.events().of_type(EventType::PrintFailed);
}

bool drawn(std::string_view text) {
  return testing::drawn_text().find(testing::without_spaces(text)) != std::string::npos;
}

// A visitor wins a voucher; staff look its code up on 兑奖核销.
std::string win_and_redeem(HeadlessKiosk& kiosk) {
  kiosk.kiosk().quiz().play_round(kiosk.kiosk().sessions().current_session(), true);
  kiosk.kiosk().quiz().wait();
  const std::string code = kiosk.kiosk().quiz().voucher_code();
  EXPECT_EQ(code.size(), 9u);
  kiosk.kiosk().enter_staff_mode();
  kiosk.frame();
  kiosk.wait(0.5);
  kiosk.tap("staff.redeem");
  kiosk.wait(0.5);
  EXPECT_EQ(kiosk.route(), "staff/redeem");
  EXPECT_FALSE(kiosk.has_target("staff.redeem.reprint")) << "nothing looked up yet";
  for (char c : code) {
    if (c == '-') continue;
    kiosk.tap("staff.redeem.key." + std::to_string(kVoucherAlphabet.find(c)));
    kiosk.wait(0.4);
  }
  kiosk.tap("staff.redeem.submit");
  kiosk.kiosk().service().wait();
  kiosk.frame();
  kiosk.frame();
  return code;
}

TEST(PrintStaff, ReprintOnTheRedeemScreenAfterALookUp) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home", with_printer());
  const std::string code = win_and_redeem(kiosk);
  ASSERT_TRUE(kiosk.has_target("staff.redeem.reprint"));
  EXPECT_TRUE(drawn(tr(Text::PrintReprintButton)));
  kiosk.wait(0.5);  // a button that just appeared ignores taps for a moment
  kiosk.tap("staff.redeem.reprint");
  const auto taps = kiosk.events().of_type(EventType::PrintVoucher);
  ASSERT_EQ(taps.size(), 1u);
  EXPECT_EQ(taps[0].item, code);
  EXPECT_EQ(taps[0].target, "staff");
  EXPECT_EQ(taps[0].screen, "staff/redeem");
  const auto failed = failures_after_frames(kiosk);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].target, "voucher");
  EXPECT_EQ(failed[0].item, code);
  EXPECT_TRUE(drawn(tr(Text::PrintStatusUnavailable)));
  // Staff may press again (the kiosk's once-per-code does not hold at the desk).
  kiosk.wait(0.5);
  kiosk.tap("staff.redeem.reprint");
  EXPECT_EQ(kiosk.events().of_type(EventType::PrintVoucher).size(), 2u);
}

TEST(PrintStaff, NoReprintButtonWithoutAPrinter) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  win_and_redeem(kiosk);
  ASSERT_TRUE(kiosk.kiosk().service().redemption());
  EXPECT_FALSE(kiosk.has_target("staff.redeem.reprint"));
}

// Opens 数据导出 and lets today's report arrive.
void open_export(HeadlessKiosk& kiosk) {
  kiosk.kiosk().service().wait();
  kiosk.frame();
  kiosk.kiosk().service().wait();
  kiosk.frame();
  kiosk.frame();
}

TEST(PrintStaff, DaySummaryOnTheExportScreen) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "staff/export", with_printer());
  open_export(kiosk);
  ASSERT_TRUE(kiosk.has_target("staff.export.print_summary"));
  EXPECT_TRUE(drawn(tr(Text::PrintSummaryButton)));
  kiosk.tap("staff.export.print_summary");
  const auto taps = kiosk.events().of_type(EventType::PrintSummary);
  ASSERT_EQ(taps.size(), 1u);
  EXPECT_EQ(taps[0].item, format_calendar_date(local_today()));
  const auto failed = failures_after_frames(kiosk);
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].target, "summary");
  EXPECT_TRUE(drawn(tr(Text::PrintStatusUnavailable)));
}

TEST(PrintStaff, NoDaySummaryButtonWithoutAPrinter) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "staff/export");
  open_export(kiosk);
  EXPECT_TRUE(kiosk.has_target("staff.export.destination.0")) << "the screen is drawn";
  EXPECT_FALSE(kiosk.has_target("staff.export.print_summary"));
}

// 本机自检 with the doctor's answer in.
std::vector<DoctorCheck> doctor_checks(HeadlessKiosk& kiosk) {
  kiosk.frame();
  kiosk.kiosk().service().wait();
  kiosk.frame();
  kiosk.frame();
  const auto& checks = kiosk.kiosk().service().doctor_checks();
  EXPECT_TRUE(checks) << kiosk.kiosk().service().doctor_error().value_or("");
  return checks ? *checks : std::vector<DoctorCheck>{};
}

TEST(PrintStaff, TheDoctorScreenShowsThePrintersLine) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "staff/doctor", with_printer());
  const auto checks = doctor_checks(kiosk);
  const auto printer = std::find_if(checks.begin(), checks.end(), [](const DoctorCheck& c) { return c.id == DoctorCheckId::Printer; });
  ASSERT_NE(printer, checks.end());
  EXPECT_FALSE(printer->ok) << "CUPS cannot be reached here";
  EXPECT_NE(printer->detail.find("kiosk-receipt"), std::string::npos) << printer->detail;
  // Failed checks come first; with the touch screen's, the clock's and the PIN's above it, the
  // printer's may be under the fold: the clerk scrolls.
  for (int i = 0; i < 3 && !drawn(tr(Text::DoctorFixPrinter)); ++i) {
    kiosk.drag(ImVec2(960, 900), ImVec2(960, 400), 12, 10);
    kiosk.wait(0.5);
  }
  EXPECT_TRUE(drawn(tr(Text::DoctorPrinter)));
  EXPECT_TRUE(drawn(tr(Text::DoctorFixPrinter))) << testing::drawn_text();
}

TEST(PrintStaff, NoPrinterLineWithoutAPrinter) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "staff/doctor");
  const auto checks = doctor_checks(kiosk);
  ASSERT_FALSE(checks.empty());
  EXPECT_TRUE(std::none_of(checks.begin(), checks.end(), [](const DoctorCheck& c) { return c.id == DoctorCheckId::Printer; }));
}

}  // namespace
}  // namespace openday
