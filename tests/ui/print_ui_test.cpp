// Issue 30: 打印办事指南 on every approval item page and 打印兑奖凭条 with the prize code, only
// when the config names a printer; a tap queues the slip (the frame never waits on CUPS) and the
// status follows it. Here the printer cannot be reached (CUPS_SERVER on a closed loopback port):
// the status must end in 打印机暂不可用, logged as print_failed.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <thread>
#include <string>

#include "core/content/ui_text.h"
#include "support/headless_kiosk.h"
#include "support/ui_shapes.h"
#include "ui/drawn_text.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

constexpr const char* kItem = "item/chengjian-shigong-xuke";

Config with_printer() {
  Config config;
  config.printer_name = "kiosk-receipt";
  return config;
}

// No CUPS anywhere: every print ends as 打印机暂不可用, quickly and without touching the system's.
class NoCupsServer : public ::testing::Environment {
 public:
  void SetUp() override { setenv("CUPS_SERVER", "127.0.0.1:1", 1); }
};
const auto* const kNoCups = ::testing::AddGlobalTestEnvironment(new NoCupsServer);

void open(HeadlessKiosk& kiosk, const std::string& route) {
  kiosk.kiosk().router().reset_to({route});
  kiosk.run_until_idle();
  kiosk.frame();
}

// Walks every approval item page of the sample (one kiosk at a time: each owns the ImGui context).
std::size_t items_with_print_button(Config config) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home", std::move(config));
  std::size_t with_button = 0;
  for (const Department& department : HeadlessKiosk::sample_content()->departments) {
    for (const ApprovalItem& item : department.approval_items) {
      open(kiosk, "item/" + item.id);
      EXPECT_EQ(kiosk.route(), "item/" + item.id);
      if (kiosk.has_target("print.guide")) ++with_button;
    }
  }
  return with_button;
}

TEST(PrintUi, EveryApprovalItemPageHasThePrintButtonOnlyWithAPrinter) {
  EXPECT_EQ(items_with_print_button(with_printer()), HeadlessKiosk::sample_content()->approval_item_count());
  EXPECT_EQ(items_with_print_button(Config{}), 0u);
}

class PrintUiShapes : public ::testing::TestWithParam<testing::Shape> {};

TEST_P(PrintUiShapes, TheButtonIsOnTheItemPageInEveryShape) {
  HeadlessKiosk kiosk(GetParam().display, kItem, with_printer());
  testing::set_text_size(kiosk, GetParam().large_text);
  kiosk.frame();
  ASSERT_TRUE(kiosk.has_target("print.guide"));
  const ImVec2 at = kiosk.center_of("print.guide");
  EXPECT_GT(at.x, 0);
  EXPECT_LT(at.y, GetParam().display.y) << "on screen without scrolling";
}
INSTANTIATE_TEST_SUITE_P(PrintUi, PrintUiShapes, testing::every_shape(), testing::shape_name);

TEST(PrintUi, ATapQueuesTheGuideAndAnUnreachablePrinterSaysSoAndIsLogged) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), kItem, with_printer());
  kiosk.wait(0.5);
  kiosk.tap("print.guide");
  const auto taps = kiosk.events().of_type(EventType::PrintGuide);
  ASSERT_EQ(taps.size(), 1u);
  EXPECT_EQ(taps[0].item, "chengjian-shigong-xuke");
  EXPECT_EQ(taps[0].department, "chengjian");
  // The queue's thread asks CUPS in real time: frames go on meanwhile, for up to 10 s.
  for (int i = 0; i < 500 && kiosk.events().of_type(EventType::PrintFailed).empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    kiosk.frame();
  }
  const auto failed = kiosk.events().of_type(EventType::PrintFailed);
  ASSERT_EQ(failed.size(), 1u) << "logged once, not every frame";
  EXPECT_EQ(failed[0].target, "guide");
  kiosk.frame();
  EXPECT_NE(testing::drawn_text(testing::drawn_glyphs()).find(tr(Text::PrintStatusUnavailable)), std::string::npos);
}

}  // namespace
}  // namespace openday
