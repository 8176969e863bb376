#include "ui/text_layout.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/headless_kiosk.h"
#include "ui/wrap_cache.h"

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

// The texts of a real department: long legal bases, numbered conditions, Latin and digits.
std::vector<std::string> department_texts() {
  std::vector<std::string> texts;
  for (const Department& d : HeadlessKiosk::sample_content()->departments) {
    texts.push_back(d.introduction);
    for (const ApprovalItem& item : d.approval_items) {
      texts.push_back(item.name);
      texts.push_back(item.legal_basis);
      for (const std::string& condition : item.conditions) texts.push_back(condition);
      texts.push_back(item.online_url.empty() ? item.where : item.online_url);
    }
  }
  texts.push_back("第一行\n第二行，很长很长很长很长很长很长很长的第二行");
  texts.push_back("");
  return texts;
}

// What draw_wrapped_text puts into a draw list.
std::vector<ImDrawVert> drawn_vertices(const ImFont& font, float size, const std::string& text, float width, ui::Align align) {
  ImDrawList list(ImGui::GetDrawListSharedData());
  list._ResetForNewFrame();
  list.PushClipRectFullScreen();
  list.PushTextureID(font.ContainerAtlas->TexID);
  ui::draw_wrapped_text(list, font, size, ImVec2(10, 20), IM_COL32_WHITE, text, width, align);
  return {list.VtxBuffer.begin(), list.VtxBuffer.end()};
}

bool same_vertices(const std::vector<ImDrawVert>& a, const std::vector<ImDrawVert>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const ImDrawVert& x, const ImDrawVert& y) {
    return x.pos.x == y.pos.x && x.pos.y == y.pos.y && x.uv.x == y.uv.x && x.uv.y == y.uv.y && x.col == y.col;
  });
}

// The kiosk measures through its wrap cache; the lines must be those of a fresh wrap, also for
// another copy of a text (screens build some texts anew every frame) and at every width.
TEST_F(TextLayoutTest, TheWrapCacheMeasuresTheLinesOfAnUncachedWrap) {
  ASSERT_NE(ui::wrap_cache(), nullptr) << "the kiosk did not install its wrap cache";
  const std::size_t misses_before = kiosk.kiosk().wrap_cache().misses();
  for (const std::string& text : department_texts()) {
    for (float chars : {3.0f, 5.5f, 9.0f, 14.0f, 23.0f, 40.0f}) {
      const float width = han * chars;
      const std::vector<ui::TextLine> fresh = ui::wrap_text(font, size, text, width);
      float widest = 0;
      for (const auto& line : fresh) widest = std::max(widest, line.width);
      const float height = static_cast<float>(fresh.size()) * ui::line_height(size);
      for (int round = 0; round < 2; ++round) {  // a miss, then a hit
        const std::string copy = text;  // at another address
        EXPECT_EQ(ui::measure_wrapped_height(font, size, copy, width), height) << text << " at " << chars;
        EXPECT_EQ(ui::widest_line(font, size, copy, width), widest) << text << " at " << chars;
      }
    }
  }
  EXPECT_GT(kiosk.kiosk().wrap_cache().misses(), misses_before);
  EXPECT_GT(kiosk.kiosk().wrap_cache().hits(), 0u);
}

TEST_F(TextLayoutTest, DrawingThroughTheWrapCacheDrawsWhatAnUncachedLayoutDraws) {
  ui::TextHelpers* kiosk_helpers = ui::text_helpers();
  ASSERT_NE(kiosk_helpers, nullptr);
  ui::TextHelpers uncached{kiosk_helpers->audit, nullptr};
  for (const std::string& text : department_texts()) {
    for (float chars : {4.0f, 11.0f, 30.0f}) {
      for (ui::Align align : {ui::Align::Left, ui::Align::Center}) {
        ui::set_text_helpers(&uncached);
        const auto expected = drawn_vertices(font, size, text, han * chars, align);
        ui::set_text_helpers(kiosk_helpers);
        drawn_vertices(font, size, text, han * chars, align);  // fills the cache
        const std::string copy = text;
        EXPECT_TRUE(same_vertices(drawn_vertices(font, size, copy, han * chars, align), expected)) << text << " at " << chars;
      }
    }
  }
}

TEST_F(TextLayoutTest, TheWrapCacheKeepsWidthsSizesAndFacesApart) {
  const std::string text = "申请人应当具有完全民事行为能力，有与所申请事项相适应的固定场所和必要设施设备。";
  const ImFont& heading = *kiosk.kiosk().fonts().font(ui::FontRole::Heading, false);
  const auto fresh_height = [&](const ImFont& f, float s, float width) {
    return static_cast<float>(ui::wrap_text(f, s, text, width).size()) * ui::line_height(s);
  };
  // One after the other, so that a cache that ignored one of them would answer from the last.
  EXPECT_EQ(ui::measure_wrapped_height(font, size, text, han * 6), fresh_height(font, size, han * 6));
  EXPECT_EQ(ui::measure_wrapped_height(font, size, text, han * 20), fresh_height(font, size, han * 20));
  EXPECT_NE(fresh_height(font, size, han * 6), fresh_height(font, size, han * 20));
  EXPECT_EQ(ui::measure_wrapped_height(font, size * 2, text, han * 20), fresh_height(font, size * 2, han * 20));
  EXPECT_EQ(ui::measure_wrapped_height(heading, heading.FontSize, text, han * 20), fresh_height(heading, heading.FontSize, han * 20));
}

}  // namespace
}  // namespace openday
