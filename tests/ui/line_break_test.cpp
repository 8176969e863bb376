// Where Chinese lines break: at a clause boundary when one is near the end of the line,
// balanced when centred, after a slash inside a long path; titles cut with an ellipsis.
#include <gtest/gtest.h>

#include <string>

#include "support/headless_kiosk.h"
#include "ui/text_layout.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

class LineBreakTest : public ::testing::Test {
 protected:
  HeadlessKiosk kiosk{ImVec2(1920, 1080), "home"};
  const ImFont& font = *kiosk.kiosk().fonts().font(ui::FontRole::Body, false);
  float size = font.FontSize;
  float han = font.GetCharAdvance(0x653F);  // the advance of one Chinese character
};

std::string joined(const std::vector<ui::TextLine>& lines) {
  std::string out;
  for (const auto& line : lines) out += line.text;
  return out;
}

TEST_F(LineBreakTest, AClauseNearTheEndOfTheLineMovesDownWhole) {
  // 22 characters fit: a plain break would leave "止" alone on the second line.
  const std::string text = "每位参与者每次限领一份奖品，奖品有限，发完为止";
  const auto lines = ui::wrap_text(font, size, text, han * 22 + 1);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "每位参与者每次限领一份奖品，奖品有限，");
  EXPECT_EQ(lines[1].text, "发完为止");
  EXPECT_EQ(joined(lines), text);
}

TEST_F(LineBreakTest, AClauseFarFromTheEndDoesNotLeaveTheLineHalfEmpty) {
  const std::string text = "奖品有限，每位参与者每次限领一份精美礼品";
  const auto lines = ui::wrap_text(font, size, text, han * 16 + 1);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_GE(lines[0].width, han * 15);  // the comma is at a quarter of the line: break at the end instead
}

TEST_F(LineBreakTest, CentredTextIsBalancedNotAFullLineAndAnOrphan) {
  const std::string text = "青花瓷笔精美礼盒";
  const float width = han * 6 + 1;
  ASSERT_EQ(ui::wrap_text(font, size, text, width)[0].text, "青花瓷笔精美");
  const auto lines = ui::wrap_text_balanced(font, size, text, width);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "青花瓷笔");
  EXPECT_EQ(lines[1].text, "精美礼盒");
}

TEST_F(LineBreakTest, BalancingNeverCutsAPhraseThePlainWrapKeptWhole) {
  const std::string text = "每位参与者每次限领一份奖品，奖品有限，发完为止";
  const auto lines = ui::wrap_text_balanced(font, size, text, han * 19 + 1);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[0].text.ends_with("，")) << lines[0].text;  // never "……一份奖/品，……"
  EXPECT_EQ(joined(lines), text);
}

TEST_F(LineBreakTest, AParagraphNeverEndsWithOneCharacterAlone) {
  const std::string text = "周一至周五法定节假日除外）";
  ASSERT_EQ(ui::wrap_text(font, size, "周一至周五法定节假日除", han * 11 + 1).size(), 1u);
  const auto lines = ui::wrap_text(font, size, text, han * 11 + 1);  // "外）" alone would follow
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1].text, "除外）");
  EXPECT_EQ(joined(lines), text);
  for (const auto& line : lines) EXPECT_LE(line.width, han * 11 + 1);
}

TEST_F(LineBreakTest, ALongPathBreaksAfterItsSlashes) {
  const std::string path = "/media/kiosk/KINGSTON-USB/openday-exports-2026-05-15";
  const auto lines = ui::wrap_text(font, size, path, font.CalcTextSizeA(size, 1e9f, 0, "/media/kiosk/KINGSTON-USB/").x + 2);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "/media/kiosk/KINGSTON-USB/");
  EXPECT_EQ(joined(lines), path);
}

TEST_F(LineBreakTest, ATitleTooWideEndsWithAnEllipsisAndFits) {
  const std::string title = "政务公开查询 · 部门职能 · 审批事项";
  const std::string cut = ui::ellipsize(font, size, title, han * 5);
  EXPECT_TRUE(cut.ends_with("…"));
  EXPECT_LE(font.CalcTextSizeA(size, 1e9f, 0, cut.c_str()).x, han * 5);
  EXPECT_EQ(ui::ellipsize(font, size, title, han * 40), title);
}

}  // namespace
}  // namespace openday
