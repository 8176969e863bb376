#include "ui/widgets.h"

#include <algorithm>
#include <cmath>

#include <imgui_internal.h>

#include "core/content/ui_text.h"
#include "ui/text_layout.h"

namespace openday::ui {

namespace {

// The mark of a selected tab or chip: a short bar centred along its bottom edge, inside it.
void draw_selection_bar(ImDrawList& draw, const Metrics& m, ImVec2 min, ImVec2 max) {
  const float width = std::min((max.x - min.x) * 0.4f, std::round(120 * m.unit));
  const float height = std::max(4.0f, std::round(6 * m.unit));
  const float bottom = max.y - std::max(4.0f, std::round(8 * m.unit));
  const float left = std::round((min.x + max.x - width) * 0.5f);
  draw.AddRectFilled(ImVec2(left, bottom - height), ImVec2(left + width, bottom), colors::kOnAccent, height * 0.5f);
}

// The label of a button with an icon: the icon and the label's lines as one group, centred
// (or from the left for align_left), the icon level with the first line. Returns the label's
// own box for the text audit.
struct LabelBox {
  ImVec2 min, max;
};
LabelBox draw_label_with_icon(ImDrawList& draw, const ButtonSpec& spec, const ImFont& font, float padding, float inner_width, float top,
                              ImU32 ink) {
  const float room = icon_room(font, spec.icon);
  const float text_width = inner_width - room;
  const float widest = widest_line(font, font.FontSize, spec.label, text_width);
  const float left = spec.align_left ? spec.pos.x + padding : spec.pos.x + padding + std::floor((inner_width - room - widest) * 0.5f);
  draw_icon(draw, font, spec.icon, ImVec2(left, top), ink);
  const float height = draw_wrapped_text(draw, font, font.FontSize, ImVec2(left + room, top), ink, spec.label, text_width, Align::Left);
  return {ImVec2(left + room, top), ImVec2(left + room + widest, top + height)};
}

}  // namespace

float icon_room(const ImFont& font, Icon icon) {
  const char32_t code_point = icon_code_point(icon);
  if (code_point == 0) return 0;
  const ImFontGlyph* glyph = font.FindGlyphNoFallback(static_cast<ImWchar>(code_point));
  if (!glyph) return 0;
  return std::ceil(glyph->AdvanceX) + std::round(font.FontSize * 0.2f);
}

float draw_icon(ImDrawList& draw, const ImFont& font, Icon icon, ImVec2 pos, ImU32 ink) {
  const float room = icon_room(font, icon);
  if (room == 0) return 0;
  const std::string utf8 = icon_utf8(icon);
  draw.AddText(&font, font.FontSize, ImVec2(std::floor(pos.x), std::floor(pos.y)), ink, utf8.data(), utf8.data() + utf8.size());
  return room;
}

void register_visible_target(ScreenContext& ctx, std::string_view id, ImVec2 min, ImVec2 max, std::string_view label,
                             std::string_view state) {
  // Only what can be touched counts: the part inside the current (scrolling) window's clip.
  const ImVec4 clip = ImGui::GetCurrentWindow()->ClipRect.ToVec4();
  const ImVec2 visible_min(std::max(min.x, clip.x), std::max(min.y, clip.y));
  const ImVec2 visible_max(std::min(max.x, clip.z), std::min(max.y, clip.w));
  if (visible_min.x >= visible_max.x || visible_min.y >= visible_max.y) return;
  const bool clipped = visible_min.x != min.x || visible_min.y != min.y || visible_max.x != max.x || visible_max.y != max.y;
  ctx.taps().add(id, visible_min, visible_max, clipped, label, state);
}

bool big_button(ScreenContext& ctx, const ButtonSpec& spec) {
  const Metrics& m = ctx.metrics();
  const ImVec2 size(std::max(spec.size.x, m.touch_min), std::max(spec.size.y, m.touch_min));
  ImGui::SetCursorScreenPos(spec.pos);
  const bool clicked = ImGui::InvisibleButton(spec.id, size);
  const bool pressed = ImGui::IsItemActive() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
  const ImVec2 max(spec.pos.x + size.x, spec.pos.y + size.y);
  register_visible_target(ctx, spec.id, spec.pos, max, spec.label, spec.state);

  ImDrawList& draw = ctx.draw_list();
  const bool primary = spec.kind != ButtonKind::Secondary;
  const ImU32 fill = primary ? (pressed ? colors::kAccentPressed : colors::kAccent)
                             : (pressed ? colors::kSurfacePressed : colors::kSurface);
  const ImU32 ink = primary ? colors::kOnAccent : colors::kText;
  const float shadow = std::round(4 * m.unit);
  if (!pressed) draw.AddRectFilled(ImVec2(spec.pos.x, spec.pos.y + shadow), ImVec2(max.x, max.y + shadow), IM_COL32(0, 0, 0, 28), m.corner);
  draw.AddRectFilled(spec.pos, max, fill, m.corner);
  if (!primary) draw.AddRect(spec.pos, max, colors::kBorder, m.corner, 0, std::max(2.0f, std::round(3 * m.unit)));

  if (spec.kind == ButtonKind::Selected) draw_selection_bar(draw, m, spec.pos, max);
  if (spec.caller_draws_label) return clicked && ctx.taps().accept(spec.id, ctx.now());
  const ImFont& label_font = *ctx.font(spec.label_role);
  const float padding = spec.padding >= 0 ? spec.padding : m.gap;
  const float inner_width = size.x - 2 * padding;
  const ImFont* detail_font = spec.detail.empty() ? nullptr : ctx.font(FontRole::Body);
  float detail_height = 0;
  if (detail_font) detail_height = m.gap * 0.5f + measure_wrapped_height(*detail_font, detail_font->FontSize, spec.detail, inner_width);
  // Never shrunk to fit: the caller sizes the button for its label (button_height_for).
  const float label_px = label_font.FontSize;
  // An icon above the label (a narrow, tall button) leaves the label its whole width and size;
  // it is left out when the button has no height for it (the words come first).
  const float icon_line = std::round(label_px * 1.1f);
  const bool icon_above = spec.icon_above && icon_room(label_font, spec.icon) > 0 &&
                          icon_line + measure_wrapped_height(label_font, label_px, spec.label, inner_width) + detail_height + padding <= size.y;
  const float room = spec.icon_above ? 0 : icon_room(label_font, spec.icon);
  const float label_height = measure_wrapped_height(label_font, label_px, spec.label, inner_width - room);
  const float text_height = (icon_above ? icon_line : 0) + label_height + detail_height;
  float y = spec.pos.y + std::max(padding * 0.5f, std::floor((size.y - text_height) * 0.5f));
  if (icon_above) {
    const ImFontGlyph* glyph = label_font.FindGlyphNoFallback(static_cast<ImWchar>(icon_code_point(spec.icon)));
    draw_icon(draw, label_font, spec.icon, ImVec2(spec.pos.x + (size.x - glyph->AdvanceX) * 0.5f, y), ink);
    y += icon_line;
  }
  const float text_top = y;
  LabelBox icon_label{};
  if (room > 0) {
    icon_label = draw_label_with_icon(draw, spec, label_font, padding, inner_width, y, ink);
    y += icon_label.max.y - icon_label.min.y;
  } else {
    y += draw_wrapped_text(draw, label_font, label_px, ImVec2(spec.pos.x + padding, y), ink, spec.label, inner_width,
                           spec.align_left ? Align::Left : Align::Center);
  }
  if (detail_font) {
    const ImU32 detail_ink = primary ? colors::kOnAccent : colors::kTextMuted;
    draw_wrapped_text(draw, *detail_font, detail_font->FontSize, ImVec2(spec.pos.x + padding, y + m.gap * 0.5f), detail_ink,
                      spec.detail, inner_width, Align::Center);
  }
  TextAudit* audit = text_audit();
  if (audit && audit->record_placements && room > 0) {
    audit->placed(spec.label, icon_label.min, icon_label.max, spec.pos, max);
    if (detail_font) {
      const float detail_widest = widest_line(*detail_font, detail_font->FontSize, spec.detail, inner_width);
      const float left = spec.pos.x + padding + std::floor((inner_width - detail_widest) * 0.5f);
      const float detail_top = icon_label.max.y + m.gap * 0.5f;
      audit->placed(spec.detail, ImVec2(left, detail_top), ImVec2(left + detail_widest, text_top + label_height + detail_height), spec.pos, max);
    }
  } else if (audit && audit->record_placements) {
    float widest = widest_line(label_font, label_px, spec.label, inner_width);
    if (detail_font) widest = std::max(widest, widest_line(*detail_font, detail_font->FontSize, spec.detail, inner_width));
    const float left = spec.align_left ? spec.pos.x + padding : spec.pos.x + padding + std::floor((inner_width - widest) * 0.5f);
    audit->placed(spec.label, ImVec2(left, text_top), ImVec2(left + widest, text_top + label_height + detail_height), spec.pos, max);
  }
  return clicked && ctx.taps().accept(spec.id, ctx.now());
}

float button_height_for(ScreenContext& ctx, std::string_view label, float width, FontRole role, std::string_view detail, float padding) {
  const Metrics& m = ctx.metrics();
  const float pad = padding >= 0 ? padding : m.gap;
  const float inner_width = width - 2 * pad;
  const ImFont& font = *ctx.font(role);
  float height = measure_wrapped_height(font, font.FontSize, label, inner_width) + pad;
  if (!detail.empty()) {
    const ImFont& body = *ctx.font(FontRole::Body);
    height += m.gap * 0.5f + measure_wrapped_height(body, body.FontSize, detail, inner_width);
  }
  return std::max(m.touch_min, std::ceil(height));
}

FontRole key_role_for(ScreenContext& ctx, const std::vector<std::string>& labels, ImVec2 key_size, float padding) {
  const auto all_fit = [&](FontRole role) {
    return std::all_of(labels.begin(), labels.end(),
                       [&](const std::string& label) { return button_height_for(ctx, label, key_size.x, role, {}, padding) <= key_size.y; });
  };
  for (FontRole role : {FontRole::Display, FontRole::Heading})
    if (all_fit(role)) return role;
  return FontRole::Body;
}

bool card_button(ScreenContext& ctx, const char* id, ImVec2 pos, ImVec2 size, bool highlighted) {
  const Metrics& m = ctx.metrics();
  ImGui::SetCursorScreenPos(pos);
  const bool clicked = ImGui::InvisibleButton(id, size);
  const bool pressed = ImGui::IsItemActive() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
  const ImVec2 max(pos.x + size.x, pos.y + size.y);
  register_visible_target(ctx, id, pos, max);
  ImDrawList& draw = ctx.draw_list();
  const float shadow = std::round(4 * m.unit);
  if (!pressed) draw.AddRectFilled(ImVec2(pos.x, pos.y + shadow), ImVec2(max.x, max.y + shadow), IM_COL32(0, 0, 0, 22), m.corner);
  draw.AddRectFilled(pos, max, pressed ? colors::kSurfacePressed : colors::kSurface, m.corner);
  draw.AddRect(pos, max, highlighted ? colors::kAccent : colors::kBorder, m.corner, 0,
               std::max(2.0f, std::round((highlighted ? 5 : 2) * m.unit)));
  return clicked && ctx.taps().accept(id, ctx.now());
}

float draw_qr_code(ImDrawList& draw, const QrCode& code, ImVec2 pos, float module_px) {
  constexpr int kQuietModules = 4;
  const float module = std::max(1.0f, std::floor(module_px));
  const float side = static_cast<float>(code.size + 2 * kQuietModules) * module;
  pos = ImVec2(std::floor(pos.x), std::floor(pos.y));
  draw.AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side), IM_COL32(255, 255, 255, 255));
  const float origin_x = pos.x + kQuietModules * module;
  const float origin_y = pos.y + kQuietModules * module;
  for (int y = 0; y < code.size; ++y) {
    // One rectangle per run of dark modules keeps the draw list short.
    for (int x = 0; x < code.size;) {
      if (!code.dark(x, y)) { ++x; continue; }
      int end = x;
      while (end < code.size && code.dark(end, y)) ++end;
      draw.AddRectFilled(ImVec2(origin_x + static_cast<float>(x) * module, origin_y + static_cast<float>(y) * module),
                         ImVec2(origin_x + static_cast<float>(end) * module, origin_y + static_cast<float>(y + 1) * module),
                         IM_COL32(0, 0, 0, 255));
      x = end;
    }
  }
  return side;
}

