#include "ui/touch_filter.h"

namespace openday::ui {

bool TouchFilter::in_staff_corner(ImVec2 position, float unit) {
  const float corner = kStaffCornerDesignPx * unit;
  return position.x >= 0 && position.x < corner && position.y > ImGui::GetIO().DisplaySize.y - corner;
}

TouchFilter::Touch TouchFilter::filter(ImGuiIO& io, double now, const Rules& rules) {
  Touch touch;
  const bool down = io.MouseDown[0];
  touch.new_press = down && !mouse_was_down_;
  touch.finger_active = down || mouse_was_down_;
  // A press that answers "还在使用吗？" only answers it: it must not also press what is beneath.
  if (touch.new_press && rules.answers_question) swallowing_press_ = true;

  // The hidden staff entrance: held long enough in the corner, the press opens the PIN keypad
  // and is swallowed, so that whatever lies under the corner does not fire.
  if (touch.new_press && in_staff_corner(io.MousePos, rules.unit)) corner_press_since_ = now;
  if (!down || !in_staff_corner(io.MousePos, rules.unit)) corner_press_since_.reset();
  if (corner_press_since_ && now - *corner_press_since_ >= kStaffPressSeconds && !rules.staff_mode) {
    corner_press_since_.reset();
    swallowing_press_ = true;
    touch.staff_corner = true;
  }

  // The tap guard swallows presses that begin while it runs, until their release.
  if (touch.new_press && now < tap_guard_until_) swallowing_press_ = true;
  const bool guarded = swallowing_press_;
  if (!down) swallowing_press_ = false;

  // A touchscreen leaves the pointer where the finger lifted; without this the element under
  // it would look hovered until the next touch (ImGui issue #2074).
  mouse_was_down_ = down;
  if (guarded || !touch.finger_active) {
    for (bool& button : io.MouseDown) button = false;
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  }
  return touch;
}

bool TouchFilter::notice(const ImGuiIO& io) {
  const bool down = io.MouseDown[0];
  const bool moved = io.MousePos.x != last_raw_pointer_.x || io.MousePos.y != last_raw_pointer_.y;
  const bool changed = down != last_raw_down_ || (moved && (down || last_raw_down_)) || io.MouseWheel != 0 || io.MouseWheelH != 0;
  last_raw_down_ = down;
  last_raw_pointer_ = io.MousePos;
  return changed;
}

}  // namespace openday::ui
