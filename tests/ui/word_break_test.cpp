// Chinese lines break between words (ICU's dictionary word break), never inside one such as
// 生活, 身份证, 匿名 or 政务公开, unless the word alone is wider than the line (issue 28:
// subtitles read "从生活中/的事找", "身/份证", "匿/名", "政务公开/日").
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "support/headless_kiosk.h"
#include "ui/text_layout.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

class WordBreakTest : public ::testing::Test {
 protected:
  HeadlessKiosk kiosk{ImVec2(1920, 1080), "home"};
  const ImFont& font = *kiosk.kiosk().fonts().font(ui::FontRole::Body, false);
  float size = font.FontSize;
  float han = font.GetCharAdvance(0x653F);  // the advance of one Chinese character
};

// Whether some line holds the whole word.
bool kept_whole(const std::vector<ui::TextLine>& lines, std::string_view word) {
  for (const auto& line : lines)
    if (line.text.find(word) != std::string_view::npos) return true;
  return false;
}

// The lines with a separator after each ("从生活/中的事找/"), or the text again without one.
std::string described(const std::vector<ui::TextLine>& lines, std::string_view separator = "/") {
  std::string out;
  for (const auto& line : lines) {
    out += line.text;
    out += separator;
  }
  return out;
}

TEST_F(WordBreakTest, FromDailyLifeBreaksBetweenWordsAtFourToFiveCharacters) {
  for (const std::string text : {"从生活中的事找", "也可以从生活中的事找："}) {
    for (float chars : {4.0f, 4.5f, 5.0f, 5.5f}) {
      const auto lines = ui::wrap_text(font, size, text, han * chars + 1);
      EXPECT_TRUE(kept_whole(lines, "生活")) << described(lines) << " at " << chars;
      EXPECT_TRUE(kept_whole(lines, "中的")) << described(lines) << " at " << chars;  // not "从生活中/的事找"
      EXPECT_EQ(described(lines, ""), text);
      for (const auto& line : lines) EXPECT_LE(line.width, han * chars + 1);
    }
  }
}

TEST_F(WordBreakTest, IdentityCardAnonymousAndOpenGovernmentAreNeverSplitWhenALineHoldsThem) {
  const struct {
    std::string text;
    std::string word;
  } cases[] = {
      {"请携带本人居民身份证到服务台办理", "身份证"},
      {"您可以匿名提出问题，我们会认真答复", "匿名"},
      {"欢迎参加政务公开日活动", "政务公开"},
      {"您对本次政务公开日活动满意吗？", "政务公开"},
      {"按拼音首字母找", "首字母"},  // the home screen's search card: never "按拼音首/字母找"
  };
  for (const auto& c : cases) {
    const float shortest = static_cast<float>(c.word.size() / 3);  // three UTF-8 bytes per character
    for (float chars = shortest; chars <= 20; chars += 0.5f) {
      const auto plain = ui::wrap_text(font, size, c.text, han * chars + 1);
      EXPECT_TRUE(kept_whole(plain, c.word)) << described(plain) << " at " << chars;
      EXPECT_EQ(described(plain, ""), c.text);
      const auto balanced = ui::wrap_text_balanced(font, size, c.text, han * chars + 1);
      EXPECT_TRUE(kept_whole(balanced, c.word)) << described(balanced) << " balanced at " << chars;
      EXPECT_EQ(described(balanced, ""), c.text);
    }
  }
}

TEST_F(WordBreakTest, AWordWiderThanTheLineStillBreaksInside) {
  for (const std::string word : {"身份证", "共和国"}) {
    const float width = han * 2 + 1;
    const auto lines = ui::wrap_text(font, size, word, width);
    ASSERT_EQ(lines.size(), 2u) << described(lines);
    EXPECT_EQ(lines[0].text, word.substr(0, 6));
    EXPECT_EQ(lines[1].text, word.substr(6));
    for (const auto& line : lines) EXPECT_LE(line.width, width);
  }
  const std::string law = "中华人民共和国居民身份证法";
  for (const auto& line : ui::wrap_text(font, size, law, han * 1.5f)) EXPECT_LE(line.width, han * 1.5f) << line.text;
}

// Without ICU's data the kiosk wraps as before word breaking: between any two characters.
TEST_F(WordBreakTest, CharacterBreaksAreTheFallback) {
  const std::string text = "请携带本人居民身份证到服务台办理";
  const auto lines = ui::wrap_text(font, size, text, han * 8 + 1, ui::ChineseBreaks::Characters);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "请携带本人居民身");
  EXPECT_EQ(lines[1].text, "份证到服务台办理");
  const auto words = ui::wrap_text(font, size, text, han * 8 + 1);
  EXPECT_EQ(words[0].text, "请携带本人居民") << described(words);
}

// Boxes grow with their text: what the screens measure is the word-wrapped paragraph.
TEST_F(WordBreakTest, MeasuredHeightCountsTheWordWrappedLines) {
  const std::string text = "请携带本人居民身份证到服务台办理";
  const float width = han * 8 + 1;
  const auto lines = ui::wrap_text(font, size, text, width);
  EXPECT_EQ(lines.size(), 3u) << described(lines);  // 请携带本人居民/身份证到服务台/办理
  EXPECT_EQ(ui::measure_wrapped_height(font, size, text, width), static_cast<float>(lines.size()) * ui::line_height(size));
}

}  // namespace
}  // namespace openday
