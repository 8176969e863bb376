// The home screen: two large entrances, side by side in landscape, stacked in portrait, and
// 我要问 across the bottom.
#include <algorithm>
#include <cfloat>

#include "core/content/ui_text.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

class HomeScreen final : public Screen {
 public:
  std::string title() const override { return std::string(tr(Text::AppName)); }

  void draw(ScreenContext& ctx) override {
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    const float width = area.width() - 2 * m.margin;
    float y = area.min.y + m.margin;
    y += centered_text(ctx, FontRole::Display, area.min.x + m.margin, y, width, tr(Text::HomeGreeting), colors::kText);
    y += m.gap * 0.5f;
    y += centered_text(ctx, FontRole::Body, area.min.x + m.margin, y, width, tr(Text::HomeHint), colors::kTextMuted);
    y += m.gap * 1.5f;

    // 我要问 (issue 15): a full-width entrance under the two large ones.
    const float ask_height = std::max(m.touch_min * 1.6f, line_height(ctx.font_px(FontRole::Display)) + m.gap);
    const float bottom = area.max.y - m.margin - ask_height - m.gap * 1.5f;
    const float available = bottom - y;
    ImVec2 card;
    ImVec2 second_offset;
    if (m.portrait) {
      card = ImVec2(width, std::min((available - m.gap * 1.5f) * 0.5f, 640 * m.unit));
      second_offset = ImVec2(0, card.y + m.gap * 1.5f);
    } else {
      card = ImVec2((width - m.gap * 1.5f) * 0.5f, std::min(available, 620 * m.unit));
      second_offset = ImVec2(card.x + m.gap * 1.5f, 0);
    }
    const ImVec2 first(area.min.x + m.margin, y);
    draw_browse_entrance(ctx, first, card);
    const ImVec2 second(first.x + second_offset.x, first.y + second_offset.y);
    ButtonSpec quiz{"home.quiz", second, card, tr(Text::HomeQuiz), ButtonKind::Primary, FontRole::Display, tr(Text::HomeQuizDetail)};
    quiz.icon = Icon::Quiz;
    if (big_button(ctx, quiz)) ctx.router().push("quiz");
    const float ask_y = std::max(first.y, second.y) + card.y + m.gap * 1.5f;
    ButtonSpec ask{"home.ask", ImVec2(first.x, ask_y), ImVec2(width, ask_height), tr(Text::HomeAsk), ButtonKind::Secondary, FontRole::Display};
    ask.icon = Icon::Ask;
    if (big_button(ctx, ask)) ctx.router().push("ask");
  }

 private:
  // 政务公开查询 with its three ways in, side by side and equally large (issue 14): 按部门 (the
  // departments grid; keeps the id home.disclosure), 按主题 and 搜索.
  static void draw_browse_entrance(ScreenContext& ctx, ImVec2 pos, ImVec2 size) {
    const Metrics& m = ctx.metrics();
    const float heading_height = centered_text(ctx, FontRole::Heading, pos.x, pos.y, size.x, tr(Text::HomeDisclosure), colors::kText);
    const float top = pos.y + heading_height + m.gap * 0.5f;
    const float gap = m.gap * 0.75f;
    const ImVec2 button((size.x - 2 * gap) / 3.0f, pos.y + size.y - top);
    const struct {
      const char* id;
      Text label;
      Text detail;
      const char* route;
      Icon icon;
    } ways[] = {{"home.disclosure", Text::BrowseByDepartment, Text::BrowseByDepartmentDetail, "departments", Icon::ByDepartment},
                {"home.topics", Text::BrowseByTopic, Text::BrowseByTopicDetail, "topics", Icon::ByTopic},
                {"home.search", Text::BrowseSearch, Text::BrowseSearchDetail, "search", Icon::Search}};
    // The largest face in which every way's icon and word fit one line (a word never breaks).
    FontRole role = FontRole::Body;
    for (FontRole candidate : {FontRole::Display, FontRole::Heading}) {
      const ImFont& font = *ctx.font(candidate);
      const auto fits = [&](const auto& way) {
        const std::string_view label = tr(way.label);
        return icon_room(font, way.icon) + font.CalcTextSizeA(font.FontSize, FLT_MAX, 0, label.data(), label.data() + label.size()).x <=
               button.x - 2 * m.gap;
      };
      if (std::all_of(std::begin(ways), std::end(ways), fits)) {
        role = candidate;
        break;
      }
    }
    for (std::size_t i = 0; i < std::size(ways); ++i) {
      const ImVec2 at(pos.x + static_cast<float>(i) * (button.x + gap), top);
      ButtonSpec spec{ways[i].id, at, button, tr(ways[i].label), ButtonKind::Primary, role, tr(ways[i].detail)};
      spec.icon = ways[i].icon;
      if (big_button(ctx, spec)) ctx.router().push(ways[i].route);
    }
  }
};

}  // namespace

std::unique_ptr<Screen> make_home_screen() { return std::make_unique<HomeScreen>(); }

}  // namespace openday::ui
