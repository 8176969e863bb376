#pragma once
// Every touchable element registers its id and rectangle each frame. Tests tap elements by id,
// a layout test checks their sizes, and the event log (later) records taps by id.
#include <imgui.h>

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace openday::ui {

struct TapTarget {
  std::string id;
  ImVec2 min;  // the part on screen, when a scrolling region cuts it
  ImVec2 max;
  bool clipped = false;  // partly scrolled out of view
  std::string label;     // what a button says (tests read it)
  std::string state;     // a switch's state as shown beside its label, e.g. 开 / 关
  bool surface = false;  // drawn on, not only tapped (the 手写 pad): --log-targets gives its rectangle too
  ImVec2 center() const { return ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f); }
  ImVec2 size() const { return ImVec2(max.x - min.x, max.y - min.y); }
};

class TapTargets {
 public:
  // A second tap this soon after an accepted one is a double tap and is ignored.
  static constexpr double kDoubleTapSeconds = 0.35;

  void begin_frame() {
    targets_.clear();
    quick_ids_.clear();
  }
  void add(std::string_view id, ImVec2 min, ImVec2 max, bool clipped = false, std::string_view label = {},
           std::string_view state = {}) {
    targets_.push_back({std::string(id), min, max, clipped, std::string(label), std::string(state)});
  }
  const TapTarget* find(std::string_view id) const;
  // Marks the target registered last under id as a surface (see TapTarget::surface).
  void mark_surface(std::string_view id);
  std::span<const TapTarget> all() const { return targets_; }

  // Decides whether a click on id counts; records it when it does.
  bool accept(std::string_view id, double now);
  // This frame, a tap on id may follow one on another such target at once: controls side by side
  // whose taps change nothing under the finger (the 手写 pad's 撤销一笔 and then a candidate of the
  // new row). A second tap on the same one is still a double tap.
  void allow_quick_tap(std::string_view id) { quick_ids_.emplace_back(id); }
  // The ids of accepted taps since the last call, oldest first.
  std::vector<std::string> take_accepted();

 private:
  std::vector<TapTarget> targets_;
  bool quick(std::string_view id) const;
  std::vector<std::string> accepted_;
  double last_accepted_at_ = -1e9;
  std::vector<std::string> quick_ids_;
  std::string last_accepted_id_;
  bool last_accepted_quick_ = false;
};

}  // namespace openday::ui
