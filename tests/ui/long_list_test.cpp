// A real county's longest screens (issue 18): a department of 300 approval items and a 100-row
// fee table lay out only the rows on screen. These tests fail when that clipping loses or
// misplaces a row, and when the texts of a long list are wrapped again on every frame.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "support/county_generator.h"
#include "support/headless_kiosk.h"
#include "support/temp_dir.h"
#include "ui/row_index.h"
#include "ui/wrap_cache.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

// Two generated departments: the first has 300 items, the second the 100-row fee table.
std::shared_ptr<const Content> county() {
  static const std::shared_ptr<const Content> content = [] {
    testing::TempDir dir;
    testing::generate_county({.departments = 2, .items = 600, .seed = 5, .with_sample = std::nullopt}, dir / "county");
    ContentLoad load = load_content(dir / "county");
    if (!load.content) throw std::runtime_error(load.problems.front().to_string());
    return std::make_shared<const Content>(std::move(*load.content));
  }();
  return content;
}

const Department& heaviest() { return *county()->department("gen-d01"); }

struct Card {
  std::size_t index;  // in the department's items
  ui::TapTarget target;
};

// The item cards of the last frame, in the order they were drawn.
std::vector<Card> item_cards(HeadlessKiosk& kiosk, const Department& department) {
  std::map<std::string, std::size_t> index_of;
  for (std::size_t i = 0; i < department.approval_items.size(); ++i) index_of["department.item." + department.approval_items[i].id] = i;
  std::vector<Card> cards;
  for (const ui::TapTarget& target : kiosk.kiosk().taps().all())
    if (const auto found = index_of.find(target.id); found != index_of.end()) cards.push_back({found->second, target});
  return cards;
}

// The cards on screen are consecutive items, stacked with one constant gap, and leave no room
// at either edge of the list's region where another item should show.
void expect_cards_fill_the_region(HeadlessKiosk& kiosk, const Department& department) {
  const ImRect region = kiosk.rect_of("department.body");
  const std::vector<Card> cards = item_cards(kiosk, department);
  ASSERT_GE(cards.size(), 2u);
  float gap = -1;
  for (std::size_t i = 1; i < cards.size(); ++i) {
    EXPECT_EQ(cards[i].index, cards[i - 1].index + 1) << "the items on screen skip or repeat one";
    const float between = cards[i].target.min.y - cards[i - 1].target.max.y;
    EXPECT_GT(between, 0.0f) << "item " << cards[i].index << " overlaps the one before it";
    if (gap < 0) gap = between;
    EXPECT_NEAR(between, gap, 1.0f) << "item " << cards[i].index << " is not where the list's heights put it";
  }
  // An edge may show only part of a row gap; more means a row is missing there.
  if (cards.front().index > 0) {
    EXPECT_LE(cards.front().target.min.y - region.Min.y, gap + 1.0f) << "a row is missing at the top";
  }
  if (cards.back().index + 1 < department.approval_items.size()) {
    EXPECT_LE(region.Max.y - cards.back().target.max.y, gap + 1.0f) << "a row is missing at the bottom";
  }
}

// Slow drags up (the finger rests before it lifts, so the list hardly glides) until the item's
// card shows at the bottom; false if it never does.
bool scroll_to(HeadlessKiosk& kiosk, const std::string& item_id) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  for (int i = 0; i < 400 && !kiosk.has_target("department.item." + item_id); ++i) {
    kiosk.drag(ImVec2(display.x * 0.5f, display.y * 0.85f), ImVec2(display.x * 0.5f, display.y * 0.35f), 12, 12);
    kiosk.wait(0.5);
  }
  return kiosk.has_target("department.item." + item_id);
}

struct Setting {
  ImVec2 display;
  bool large;
};

class LongList : public ::testing::TestWithParam<Setting> {
 protected:
  void SetUp() override {
    if (GetParam().large) {
      kiosk.tap("topbar.large_text");
      kiosk.wait(0.5);
    }
  }
  HeadlessKiosk kiosk{GetParam().display, "department/gen-d01/items", {}, county()};
};

TEST_P(LongList, TheRowsOnScreenAtTheTopTheMiddleAndTheEndAreTheRightOnesAndOpenTheirItem) {
  const Department& department = heaviest();
  ASSERT_EQ(department.approval_items.size(), 300u);
  EXPECT_TRUE(kiosk.has_target("department.item." + department.approval_items[0].id));
  expect_cards_fill_the_region(kiosk, department);

  ASSERT_TRUE(scroll_to(kiosk, department.approval_items[150].id)) << "the middle of the list cannot be reached";
  expect_cards_fill_the_region(kiosk, department);
  EXPECT_FALSE(kiosk.has_target("department.item." + department.approval_items[0].id));

  ASSERT_TRUE(scroll_to(kiosk, department.approval_items[299].id)) << "the end of the list cannot be reached";
  const ImVec2 display = GetParam().display;
  for (int i = 0; i < 5; ++i)  // and past it: the list stops at its end
    kiosk.drag(ImVec2(display.x * 0.5f, display.y * 0.85f), ImVec2(display.x * 0.5f, display.y * 0.35f), 4);
  kiosk.wait(2.0);
  expect_cards_fill_the_region(kiosk, department);
  const std::vector<Card> end = item_cards(kiosk, department);
  ASSERT_FALSE(end.empty());
  EXPECT_EQ(end.back().index, 299u);
  EXPECT_FALSE(end.back().target.clipped) << "the last item cannot be scrolled fully into view";

  // A card in the middle of the screen opens its own item.
  const Card& tapped = end[end.size() / 2];
  kiosk.tap(tapped.target.id);
  EXPECT_EQ(kiosk.route(), "item/" + department.approval_items[tapped.index].id);
}

