#include "ui/tap_targets.h"

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

bool TapTargets::accept(std::string_view id, double now) {
  if (now - last_accepted_at_ < kDoubleTapSeconds) return false;
  last_accepted_at_ = now;
  accepted_.emplace_back(id);
  return true;
}

std::vector<std::string> TapTargets::take_accepted() {
  std::vector<std::string> out;
  out.swap(accepted_);
  return out;
}

}  // namespace openday::ui
