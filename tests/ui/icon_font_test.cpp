// The icon font (Debian's fonts-material-design-icons-iconfont) merged into the atlas: its
// glyphs are baked with every face when it is installed, and without it nothing takes their
// place (no missing-glyph mark, no '?'): the words stand alone.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "atlas_fixture.h"
#include "core/content/ui_text.h"
#include "core/staff/doctor.h"
#include "drawn_text.h"
#include "support/headless_kiosk.h"
#include "support/temp_dir.h"
#include "ui/atlas_cache.h"
#include "ui/icons.h"
#include "ui/widgets.h"

namespace openday::testing {
namespace {

using ui::FontRole;

constexpr char32_t kMissingGlyph = 0xFFFD;

// Every face that may draw an icon (the attract screen's hero words never do: that bake stays
// as small as its few characters).
bool has_every_icon(const ui::FontSet& fonts) {
  for (FontRole hero : {FontRole::Hero})
    for (bool large : {false, true})
      for (const ui::IconEntry& entry : ui::kIcons)
        if (fonts.font(hero, large)->FindGlyphNoFallback(static_cast<ImWchar>(entry.code_point))) return false;
  for (FontRole role : {FontRole::Body, FontRole::Heading, FontRole::Display})
    for (bool large : {false, true})
      for (const ui::IconEntry& entry : ui::kIcons)
        if (!fonts.font(role, large)->FindGlyphNoFallback(static_cast<ImWchar>(entry.code_point))) return false;
  return true;
}

bool has_any_icon(const ui::FontSet& fonts) {
  for (FontRole role : {FontRole::Body, FontRole::Heading, FontRole::Display, FontRole::Hero})
    for (bool large : {false, true})
      for (const ui::IconEntry& entry : ui::kIcons)
        if (fonts.font(role, large)->FindGlyphNoFallback(static_cast<ImWchar>(entry.code_point))) return true;
  return false;
}

bool build(ui::FontSet& fonts, ImFontAtlas& atlas, const ui::FontSources& sources, const ui::AtlasCache* cache = nullptr) {
  ui::AtlasOptions options;
  options.cache = cache;
  std::string error;
  const bool built = fonts.build(atlas, sources, small_metrics(), ui::glyph_texts_for_ui_table(), options, error);
  EXPECT_TRUE(built) << error;
  return built;
}

TEST(IconFont, IsTheDebianPackagesFontAndIsInstalled) {
  const ui::FontSources sources = kiosk_fonts();
  EXPECT_EQ(sources.icons.file, std::filesystem::path(platform::kIconFontPath));
  EXPECT_TRUE(std::filesystem::is_regular_file(sources.icons.file)) << "install " << platform::kIconFontPackage << " (.ci/setup)";
}

TEST(IconFont, EveryBakeHoldsEveryIconOfTheTable) {
  ImFontAtlas atlas;
  ui::FontSet fonts;
  ASSERT_TRUE(build(fonts, atlas, kiosk_fonts()));
  EXPECT_TRUE(fonts.has_icons());
  EXPECT_TRUE(has_every_icon(fonts));
  // Each icon sits inside its line, level with the words beside it.
  const ImFont& heading = *fonts.font(FontRole::Heading, false);
  for (const ui::IconEntry& entry : ui::kIcons) {
    const ImFontGlyph* glyph = heading.FindGlyphNoFallback(static_cast<ImWchar>(entry.code_point));
    ASSERT_NE(glyph, nullptr) << entry.name;
    EXPECT_GE(glyph->Y0, 0) << entry.name;
    EXPECT_LE(glyph->Y1, heading.FontSize) << entry.name;
    EXPECT_GT(glyph->X1 - glyph->X0, heading.FontSize * 0.3f) << entry.name << ": an icon as large as a character";
  }
}

TEST(IconFont, WithoutTheFontNoIconIsBakedAndTheWordsAre) {
  ui::FontSources sources = kiosk_fonts();
  sources.icons.file = "/nonexistent/MaterialIcons-Regular.ttf";
  ImFontAtlas atlas;
  ui::FontSet fonts;
  ASSERT_TRUE(build(fonts, atlas, sources));
  EXPECT_FALSE(fonts.has_icons());
  EXPECT_FALSE(has_any_icon(fonts));
  const ImFont& heading = *fonts.font(FontRole::Heading, false);
  EXPECT_EQ(ui::icon_room(heading, ui::Icon::Back), 0.0f) << "no room kept for an icon that is not there";
  EXPECT_NE(heading.FindGlyphNoFallback(static_cast<ImWchar>(U'返')), nullptr);
}

TEST(IconFont, AFileThatIsNoFontCostsTheIconsOnly) {
  TempDir dir;
  const std::filesystem::path bogus = dir / "MaterialIcons-Regular.ttf";
  { std::ofstream(bogus) << "not a font"; }
  ui::FontSources sources = kiosk_fonts();
  sources.icons.file = bogus;
  ImFontAtlas atlas;
  ui::FontSet fonts;
  ASSERT_TRUE(build(fonts, atlas, sources));
  EXPECT_FALSE(has_any_icon(fonts));
}

TEST(IconFont, TheCacheKeyNamesTheIconFont) {
  TempDir dir;
  const ui::AtlasCache cache(dir.path());
  ui::FontSources with_icons = kiosk_fonts();
  ui::FontSources without_icons = with_icons;
  without_icons.icons.file = "/nonexistent/MaterialIcons-Regular.ttf";
  {
    ImFontAtlas atlas;
    ui::FontSet fonts;
    ASSERT_TRUE(build(fonts, atlas, without_icons, &cache));
    EXPECT_FALSE(fonts.stats().from_cache);
  }
  // Installing the font later: the atlas cached without icons is not used, the bake has them.
  ImFontAtlas atlas;
  ui::FontSet fonts;
  ASSERT_TRUE(build(fonts, atlas, with_icons, &cache));
  EXPECT_FALSE(fonts.stats().from_cache);
  EXPECT_TRUE(has_every_icon(fonts));
  // And restored from the cache, the icons are still there.
  ImFontAtlas again_atlas;
  ui::FontSet again;
  ASSERT_TRUE(build(again, again_atlas, with_icons, &cache));
  EXPECT_TRUE(again.stats().from_cache);
  EXPECT_TRUE(again.has_icons());
  EXPECT_TRUE(has_every_icon(again));
}

// The kiosk with the icon font's path pointing nowhere: the top bar shows its words whole, and
// no glyph is drawn as a missing glyph.
class NoIconFont : public ::testing::Test {
 protected:
  void SetUp() override { setenv("OPENDAY_ICON_FONT", "/nonexistent/MaterialIcons-Regular.ttf", 1); }
  void TearDown() override { unsetenv("OPENDAY_ICON_FONT"); }
};

TEST_F(NoIconFont, TheTopBarShowsItsWordsAndNoMissingGlyph) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "departments");
  kiosk.wait(0.5);
  ASSERT_FALSE(kiosk.kiosk().fonts().has_icons());
  const std::vector<DrawnGlyph> glyphs = drawn_glyphs();
  for (const DrawnGlyph& glyph : glyphs) {
    EXPECT_NE(glyph.code_point, kMissingGlyph);
    EXPECT_NE(glyph.code_point, U'?');
    for (const ui::IconEntry& entry : ui::kIcons) EXPECT_NE(glyph.code_point, entry.code_point) << entry.name;
  }
  const std::string text = drawn_text(glyphs);
  for (Text word : {Text::Back, Text::Home, Text::LargeTextOn, Text::EndSession})
    EXPECT_NE(text.find(without_spaces(tr(word))), std::string::npos) << tr(word);
}

TEST(IconFont, DoctorWarnsWithoutItAndNamesThePackage) {
  const DoctorCheck missing = check_icon_font("/nonexistent/MaterialIcons-Regular.ttf", platform::kIconFontPackage);
  EXPECT_EQ(missing.id, DoctorCheckId::IconFont);
  EXPECT_TRUE(missing.ok);
  EXPECT_TRUE(missing.warning);
  EXPECT_NE(missing.fix.find("fonts-material-design-icons-iconfont"), std::string::npos) << missing.fix;
  EXPECT_TRUE(doctor_line(missing).starts_with("! icon font: /nonexistent/MaterialIcons-Regular.ttf")) << doctor_line(missing);
  EXPECT_EQ(doctor_exit_code(std::span<const DoctorCheck>(&missing, 1)), 0);
  const DoctorCheck installed = check_icon_font(platform::kIconFontPath, platform::kIconFontPackage);
  EXPECT_TRUE(installed.ok);
  EXPECT_FALSE(installed.warning) << doctor_line(installed);
}

}  // namespace
}  // namespace openday::testing