std::string keypad(ScreenContext& ctx, const char* id_prefix, const std::vector<std::string>& keys, int columns, ImVec2 pos,
                   float width, float key_height) {
  const Metrics& m = ctx.metrics();
  const float gap = m.gap * 0.5f;
  const float key_width = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  const float padding = m.gap * 0.3f;
  const FontRole role = key_role_for(ctx, keys, ImVec2(key_width, key_height), padding);
  std::string tapped;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const int row = static_cast<int>(i) / columns;
    const int column = static_cast<int>(i) % columns;
    const std::string id = std::string(id_prefix) + std::to_string(i);
    const ImVec2 at(pos.x + static_cast<float>(column) * (key_width + gap), pos.y + static_cast<float>(row) * (key_height + gap));
    if (big_button(ctx, {id.c_str(), at, ImVec2(key_width, key_height), keys[i], ButtonKind::Secondary, role, {}, padding}))
      tapped = keys[i];
  }
  return tapped;
}

namespace {
constexpr int kLetters = 26;
}  // namespace

int letter_keyboard_rows(int columns) { return (kLetters + columns - 1) / columns + 1; }

float letter_keyboard_height(const Metrics& metrics, int columns, float key_height) {
  const int rows = letter_keyboard_rows(columns);
  return static_cast<float>(rows) * key_height + static_cast<float>(rows - 1) * metrics.gap * 0.4f;
}

