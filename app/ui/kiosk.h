#pragma once
// The kiosk application object: owns the screens, fonts, theme and all UI state. The platform
// layer (or a headless test) creates the ImGui context, feeds input into ImGuiIO, and calls
// frame(); nothing here touches GLFW or OpenGL.
#include <imgui.h>

#include <string>
#include <vector>

#include "core/config.h"
#include "ui/fonts.h"
#include "ui/router.h"
#include "ui/tap_targets.h"
#include "ui/theme.h"

namespace openday::ui {

class Kiosk {
 public:
  // Requires a current ImGui context. initial_stack: from stack_for_route().
  Kiosk(Config config, FontSources font_sources, std::vector<std::string> initial_stack);

  // Fonts are baked for one display size; after a resize (or before the first frame) they
  // are outdated and the caller rebuilds them between frames, then re-uploads the texture.
  bool fonts_outdated() const;
  bool rebuild_fonts(std::string& error);
  const FontSet& fonts() const { return fonts_; }

  // One frame: input filtering, ImGui::NewFrame, the screen, ImGui::Render.
  void frame(double now);

  // How long the caller may sleep before the next frame is due without input; a large
  // number when nothing animates.
  double seconds_until_next_frame(double now) const;

  Router& router() { return router_; }
  const TapTargets& taps() const { return taps_; }
  const Metrics& metrics() const { return metrics_; }
  const Config& config() const { return config_; }
  bool large_text() const { return large_text_; }
  // The ids of the elements tapped since the last call (for the event log and tests).
  std::vector<std::string> take_taps() { return taps_.take_accepted(); }

  static constexpr double kNoFrameDue = 1e9;
  // After a screen changes, taps are ignored this long, so a double tap cannot also press
  // whatever appears under the finger on the next screen.
  static constexpr double kTapGuardSeconds = 0.3;

 private:
  void filter_touch_input(ImGuiIO& io, double now);
  void draw_top_bar(double now, float height);
  void on_screen_changed(double now);
  void return_to_attract_when_idle(double now);

  Config config_;
  FontSources font_sources_;
  FontSet fonts_;
  GlyphTexts glyph_texts_;
  Metrics metrics_;
  ImVec2 fonts_built_for_{0, 0};
  Router router_;
  TapTargets taps_;
  bool large_text_ = false;

  bool started_ = false;
  bool mouse_was_down_ = false;
  double tap_guard_until_ = 0;
  bool swallowing_press_ = false;
  double last_touch_at_ = 0;
  double last_frame_at_ = 0;
  double next_frame_within_ = kNoFrameDue;
};

}  // namespace openday::ui
