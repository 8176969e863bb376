// Touch-first layout at the display sizes a kiosk meets: every target large enough, on
// screen, and not overlapping another.
#include <gtest/gtest.h>

#include <cctype>
#include <ostream>
#include <string>
#include <vector>

#include "screen_walk.h"
#include "support/headless_kiosk.h"
#include "ui/route_registry.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

struct LayoutCase {
  ImVec2 display;
  std::string route;
};

// Every route of the registry once (the first department in each tab, the first approval item)
// at each display size; the walks below cover every department and item.
std::vector<LayoutCase> layout_cases() {
  std::vector<LayoutCase> cases;
  const auto routes = ui::every_route(*HeadlessKiosk::sample_content(), {.first_only = true});
  for (ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920), ImVec2(1280, 800), ImVec2(3840, 2160)})
    for (const std::string& route : routes) cases.push_back({display, route});
  return cases;
}

void PrintTo(const LayoutCase& c, std::ostream* os) { *os << c.display.x << "x" << c.display.y << " " << c.route; }

bool overlap(const ui::TapTarget& a, const ui::TapTarget& b) {
  return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

class LayoutTest : public ::testing::TestWithParam<LayoutCase> {};

TEST_P(LayoutTest, TargetsAreLargeOnScreenAndApart) {
  const LayoutCase& c = GetParam();
  HeadlessKiosk kiosk(c.display, c.route);
  kiosk.frame();
  kiosk.kiosk().quiz().wait();  // a voucher being committed
  kiosk.kiosk().service().wait();  // the dashboard's report
  kiosk.frame();
  kiosk.frame();
  const auto targets = kiosk.kiosk().taps().all();
  ASSERT_FALSE(targets.empty());
  // "About 80 px at 1080p", scaled with the shorter side.
  const float minimum = 80.0f * std::min(c.display.x, c.display.y) / 1080.0f;
  for (const auto& target : targets) {
    SCOPED_TRACE(target.id);
    if (!target.clipped) {  // a card half scrolled out of view is smaller on screen, by design
      EXPECT_GE(target.size().x, minimum);
      EXPECT_GE(target.size().y, minimum);
    }
    EXPECT_GE(target.min.x, 0);
    EXPECT_GE(target.min.y, 0);
    EXPECT_LE(target.max.x, c.display.x);
    EXPECT_LE(target.max.y, c.display.y);
  }
  for (std::size_t i = 0; i < targets.size(); ++i)
    for (std::size_t j = i + 1; j < targets.size(); ++j)
      EXPECT_FALSE(overlap(targets[i], targets[j])) << targets[i].id << " overlaps " << targets[j].id;
}

INSTANTIATE_TEST_SUITE_P(Displays, LayoutTest, ::testing::ValuesIn(layout_cases()), [](const auto& test_info) {
  const LayoutCase& c = test_info.param;
  std::string route = c.route;
  for (char& ch : route)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';  // ids from the content
  return std::to_string(static_cast<int>(c.display.x)) + "x" + std::to_string(static_cast<int>(c.display.y)) + "_" + route;
});

struct TextWalk {
  ImVec2 display;
  bool large;
};

void PrintTo(const TextWalk& w, std::ostream* os) { *os << w.display.x << "x" << w.display.y << (w.large ? " large" : " normal"); }

class TextStaysInItsBox : public ::testing::TestWithParam<TextWalk> {};

// Every text a helper draws (button labels, wrapped paragraphs, the title in the top bar) stays
// inside the box it was given, on every screen of the catalog, in both text sizes.
TEST_P(TextStaysInItsBox, OnEveryScreenOfTheCatalog) {
  Config config;
  config.idle_timeout_seconds = 24 * 3600;  // the walk takes minutes of fake time
  HeadlessKiosk kiosk(GetParam().display, "attract", config);
  ui::TextAudit& audit = kiosk.kiosk().text_audit();
  audit.record_placements = true;
  constexpr float kTolerance = 1.0f;  // rounding of centred positions
  std::size_t checked = 0;
  testing::walk_every_screen(kiosk, GetParam().large, [&](const std::string& where) {
    bool title_drawn = false;
    const ui::Screen* screen = kiosk.kiosk().router().current();
    const std::string title = screen && screen->has_top_bar() ? screen->title() : "";
    for (const ui::TextPlacement& p : audit.placements()) {
      ++checked;
      const bool cut_title = p.text.size() > 3 && p.text.ends_with("…") && title.starts_with(p.text.substr(0, p.text.size() - 3));
      if (!title.empty() && (p.text == title || cut_title)) title_drawn = true;
      const bool inside = p.min.x >= p.box_min.x - kTolerance && p.max.x <= p.box_max.x + kTolerance &&
                          p.min.y >= p.box_min.y - kTolerance && p.max.y <= p.box_max.y + kTolerance;
      EXPECT_TRUE(inside) << where << ": \"" << p.text << "\" spans (" << p.min.x << ", " << p.min.y << ")-(" << p.max.x << ", "
                          << p.max.y << ") outside its box (" << p.box_min.x << ", " << p.box_min.y << ")-(" << p.box_max.x << ", "
                          << p.box_max.y << ")";
      EXPECT_TRUE(p.min.x >= -kTolerance && p.max.x <= GetParam().display.x + kTolerance) << where << ": \"" << p.text << "\" leaves the screen";
    }
    if (!title.empty() && !title_drawn) ADD_FAILURE() << where << ": the title \"" << title << "\" is not drawn";
  });
  EXPECT_GT(checked, 1000u);
}

INSTANTIATE_TEST_SUITE_P(Displays, TextStaysInItsBox,
                         ::testing::Values(TextWalk{ImVec2(1920, 1080), false}, TextWalk{ImVec2(1920, 1080), true},
                                           TextWalk{ImVec2(1080, 1920), false}, TextWalk{ImVec2(1080, 1920), true}),
                         [](const auto& walk) {
                           return std::to_string(static_cast<int>(walk.param.display.x)) + "x" +
                                  std::to_string(static_cast<int>(walk.param.display.y)) + (walk.param.large ? "_large" : "_normal");
                         });

TEST(Layout, FontSizesFollowTheShorterSide) {
  float body_landscape = 0, large = 0;
  {
    // Each headless kiosk has its own ImGui context: this one is done before the next starts.
    HeadlessKiosk landscape(ImVec2(1920, 1080), "home");
    body_landscape = landscape.kiosk().fonts().font(ui::FontRole::Body, false)->FontSize;
    // The 大字 sizes are baked when a visitor first asks for them.
    EXPECT_FALSE(landscape.kiosk().fonts().has_large_text());
    landscape.wait(0.5);
    landscape.tap("topbar.large_text");
    landscape.frame();
    ASSERT_TRUE(landscape.kiosk().fonts().has_large_text());
    large = landscape.kiosk().fonts().font(ui::FontRole::Body, true)->FontSize;
  }
  EXPECT_NEAR(large / body_landscape, 1.4f, 0.05f);
  HeadlessKiosk portrait(ImVec2(1080, 1920), "home");
  EXPECT_EQ(portrait.kiosk().fonts().font(ui::FontRole::Body, false)->FontSize, body_landscape);
  HeadlessKiosk uhd(ImVec2(3840, 2160), "home");
  EXPECT_NEAR(uhd.kiosk().fonts().font(ui::FontRole::Body, false)->FontSize, body_landscape * 2, 1.0f);
}

}  // namespace
}  // namespace openday
