// Every UI string must render with real glyphs at each size it is drawn, never the fallback.
#include <gtest/gtest.h>

#include "core/ui_text.h"
#include "core/utf8.h"
#include "support/headless_kiosk.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

// Code points of text that the font has no glyph for (spaces need none).
std::u32string missing_glyphs(const ImFont& font, std::string_view text) {
  std::u32string missing;
  for_each_code_point(text, [&](char32_t c) {
    if (c == ' ' || c == '\n') return;
    if (c > 0xFFFF || !font.FindGlyphNoFallback(static_cast<ImWchar>(c))) missing.push_back(c);
  });
  return missing;
}

std::string describe(std::u32string_view missing) {
  std::string out;
  for (char32_t c : missing) out += "U+" + std::to_string(static_cast<unsigned>(c)) + " ";
  return out;
}

TEST(GlyphCoverage, EveryUiStringAtEverySizeItIsDrawn) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  const ui::FontSet& fonts = kiosk.kiosk().fonts();
  for (const TextEntry& entry : all_texts()) {
    SCOPED_TRACE(std::string(entry.key));
    for (bool large : {false, true}) {
      EXPECT_EQ(missing_glyphs(*fonts.font(ui::FontRole::Body, large), entry.zh), U"")
          << describe(missing_glyphs(*fonts.font(ui::FontRole::Body, large), entry.zh));
      EXPECT_EQ(missing_glyphs(*fonts.font(ui::FontRole::Heading, large), entry.zh), U"");
    }
    if (entry.style == TextStyle::Display) {
      EXPECT_EQ(missing_glyphs(*fonts.font(ui::FontRole::Display, false), entry.zh), U"");
    }
  }
}

TEST(GlyphCoverage, ConfigTextsAreBakedWhereTheAttractScreenDrawsThem) {
  Config config;
  config.county = "蠡县";  // a rare character that no UI string contains
  config.event_title = "第八届政务公开日";
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "attract", config);
  const ui::FontSet& fonts = kiosk.kiosk().fonts();
  EXPECT_EQ(missing_glyphs(*fonts.font(ui::FontRole::Heading, false), *config.county), U"");
  EXPECT_EQ(missing_glyphs(*fonts.font(ui::FontRole::Hero, false), *config.event_title), U"");
}

TEST(GlyphCoverage, TheAtlasHoldsOnlyWhatIsDrawnNotTheWholeChineseRange) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  const ui::FontSet& fonts = kiosk.kiosk().fonts();
  // A character no string uses must be absent: the glyph set is built from the text.
  EXPECT_EQ(fonts.font(ui::FontRole::Body, false)->FindGlyphNoFallback(0x9F98), nullptr);  // 龘
  // The hero size holds the event title and ASCII only.
  EXPECT_LT(fonts.font(ui::FontRole::Hero, false)->Glyphs.Size, 120);
}

}  // namespace
}  // namespace openday

namespace openday {
namespace {

// Whether any vertex drawn this frame samples the fallback glyph (U+FFFD) of any font: that is
// a character some screen draws in a size whose bake does not have it.
std::string fallback_glyphs_drawn(const ui::FontSet& fonts) {
  std::vector<const ImFontGlyph*> fallbacks;
  for (auto role : {ui::FontRole::Body, ui::FontRole::Heading, ui::FontRole::Display, ui::FontRole::Hero})
    for (bool large : {false, true})
      if (const ImFontGlyph* g = fonts.font(role, large)->FallbackGlyph) fallbacks.push_back(g);
  const ImDrawData* data = ImGui::GetDrawData();
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList* list = data->CmdLists[l];
    for (const ImDrawVert& v : list->VtxBuffer)
      for (const ImFontGlyph* g : fallbacks)
        if (v.uv.x >= g->U0 && v.uv.x <= g->U1 && v.uv.y >= g->V0 && v.uv.y <= g->V1 && g->U1 > g->U0)
          return "a vertex samples the fallback glyph in draw list " + std::to_string(l);
  }
  return "";
}

class NoFallbackGlyphs : public ::testing::TestWithParam<std::string> {};

TEST_P(NoFallbackGlyphs, OnAnyScreenInAnySize) {
  for (ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920)}) {
    for (bool large : {false, true}) {
      SCOPED_TRACE(std::to_string(static_cast<int>(display.x)) + (large ? " large" : " normal"));
      testing::HeadlessKiosk kiosk(display, GetParam());
      if (large && kiosk.has_target("topbar.large_text")) {
        kiosk.tap("topbar.large_text");
        kiosk.wait(0.5);
      }
      kiosk.kiosk().quiz().wait();
      kiosk.kiosk().service().wait();
      kiosk.frame();
      kiosk.frame();
      const std::string expected = GetParam().rfind("quiz/result", 0) == 0 ? "quiz/result" : GetParam();
      ASSERT_EQ(kiosk.route().substr(0, expected.size()), expected) << "the screen under test is not the one shown";
      EXPECT_EQ(fallback_glyphs_drawn(kiosk.kiosk().fonts()), "");
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Routes, NoFallbackGlyphs,
                         ::testing::Values("attract", "home", "departments", "department/minzheng/duties", "department/guotu/fees",
                                           "department/gongan/items", "item/guotu-zhuanyi-dengji", "quiz", "quiz/question/answered",
                                           "quiz/result/pass", "quiz/result/fail", "staff/pin", "staff/dashboard", "staff/redeem",
                                           "staff/stock", "staff/export", "staff/exit"),
                         [](const auto& test_info) {
                           std::string name = test_info.param;
                           for (char& c : name)
                             if (c == '/' || c == '-') c = '_';
                           return name;
                         });

}  // namespace
}  // namespace openday
