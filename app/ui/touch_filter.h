#pragma once
// What the kiosk does to a finger before ImGui sees it: the tap guard after a screen change, the
// hidden staff corner, the press that only answers the idle question, and no phantom hover.
#include <imgui.h>

#include <cfloat>
#include <optional>

namespace openday::ui {

class TouchFilter {
 public:
  // After a screen changes, taps are ignored this long, so a double tap cannot also press
  // whatever appears under the finger on the next screen.
  static constexpr double kTapGuardSeconds = 0.3;
  // The hidden way in for staff: a press this long in the bottom-left corner of any screen.
  static constexpr double kStaffPressSeconds = 3.0;
  static constexpr float kStaffCornerDesignPx = 140;

  struct Rules {
    float unit = 1;                 // Metrics::unit: the corner's size
    bool answers_question = false;  // a new press only answers "还在使用吗？"
    bool staff_mode = false;        // the corner opens nothing in staff mode
  };
  struct Touch {
    bool new_press = false;      // the finger landed this frame
    bool finger_active = false;  // it is down, or lifted this frame
    bool staff_corner = false;   // the corner press was held long enough: open the PIN keypad
  };
  // Filters io's mouse state in place for this frame.
  Touch filter(ImGuiIO& io, double now, const Rules& rules);
  // Whether the finger did anything (landed, moved, lifted, scrolled) since the last frame.
  bool notice(const ImGuiIO& io);
  void guard_taps(double now) { tap_guard_until_ = now + kTapGuardSeconds; }
  bool corner_held() const { return corner_press_since_.has_value(); }

 private:
  static bool in_staff_corner(ImVec2 position, float unit);

  bool mouse_was_down_ = false;
  double tap_guard_until_ = 0;
  bool swallowing_press_ = false;
  std::optional<double> corner_press_since_;
  bool last_raw_down_ = false;
  ImVec2 last_raw_pointer_{-FLT_MAX, -FLT_MAX};
};

}  // namespace openday::ui
