// The home screen: two large entrances, side by side in landscape, stacked in portrait, and
// 我要问 across the bottom.
#include <algorithm>

#include "core/content/ui_text.h"
#include "ui/page.h"
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
    // 我要问 (issue 15): a full-width entrance under the two large ones.
    const float ask_height = std::max(m.touch_min * 1.6f, line_height(ctx.font_px(FontRole::Display)) + m.gap);
    const float bottom = area.max.y - m.margin - ask_height - m.gap * 1.5f;
    // The hint under the greeting yields its line when the ways in need it for their words (大字
    // in landscape): every word of a button stays inside it.
    const float hint_height = measure_wrapped_height(*ctx.font(FontRole::Body), ctx.font_px(FontRole::Body), tr(Text::HomeHint), width);
    if (m.portrait || bottom - (y + hint_height + m.gap * 1.5f) >= browse_height_needed(ctx, browse_width(m, width)))
      y += centered_text(ctx, FontRole::Body, area.min.x + m.margin, y, width, tr(Text::HomeHint), colors::kTextMuted);
    y += m.gap * 1.5f;
    const float available = bottom - y;
    ImVec2 card;
    ImVec2 quiz_card;
    ImVec2 second_offset;
    if (m.portrait) {
      card = ImVec2(width, std::min((available - m.gap * 1.5f) * 0.5f, 640 * m.unit));
      quiz_card = card;
      second_offset = ImVec2(0, card.y + m.gap * 1.5f);
    } else {
      // The browse card holds three ways in side by side: it takes the larger share of the row.
      const float row = width - m.gap * 1.5f;
      card = ImVec2(browse_width(m, width), std::min(available, 620 * m.unit));
      quiz_card = ImVec2(row - card.x, card.y);
      second_offset = ImVec2(card.x + m.gap * 1.5f, 0);
    }
    const ImVec2 first(area.min.x + m.margin, y);
    draw_browse_entrance(ctx, first, card);
    const ImVec2 second(first.x + second_offset.x, first.y + second_offset.y);
    ButtonSpec quiz{"home.quiz", second, quiz_card, tr(Text::HomeQuiz), ButtonKind::Primary, FontRole::Display, tr(Text::HomeQuizDetail)};
    quiz.icon = Icon::Quiz;
    declare_primary_action(ctx, "home.quiz");
    if (big_button(ctx, quiz)) ctx.router().push("quiz");
    const float ask_y = std::max(first.y, second.y) + card.y + m.gap * 1.5f;
    ButtonSpec ask{"home.ask", ImVec2(first.x, ask_y), ImVec2(width, ask_height), tr(Text::HomeAsk), ButtonKind::Secondary, FontRole::Display};
    ask.icon = Icon::Ask;
    declare_primary_action(ctx, "home.ask");
    if (big_button(ctx, ask)) ctx.router().push("ask");
  }

 private:
  static constexpr float kBrowseShare = 0.6f;  // of a landscape row: the three ways in, beside the quiz

  static float browse_width(const Metrics& m, float width) { return std::round((width - m.gap * 1.5f) * kBrowseShare); }

  // The three ways in as their card lays them out (a heading, then three buttons in a row).
  struct Way {
    const char* id;
    Text label;
    Text detail;
    const char* route;
    Icon icon;
  };
  static constexpr Way kWays[] = {{"home.disclosure", Text::BrowseByDepartment, Text::BrowseByDepartmentDetail, "departments", Icon::ByDepartment},
                                  {"home.topics", Text::BrowseByTopic, Text::BrowseByTopicDetail, "topics", Icon::ByTopic},
                                  {"home.search", Text::BrowseSearch, Text::BrowseSearchDetail, "search", Icon::Search}};
  static float way_gap(const Metrics& m) { return m.gap * 0.75f; }

  // The height the browse card needs for its heading and its buttons' words, in landscape.
  static float browse_height_needed(ScreenContext& ctx, float card_width) {
    const Metrics& m = ctx.metrics();
    const float button_width = (card_width - 2 * way_gap(m)) / 3.0f;
    float tallest = 0;
    for (const Way& way : kWays)
      tallest = std::max(tallest, button_height_for(ctx, tr(way.label), button_width, FontRole::Display, tr(way.detail)));
    const float heading = measure_wrapped_height(*ctx.font(FontRole::Heading), ctx.font_px(FontRole::Heading), tr(Text::HomeDisclosure), card_width);
    return heading + m.gap * 0.5f + tallest;
  }

  // 政务公开查询 with its three ways in, side by side and equally large (issue 14): 按部门 (the
  // departments grid; keeps the id home.disclosure), 按主题 and 搜索.
  static void draw_browse_entrance(ScreenContext& ctx, ImVec2 pos, ImVec2 size) {
    const Metrics& m = ctx.metrics();
    const float heading_height = centered_text(ctx, FontRole::Heading, pos.x, pos.y, size.x, tr(Text::HomeDisclosure), colors::kText);
    const float top = pos.y + heading_height + m.gap * 0.5f;
    const float gap = way_gap(m);
    const ImVec2 button((size.x - 2 * gap) / 3.0f, pos.y + size.y - top);
    const auto& ways = kWays;
    // Three side by side are narrow: the icon goes above the word, which keeps display type; all
    // three have one, or (no height for it in one of them, 大字 in landscape) none has.
    const float icon_line = std::round(ctx.font_px(FontRole::Display) * 1.1f);
    const bool icons = std::all_of(std::begin(ways), std::end(ways), [&](const Way& way) {
      return icon_line + button_height_for(ctx, tr(way.label), button.x, FontRole::Display, tr(way.detail)) <= button.y;
    });
    for (std::size_t i = 0; i < std::size(ways); ++i) {
      const ImVec2 at(pos.x + static_cast<float>(i) * (button.x + gap), top);
      ButtonSpec spec{ways[i].id, at, button, tr(ways[i].label), ButtonKind::Primary, FontRole::Display, tr(ways[i].detail)};
      spec.icon = icons ? ways[i].icon : Icon::None;
      spec.icon_above = true;
      declare_primary_action(ctx, ways[i].id);
      if (big_button(ctx, spec)) ctx.router().push(ways[i].route);
    }
  }
};

}  // namespace

std::unique_ptr<Screen> make_home_screen() { return std::make_unique<HomeScreen>(); }

}  // namespace openday::ui
