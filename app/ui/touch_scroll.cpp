#include "ui/touch_scroll.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/content/ui_text.h"
#include "ui/text_layout.h"
#include "ui/theme.h"

namespace openday::ui {
namespace {

// Per-region state lives in the child window's own ImGui storage.
struct Keys {
  ImGuiID tracking, dragging, press_y, velocity;
  explicit Keys(ImGuiWindow* window)
      : tracking(window->GetID("##touch_tracking")),
        dragging(window->GetID("##touch_dragging")),
        press_y(window->GetID("##touch_press_y")),
        velocity(window->GetID("##touch_velocity")) {}
};

constexpr float kFriction = 3.5f;        // per second: inertia fades in about a second
constexpr float kMinVelocity = 30.0f;    // px/s below which inertia stops

// A chevron pointing down, drawn (not a glyph: no face has to carry it).
void draw_down_chevron(ImDrawList& draw, ImVec2 centre, float half_width, ImU32 colour, float thickness) {
  const ImVec2 points[] = {ImVec2(centre.x - half_width, centre.y - half_width * 0.5f), ImVec2(centre.x, centre.y + half_width * 0.5f),
                           ImVec2(centre.x + half_width, centre.y - half_width * 0.5f)};
  draw.AddPolyline(points, 3, colour, ImDrawFlags_None, thickness);
}

}  // namespace

TouchScroll::TouchScroll(ScreenContext& ctx, const char* id, const Rect& area, bool to_top) : ctx_(ctx) {
  const bool reset = to_top || ctx.first_frame();
  if (reset) ImGui::SetNextWindowScroll(ImVec2(0, 0));  // applied by this BeginChild, before anything is laid out
  ImGui::SetCursorScreenPos(area.min);
  // ImGui's own scrollbar appears only in the frame after the content first overflows (it goes
  // by the previous frame's content size), which costs every new screen a second picture
  // before it is final; the position hint is drawn from this frame's content instead.
  ImGui::BeginChild(id, ImVec2(area.width(), area.height()), false, ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollbar);
  origin_ = ImGui::GetCursorScreenPos();
  if (!reset) return;
  // A glide left over from the previous content must not carry the new one away.
  const Keys keys(ImGui::GetCurrentWindow());
  ImGuiStorage* storage = ImGui::GetStateStorage();
  storage->SetBool(keys.tracking, false);
  storage->SetBool(keys.dragging, false);
  storage->SetFloat(keys.velocity, 0);
}

void TouchScroll::end(float content_bottom) {
  if (ended_) return;
  ended_ = true;
  // Tell ImGui how tall the content is, so that it knows how far it may scroll.
  ImGui::SetCursorScreenPos(ImVec2(origin_.x, content_bottom));
  ImGui::Dummy(ImVec2(1, 1));
  draw_more_below_cue(content_bottom);
  draw_position_hint(content_bottom);

  ImGuiWindow* window = ImGui::GetCurrentWindow();
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const Keys keys(window);
  ImGuiIO& io = ImGui::GetIO();
  bool tracking = storage->GetBool(keys.tracking);
  bool dragging = storage->GetBool(keys.dragging);
  float velocity = storage->GetFloat(keys.velocity);
  const float dt = std::max(io.DeltaTime, 1.0f / 240.0f);

  const bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
  if (io.MouseClicked[0] && hovered) {
    tracking = true;
    dragging = false;
    velocity = 0;  // a touch stops the glide
    storage->SetFloat(keys.press_y, io.MousePos.y);
  }
  if (tracking && io.MouseDown[0]) {
    if (!dragging && std::fabs(io.MousePos.y - storage->GetFloat(keys.press_y)) > io.MouseDragThreshold) dragging = true;
    if (dragging) {
      const float dy = io.MouseDelta.y;
      ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() - dy, 0.0f, ImGui::GetScrollMaxY()));
      ImGui::ClearActiveID();  // the button the drag started on must not fire on release
      velocity = 0.7f * velocity + 0.3f * (-dy / dt);
    }
  }
  if (tracking && !io.MouseDown[0]) {
    tracking = false;
    if (!dragging) velocity = 0;
    dragging = false;
  }
  if (!tracking && std::fabs(velocity) > kMinVelocity) {
    const float target = ImGui::GetScrollY() + velocity * dt;
    const float clamped = std::clamp(target, 0.0f, ImGui::GetScrollMaxY());
    ImGui::SetScrollY(clamped);
    velocity = clamped != target ? 0.0f : velocity * std::exp(-kFriction * dt);
    ctx_.request_frame_within(0);
  } else if (!tracking) {
    velocity = 0;
  }
  storage->SetBool(keys.tracking, tracking);
  storage->SetBool(keys.dragging, dragging);
  storage->SetFloat(keys.velocity, velocity);
  ImGui::EndChild();
}

