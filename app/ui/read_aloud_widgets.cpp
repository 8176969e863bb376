#include "ui/read_aloud_widgets.h"

#include <imgui_internal.h>  // the scrolling region's window, to follow the voice

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/content/ui_text.h"
#include "ui/text_layout.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

// A loudspeaker: a small box, a cone, and (when on) two sound waves.
void draw_speaker(ImDrawList& draw, ImVec2 center, float size, ImU32 color, bool waves, bool crossed) {
  const float h = size * 0.5f;
  const float thickness = std::max(2.0f, std::round(size * 0.08f));
  const ImVec2 box_min(center.x - h, center.y - h * 0.35f), box_max(center.x - h * 0.45f, center.y + h * 0.35f);
  draw.AddRectFilled(box_min, box_max, color);
  const ImVec2 cone[] = {ImVec2(box_max.x, box_min.y), ImVec2(center.x + h * 0.15f, center.y - h * 0.8f),
                         ImVec2(center.x + h * 0.15f, center.y + h * 0.8f), ImVec2(box_max.x, box_max.y)};
  draw.AddConvexPolyFilled(cone, 4, color);
  if (waves) {
    for (int i = 1; i <= 2; ++i) {
      const float r = h * (0.25f + 0.35f * static_cast<float>(i));
      draw.PathArcTo(ImVec2(center.x + h * 0.1f, center.y), r, -0.9f, 0.9f, 12);
      draw.PathStroke(color, 0, thickness);
    }
  }
  if (crossed) draw.AddLine(ImVec2(center.x - h, center.y + h), ImVec2(center.x + h, center.y - h), color, thickness * 1.3f);
}

float text_width(const ImFont& font, std::string_view text) {
  return font.CalcTextSizeA(font.FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
}

void draw_icon_label(ImDrawList& draw, const ImFont& font, ImVec2 pos, ImVec2 size, std::string_view label, ImU32 ink, bool waves,
                     bool crossed, float unit) {
  const float icon = std::round(font.FontSize * 1.1f);
  const float gap = std::round(14 * unit);
  const float total = icon + gap + text_width(font, label);
  const float x = std::floor(pos.x + (size.x - total) * 0.5f);
  const float cy = pos.y + size.y * 0.5f;
  draw_speaker(draw, ImVec2(x + icon * 0.5f, cy), icon, ink, waves, crossed);
  draw_text_line(draw, font, font.FontSize, ImVec2(x + icon + gap, std::floor(cy - font.FontSize * 0.5f)), ink, label);
}

// Without a voice the row is a plain note (a crossed speaker and 语音暂不可用 in muted body type,
// no box): it must not look like a button that ignores the finger.
float draw_unavailable(ScreenContext& ctx, ImVec2 pos, float height) {
  const Metrics& m = ctx.metrics();
  const ImFont& font = *ctx.font(FontRole::Body);
  const float icon = std::round(font.FontSize * 1.1f);
  const float cy = pos.y + height * 0.5f;
  draw_speaker(ctx.draw_list(), ImVec2(pos.x + icon * 0.5f, cy), icon, colors::kTextMuted, false, true);
  draw_text_line(ctx.draw_list(), font, font.FontSize, ImVec2(pos.x + icon + std::round(14 * m.unit), std::floor(cy - font.FontSize * 0.5f)),
                 colors::kTextMuted, tr(Text::SpeechUnavailable));
  return height;
}

void draw_volume_steps(ScreenContext& ctx, const std::string& key, ImVec2 pos, float height, float right) {
  const Metrics& m = ctx.metrics();
  ReadAloud& voice = ctx.read_aloud();
  const ImFont& font = *ctx.font(FontRole::Heading);
  const std::string_view label = tr(Text::VolumeLabel);
  const float label_width = text_width(font, label);
  const float step = std::max(m.touch_min, std::round(font.FontSize * 2.2f));
  if (pos.x + label_width + m.gap * 0.5f + 3 * step + 2 * m.gap * 0.3f > right) return;  // no room: the default volume stays
  draw_text_line(ctx.draw_list(), font, font.FontSize, ImVec2(pos.x, std::floor(pos.y + (height - font.FontSize) * 0.5f)), colors::kText,
                 label);
  float x = pos.x + label_width + m.gap * 0.5f;
  static constexpr Text kSteps[] = {Text::VolumeQuiet, Text::VolumeNormal, Text::VolumeLoud};
  for (int i = 0; i < ReadAloud::kVolumeSteps; ++i) {
    const std::string id = "read." + key + ".volume." + std::to_string(i);
    const bool chosen = voice.volume_step() == i;
    ButtonSpec spec{id.c_str(), ImVec2(x, pos.y), ImVec2(step, height), tr(kSteps[i]), chosen ? ButtonKind::Primary : ButtonKind::Secondary};
    spec.state = chosen ? "on" : "off";
    if (big_button(ctx, spec)) voice.set_volume_step(i);
    // The chosen step also carries a bar under its word: more than a change of colour.
    if (chosen) {
      const float bar = std::max(3.0f, std::round(5 * m.unit));
      ctx.draw_list().AddRectFilled(ImVec2(x + step * 0.25f, pos.y + height - bar * 3), ImVec2(x + step * 0.75f, pos.y + height - bar * 2),
                                    colors::kOnAccent);
    }
    x += step + m.gap * 0.3f;
  }
}

}  // namespace

