#include "ui/flow.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "ui/text_layout.h"

namespace openday::ui {

Flow::Flow(ScreenContext& ctx, ImVec2 origin, float width, Rect visible)
    : ctx_(ctx), x_(origin.x), y_(origin.y), width_(width), visible_(visible) {}

bool Flow::visible(float top, float bottom) const { return bottom >= visible_.min.y && top <= visible_.max.y; }

float Flow::measure(FontRole role, std::string_view text, float width) const {
  const ImFont& font = *ctx_.font(role);
  return measure_wrapped_height(font, font.FontSize, text, width);
}

void Flow::text(FontRole role, std::string_view text, ImU32 color, float indent) {
  const ImFont& font = *ctx_.font(role);
  const float width = width_ - indent;
  const float height = measure_wrapped_height(font, font.FontSize, text, width);
  if (visible(y_, y_ + height))
    draw_wrapped_text(ctx_.draw_list(), font, font.FontSize, ImVec2(x_ + indent, y_), color, text, width);
  y_ += height;
}

void Flow::section(std::string_view title) {
  const Metrics& m = ctx_.metrics();
  const ImFont& font = *ctx_.font(FontRole::Heading);
  const float height = measure_wrapped_height(font, font.FontSize, title, width_ - 3 * m.gap * 0.5f);
  if (visible(y_, y_ + height)) {
    ctx_.draw_list().AddRectFilled(ImVec2(x_, y_ + height * 0.15f), ImVec2(x_ + std::round(8 * m.unit), y_ + height * 0.85f),
                                   colors::kAccent, std::round(4 * m.unit));
    draw_wrapped_text(ctx_.draw_list(), font, font.FontSize, ImVec2(x_ + m.gap * 0.75f, y_), colors::kText, title,
                      width_ - m.gap * 0.75f);
  }
  y_ += height + m.gap * 0.4f;
}

float Flow::label_indent(std::initializer_list<std::string_view> labels) const {
  const ImFont& font = *ctx_.font(FontRole::Body);
  float widest = 0;
  for (std::string_view label : labels)
    widest = std::max(widest, font.CalcTextSizeA(font.FontSize, FLT_MAX, 0, label.data(), label.data() + label.size()).x);
  return std::min(std::ceil(widest), width_ * 0.4f);
}

void Flow::label_value(std::string_view label, std::string_view value, float indent) {
  const ImFont& font = *ctx_.font(FontRole::Body);
  if (indent < 0) indent = label_indent({label});
  const float height = measure_wrapped_height(font, font.FontSize, value, width_ - indent);
  if (visible(y_, y_ + height)) {
    draw_wrapped_text(ctx_.draw_list(), font, font.FontSize, ImVec2(x_, y_), colors::kTextMuted, label, indent + 1);
    draw_wrapped_text(ctx_.draw_list(), font, font.FontSize, ImVec2(x_ + indent, y_), colors::kText, value, width_ - indent);
  }
  y_ += height;
}

void Flow::numbered(std::string_view marker, std::string_view text, ImU32 color) {
  const ImFont& font = *ctx_.font(FontRole::Body);
  const float indent = std::round(font.FontSize * 1.3f);
  const float height = measure_wrapped_height(font, font.FontSize, text, width_ - indent);
  if (visible(y_, y_ + height)) {
    draw_wrapped_text(ctx_.draw_list(), font, font.FontSize, ImVec2(x_, y_), colors::kAccent, marker, indent);
    draw_wrapped_text(ctx_.draw_list(), font, font.FontSize, ImVec2(x_ + indent, y_), color, text, width_ - indent);
  }
  y_ += height;
}

void Flow::divider() {
  const Metrics& m = ctx_.metrics();
  y_ += m.gap * 0.5f;
  if (visible(y_, y_ + 2)) ctx_.draw_list().AddRectFilled(ImVec2(x_, y_), ImVec2(x_ + width_, y_ + std::max(1.0f, std::round(2 * m.unit))), colors::kBorder);
  y_ += m.gap * 0.5f;
}

}  // namespace openday::ui
