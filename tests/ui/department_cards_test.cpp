// The department cards, every one of the shipped content scrolled through: a department without
// fee standards says nothing of fees on its card (no "收费 0"). The category chips, each one
// chosen in turn in both orientations and text sizes: the chosen chip's bar stays under its words.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "support/headless_kiosk.h"
#include "ui/drawn_text.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

TEST(DepartmentCards, NoCardSaysNoFeesAsZero) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "departments");
  kiosk.wait(0.5);
  const Content& content = *HeadlessKiosk::sample_content();
  int without_fees = 0;
  for (const Department& d : content.departments) without_fees += d.fees.empty();
  ASSERT_GT(without_fees, 0) << "the sample has a department without fees (precondition)";
  std::set<std::string> seen;
  float last_scroll = -1;
  for (int step = 0; step < 60 && kiosk.scroll_y_of("departments.grid") != last_scroll; ++step) {
    last_scroll = kiosk.scroll_y_of("departments.grid");
    const std::string drawn = testing::drawn_text();
    EXPECT_EQ(drawn.find("收费0"), std::string::npos) << "at scroll " << last_scroll;
    for (const Department& d : content.departments) {
      if (drawn.find(testing::without_spaces(d.short_name)) != std::string::npos) seen.insert(d.id);
    }
    const ImRect grid = kiosk.rect_of("departments.grid");
    kiosk.drag(ImVec2(grid.GetCenter().x, grid.Max.y - 60), ImVec2(grid.GetCenter().x, grid.Max.y - 360), 12, 30);
    kiosk.run_until_idle();
  }
  EXPECT_EQ(seen.size(), content.departments.size()) << "every card was scrolled into view";
}

// Every category the content uses, and 全部.
std::vector<std::string> chip_ids(const Content& content) {
  std::vector<std::string> ids = {"departments.category.all"};
  for (const Department& d : content.departments)
    if (std::find(ids.begin(), ids.end(), "departments.category." + d.category) == ids.end()) ids.push_back("departments.category." + d.category);
  return ids;
}

TEST(DepartmentCards, TheChosenChipsBarNeverTouchesItsWords) {
  for (const ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920)})
    for (const bool large : {false, true}) {
      HeadlessKiosk kiosk(display, "home");
      kiosk.wait(0.5);
      if (large) {
        kiosk.tap("topbar.large_text");
        kiosk.wait(0.5);
      }
      kiosk.tap("home.disclosure");
      kiosk.wait(0.5);
      const float unit = kiosk.kiosk().metrics().unit;
      const float bar_top_from_bottom = std::round(8 * unit) + std::round(6 * unit);  // widgets.cpp's selection bar
      for (const std::string& id : chip_ids(*HeadlessKiosk::sample_content())) {
        SCOPED_TRACE(id + (large ? " 大字 " : " ") + std::to_string(static_cast<int>(display.x)));
        kiosk.tap(id);
        kiosk.wait(0.5);
        const ui::TapTarget* chip = kiosk.kiosk().taps().find(id);
        ASSERT_NE(chip, nullptr);
        int glyphs = 0;
        for (const testing::DrawnGlyph& g : testing::drawn_glyphs()) {
          const ImVec2 centre((g.min.x + g.max.x) * 0.5f, (g.min.y + g.max.y) * 0.5f);
          if (centre.x < chip->min.x || centre.x > chip->max.x || centre.y < chip->min.y || centre.y > chip->max.y) continue;
          ++glyphs;
          EXPECT_LE(g.max.y, chip->max.y - bar_top_from_bottom) << "a glyph of the chosen chip reaches its bar";
        }
        EXPECT_GT(glyphs, 0) << "the chip's words were found (precondition)";
      }
    }
}

}  // namespace
}  // namespace openday
