// 政务公开查询: every department as a large card, filtered by category chips, scrolled by dragging.
#include <algorithm>
#include <cmath>

#include "core/content/ui_text.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"
#include "ui/touch_scroll.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

class DepartmentsScreen final : public Screen {
 public:
  std::string title() const override { return std::string(tr(Text::DepartmentsTitle)); }

  void draw(ScreenContext& ctx) override {
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    auto [x, width, y] = page_column(ctx);
    y += draw_wrapped_text(ctx.draw_list(), *ctx.font(FontRole::Body), ctx.font_px(FontRole::Body), ImVec2(x, y),
                           colors::kTextMuted, tr(Text::DepartmentsHint), width);
    if (ctx.event().sample_data) y += draw_sample_banner(ctx, x, y + m.gap * 0.4f, width) + m.gap * 0.4f;
    y += m.gap * 0.6f;
    y = draw_category_chips(ctx, x, y, width) + m.gap * 0.8f;
    draw_grid(ctx, Rect{ImVec2(area.min.x, y), area.max});
  }

 private:
  static float draw_sample_banner(ScreenContext& ctx, float x, float y, float width) {
    const Metrics& m = ctx.metrics();
    const ImFont& font = *ctx.font(FontRole::Body);
    const float height = measure_wrapped_height(font, font.FontSize, tr(Text::SampleDataBanner), width - 2 * m.gap) + m.gap * 0.6f;
    ctx.draw_list().AddRectFilled(ImVec2(x, y), ImVec2(x + width, y + height), colors::kAccentSoft, m.corner * 0.5f);
    draw_wrapped_text(ctx.draw_list(), font, font.FontSize, ImVec2(x + m.gap, y + m.gap * 0.3f), colors::kAccent,
                      tr(Text::SampleDataBanner), width - 2 * m.gap);
    return height;
  }

  std::vector<std::string> categories_in_use(const Content& content) const {
    std::vector<std::string> used;
    for (const auto& category : department_categories())
      if (std::any_of(content.departments.begin(), content.departments.end(),
                      [&](const Department& d) { return d.category == category; }))
        used.push_back(category);
    return used;
  }

  // Chips wrap onto as many rows as the width needs; returns the y below them.
  float draw_category_chips(ScreenContext& ctx, float x, float y, float width) {
    const Metrics& m = ctx.metrics();
    const ImFont& font = *ctx.font(FontRole::Heading);
    std::vector<std::string> labels = {std::string(tr(Text::CategoryAll))};
    for (auto& category : categories_in_use(ctx.content())) labels.push_back(std::move(category));
    float cx = x;
    // Room under the words for the selected chip's bar (widgets.cpp: 8 + 6 design px from the
    // bottom edge), the same above them: the bar never touches 全部.
    const float bar_room = std::round(18 * m.unit);
    const float height = std::max(m.touch_min, line_height(font.FontSize) + 2 * bar_room);
    for (std::size_t i = 0; i < labels.size(); ++i) {
      const std::string& label = labels[i];
      const float text_width = font.CalcTextSizeA(font.FontSize, FLT_MAX, 0, label.c_str()).x;
      const float padding = m.gap * 0.6f;
      const float chip_width = std::max(m.touch_min * 1.4f, std::ceil(text_width + 2 * padding + 2));
      if (cx > x && cx + chip_width > x + width) {
        cx = x;
        y += height + m.gap * 0.5f;
      }
      const bool selected = i == 0 ? category_.empty() : category_ == label;
      const std::string id = "departments.category." + (i == 0 ? std::string("all") : label);
      if (big_button(ctx, {id.c_str(), ImVec2(cx, y), ImVec2(chip_width, height), label,
                           selected ? ButtonKind::Selected : ButtonKind::Secondary, FontRole::Heading, {}, padding}))
        choose_category(ctx, i == 0 ? std::string() : label);
      cx += chip_width + m.gap * 0.5f;
    }
    return y + height;
  }

