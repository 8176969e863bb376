#include "ui/kiosk.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/log.h"
#include "core/ui_text.h"
#include "ui/routes.h"
#include "ui/screen_context.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

constexpr ImGuiWindowFlags kFullscreenFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollWithMouse;

}  // namespace

Kiosk::Kiosk(Config config, FontSources font_sources, std::vector<std::string> initial_stack)
    : config_(std::move(config)), font_sources_(std::move(font_sources)), router_(make_screen) {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
  glyph_texts_ = glyph_texts_for_ui_table();
  glyph_texts_.add(TextStyle::Heading, config_.county);
  glyph_texts_.add_hero(config_.event_title);
  router_.reset_to(initial_stack);
  router_.apply_pending();
}

bool Kiosk::fonts_outdated() const {
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  return !fonts_.built() || size.x != fonts_built_for_.x || size.y != fonts_built_for_.y;
}

bool Kiosk::rebuild_fonts(std::string& error) {
  ImGuiIO& io = ImGui::GetIO();
  metrics_ = metrics_for_display(io.DisplaySize);
  if (!fonts_.build(*io.Fonts, font_sources_, metrics_, glyph_texts_, error)) return false;
  io.FontDefault = fonts_.font(FontRole::Body, false);
  apply_theme(ImGui::GetStyle(), metrics_);
  io.MouseDragThreshold = std::round(16 * metrics_.unit);
  fonts_built_for_ = io.DisplaySize;
  return true;
}

void Kiosk::filter_touch_input(ImGuiIO& io, double now) {
  const bool down = io.MouseDown[0];
  if (down || mouse_was_down_) last_touch_at_ = now;

  // The tap guard swallows presses that begin while it runs, until their release.
  if (down && now < tap_guard_until_) swallowing_press_ = true;
  const bool guarded = swallowing_press_;
  if (!down) swallowing_press_ = false;

  // A touchscreen leaves the pointer where the finger lifted; without this the element under
  // it would look hovered until the next touch (ImGui issue #2074).
  const bool finger_present = down || mouse_was_down_;
  mouse_was_down_ = down;
  if (guarded || !finger_present) {
    for (bool& button : io.MouseDown) button = false;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  }
}

void Kiosk::frame(double now) {
  ImGuiIO& io = ImGui::GetIO();
  if (!started_) {
    started_ = true;
    last_touch_at_ = now;  // the idle clock starts with the first frame
  }
  filter_touch_input(io, now);
  ImGui::NewFrame();
  taps_.begin_frame();

  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("##kiosk", nullptr, kFullscreenFlags);
  Screen* screen = router_.current();
  Rect content{ImVec2(0, 0), io.DisplaySize};
  if (screen && screen->has_top_bar()) {
    draw_top_bar(now, metrics_.top_bar_height);
    content.min.y += metrics_.top_bar_height;
  }
  ScreenContext ctx(config_, metrics_, fonts_, router_, taps_, now, large_text_, content);
  if (screen) screen->draw(ctx);
  ImGui::End();
  ImGui::Render();

  next_frame_within_ = ctx.next_frame_within();
  if (screen && screen->animation_interval_seconds() > 0)
    next_frame_within_ = std::min(next_frame_within_, screen->animation_interval_seconds());
  last_frame_at_ = now;
  if (router_.apply_pending()) on_screen_changed(now);
  return_to_attract_when_idle(now);
}

void Kiosk::draw_top_bar(double now, float height) {
  const Metrics& m = metrics_;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImDrawList& draw = *ImGui::GetWindowDrawList();
  draw.AddRectFilled(ImVec2(0, 0), ImVec2(display.x, height), colors::kSurface);
  draw.AddRectFilled(ImVec2(0, height - std::round(4 * m.unit)), ImVec2(display.x, height), colors::kAccent);

  const float button_height = height - 2 * std::round(14 * m.unit);
  const float top = std::round(14 * m.unit) - std::round(2 * m.unit);
  const ImVec2 nav_size(std::round(200 * m.unit), button_height);
  ScreenContext ctx(config_, m, fonts_, router_, taps_, now, large_text_, Rect{ImVec2(0, 0), ImVec2(display.x, height)});
  float left = m.margin * 0.5f;
  if (router_.can_go_back()) {
    if (big_button(ctx, {"topbar.back", ImVec2(left, top), nav_size, tr(Text::Back), ButtonKind::Secondary})) router_.back();
    left += nav_size.x + m.gap;
    if (big_button(ctx, {"topbar.home", ImVec2(left, top), nav_size, tr(Text::Home), ButtonKind::Secondary})) router_.home();
    left += nav_size.x + m.gap;
  }
  const ImVec2 toggle_size(std::round(230 * m.unit), button_height);
  const float right = display.x - m.margin * 0.5f - toggle_size.x;
  if (big_button(ctx, {"topbar.large_text", ImVec2(right, top), toggle_size,
                       tr(large_text_ ? Text::LargeTextOff : Text::LargeTextOn),
                       large_text_ ? ButtonKind::Primary : ButtonKind::Secondary}))
    large_text_ = !large_text_;

  const Screen* screen = router_.current();
  const std::string title = screen ? screen->title() : std::string();
  if (title.empty()) return;
  const ImFont& font = *fonts_.font(FontRole::Heading, false);
  const ImVec2 size = font.CalcTextSizeA(font.FontSize, FLT_MAX, 0, title.c_str());
  const float space_left = left, space_right = right - m.gap;
  float x = (display.x - size.x) * 0.5f;
  if (x < space_left || x + size.x > space_right) x = space_left;  // no room to centre: start after the buttons
  if (x + size.x > space_right) return;  // a narrow screen: the buttons matter more than the title
  draw.AddText(&font, font.FontSize, ImVec2(x, (height - size.y) * 0.5f), colors::kText, title.c_str());
}

void Kiosk::on_screen_changed(double now) {
  tap_guard_until_ = now + kTapGuardSeconds;
  log_line("screen " + router_.current_route());
  if (router_.current_route() == "attract") large_text_ = false;  // the next visitor starts afresh
}

void Kiosk::return_to_attract_when_idle(double now) {
  if (router_.current_route() == "attract") return;
  const double idle_limit = config_.idle_timeout_seconds + config_.idle_warning_seconds;
  if (now - last_touch_at_ < idle_limit) return;
  router_.reset_to({"attract"});
  if (router_.apply_pending()) on_screen_changed(now);
}

double Kiosk::seconds_until_next_frame(double now) const {
  double due = std::max(0.0, last_frame_at_ + next_frame_within_ - now);
  if (router_.current_route() != "attract") {
    const double idle_limit = config_.idle_timeout_seconds + config_.idle_warning_seconds;
    due = std::min(due, std::max(0.0, last_touch_at_ + idle_limit - now));
  }
  return due;
}

}  // namespace openday::ui