KeyboardTap letter_keyboard(ScreenContext& ctx, const char* id_prefix, ImVec2 pos, float width, int columns, float key_height) {
  const Metrics& m = ctx.metrics();
  const float gap = m.gap * 0.4f;
  const float key_width = std::floor((width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns));
  KeyboardTap tapped;
  for (int i = 0; i < kLetters; ++i) {
    const ImVec2 at(pos.x + static_cast<float>(i % columns) * (key_width + gap), pos.y + static_cast<float>(i / columns) * (key_height + gap));
    const std::string label(1, static_cast<char>('A' + i));
    const std::string id = id_prefix + label;
    if (big_button(ctx, {id.c_str(), at, ImVec2(key_width, key_height), label, ButtonKind::Secondary, FontRole::Heading, {}, m.gap * 0.2f}))
      tapped = {KeyboardTap::Kind::Letter, label[0]};
  }
  // The two editing keys in the accent colour: they are not letters, and must not be mistaken for them.
  const float row_y = pos.y + static_cast<float>(letter_keyboard_rows(columns) - 1) * (key_height + gap);
  const float edit_width = std::floor((width - gap) * 0.5f);
  const struct {
    const char* name;
    Text label;
    KeyboardTap::Kind kind;
  } edits[] = {{"delete", Text::SearchKeyDelete, KeyboardTap::Kind::Delete}, {"clear", Text::SearchKeyClear, KeyboardTap::Kind::Clear}};
  for (int e = 0; e < 2; ++e) {
    const std::string id = std::string(id_prefix) + edits[e].name;
    const ImVec2 at(pos.x + static_cast<float>(e) * (edit_width + gap), row_y);
    if (big_button(ctx, {id.c_str(), at, ImVec2(edit_width, key_height), tr(edits[e].label), ButtonKind::Primary, FontRole::Heading}))
      tapped.kind = edits[e].kind;
  }
  return tapped;
}

float centered_text(ScreenContext& ctx, FontRole role, float x, float y, float width, std::string_view text, ImU32 color) {
  const ImFont& font = *ctx.font(role);
  return draw_wrapped_text(ctx.draw_list(), font, font.FontSize, ImVec2(x, y), color, text, width, Align::Center);
}

float wrapped_text(ScreenContext& ctx, FontRole role, float x, float y, float width, std::string_view text, ImU32 color) {
  const ImFont& font = *ctx.font(role);
  return draw_wrapped_text(ctx.draw_list(), font, font.FontSize, ImVec2(x, y), color, text, width);
}

TextColumn page_column(const ScreenContext& ctx) {
  const Rect area = ctx.content_rect();
  const Metrics& m = ctx.metrics();
  return TextColumn{area.min.x + m.margin, area.width() - 2 * m.margin, area.min.y + m.gap};
}

TextColumn centered_column(const ScreenContext& ctx, float left, float max_design_px) {
  const Rect area = ctx.content_rect();
  const Metrics& m = ctx.metrics();
  const float width = std::min(area.width() - 2 * m.margin, max_design_px * m.unit);
  return TextColumn{left + (area.width() - width) * 0.5f, width, 0};
}

}  // namespace openday::ui
