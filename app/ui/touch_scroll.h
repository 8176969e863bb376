#pragma once
// A region that scrolls when a finger drags anywhere in it, with inertia after release. A drag
// never presses the button it started on; a tap (movement under the drag threshold) does.
// ImGui has none of this (issue #3379): the press is tracked here, and once the finger has
// moved past the threshold the region scrolls by the finger's movement and ImGui's active item
// is cleared so that the release does not click.
#include <imgui.h>

#include "ui/screen_context.h"

namespace openday::ui {

class TouchScroll {
 public:
  // Opens the region (an ImGui child window) over area. Lay content out from origin(); items
  // are clipped to the area. The region opens at its top on a screen's first frame, and when
  // to_top asks for it (a new question, a new tab): already in this frame, since a SetScrollY
  // would only show in the next one.
  TouchScroll(ScreenContext& ctx, const char* id, const Rect& area, bool to_top = false);
  // Closes the region; content_bottom is the y just below the last laid-out content.
  void end(float content_bottom);
  ~TouchScroll();
  TouchScroll(const TouchScroll&) = delete;
  TouchScroll& operator=(const TouchScroll&) = delete;

  ImVec2 origin() const { return origin_; }

 private:
  void draw_position_hint(float content_bottom) const;
  void draw_more_below_cue(float content_bottom) const;
  ScreenContext& ctx_;
  ImVec2 origin_;
  bool ended_ = false;
};

}  // namespace openday::ui