// Where the view is in the page, as a thin bar at the right edge (a hint only: scrolling is by
// dragging anywhere). Its place is the scroll position this frame was laid out at.
void TouchScroll::draw_position_hint(float content_bottom) const {
  const ImGuiWindow* window = ImGui::GetCurrentWindow();
  const ImGuiStyle& style = ImGui::GetStyle();
  const float view = window->Size.y;
  const float page = content_bottom + 1 - origin_.y + style.WindowPadding.y * 2;
  if (page <= view + 0.5f || view <= 0) return;
  const float scroll = window->Scroll.y;
  const float track_top = window->Pos.y + style.WindowPadding.y;
  const float track = view - style.WindowPadding.y * 2;
  const float grab = std::clamp(track * view / page, style.GrabMinSize, track);
  const float top = track_top + (track - grab) * std::clamp(scroll / (page - view), 0.0f, 1.0f);
  const float width = style.ScrollbarSize * 0.67f;
  const float right = window->Pos.x + window->Size.x - style.WindowBorderSize - 2;
  window->DrawList->AddRectFilled(ImVec2(right - width, top), ImVec2(right, top + grab), colors::kBorder, width * 0.5f);
}

// A page whose end is out of view says so at its bottom edge, where the eye stops: the last
// lines fade into the background and 向下滑动查看更多 sits over the fade. Measured on this
// frame's content, so the cue is right in a screen's first frame.
void TouchScroll::draw_more_below_cue(float content_bottom) const {
  const ImGuiWindow* window = ImGui::GetCurrentWindow();
  const Metrics& m = ctx_.metrics();
  const float view_bottom = window->Pos.y + window->Size.y;
  if (content_bottom - view_bottom <= m.gap) return;  // only the trailing gap is hidden
  const ImFont& body = *ctx_.font(FontRole::Body);
  const float text_line = line_height(body.FontSize);
  const float fade = text_line + m.gap * 1.5f;
  const float left = window->Pos.x;
  const float right = window->Pos.x + window->Size.x;
  const ImU32 clear = colors::kBackground & ~IM_COL32_A_MASK;
  ImDrawList& draw = *window->DrawList;
  draw.AddRectFilledMultiColor(ImVec2(left, view_bottom - fade), ImVec2(right, view_bottom - text_line), clear, clear, colors::kBackground,
                               colors::kBackground);
  draw.AddRectFilled(ImVec2(left, view_bottom - text_line), ImVec2(right, view_bottom), colors::kBackground);
  const std::string_view hint = tr(Text::ScrollMoreHint);
  const float chevron = std::round(body.FontSize * 0.3f);
  const float hint_width = widest_line(body, body.FontSize, hint, FLT_MAX) + chevron * 2 + m.gap * 0.5f;
  const float x = (left + right - hint_width) * 0.5f;
  const float y = view_bottom - text_line;
  draw_text_line(draw, body, body.FontSize, ImVec2(x, y), colors::kTextMuted, hint);
  draw_down_chevron(draw, ImVec2(x + hint_width - chevron, y + text_line * 0.5f), chevron, colors::kTextMuted,
                    std::max(2.0f, std::round(3 * m.unit)));
}

TouchScroll::~TouchScroll() {
  if (!ended_) end(origin_.y);
}

}  // namespace openday::ui
