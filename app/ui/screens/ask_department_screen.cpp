// 我要问, first step: which department the question is for, or 不清楚. No keyboard: cards only.
#include <algorithm>
#include <cmath>

#include "core/content/ask_topics.h"
#include "core/content/ui_text.h"
#include "ui/page.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"
#include "ui/touch_scroll.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

class AskDepartmentScreen final : public Screen {
 public:
  std::string title() const override { return std::string(tr(Text::HomeAsk)); }

  void draw(ScreenContext& ctx) override {
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    auto [x, width, y] = page_column(ctx);
    const ImFont& heading = *ctx.font(FontRole::Heading);
    y += draw_wrapped_text(ctx.draw_list(), heading, heading.FontSize, ImVec2(x, y), colors::kText, tr(Text::AskPickDepartment), width);
    const ImFont& body = *ctx.font(FontRole::Body);
    y += draw_wrapped_text(ctx.draw_list(), body, body.FontSize, ImVec2(x, y), colors::kTextMuted, tr(Text::AskPrivacy), width);
    y += m.gap * 0.6f;
    draw_grid(ctx, Rect{ImVec2(area.min.x, y), area.max});
  }

 private:
  // 不清楚 first (it is what most people feel), then every department by its short name.
  void draw_grid(ScreenContext& ctx, const Rect& area) {
    const Metrics& m = ctx.metrics();
    TouchScroll scroll(ctx, "ask.departments", area);
    const int columns = m.portrait ? 2 : 4;
    const float width = area.width() - 2 * m.margin;
    const float card_width = std::floor((width - static_cast<float>(columns - 1) * m.gap * 0.6f) / static_cast<float>(columns));
    const float card_height = std::max(m.touch_min * 1.3f, 2 * line_height(ctx.font_px(FontRole::Heading)) + m.gap);
    const auto& departments = ctx.content().departments;
    const std::size_t count = departments.size() + 1;
    float bottom = scroll.origin().y;
    for (std::size_t i = 0; i < count; ++i) {
      const auto column = static_cast<float>(i % static_cast<std::size_t>(columns));
      const auto row = static_cast<float>(i / static_cast<std::size_t>(columns));
      const ImVec2 pos(scroll.origin().x + m.margin + column * (card_width + m.gap * 0.6f), scroll.origin().y + row * (card_height + m.gap * 0.6f));
      bottom = pos.y + card_height;
      if (i == 0) {
        declare_primary_action(ctx, "ask.department.general");
        if (big_button(ctx, {"ask.department.general", pos, ImVec2(card_width, card_height), tr(Text::AskUnsure), ButtonKind::Primary,
                             FontRole::Heading, tr(Text::AskUnsureDetail)}))
          ctx.router().push("ask/" + std::string(kAskUnsure));
        continue;
      }
      const Department& d = departments[i - 1];
      const std::string id = "ask.department." + d.id;
      if (big_button(ctx, {id.c_str(), pos, ImVec2(card_width, card_height), d.short_name, ButtonKind::Secondary}))
        ctx.router().push("ask/" + d.id);
    }
    scroll.end(bottom + m.margin);
  }
};

}  // namespace

std::unique_ptr<Screen> make_ask_department_screen() { return std::make_unique<AskDepartmentScreen>(); }

}  // namespace openday::ui
