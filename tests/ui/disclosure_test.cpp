// The disclosure screens driven like a visitor would: cards, tabs, an approval item, Back and
// Home; drags that scroll and never open; large text that stays.
#include <gtest/gtest.h>

#include <algorithm>
#include <cfloat>

#include "core/content/ui_text.h"
#include "core/util/utf8.h"
#include "ui/route_registry.h"
#include "support/content_fixture_odd.h"
#include "support/headless_kiosk.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

bool logged_view(HeadlessKiosk& kiosk, std::string_view department, std::string_view target, std::string_view item = "") {
  for (const Event& e : kiosk.events().of_type(EventType::ScreenView))
    if (e.department == department && e.target == target && e.item == item) return true;
  return false;
}

TEST(Disclosure, GridToDepartmentTabsItemBackAndHome) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  kiosk.tap("home.disclosure");
  ASSERT_EQ(kiosk.route(), "departments");
  kiosk.wait(0.5);
  kiosk.tap("departments.category.城乡建设");
  kiosk.wait(0.5);
  EXPECT_FALSE(kiosk.has_target("departments.card.minzheng")) << "the filter hides other categories";
  kiosk.tap("departments.card.guotu");
  ASSERT_EQ(kiosk.route(), "department/guotu/duties");
  EXPECT_TRUE(logged_view(kiosk, "guotu", "duties"));
  kiosk.wait(0.5);
  kiosk.tap("department.tab.fees");
  EXPECT_EQ(kiosk.route(), "department/guotu/fees");
  EXPECT_TRUE(logged_view(kiosk, "guotu", "fees"));
  kiosk.wait(0.5);
  kiosk.tap("department.tab.items");
  EXPECT_EQ(kiosk.route(), "department/guotu/items");
  kiosk.wait(0.5);
  kiosk.tap("department.item.guotu-zhuanyi-dengji");
  ASSERT_EQ(kiosk.route(), "item/guotu-zhuanyi-dengji");
  EXPECT_TRUE(logged_view(kiosk, "guotu", "", "guotu-zhuanyi-dengji"));
  kiosk.wait(0.5);
  kiosk.tap("topbar.back");
  EXPECT_EQ(kiosk.route(), "department/guotu/items") << "Back returns to the tab the visitor came from";
  kiosk.wait(0.5);
  kiosk.tap("topbar.back");
  EXPECT_EQ(kiosk.route(), "departments");
  kiosk.wait(0.5);
  kiosk.tap("topbar.home");
  EXPECT_EQ(kiosk.route(), "home");
}

TEST(Disclosure, ADragScrollsTheGridAndOpensNothing) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "departments");
  kiosk.wait(0.5);
  // The first card of the second row: whole on screen before and after the drag.
  const std::string first = "departments.card." + HeadlessKiosk::sample_content()->departments[3].id;
  ASSERT_FALSE(kiosk.kiosk().taps().find(first)->clipped);
  const ImVec2 before = kiosk.center_of(first);
  // A slow drag that stops before the finger lifts: the grid follows the finger, no further.
  kiosk.drag(ImVec2(before.x, before.y + 40), ImVec2(before.x, before.y - 110), 20, 15);
  EXPECT_EQ(kiosk.route(), "departments") << "the drag started on a card and opened it";
  kiosk.wait(2);
  ASSERT_TRUE(kiosk.has_target(first));
  ASSERT_FALSE(kiosk.kiosk().taps().find(first)->clipped);
  EXPECT_NEAR(kiosk.center_of(first).y, before.y - 150, 20) << "the grid did not follow the finger";
  // A plain tap on the same card still opens it.
  kiosk.tap(first);
  EXPECT_EQ(kiosk.route().rfind("department/", 0), 0u);
}

TEST(Disclosure, AFlickKeepsGlidingAfterTheFingerLifts) {
  HeadlessKiosk kiosk(ImVec2(1080, 1920), "departments");
  kiosk.wait(0.5);
  const std::string last = "departments.card." + HeadlessKiosk::sample_content()->departments.back().id;
  ASSERT_FALSE(kiosk.has_target(last));
  const ImVec2 start(540, 1500);
  kiosk.drag(start, ImVec2(540, 1100), 4);  // fast: 400 px in four frames
  const std::string probe = "departments.card." + HeadlessKiosk::sample_content()->departments[8].id;
  ASSERT_TRUE(kiosk.has_target(probe));
  const float after_release = kiosk.center_of(probe).y;
  for (int i = 0; i < 10; ++i) kiosk.frame();
  EXPECT_LT(kiosk.center_of(probe).y, after_release - 20) << "no inertia after the flick";
  EXPECT_LT(kiosk.kiosk().seconds_until_next_frame(kiosk.now()), 0.05) << "a glide needs frames";
}

TEST(Disclosure, LargeTextSurvivesNavigationAndEnlargesTheText) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "departments");
  kiosk.wait(0.5);
  const ImVec2 normal = kiosk.kiosk().taps().all().back().size();
  kiosk.tap("topbar.large_text");
  kiosk.wait(0.5);
  const ImVec2 large = kiosk.kiosk().taps().all().back().size();
  EXPECT_GT(large.y, normal.y) << "cards grow with the text";
  kiosk.tap("departments.category.城乡建设");
  kiosk.wait(0.5);
  kiosk.tap("departments.card.guotu");
  kiosk.wait(0.5);
  EXPECT_TRUE(kiosk.kiosk().large_text());
  kiosk.tap("department.tab.items");
  kiosk.wait(0.5);
  kiosk.tap("department.item.guotu-zhuanyi-dengji");
  kiosk.wait(0.5);
  EXPECT_TRUE(kiosk.kiosk().large_text());
  kiosk.tap("topbar.home");
  EXPECT_TRUE(kiosk.kiosk().large_text());
}

