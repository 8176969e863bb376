// Icons beside the words (issue 28, "a designed look"): on the top bar, the home entrances and
// the topic tiles, in every shape, each icon is drawn inside its button, left of the label, and
// the label is whole beside it. An icon never replaces a word.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "core/content/ui_text.h"
#include "drawn_text.h"
#include "support/headless_kiosk.h"
#include "support/ui_shapes.h"
#include "ui/icons.h"
#include "ui/theme.h"

namespace openday::testing {
namespace {

using ui::Icon;

bool inside(const DrawnGlyph& glyph, const ui::TapTarget& target) {
  const ImVec2 centre((glyph.min.x + glyph.max.x) * 0.5f, (glyph.min.y + glyph.max.y) * 0.5f);
  return centre.x >= target.min.x && centre.x <= target.max.x && centre.y >= target.min.y && centre.y <= target.max.y;
}

// Where the icon goes: left of the label on its line, or on a line of its own above it (the
// narrow, tall ways in of the home screen).
enum class IconAt { Left, Above };

// The button's icon is drawn inside it, left of (or above) the label, and the label is whole after it.
void expect_icon_left_of_whole_label(HeadlessKiosk& kiosk, std::string_view id, Icon icon, std::string_view label,
                                     IconAt at = IconAt::Left) {
  SCOPED_TRACE(std::string(id));
  const ui::TapTarget* target = kiosk.kiosk().taps().find(id);
  ASSERT_NE(target, nullptr) << "no such button on " << kiosk.route();
  const char32_t code_point = ui::icon_code_point(icon);
  std::optional<DrawnGlyph> drawn_icon;
  std::vector<DrawnGlyph> words;
  for (const DrawnGlyph& glyph : drawn_glyphs()) {
    if (!inside(glyph, *target)) continue;
    if (glyph.code_point == code_point) drawn_icon = glyph;
    else words.push_back(glyph);
  }
  ASSERT_TRUE(drawn_icon.has_value()) << "the icon " << static_cast<unsigned>(code_point) << " is not drawn inside the button";
  const DrawnGlyph icon_glyph = *drawn_icon;
  EXPECT_GE(icon_glyph.min.x, target->min.x);
  EXPECT_LE(icon_glyph.max.x, target->max.x);
  EXPECT_GE(icon_glyph.min.y, target->min.y);
  EXPECT_LE(icon_glyph.max.y, target->max.y);
  const std::string expected = without_spaces(label);
  const std::string text = drawn_text(words);
  ASSERT_TRUE(text.starts_with(expected)) << "the label is cut or missing: drew \"" << text << "\", expected \"" << expected << "\"";
  const DrawnGlyph& first = words.front();
  if (at == IconAt::Left) {
    // The label's first glyph is right of the icon, on the icon's line.
    EXPECT_GE(first.min.x, icon_glyph.max.x) << "the icon overlaps or follows its label";
    EXPECT_LT(first.min.y, icon_glyph.max.y);
    EXPECT_GT(first.max.y, icon_glyph.min.y);
  } else {
    // The label starts below the icon, and the icon is centred over the words.
    EXPECT_GE(first.min.y, icon_glyph.max.y) << "the icon overlaps or follows its label";
    const DrawnGlyph& last = words[std::min(words.size(), expected.size() / 3) - 1];
    const float words_centre = (first.min.x + last.max.x) * 0.5f, icon_centre = (icon_glyph.min.x + icon_glyph.max.x) * 0.5f;
    EXPECT_NEAR(icon_centre, words_centre, (last.max.x - first.min.x) * 0.5f) << "the icon is not over its words";
  }
  // Every glyph of the label inside the button.
  std::size_t bytes = 0;
  for (const DrawnGlyph& glyph : words) {
    if (bytes >= expected.size()) break;
    std::string one;
    append_utf8(one, glyph.code_point);
    bytes += one.size();
    EXPECT_GE(glyph.min.x, target->min.x);
    EXPECT_LE(glyph.max.x, target->max.x);
  }
}

class IconButtons : public ::testing::TestWithParam<Shape> {};

// A button's words are whole inside it and no icon is drawn there.
void expect_words_without_icon(HeadlessKiosk& kiosk, std::string_view id, Icon icon, std::string_view label) {
  SCOPED_TRACE(std::string(id));
  const ui::TapTarget* target = kiosk.kiosk().taps().find(id);
  ASSERT_NE(target, nullptr) << "no such button on " << kiosk.route();
  std::vector<DrawnGlyph> words;
  for (const DrawnGlyph& glyph : drawn_glyphs()) {
    if (!inside(glyph, *target)) continue;
    EXPECT_NE(glyph.code_point, ui::icon_code_point(icon)) << "an icon the row has no room for";
    words.push_back(glyph);
  }
  EXPECT_TRUE(drawn_text(words).starts_with(without_spaces(label))) << drawn_text(words);
}

// Landscape: an icon beside each word. Portrait (1080 wide): the row cannot hold the icons
// beside the words at their size, so the bar keeps the words only, whole and apart.
TEST_P(IconButtons, TheTopBarHasAnIconBesideEachWordWhereTheRowHoldsThem) {
  HeadlessKiosk kiosk(GetParam().display, "departments");
  set_text_size(kiosk, GetParam().large_text);
  ASSERT_TRUE(kiosk.kiosk().fonts().has_icons());
  const bool room = GetParam().display.x > GetParam().display.y;
  const auto check = [&](std::string_view id, Icon icon, std::string_view label) {
    if (room) expect_icon_left_of_whole_label(kiosk, id, icon, label);
    else expect_words_without_icon(kiosk, id, icon, label);
  };
  check("topbar.back", Icon::Back, tr(Text::Back));
  check("topbar.home", Icon::Home, tr(Text::Home));
  check("topbar.large_text", Icon::LargeText, tr(Text::LargeTextOn));
  check("topbar.end_session", Icon::EndSession, tr(Text::EndSession));
}

TEST_P(IconButtons, TheHomeEntrancesHaveAnIconWithEachWord) {
  HeadlessKiosk kiosk(GetParam().display, "home");
  set_text_size(kiosk, GetParam().large_text);
  // The three ways in side by side are narrow: the icon above the word, which keeps display
  // type. In 大字 landscape the words and their larger details fill the buttons: words only.
  const bool room = !(GetParam().large_text && GetParam().display.x > GetParam().display.y);
  const auto check = [&](std::string_view id, Icon icon, std::string_view label) {
    if (room) expect_icon_left_of_whole_label(kiosk, id, icon, label, IconAt::Above);
    else expect_words_without_icon(kiosk, id, icon, label);
  };
  check("home.disclosure", Icon::ByDepartment, tr(Text::BrowseByDepartment));
  check("home.topics", Icon::ByTopic, tr(Text::BrowseByTopic));
  check("home.search", Icon::Search, tr(Text::BrowseSearch));
  expect_icon_left_of_whole_label(kiosk, "home.quiz", Icon::Quiz, tr(Text::HomeQuiz));
  expect_icon_left_of_whole_label(kiosk, "home.ask", Icon::Ask, tr(Text::HomeAsk));
}

TEST_P(IconButtons, EachTopicTileHasAnIconBesideItsName) {
  HeadlessKiosk kiosk(GetParam().display, "topics");
  set_text_size(kiosk, GetParam().large_text);
  int checked = 0;
  for (const Topic& topic : HeadlessKiosk::sample_content()->topics) {
    const std::string id = "topics.topic." + topic.id;
    const ui::TapTarget* tile = kiosk.kiosk().taps().find(id);
    if (!tile || tile->clipped) continue;  // below the fold
    // Topics of their own kind get their own icon; 其他 the generic one.
    const Icon icon = topic.id == "shengyu-shouyang" ? Icon::TopicBirth
                      : topic.id == "huji-banli"     ? Icon::TopicHousehold
                      : topic.id == "qita"           ? Icon::TopicGeneric
                                                     : Icon::None;
    if (icon == Icon::None) continue;
    expect_icon_left_of_whole_label(kiosk, id, icon, topic.name);
    ++checked;
  }
  EXPECT_GE(checked, 2);
}

TEST_P(IconButtons, EveryVisibleTopicTileDrawsSomeIconOfTheTable) {
  HeadlessKiosk kiosk(GetParam().display, "topics");
  set_text_size(kiosk, GetParam().large_text);
  const std::vector<DrawnGlyph> glyphs = drawn_glyphs();
  for (const Topic& topic : HeadlessKiosk::sample_content()->topics) {
    const ui::TapTarget* tile = kiosk.kiosk().taps().find("topics.topic." + topic.id);
    if (!tile || tile->clipped) continue;
    int icons = 0;
    for (const DrawnGlyph& glyph : glyphs)
      for (const ui::IconEntry& entry : ui::kIcons)
        if (glyph.code_point == entry.code_point && inside(glyph, *tile)) ++icons;
    EXPECT_EQ(icons, 1) << topic.id;
  }
}

INSTANTIATE_TEST_SUITE_P(Shapes, IconButtons, every_shape(), shape_name);

}  // namespace
}  // namespace openday::testing
