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
