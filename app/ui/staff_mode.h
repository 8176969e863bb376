#pragma once
// Staff mode: the way in (the PIN keypad), the way out, the lock after a minute without a touch,
// and what staff screens may ask of the kiosk (StaffControl).
#include <functional>
#include <memory>
#include <string>

#include "core/booth/config.h"
#include "core/staff/staff_service.h"
#include "ui/fonts.h"
#include "ui/router.h"
#include "ui/screen_context.h"

namespace openday::ui {

class StaffMode final : public StaffControl {
 public:
  // Staff mode locks itself after this long without a touch.
  static constexpr double kIdleSeconds = 60.0;

  // after_leaving: what the kiosk refreshes when staff leave (the prize stock they may have changed).
  StaffMode(std::unique_ptr<StaffService> service, const Config& config, Router& router, const FontSources& fonts,
            std::function<void()> after_leaving);

  StaffService& service() override { return *service_; }
  const StaffService& service() const { return *service_; }
  bool staff_mode() const override { return on_; }
  void enter_staff_mode() override;
  void leave_staff_mode() override;
  void request_quit() override { quit_requested_ = true; }
  void run_doctor() override;

  bool quit_requested() const { return quit_requested_; }
  // The staff desk (issue 12): opens into the tally behind the PIN, never a citizen's screen.
  bool desk_role() const { return config_.role == BoothRole::Desk; }
  // Where the kiosk rests between uses: the attract screen, or at the desk the PIN keypad.
  std::string rest_route() const { return desk_role() ? "staff/pin" : "attract"; }

  // The kiosk opened on a staff screen (--screen, for photographs).
  void open_at_start(bool on) { on_ = on; }
  // Staff touched the glass or typed: the idle lock starts again.
  void touched(double now) { last_touch_ = now; }
  // The time of the last frame drawn: entering staff mode counts as a touch then.
  void frame_drawn(double now) { last_frame_at_ = now; }
  // Locks staff mode, and leaves an unused PIN keypad, after kIdleSeconds without a touch.
  void lock_when_idle(double now);
  // How long until lock_when_idle has something to do; kNever when it waits for nothing.
  static constexpr double kNever = 1e9;
  double seconds_until_lock(double now) const;

 private:
  std::unique_ptr<StaffService> service_;
  const Config& config_;
  Router& router_;
  const FontSources& fonts_;
  std::function<void()> after_leaving_;
  bool on_ = false;
  bool quit_requested_ = false;
  double last_touch_ = 0;
  double last_frame_at_ = 0;
};

}  // namespace openday::ui
