#include "ui/staff_mode.h"

#include <algorithm>

namespace openday::ui {

StaffMode::StaffMode(std::unique_ptr<StaffService> service, const Config& config, Router& router, const FontSources& fonts,
                     std::function<void()> after_leaving)
    : service_(std::move(service)), config_(config), router_(router), fonts_(fonts), after_leaving_(std::move(after_leaving)) {}

void StaffMode::enter_staff_mode() {
  on_ = true;
  last_touch_ = last_frame_at_;
  // The desk opens straight into the tally; Back leads to the dashboard (export, stock ...).
  if (desk_role()) router_.reset_to({"staff/dashboard", "staff/tally"});
  else router_.reset_to({"staff/dashboard"});
}

void StaffMode::leave_staff_mode() {
  on_ = false;
  router_.reset_to({rest_route()});
  after_leaving_();
}

void StaffMode::run_doctor() {
  DoctorSurroundings surroundings;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  surroundings.display.width = static_cast<int>(display.x);
  surroundings.display.height = static_cast<int>(display.y);
  const FontFace& face = fonts_.regular;
  if (face.file.empty()) surroundings.font_error = "no font loaded";
  else surroundings.font_description = face.family + " (" + face.file.string() + ")";
  service_->run_doctor(std::move(surroundings));
}

void StaffMode::lock_when_idle(double now) {
  if (on_ && now - last_touch_ >= kIdleSeconds) leave_staff_mode();
  if (router_.current_route() == "staff/pin" && now - last_touch_ >= kIdleSeconds && !desk_role()) router_.reset_to({"attract"});
}

double StaffMode::seconds_until_lock(double now) const {
  if (!on_ && router_.current_route() != "staff/pin") return kNever;
  return std::max(0.0, last_touch_ + kIdleSeconds - now);
}

}  // namespace openday::ui
