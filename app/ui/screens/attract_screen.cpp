// The attract screen: what a passer-by sees. The whole composition drifts slowly so that no
// pixel stays lit in one place for hours; any touch anywhere starts.
#include <cmath>

#include "core/booth/opening_hours.h"
#include "core/content/ui_text.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

std::string format_event_date(const std::string& iso_date) {
  const auto date = parse_calendar_date(iso_date);
  if (!date) return iso_date;
  return fill_text(Text::AttractDateFormat,
                   {std::to_string(date->year), std::to_string(date->month), std::to_string(date->day)});
}

class AttractScreen final : public Screen {
 public:
  bool has_top_bar() const override { return false; }
  // The drift moves at most 3 px a second, so a step every 2 s is a few pixels: smooth
  // enough for an idle screen, and a software-rendered full-HD frame costs ~15 ms of CPU.
  double animation_interval_seconds() const override { return 2.0; }

  void draw(ScreenContext& ctx) override {
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    ImDrawList& draw = ctx.draw_list();

    // Outside the booth's opening hours: a calm notice, and a touch starts nothing.
    if (const auto& hours = ctx.config().hours; hours && !is_open_at(*hours, local_minute_of_day())) {
      draw_closed(ctx, area, *hours);
      return;
    }
    if (touch_anywhere(ctx, area)) {
      ctx.start_session();
      ctx.router().reset_to({"home"});
      return;
    }

    const ImVec2 drift = drift_offset(ctx.now(), area, m);
    const float column_width = std::min(area.width() - 2 * m.margin, 1500 * m.unit);
    const float x = area.min.x + (area.width() - column_width) * 0.5f + drift.x;
    const float block_height = 720 * m.unit;
    float y = area.min.y + std::max(m.margin, (area.height() - block_height) * 0.5f) + drift.y;

    y += centered_text(ctx, FontRole::Heading, x, y, column_width, ctx.event().county, colors::kTextMuted);
    y += m.gap;
    y += centered_text(ctx, FontRole::Hero, x, y, column_width, ctx.event().title, colors::kAccent);
    y += m.gap;
    y += centered_text(ctx, FontRole::Heading, x, y, column_width, format_event_date(ctx.event().date), colors::kText);
    y += m.gap * 2;
    y += centered_text(ctx, FontRole::Body, x, y, column_width, tr(Text::AttractInvite), colors::kTextMuted);
    y += m.gap * 2.5f;
    draw_start_pill(ctx, draw, x + column_width * 0.5f, y);
  }

 private:
  // The whole screen is one button: an elderly visitor may touch anywhere.
  static bool touch_anywhere(ScreenContext& ctx, const Rect& area) {
    ImGui::SetCursorScreenPos(area.min);
    const bool clicked = ImGui::InvisibleButton("attract.start", ImVec2(area.width(), area.height()));
    ctx.taps().add("attract.start", area.min, area.max);
    return clicked && ctx.taps().accept("attract.start", ctx.now());
  }

  static void draw_closed(ScreenContext& ctx, const Rect& area, const OpeningHours& hours) {
    const Metrics& m = ctx.metrics();
    ctx.taps().add("attract.closed", area.min, area.max);  // for tests: this screen, not the start button
    const ImVec2 drift = drift_offset(ctx.now(), area, m);
    const float column_width = std::min(area.width() - 2 * m.margin, 1500 * m.unit);
    const float x = area.min.x + (area.width() - column_width) * 0.5f + drift.x;
    const float block_height = 560 * m.unit;
    float y = area.min.y + std::max(m.margin, (area.height() - block_height) * 0.5f) + drift.y;
    const std::string range = format_opening_hours(hours);
    y += centered_text(ctx, FontRole::Heading, x, y, column_width, ctx.event().title, colors::kTextMuted);
    y += m.gap * 2;
    y += centered_text(ctx, FontRole::Display, x, y, column_width, tr(Text::ClosedTitle), colors::kAccent);
    y += m.gap;
    y += centered_text(ctx, FontRole::Heading, x, y, column_width, fill_text(Text::ClosedHours, {range.substr(0, 5), range.substr(6)}),
                       colors::kText);
    y += m.gap * 2;
    centered_text(ctx, FontRole::Body, x, y, column_width, tr(Text::ClosedInvite), colors::kTextMuted);
  }

  static ImVec2 drift_offset(double now, const Rect& area, const Metrics& m) {
    const float reach_x = std::min(120 * m.unit, area.width() * 0.06f);
    const float reach_y = std::min(90 * m.unit, area.height() * 0.05f);
    return ImVec2(reach_x * static_cast<float>(std::sin(now / 47.0)), reach_y * static_cast<float>(std::sin(now / 31.0)));
  }

  static void draw_start_pill(ScreenContext& ctx, ImDrawList& draw, float center_x, float top) {
    const Metrics& m = ctx.metrics();
    const ImFont& font = *ctx.font(FontRole::Display);
    const std::string_view label = tr(Text::TouchToStart);
    const ImVec2 text_size = font.CalcTextSizeA(font.FontSize, 1e9f, 0, label.data(), label.data() + label.size());
    const ImVec2 pill(text_size.x + 4 * m.gap, text_size.y + 2 * m.gap);
    const ImVec2 min(center_x - pill.x * 0.5f, top);
    const ImVec2 max(min.x + pill.x, min.y + pill.y);
    draw.AddRectFilled(ImVec2(min.x, min.y + 6 * m.unit), ImVec2(max.x, max.y + 6 * m.unit), IM_COL32(0, 0, 0, 30), pill.y * 0.5f);
    draw.AddRectFilled(min, max, colors::kAccent, pill.y * 0.5f);
    draw.AddText(&font, font.FontSize, ImVec2(min.x + 2 * m.gap, min.y + m.gap), colors::kOnAccent, label.data(),
                 label.data() + label.size());
  }
};

}  // namespace

std::unique_ptr<Screen> make_attract_screen() { return std::make_unique<AttractScreen>(); }

}  // namespace openday::ui
