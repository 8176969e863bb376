#include "ui/text_layout.h"

#include <gtest/gtest.h>

#include <string>

#include "support/headless_kiosk.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

class TextLayoutTest : public ::testing::Test {
 protected:
  HeadlessKiosk kiosk{ImVec2(1920, 1080), "home"};
  const ImFont& font = *kiosk.kiosk().fonts().font(ui::FontRole::Body, false);
  float size = font.FontSize;
  float han = font.GetCharAdvance(0x653F);  // the advance of one Chinese character
};

TEST_F(TextLayoutTest, ChineseBreaksBetweenCharactersWithinTheWidth) {
  const std::string text = "用手指轻点下面的大按钮用手指轻点下面的大按钮用手指轻点下面的大按钮";
  const float width = han * 7.5f;
  const auto lines = ui::wrap_text(font, size, text, width);
  ASSERT_GE(lines.size(), 4u);
  std::string joined;
  for (const auto& line : lines) {
    EXPECT_LE(line.width, width);
    joined += line.text;
  }
  EXPECT_EQ(joined, text);
}

TEST_F(TextLayoutTest, NoLineStartsWithClosingPunctuation) {
  const std::string text = "工作人员正在准备内容，请先浏览其他栏目。工作人员正在准备内容，请先浏览其他栏目。";
  for (float chars = 4; chars < 20; chars += 1) {
    for (const auto& line : ui::wrap_text(font, size, text, han * chars)) {
      EXPECT_NE(line.text.substr(0, 3), "，") << "width " << chars;
      EXPECT_NE(line.text.substr(0, 3), "。") << "width " << chars;
    }
  }
}

TEST_F(TextLayoutTest, LatinWordsAndNumbersStayWhole) {
  const std::string text = "请拨打服务热线 0000-6812345 或访问 https://zwfw.example.com 办理";
  const auto lines = ui::wrap_text(font, size, text, han * 9);
  bool phone_whole = false;
  for (const auto& line : lines) phone_whole = phone_whole || line.text.find("0000-6812345") != std::string_view::npos;
  EXPECT_TRUE(phone_whole);
}

TEST_F(TextLayoutTest, ExplicitNewlinesBreakAndEmptyTextIsOneLine) {
  EXPECT_EQ(ui::wrap_text(font, size, "第一行\n第二行", size * 20).size(), 2u);
  EXPECT_EQ(ui::wrap_text(font, size, "", size * 20).size(), 1u);
}

}  // namespace
}  // namespace openday
