// Every department and tab of the shipped content, in both orientations and both text sizes: the tab's
// scrolling body keeps at least half of the page (in 大字 the header keeps the name and its
// contact facts open the body instead), and the facts are on the page either way. The fee table
// keeps its column names in view when scrolled; the fee cards line their values up.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "core/content/ui_text.h"
#include "support/headless_kiosk.h"
#include "support/ui_shapes.h"
#include "ui/text_layout.h"
#include "ui/drawn_text.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;
using testing::Shape;

class DepartmentHeader : public ::testing::TestWithParam<Shape> {};

TEST_P(DepartmentHeader, TheTabKeepsAtLeastHalfThePageAndTheFactsAreShown) {
  const Shape shape = GetParam();
  HeadlessKiosk kiosk(shape.display, "home");
  testing::set_text_size(kiosk, shape.large_text);
  ASSERT_EQ(kiosk.kiosk().large_text(), shape.large_text);
  // The page under the top bar, which grows in 大字 (issue 28).
  const ui::Metrics& m = kiosk.kiosk().metrics();
  const float page_height = shape.display.y - (shape.large_text ? m.large_top_bar_height : m.top_bar_height);
  for (const Department& department : HeadlessKiosk::sample_content()->departments)
    for (const char* tab : {"duties", "items", "fees", "faq"}) {
      const std::string route = "department/" + department.id + "/" + tab;
      SCOPED_TRACE(route);
      kiosk.kiosk().router().reset_to({"home", route});
      kiosk.wait(0.5);
      ASSERT_EQ(kiosk.route(), route);
      const ImRect body = kiosk.rect_of("department.body");
      // The tab: its scrolling body and, on 常见问题, the 我要问 pinned under it.
      EXPECT_GE(shape.display.y - body.Min.y, page_height * 0.5f) << "the header leaves the tab too little";
      const std::string drawn = testing::drawn_text();
      EXPECT_NE(drawn.find(testing::without_spaces(department.name)), std::string::npos);
      EXPECT_NE(drawn.find(testing::without_spaces(department.phone)), std::string::npos) << "the contact facts are on the page";
      // Nothing in the tab runs into the page's right margin (a card's last words past its edge).
      const float right_edge = body.Max.x - kiosk.kiosk().metrics().margin + 1;
      for (const testing::DrawnGlyph& g : testing::drawn_glyphs()) {
        if (g.min.y < body.Min.y || g.max.y > body.Max.y) continue;
        EXPECT_LE(g.max.x, right_edge) << "a character at y " << g.min.y;
      }
      if (std::string(tab) != "faq") continue;
      const ui::TapTarget* ask = kiosk.kiosk().taps().find("department.ask");
      ASSERT_NE(ask, nullptr) << "我要问 in view on 常见问题";
      EXPECT_FALSE(ask->clipped);
    }
}

// 其他问题 is in view on arrival on every 我要问 list (each department's and 不清楚's).
TEST_P(DepartmentHeader, EveryAskListShowsOtherQuestionOnArrival) {
  const Shape shape = GetParam();
  HeadlessKiosk kiosk(shape.display, "home");
  testing::set_text_size(kiosk, shape.large_text);
  std::vector<std::string> routes = {"ask/general"};
  for (const Department& department : HeadlessKiosk::sample_content()->departments) routes.push_back("ask/" + department.id);
  for (const std::string& route : routes) {
    SCOPED_TRACE(route);
    kiosk.kiosk().router().reset_to({"home", "ask", route});
    kiosk.wait(0.5);
    ASSERT_EQ(kiosk.route(), route);
    const ui::TapTarget* other = kiosk.kiosk().taps().find("ask.topic.other");
    ASSERT_NE(other, nullptr) << "其他问题 in view";
    EXPECT_FALSE(other->clipped);
    EXPECT_LE(other->max.y, shape.display.y);
  }
}