  void choose_category(ScreenContext& ctx, std::string category) {
    if (category == category_) return;
    category_ = std::move(category);
    Event view;
    view.type = EventType::ScreenView;
    view.screen = ctx.router().current_route();  // this screen is the one drawing
    view.target = category_.empty() ? "all" : category_;
    ctx.log(std::move(view));
  }

  void draw_grid(ScreenContext& ctx, const Rect& area) {
    const Metrics& m = ctx.metrics();
    const float width = area.width() - 2 * m.margin;
    const float min_card = (ctx.large_text() ? 620.0f : 460.0f) * m.unit;
    const int columns = std::max(1, static_cast<int>((width + m.gap) / (min_card + m.gap)));
    const float card_width = std::floor((width - static_cast<float>(columns - 1) * m.gap) / static_cast<float>(columns));
    const float body_line = line_height(ctx.font_px(FontRole::Body));
    const float card_height = std::round(m.gap * 1.6f + line_height(ctx.font_px(FontRole::Heading)) + 3 * body_line + m.gap * 0.6f);

    TouchScroll scroll(ctx, "departments.grid", area);
    const ImVec2 origin = scroll.origin();
    int index = 0;
    for (const Department& d : ctx.content().departments) {
      if (!category_.empty() && d.category != category_) continue;
      const int column = index % columns;
      const int row = index / columns;
      ++index;
      const ImVec2 pos(origin.x + m.margin + static_cast<float>(column) * (card_width + m.gap),
                       origin.y + static_cast<float>(row) * (card_height + m.gap));
      if (pos.y > area.max.y || pos.y + card_height < area.min.y) continue;  // off screen
      const std::string id = "departments.card." + d.id;
      if (card_button(ctx, id.c_str(), pos, ImVec2(card_width, card_height))) ctx.router().push("department/" + d.id);
      draw_card(ctx, d, pos, card_width);
    }
    const int rows = (index + columns - 1) / columns;
    scroll.end(origin.y + static_cast<float>(rows) * (card_height + m.gap) + m.margin);
  }

  static void draw_card(ScreenContext& ctx, const Department& d, ImVec2 pos, float width) {
    const Metrics& m = ctx.metrics();
    ImDrawList& draw = ctx.draw_list();
    const float inner = width - 2 * m.gap;
    float y = pos.y + m.gap * 0.8f;
    const ImFont& heading = *ctx.font(FontRole::Heading);
    draw.AddText(&heading, heading.FontSize, ImVec2(pos.x + m.gap, y), colors::kText, d.short_name.c_str());
    y += line_height(heading.FontSize);
    const ImFont& body = *ctx.font(FontRole::Body);
    // The full name in at most two lines, so that every card has the same height.
    const auto lines = wrap_text(body, body.FontSize, d.name, inner);
    for (std::size_t i = 0; i < std::min<std::size_t>(2, lines.size()); ++i) {
      draw.AddText(&body, body.FontSize, ImVec2(pos.x + m.gap, y), colors::kTextMuted, lines[i].text.data(),
                   lines[i].text.data() + lines[i].text.size());
      y += line_height(body.FontSize);
    }
    y = std::max(y, pos.y + m.gap * 0.8f + line_height(heading.FontSize) + 2 * line_height(body.FontSize));
    // A department with no fee standards says nothing of fees here (its 收费标准 tab says why), not "收费 0".
    const std::string counts = d.fees.empty() ? fill_text(Text::CountsNoFeesFormat, {std::to_string(d.duties.size()), std::to_string(d.approval_items.size())})
                                              : fill_text(Text::CountsFormat, {std::to_string(d.duties.size()), std::to_string(d.approval_items.size()),
                                                                               std::to_string(d.fees.size())});
    draw_wrapped_text(draw, body, body.FontSize, ImVec2(pos.x + m.gap, y), colors::kAccent, counts, inner);
  }

  std::string category_;  // empty: all
};

}  // namespace

std::unique_ptr<Screen> make_departments_screen() { return std::make_unique<DepartmentsScreen>(); }

}  // namespace openday::ui
