#include "ui/theme.h"

#include <algorithm>
#include <cmath>

namespace openday::ui {

Metrics metrics_for_display(ImVec2 display_size) {
  Metrics m;
  const float shorter = std::max(1.0f, std::min(display_size.x, display_size.y));
  m.unit = shorter / 1080.0f;
  m.portrait = display_size.y > display_size.x;
  const auto px = [&](float design) { return std::round(design * m.unit); };
  m.touch_min = px(96);
  m.margin = px(48);
  m.gap = px(28);
  m.corner = px(20);
  m.top_bar_height = px(128);
  m.large_top_bar_height = px(160);
  m.body_px = px(46);
  m.heading_px = px(60);
  m.display_px = px(100);
  m.hero_px = px(200);
  return m;
}

bool physical_sizes(ImVec2 display, ImVec2 monitor_mm, const Metrics& metrics, float body_character_px, PhysicalSizes& out) {
  if (display.x <= 0 || display.y <= 0 || monitor_mm.x <= 0 || monitor_mm.y <= 0) return false;
  // The monitor may be rotated for a portrait kiosk while it reports its landscape size.
  const bool same_way = (display.x >= display.y) == (monitor_mm.x >= monitor_mm.y);
  const float width_mm = same_way ? monitor_mm.x : monitor_mm.y;
  out.mm_per_px = width_mm / display.x;
  out.body_character_mm = body_character_px * out.mm_per_px;
  out.large_body_character_mm = out.body_character_mm * metrics.large_text_factor;
  out.touch_target_mm = metrics.touch_min * out.mm_per_px;
  return true;
}

void apply_theme(ImGuiStyle& style, const Metrics& m) {
  style = ImGuiStyle();
  ImGui::StyleColorsLight(&style);
  style.WindowPadding = ImVec2(0, 0);
  style.WindowRounding = 0;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 0;
  style.FramePadding = ImVec2(m.gap, m.gap * 0.5f);
  style.ItemSpacing = ImVec2(m.gap, m.gap);
  style.FrameRounding = m.corner;
  style.ScrollbarSize = std::round(12 * m.unit);  // a position hint only: scrolling is by dragging
  style.ScrollbarRounding = style.ScrollbarSize;
  style.TouchExtraPadding = ImVec2(std::round(6 * m.unit), std::round(6 * m.unit));
  style.AntiAliasedLines = true;
  style.AntiAliasedFill = true;
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(colors::kBackground);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(colors::kText);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = ImGui::ColorConvertU32ToFloat4(colors::kBorder);
  c[ImGuiCol_ScrollbarGrabHovered] = c[ImGuiCol_ScrollbarGrab];
  c[ImGuiCol_ScrollbarGrabActive] = c[ImGuiCol_ScrollbarGrab];
}

}  // namespace openday::ui