INSTANTIATE_TEST_SUITE_P(Shapes, DepartmentHeader, testing::every_shape(), testing::shape_name);

// The glyphs drawn in a horizontal band of the screen, in draw order.
std::string text_in_band(float top, float bottom) {
  std::string out;
  for (const testing::DrawnGlyph& g : testing::drawn_glyphs())
    if (g.min.y >= top && g.max.y <= bottom) testing::append_utf8(out, g.code_point);
  return out;
}

TEST(FeeTable, ScrolledItsColumnNamesStayAtTheTopOfTheView) {
  int scrolled = 0;
  for (const Department& department : HeadlessKiosk::sample_content()->departments) {
    if (department.fees.empty()) continue;
    const std::string route = "department/" + department.id + "/fees";
    SCOPED_TRACE(route);
    HeadlessKiosk kiosk(ImVec2(1920, 1080), route);
    kiosk.wait(0.5);
    const ImRect body = kiosk.rect_of("department.body");
    kiosk.drag(ImVec2(body.GetCenter().x, body.Max.y - 40), ImVec2(body.GetCenter().x, body.Min.y + 40), 12, 30);
    kiosk.run_until_idle();
    if (kiosk.scroll_y_of("department.body") < body.GetHeight() * 0.3f) continue;  // a short table: nothing scrolled away
    ++scrolled;
    const float band = ui::line_height(kiosk.kiosk().fonts().font(ui::FontRole::Heading, false)->FontSize) + kiosk.kiosk().metrics().gap;
    const std::string top = text_in_band(body.Min.y, body.Min.y + band);
    EXPECT_NE(top.find(testing::without_spaces(tr(Text::FeeColumnName))), std::string::npos) << top;
    EXPECT_NE(top.find(testing::without_spaces(tr(Text::FeeColumnBasis))), std::string::npos) << top;
  }
  EXPECT_GT(scrolled, 0) << "some department's fee table is longer than the view (precondition)";
}

TEST(FeeCards, TheValuesOfACardStartAtOneX) {
  for (const ImVec2 display : {ImVec2(1080, 1920), ImVec2(1920, 1080)})
    for (const Department& department : HeadlessKiosk::sample_content()->departments) {
      if (department.fees.empty()) continue;
      const std::string route = "department/" + department.id + "/fees";
      SCOPED_TRACE(route + " " + std::to_string(static_cast<int>(display.x)));
      HeadlessKiosk kiosk(display, route);
      kiosk.kiosk().text_audit().record_placements = true;
      kiosk.wait(0.5);
      kiosk.tap("topbar.large_text");  // cards in 大字 (and always in portrait)
      kiosk.wait(0.5);
      kiosk.run_until_idle();
      // The first card whose values are all on screen, dragging down until one is.
      std::vector<float> xs;
      for (int drag = 0; drag < 6 && xs.empty(); ++drag) {
        for (const FeeItem& fee : department.fees) {
          std::vector<std::string> values = {fee.legal_basis, fill_text(Text::FeeDocumentFormat, {fee.document_number})};
          if (!fee.notes.empty()) values.push_back(fee.notes);
          std::vector<float> found;
          for (const std::string& value : values)
            for (const ui::TextPlacement& p : kiosk.kiosk().text_audit().placements())
              if (p.text == value) {
                found.push_back(p.min.x);
                break;
              }
          if (found.size() == values.size()) {
            xs = found;
            break;
          }
        }
        const ImRect body = kiosk.rect_of("department.body");
        kiosk.drag(ImVec2(body.GetCenter().x, body.Max.y - 60), ImVec2(body.GetCenter().x, body.Max.y - 360), 12, 30);
        kiosk.run_until_idle();
      }
      ASSERT_FALSE(xs.empty()) << "a whole fee card came on screen";
      for (float x : xs) EXPECT_NEAR(x, xs.front(), 1.0f);
    }
}

}  // namespace
}  // namespace openday