// The atlas holds the shared texts and the department on screen: on each department's page,
// every text of that department and every name is baked in the faces that draw it, in both
// text sizes; a text of another department is not (the atlas does not grow with the county).
TEST(Disclosure, EveryContentTextIsBakedAtEverySizeItIsDrawn) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "departments");
  const Content& content = *HeadlessKiosk::sample_content();
  auto missing = [](const ImFont& font, std::string_view text) {
    std::string out;
    for_each_code_point(text, [&](char32_t c) {
      if (c == '\n' || c == ' ') return;
      if (!font.FindGlyphNoFallback(static_cast<ImWchar>(c))) out += " U+" + std::to_string(static_cast<unsigned>(c));
    });
    return out;
  };
  for (bool large : {false, true}) {
    if (large) {
      kiosk.wait(0.5);
      kiosk.tap("topbar.large_text");
      kiosk.frame();
      ASSERT_TRUE(kiosk.kiosk().large_text());
    }
    for (const Department& department : content.departments) {
      kiosk.kiosk().router().reset_to(*ui::stack_for_route("department/" + department.id + "/duties", content));
      kiosk.frame();
      kiosk.frame();
      const ui::FontSet& fonts = kiosk.kiosk().fonts();
      ASSERT_EQ(fonts.has_large_text(), large);
      const std::string own = "departments/" + department.id + ".json $";
      content.for_each_text([&](TextStyle style, std::string_view text, const std::string& source) {
        const bool shared = source.rfind("departments/", 0) != 0 || source == own + ".name" || source == own + ".short_name";
        if (!shared && source.rfind(own, 0) != 0) return;
        EXPECT_EQ(missing(*fonts.font(ui::FontRole::Body, large), text), "") << source;
        if (style != TextStyle::Body) {
          EXPECT_EQ(missing(*fonts.font(ui::FontRole::Heading, large), text), "") << source;
        }
      });
    }
  }
}

TEST(Disclosure, TheAtlasHoldsTheDepartmentOnScreenNotTheWholeContent) {
  const Content& content = *HeadlessKiosk::sample_content();
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "departments");
  const auto baked = [&kiosk](char32_t c) {
    return kiosk.kiosk().fonts().font(ui::FontRole::Body, false)->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr;
  };
  // A character of some department's duties that the departments screen's atlas lacks.
  char32_t rare = 0;
  std::string department;
  for (const Department& d : content.departments)
    for (const std::string& paragraph : d.duties)
      for_each_code_point(paragraph, [&](char32_t c) {
        if (!rare && c >= 0x4E00 && !baked(c)) rare = c, department = d.id;
      });
  ASSERT_NE(rare, 0u) << "every duties character is baked on the departments screen: the atlas holds the whole content";
  kiosk.kiosk().router().reset_to(*ui::stack_for_route("department/" + department, content));
  kiosk.frame();
  EXPECT_TRUE(baked(rare)) << "on its department's page";
  kiosk.kiosk().router().reset_to({"home"});
  kiosk.frame();
  kiosk.frame();
  EXPECT_FALSE(baked(rare)) << "dropped again on the home screen";
}

class OddContent : public ::testing::TestWithParam<ImVec2> {
 protected:
  static std::shared_ptr<const Content> odd() {
    testing::TempDir dir;
    testing::write_odd_content(dir.path());
    ContentLoad load = load_content(dir.path());
    if (!load.content) throw std::runtime_error(load.problems.front().to_string());
    return std::make_shared<const Content>(std::move(*load.content));
  }
};

TEST_P(OddContent, LongListsScrollToTheirEndInBothOrientationsAndBothSizes) {
  for (bool large : {false, true}) {
    SCOPED_TRACE(large ? "large text" : "normal text");
    HeadlessKiosk kiosk(GetParam(), "department/odd/items", {}, odd());
    if (large) {
      kiosk.tap("topbar.large_text");
      kiosk.wait(0.5);
    }
    EXPECT_TRUE(kiosk.has_target("department.item.odd-item-0"));
    const ImVec2 display = GetParam();
    for (int i = 0; i < 400 && !kiosk.has_target("department.item.odd-item-199"); ++i)
      kiosk.drag(ImVec2(display.x * 0.5f, display.y * 0.9f), ImVec2(display.x * 0.5f, display.y * 0.45f), 6);
    EXPECT_TRUE(kiosk.has_target("department.item.odd-item-199")) << "the last of 200 items cannot be reached";
    EXPECT_EQ(kiosk.route(), "department/odd/items") << "dragging opened an item";
    kiosk.wait(0.5);
    kiosk.tap("department.tab.fees");
    for (int i = 0; i < 5; ++i) kiosk.drag(ImVec2(display.x * 0.5f, display.y * 0.9f), ImVec2(display.x * 0.5f, display.y * 0.4f), 6);
    EXPECT_EQ(kiosk.route(), "department/odd/fees");
  }
}

INSTANTIATE_TEST_SUITE_P(Displays, OddContent, ::testing::Values(ImVec2(1920, 1080), ImVec2(1080, 1920)),
                         [](const auto& test_info) { return test_info.param.x > test_info.param.y ? "landscape" : "portrait"; });

}  // namespace
}  // namespace openday
