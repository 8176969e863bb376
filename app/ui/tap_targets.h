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
    primary_.clear();
    pinned_bars_.clear();
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

  // What the screen declared this frame (ui/page.h): its primary actions, which must be in view
  // on arrival, and its pinned action bars, which no body text may run under.
  struct Bar {
    ImVec2 min, max;
  };
  void add_primary(std::string_view id) { primary_.emplace_back(id); }
  void add_pinned_bar(ImVec2 min, ImVec2 max) { pinned_bars_.push_back({min, max}); }
  std::span<const std::string> primary() const { return primary_; }
  std::span<const Bar> pinned_bars() const { return pinned_bars_; }

  // Decides whether a click on id counts; records it when it does.
  bool accept(std::string_view id, double now);
  // Whether a tap was accepted since the last take_accepted(): the frame that accepted it was
  // drawn in part before the tap took effect.
  bool accepted_any() const { return !accepted_.empty(); }
  // This frame, a tap on id may follow one on another such target at once: controls side by side
  // whose taps change nothing under the finger (the 手写 pad's 撤销一笔 and then a candidate of the
  // new row). A second tap on the same one is still a double tap.
  void allow_quick_tap(std::string_view id) { quick_ids_.emplace_back(id); }
  // The ids of accepted taps since the last call, oldest first.
  std::vector<std::string> take_accepted();

 private:
  std::vector<TapTarget> targets_;
  std::vector<std::string> primary_;
  std::vector<Bar> pinned_bars_;
  bool quick(std::string_view id) const;
  std::vector<std::string> accepted_;
  double last_accepted_at_ = -1e9;
  std::vector<std::string> quick_ids_;
  std::string last_accepted_id_;
  bool last_accepted_quick_ = false;
};

}  // namespace openday::ui