float read_aloud_row_height(ScreenContext& ctx) {
  if (!ctx.read_aloud().available()) return std::round(line_height(ctx.font(FontRole::Body)->FontSize) * 1.2f);
  return std::max(ctx.metrics().touch_min, std::round(ctx.font(FontRole::Heading)->FontSize * 1.9f));
}

float read_aloud_row(ScreenContext& ctx, const std::string& key, ImVec2 pos, float width,
                     const std::function<std::vector<std::string>()>& sections) {
  const Metrics& m = ctx.metrics();
  ReadAloud& voice = ctx.read_aloud();
  const ImFont& font = *ctx.font(FontRole::Heading);
  const float height = read_aloud_row_height(ctx);
  const float icon_and_gaps = std::round(font.FontSize * 1.1f) + std::round(14 * m.unit) + 2 * m.gap;
  if (!voice.available()) return draw_unavailable(ctx, pos, height);
  const bool reading = voice.reading(key);
  const std::string_view label = tr(reading ? Text::ReadAloudStop : Text::ReadAloudStart);
  const float button_width = std::min(width, std::max(icon_and_gaps + text_width(font, tr(Text::ReadAloudStop)), m.touch_min * 2));
  const std::string id = "read." + key;
  ButtonSpec spec{id.c_str(), pos, ImVec2(button_width, height), label, reading ? ButtonKind::Primary : ButtonKind::Secondary};
  spec.caller_draws_label = true;
  spec.state = reading ? "on" : "off";
  if (big_button(ctx, spec)) {
    const std::string route = ctx.router().current_route();
    voice.toggle(route, key, reading ? std::vector<std::string>{} : sections(), ctx.now(), ctx.session());
  }
  draw_icon_label(ctx.draw_list(), font, pos, ImVec2(button_width, height), label, reading ? colors::kOnAccent : colors::kText, true, false,
                  m.unit);
  if (voice.reading(key)) draw_volume_steps(ctx, key, ImVec2(pos.x + button_width + m.gap, pos.y), height, pos.x + width);
  return height;
}

// The page follows the voice: when the section read changes and is not wholly in the scrolling
// region's view, the region brings its top into view, once (a visitor who then scrolls away
// keeps where they went).
static void follow_section(ScreenContext& ctx, ImVec2 min, ImVec2 max) {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (!(window->Flags & ImGuiWindowFlags_ChildWindow)) return;
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID key = window->GetID("##read_followed");
  const float content_top = min.y - window->Pos.y + window->Scroll.y;
  if (std::fabs(storage->GetFloat(key, -1.0f) - content_top) < 0.5f) return;
  storage->SetFloat(key, content_top);
  if (min.y >= window->Pos.y && max.y <= window->Pos.y + window->Size.y) return;
  ImGui::SetScrollY(window, std::max(0.0f, content_top - ctx.metrics().gap));
  ctx.request_frame_within(0);
}

void mark_section_read(ScreenContext& ctx, ImVec2 min, ImVec2 max) {
  const Metrics& m = ctx.metrics();
  follow_section(ctx, min, max);
  // Room between the words and the outline: it marks the block, it does not box each line.
  const float pad = std::round(16 * m.unit);
  const float bar = std::max(4.0f, std::round(8 * m.unit));
  ImDrawList& draw = ctx.draw_list();
  draw.AddRect(ImVec2(min.x - pad, min.y - pad), ImVec2(max.x + pad, max.y + pad), colors::kAccent, m.corner * 0.5f, 0,
               std::max(2.0f, std::round(3 * m.unit)));
  draw.AddRectFilled(ImVec2(min.x - pad - bar * 2, min.y - pad), ImVec2(min.x - pad - bar, max.y + pad), colors::kAccent);
}

}  // namespace openday::ui
