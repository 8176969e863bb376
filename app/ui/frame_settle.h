#pragma once
// When may the loop stop drawing? ImGui applies some changes one frame late (SetScrollY, a
// window's new content size), so a frame drawn right after a screen change, a scroll reset or a
// finished background task can still show the previous layout. The kiosk keeps drawing until two
// consecutive frames agree; these helpers say whether they do.
#include <imgui.h>

#include <cstdint>

namespace openday::ui {

// A cheap fingerprint of everything a frame draws: vertex positions, texture coordinates and
// colours, indices, and each command's clip rectangle, texture and ranges. Two frames with the
// same signature put the same pixels on the screen.
std::uint64_t draw_data_signature(const ImDrawData& data);

// True when a window drawn in the current frame has a scroll request that ImGui applies only
// at its next Begin (SetScrollY after BeginChild): the frame just drawn is not final.
bool scroll_request_pending();

// Decides frame by frame whether the picture has settled. arm() after anything that changes
// what is drawn; after each rendered frame, settled() says whether the loop may sleep.
class SettleTracker {
 public:
  // Frames drawn after an arm() before giving up (an animation that never agrees with itself).
  static constexpr int kMaxFrames = 12;

  void arm() {
    armed_ = true;
    frames_since_arm_ = 0;
  }
  bool armed() const { return armed_; }

  // Records the frame just rendered. Returns true while another frame is needed: armed, and
  // not yet two consecutive frames since the arm that agree, or something the next frame
  // applies is still pending (a scroll request, a navigation). A screen that animates on its
  // own never agrees with itself: for it two frames after the arm are enough. Disarms itself
  // once settled, or after kMaxFrames.
  bool needs_another_frame(std::uint64_t signature, bool pending, bool animating = false);

 private:
  bool armed_ = true;  // the very first frame is drawn until it settles too
  int frames_since_arm_ = 0;
  std::uint64_t last_signature_ = 0;
  bool have_last_ = false;
};

}  // namespace openday::ui