INSTANTIATE_TEST_SUITE_P(Settings, LongList,
                         ::testing::Values(Setting{ImVec2(1920, 1080), false}, Setting{ImVec2(1920, 1080), true},
                                           Setting{ImVec2(1080, 1920), false}, Setting{ImVec2(1080, 1920), true}),
                         [](const auto& test_info) {
                           return std::string(test_info.param.display.x > test_info.param.display.y ? "landscape" : "portrait") +
                                  (test_info.param.large ? "_large" : "_normal");
                         });

// The fee table's rows are drawn where their measured heights put them: scrolled to its end,
// the last fee is on screen (the table and the cards draw each fee's publication line last).
TEST(LongFeeTable, ItsLastRowIsDrawnAtTheEndInTheTableAndAsCards) {
  for (const Setting setting : {Setting{ImVec2(1920, 1080), false}, Setting{ImVec2(1080, 1920), false}, Setting{ImVec2(1920, 1080), true}}) {
    SCOPED_TRACE(std::to_string(static_cast<int>(setting.display.x)) + (setting.large ? " large" : " normal"));
    HeadlessKiosk kiosk(setting.display, "department/gen-d02/fees", {}, county());
    if (setting.large) {
      kiosk.tap("topbar.large_text");
      kiosk.wait(0.5);
    }
    kiosk.kiosk().text_audit().record_placements = true;
    const Department& department = *county()->department("gen-d02");
    ASSERT_EQ(department.fees.size(), 100u);
    const auto drawn = [&](const std::string& text) {
      for (const ui::TextPlacement& placed : kiosk.kiosk().text_audit().placements())
        if (placed.text.find(text) != std::string::npos) return true;
      return false;
    };
    kiosk.frame();
    EXPECT_TRUE(drawn(department.fees[0].legal_basis));
    const ImVec2 display = setting.display;
    for (int i = 0; i < 200; ++i) {
      const float before = kiosk.scroll_y_of("department.body");
      kiosk.drag(ImVec2(display.x * 0.5f, display.y * 0.85f), ImVec2(display.x * 0.5f, display.y * 0.35f), 4);
      kiosk.wait(1.0);
      if (kiosk.scroll_y_of("department.body") == before) break;  // at the end
    }
    kiosk.frame();
    EXPECT_TRUE(drawn(department.fees[99].legal_basis)) << "the last fee is not drawn at the end of the table";
    EXPECT_FALSE(drawn(department.fees[0].legal_basis)) << "the first fee is still drawn at the end of the table";
  }
}

// Long lists measure their texts once per width and size: the next frames find every wrap in
// the cache, and look up only what is on screen, not all 300 rows.
TEST(LongListCost, FramesAfterTheFirstWrapNothingAndLookUpOnlyTheVisibleRows) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "department/gen-d01/items", {}, county());
  kiosk.wait(0.5);
  const ui::WrapCache& cache = kiosk.kiosk().wrap_cache();
  EXPECT_GE(cache.size(), 300u) << "the item names were not measured through the cache";
  const std::size_t misses = cache.misses();
  const std::size_t hits = cache.hits();
  constexpr int kFrames = 10;
  for (int i = 0; i < kFrames; ++i) kiosk.frame();
  EXPECT_EQ(cache.misses(), misses) << "a steady frame wrapped text again";
  EXPECT_GT(cache.hits(), hits);
  EXPECT_LT((cache.hits() - hits) / kFrames, 100u) << "a frame measures rows that are off screen";
}

TEST(RowIndex, FindsTheRowsThatOverlapABand) {
  ui::RowIndex rows;
  const std::vector<float> heights = {10, 20, 30, 40};  // tops 0, 10, 30, 60; bottom 100
  rows.measure(100, 20, heights.size(), [&](std::size_t r) { return heights[r]; });
  EXPECT_EQ(rows.total(), 100.0f);
  EXPECT_EQ(rows.top(2), 30.0f);
  EXPECT_EQ(rows.overlapping(0, 5), (std::pair<std::size_t, std::size_t>{0, 1}));
  EXPECT_EQ(rows.overlapping(15, 35), (std::pair<std::size_t, std::size_t>{1, 3}));
  EXPECT_EQ(rows.overlapping(-50, 500), (std::pair<std::size_t, std::size_t>{0, 4}));
  EXPECT_EQ(rows.overlapping(99, 120), (std::pair<std::size_t, std::size_t>{3, 4}));
  EXPECT_EQ(rows.overlapping(150, 200).first, rows.overlapping(150, 200).second);  // below the list
  EXPECT_EQ(rows.overlapping(-90, -10).first, rows.overlapping(-90, -10).second);  // above it

  int measured = 0;
  rows.measure(100, 20, heights.size(), [&](std::size_t r) { return ++measured, heights[r]; });
  EXPECT_EQ(measured, 0) << "the same width and size measured again";
  rows.measure(80, 20, heights.size(), [&](std::size_t r) { return ++measured, heights[r] * 2; });
  EXPECT_EQ(measured, 4);
  EXPECT_EQ(rows.total(), 200.0f);
  rows.measure(80, 28, heights.size(), [&](std::size_t r) { return ++measured, heights[r]; });
  EXPECT_EQ(measured, 8) << "a new text size must measure again";
}

}  // namespace
}  // namespace openday
