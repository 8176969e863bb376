#pragma once
// Lays out a column of reading text top to bottom (paragraphs, labelled values, section titles,
// numbered lists), drawing only what is inside the visible area: a 200-row fee list costs the
// same per frame as a short one, apart from measuring.
#include <imgui.h>

#include <initializer_list>

#include <string_view>

#include "ui/screen_context.h"

namespace openday::ui {

class Flow {
 public:
  Flow(ScreenContext& ctx, ImVec2 origin, float width, Rect visible);

  float x() const { return x_; }
  float y() const { return y_; }
  float width() const { return width_; }
  void space(float height) { y_ += height; }

  // Wrapped text in a role's font; indent shifts it right (and narrows it).
  void text(FontRole role, std::string_view text, ImU32 color, float indent = 0);
  // A section title with an accent bar at its left.
  void section(std::string_view title);
  // "地址：" then the value, wrapped under itself. indent: where the value starts (labels of one
  // block share the widest one's, so that their values line up); negative: the label's width.
  void label_value(std::string_view label, std::string_view value, float indent = -1);
  // The indent that lines up the values of these labels.
  float label_indent(std::initializer_list<std::string_view> labels) const;
  // "1." (or any marker) then the text, wrapped under the text.
  void numbered(std::string_view marker, std::string_view text, ImU32 color);
  void divider();
  // Whether [top, bottom) is on screen.
  bool visible(float top, float bottom) const;
  // The part of the screen that is drawn (a long list draws only the rows inside it).
  const Rect& visible_area() const { return visible_; }
  // Height that text would take at width in a role's font.
  float measure(FontRole role, std::string_view text, float width) const;

 private:
  ScreenContext& ctx_;
  float x_;
  float y_;
  float width_;
  Rect visible_;
};

}  // namespace openday::ui
