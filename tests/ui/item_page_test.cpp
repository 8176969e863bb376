// The approval item page as an elderly visitor reads it in 大字: the whole page scrolls (the QR
// card too), the sections get most of the screen, and they come in the order citizens ask.
#include <gtest/gtest.h>
#include <imgui_internal.h>

#include <optional>
#include <string>

#include "core/content/ui_text.h"
#include "support/headless_kiosk.h"
#include "ui/drawn_text.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

constexpr const char* kOnlineItem = "item/chengjian-shigong-xuke";

// The scrolling region of the item page (a child window named item.*), if any.
ImGuiWindow* item_scroll_region() {
  for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
    if (window->Active && (window->Flags & ImGuiWindowFlags_ChildWindow) && std::string(window->Name).find("/item.") != std::string::npos)
      return window;
  return nullptr;
}

// The top-left of the first place the text was drawn.
std::optional<ImVec2> where_drawn(std::string_view text) {
  const auto glyphs = testing::drawn_glyphs();
  const std::string all = testing::drawn_text(glyphs);
  const auto at = all.find(text);
  if (at == std::string::npos) return std::nullopt;
  // From the byte offset in the UTF-8 text back to the glyph.
  std::size_t bytes = 0;
  for (const auto& glyph : glyphs) {
    if (bytes == at) return glyph.min;
    std::string one;
    testing::append_utf8(one, glyph.code_point);
    bytes += one.size();
  }
  return std::nullopt;
}

void large_text(HeadlessKiosk& kiosk) {
  kiosk.wait(0.5);
  kiosk.tap("topbar.large_text");
  kiosk.wait(0.5);
  ASSERT_TRUE(kiosk.kiosk().large_text());
}

TEST(ItemPage, InLargeTextLandscapeADragOnTheQrCardScrollsThePage) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), kOnlineItem);
  large_text(kiosk);
  kiosk.frame();
  const auto card = where_drawn(tr(Text::ItemOnlineTitle));
  ASSERT_TRUE(card) << "the QR card's title is on screen";
  ImGuiWindow* region = item_scroll_region();
  ASSERT_NE(region, nullptr);
  EXPECT_EQ(region->Scroll.y, 0.0f);
  kiosk.drag(ImVec2(card->x + 20, card->y + 10), ImVec2(card->x + 20, card->y - 300), 20, 10);
  region = item_scroll_region();
  ASSERT_NE(region, nullptr);
  EXPECT_GT(region->Scroll.y, 200.0f) << "a drag that starts on the QR card must scroll the page";
}

TEST(ItemPage, InLargeTextLandscapeTheScrollingAreaTakesMostOfTheScreen) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), kOnlineItem);
  large_text(kiosk);
  const ImGuiWindow* region = item_scroll_region();
  ASSERT_NE(region, nullptr);
  const float content_height = 1080 - kiosk.kiosk().metrics().top_bar_height;
  EXPECT_GE(region->Size.y, content_height * 2 / 3) << "only a strip of " << region->Size.y << " px scrolls";
}

TEST(ItemPage, InNormalTextPortraitAShortCardStaysAndTheRestScrollsInMostOfTheScreen) {
  HeadlessKiosk kiosk(ImVec2(1080, 1920), kOnlineItem);
  kiosk.wait(0.5);
  const ImGuiWindow* region = item_scroll_region();
  ASSERT_NE(region, nullptr);
  EXPECT_GE(region->Size.y, (1920 - kiosk.kiosk().metrics().top_bar_height) * 2 / 3);
}

TEST(ItemPage, SectionsComeInTheOrderCitizensAsk) {
  // A screen tall enough for the whole page, so that every section is drawn.
  for (bool large : {false, true}) {
    SCOPED_TRACE(large ? "large text" : "normal text");
    HeadlessKiosk kiosk(ImVec2(1080, 9000), kOnlineItem);
    if (large) large_text(kiosk);
    kiosk.wait(0.5);
    const std::string text = testing::drawn_text();
    std::size_t at = 0;
    for (Text section : {Text::ItemMaterials, Text::ItemFee, Text::ItemTimeLimit, Text::ItemWhere, Text::LabelHours, Text::ItemConditions,
                         Text::ItemLegalBasis}) {
      const std::string title = testing::without_spaces(tr(section));
      const auto found = text.find(title, at);
      ASSERT_NE(found, std::string::npos) << "「" << title << "」 is missing or out of order";
      at = found + title.size();
    }
  }
}

}  // namespace
}  // namespace openday
