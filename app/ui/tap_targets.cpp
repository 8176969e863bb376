#include "ui/tap_targets.h"

#include <algorithm>

namespace openday::ui {

const TapTarget* TapTargets::find(std::string_view id) const {
  for (const TapTarget& target : targets_)
    if (target.id == id) return &target;
  return nullptr;
}

void TapTargets::mark_surface(std::string_view id) {
  for (auto target = targets_.rbegin(); target != targets_.rend(); ++target) {
    if (target->id != id) continue;
    target->surface = true;
    return;
  }
}

bool TapTargets::quick(std::string_view id) const { return std::find(quick_ids_.begin(), quick_ids_.end(), id) != quick_ids_.end(); }

bool TapTargets::accept(std::string_view id, double now) {
  const bool follows_at_once = now - last_accepted_at_ < kDoubleTapSeconds;
  const bool quick_pair = last_accepted_quick_ && quick(id) && id != last_accepted_id_;
  if (follows_at_once && !quick_pair) return false;
  last_accepted_at_ = now;
  last_accepted_id_ = std::string(id);
  last_accepted_quick_ = quick(id);
  accepted_.emplace_back(id);
  return true;
}

std::vector<std::string> TapTargets::take_accepted() {
  std::vector<std::string> out;
  out.swap(accepted_);
  return out;
}

}  // namespace openday::ui
