#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

#include "ui/text_layout.h"

namespace openday::ui {

bool big_button(ScreenContext& ctx, const ButtonSpec& spec) {
  const Metrics& m = ctx.metrics();
  const ImVec2 size(std::max(spec.size.x, m.touch_min), std::max(spec.size.y, m.touch_min));
  ImGui::SetCursorScreenPos(spec.pos);
  const bool clicked = ImGui::InvisibleButton(spec.id, size);
  const bool pressed = ImGui::IsItemActive() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
  const ImVec2 max(spec.pos.x + size.x, spec.pos.y + size.y);
  ctx.taps().add(spec.id, spec.pos, max);

  ImDrawList& draw = ctx.draw_list();
  const bool primary = spec.kind == ButtonKind::Primary;
  const ImU32 fill = primary ? (pressed ? colors::kAccentPressed : colors::kAccent)
                             : (pressed ? colors::kSurfacePressed : colors::kSurface);
  const ImU32 ink = primary ? colors::kOnAccent : colors::kText;
  const float shadow = std::round(4 * m.unit);
  if (!pressed) draw.AddRectFilled(ImVec2(spec.pos.x, spec.pos.y + shadow), ImVec2(max.x, max.y + shadow), IM_COL32(0, 0, 0, 28), m.corner);
  draw.AddRectFilled(spec.pos, max, fill, m.corner);
  if (!primary) draw.AddRect(spec.pos, max, colors::kBorder, m.corner, 0, std::max(2.0f, std::round(3 * m.unit)));

  const ImFont& label_font = *ctx.font(spec.label_role);
  const float padding = m.gap;
  const float inner_width = size.x - 2 * padding;
  float text_height = measure_wrapped_height(label_font, label_font.FontSize, spec.label, inner_width);
  const ImFont* detail_font = spec.detail.empty() ? nullptr : ctx.font(FontRole::Body);
  float detail_height = 0;
  if (detail_font) {
    detail_height = measure_wrapped_height(*detail_font, detail_font->FontSize, spec.detail, inner_width);
    text_height += m.gap * 0.5f + detail_height;
  }
  float y = spec.pos.y + std::max(padding * 0.5f, std::floor((size.y - text_height) * 0.5f));
  y += draw_wrapped_text(draw, label_font, label_font.FontSize, ImVec2(spec.pos.x + padding, y), ink, spec.label,
                         inner_width, Align::Center);
  if (detail_font) {
    const ImU32 detail_ink = primary ? colors::kOnAccent : colors::kTextMuted;
    draw_wrapped_text(draw, *detail_font, detail_font->FontSize, ImVec2(spec.pos.x + padding, y + m.gap * 0.5f),
                      detail_ink, spec.detail, inner_width, Align::Center);
  }
  return clicked && ctx.taps().accept(spec.id, ctx.now());
}

float centered_text(ScreenContext& ctx, FontRole role, float x, float y, float width, std::string_view text, ImU32 color) {
  const ImFont& font = *ctx.font(role);
  return draw_wrapped_text(ctx.draw_list(), font, font.FontSize, ImVec2(x, y), color, text, width, Align::Center);
}

}  // namespace openday::ui
