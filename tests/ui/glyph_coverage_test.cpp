// Every UI string must render with real glyphs at each size it is drawn, never the fallback.
#include <gtest/gtest.h>

#include <cstdio>
#include <ostream>
#include <set>

#include "core/content/ui_text.h"
#include "core/util/utf8.h"
#include "ui/route_registry.h"
#include "screen_walk.h"
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
  // A department's page: its paragraphs are in the body bake, not in the heading bake.
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "department/minzheng/duties");
  const ui::FontSet& fonts = kiosk.kiosk().fonts();
  // A character no string uses must be absent: the glyph set is built from the text.
  EXPECT_EQ(fonts.font(ui::FontRole::Body, false)->FindGlyphNoFallback(0x9F98), nullptr);  // 龘
  // The hero size holds the event title and ASCII only.
  EXPECT_LT(fonts.font(ui::FontRole::Hero, false)->Glyphs.Size, 120);
  // Content is baked in the faces that draw it, not in every face: the display size holds the
  // largest UI words, the headings hold names and headings but not the paragraphs.
  const int body = fonts.font(ui::FontRole::Body, false)->Glyphs.Size;
  const int heading = fonts.font(ui::FontRole::Heading, false)->Glyphs.Size;
  const int display = fonts.font(ui::FontRole::Display, false)->Glyphs.Size;
  std::printf("glyphs per bake: body %d, heading %d, display %d\n", body, heading, display);
  EXPECT_LT(display, 250);
  EXPECT_LT(heading, body);
}

}  // namespace
}  // namespace openday

namespace openday {
namespace {

Config walk_config() {
  Config config;
  config.idle_timeout_seconds = 24 * 3600;  // the walk takes minutes of fake time: no idle reset
  return config;
}

class NoFallbackGlyphs : public ::testing::TestWithParam<testing::Walk> {};

// Every screen of the route registry, every department in every tab, every approval item, the
// staff screens on real data: no character is drawn from a face that lacks it, neither through
// the text helpers (which report it) nor anywhere else (the fallback glyph's texels).
TEST_P(NoFallbackGlyphs, OnEveryScreenOfTheCatalog) {
  testing::HeadlessKiosk kiosk(GetParam().display, "attract", walk_config());
  int screens = 0;
  testing::walk_every_screen(kiosk, GetParam().large, [&](const std::string& where) {
    ++screens;
    EXPECT_EQ(testing::fallback_glyphs_drawn(kiosk.kiosk().fonts()), "") << where;
  });
  for (const auto& [text, logged] : kiosk.kiosk().fallback_texts()) ADD_FAILURE() << logged;
  EXPECT_GT(screens, 150);  // 26 departments x 3 tabs, 76 items, the rest
}

INSTANTIATE_TEST_SUITE_P(Displays, NoFallbackGlyphs,
                         ::testing::Values(testing::Walk{ImVec2(1920, 1080), false}, testing::Walk{ImVec2(1920, 1080), true},
                                           testing::Walk{ImVec2(1080, 1920), false}, testing::Walk{ImVec2(1080, 1920), true}),
                         [](const auto& walk) {
                           return std::to_string(static_cast<int>(walk.param.display.x)) + "x" +
                                  std::to_string(static_cast<int>(walk.param.display.y)) + (walk.param.large ? "_large" : "_normal");
                         });

TEST(GlyphCoverage, TheWalkCoversEveryDepartmentTabAndItem) {
  const auto content = testing::HeadlessKiosk::sample_content();
  const auto routes = testing::every_route(*content);
  const std::set<std::string> unique(routes.begin(), routes.end());
  EXPECT_EQ(unique.size(), routes.size());
  EXPECT_TRUE(unique.count("department/minzheng/fees"));
  EXPECT_TRUE(unique.count("staff/export"));
  EXPECT_TRUE(unique.count("faq/minzheng/1"));
  EXPECT_TRUE(unique.count("ask/minzheng/other"));
  // Every route --help lists once, the parameterised ones expanded: department/ID (every tab),
  // item/ID, faq/ID/N, ask/ID, ask/ID/TOPIC and ask/general/TOPIC (issue 15), topic/ID (issue 14).
  std::size_t faqs = 0;
  for (const Department& d : content->departments) faqs += d.faq.size();
  const std::size_t departments = content->departments.size(), items = content->approval_item_count();
  EXPECT_EQ(routes.size(), departments * ui::kDepartmentTabs.size() + items + faqs + departments + (faqs + items + departments) +
                               department_categories().size() + 1 + content->topics.size() + ui::route_catalog().size() - 7);
}

// A character that no declaration covered is learned from the draw call, logged once with its
// source, and baked by the next atlas build.
TEST(GlyphCoverage, AGlyphMissingFromTheFaceThatDrawsItIsLoggedOnceAndBaked) {
  testing::HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  const Department* without_fees = nullptr;
  for (const Department& d : kiosk.kiosk().content().departments)
    if (!d.no_fee_statement.empty()) without_fees = &d;
  ASSERT_NE(without_fees, nullptr);
  // The display bake holds only the largest UI words: a fee statement drawn there misses glyphs.
  const std::string& text = without_fees->no_fee_statement;
  const ImFont* display = kiosk.kiosk().fonts().font(ui::FontRole::Display, false);
  ASSERT_NE(missing_glyphs(*display, text), U"");
  EXPECT_FALSE(kiosk.kiosk().fonts_outdated());

  kiosk.kiosk().text_audit().check_glyphs(*display, text);
  kiosk.frame();
  ASSERT_EQ(kiosk.kiosk().fallback_texts().count(text), 1u);
  const std::string& logged = kiosk.kiosk().fallback_texts().at(text);
  EXPECT_NE(logged.find("departments/" + without_fees->id + ".json $.fees.no_fee_statement"), std::string::npos) << logged;
  EXPECT_NE(logged.find("display face"), std::string::npos) << logged;
  EXPECT_TRUE(kiosk.kiosk().fonts_outdated());

  std::string error;
  ASSERT_TRUE(kiosk.kiosk().rebuild_fonts(error)) << error;
  EXPECT_EQ(missing_glyphs(*kiosk.kiosk().fonts().font(ui::FontRole::Display, false), text), U"");
  // Rebuilding again (a resize, a content reload) keeps what was learned.
  kiosk.kiosk().replace_content({testing::HeadlessKiosk::sample_content(), testing::HeadlessKiosk::sample_quiz()});
  ASSERT_TRUE(kiosk.kiosk().rebuild_fonts(error)) << error;
  EXPECT_EQ(missing_glyphs(*kiosk.kiosk().fonts().font(ui::FontRole::Display, false), text), U"");
  EXPECT_EQ(kiosk.kiosk().fallback_texts().size(), 1u);
}

TEST(GlyphCoverage, AUiStringIsNamedByItsKeyInTheLog) {
  testing::HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
  const ImFont* hero = kiosk.kiosk().fonts().font(ui::FontRole::Hero, false);
  const std::string drawn = fill_text(Text::ExportDoneFormat, {"9", "/media/u"});
  ASSERT_NE(missing_glyphs(*hero, drawn), U"");
  kiosk.kiosk().text_audit().check_glyphs(*hero, drawn);
  kiosk.frame();
  ASSERT_EQ(kiosk.kiosk().fallback_texts().count(drawn), 1u);
  EXPECT_NE(kiosk.kiosk().fallback_texts().at(drawn).find("UI string export_done_format"), std::string::npos)
      << kiosk.kiosk().fallback_texts().at(drawn);
}

}  // namespace
}  // namespace openday
