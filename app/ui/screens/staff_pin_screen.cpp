// The staff PIN keypad, opened by the hidden corner press. Digits only; five wrong PINs lock it
// for a minute, the next five for longer (kept in the database, so a restart does not lift it).
#include <algorithm>
#include <cmath>
#include <utility>

#include "core/content/ui_text.h"
#include "ui/page.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

class StaffPinScreen final : public Screen {
 public:
  std::string title() const override { return std::string(tr(Text::StaffPinTitle)); }

  void draw(ScreenContext& ctx) override {
    StaffService& staff = ctx.staff().service();
    if (!asked_status_) {
      asked_status_ = true;
      staff.forget_pin_result();
      staff.ask_pin_status(now_ms(ctx));
    }
    if (const auto result = staff.pin_result(); result && result->outcome == PinCheck::Outcome::Accepted) {
      staff.forget_pin_result();
      ctx.staff().enter_staff_mode();
      return;
    }
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    const auto [x, width, top] = centered_column(ctx, area.min.x, 760);
    float y = area.min.y + m.gap;
    y += centered_text(ctx, FontRole::Heading, x, y, width, tr(Text::StaffPinHint), colors::kText) + m.gap * 0.5f;
    y = draw_dots(ctx, x, y, width) + m.gap * 0.5f;
    y += centered_text(ctx, FontRole::Heading, x, y, width, status_text(ctx), colors::kAccent) + m.gap * 0.5f;
    const float key_height = std::max(m.touch_min * 1.2f, std::min(150 * m.unit, (area.max.y - y - m.margin) / 4.0f - m.gap * 0.5f));
    const std::vector<std::string> keys = {"1", "2", "3", "4", "5", "6", "7", "8", "9",
                                           std::string(tr(Text::KeyDelete)), "0", std::string(tr(Text::KeyConfirm))};
    declare_primary_action(ctx, "staff.pin.key.11");  // 确定, the keypad's last key: the whole keypad is in view
    const std::string key = keypad(ctx, "staff.pin.key.", keys, 3, ImVec2(x, y), width, key_height);
    if (key.empty()) return;
    if (key == tr(Text::KeyDelete)) {
      if (!pin_.empty()) pin_.pop_back();
    } else if (key == tr(Text::KeyConfirm)) {
      if (!pin_.empty() && !staff.pin_pending()) staff.check_pin(std::exchange(pin_, std::string()), now_ms(ctx));
    } else if (pin_.size() < kMaxPinDigits) {
      pin_ += key;
    }
  }

 private:
  static std::int64_t now_ms(ScreenContext&) { return utc_now_ms(); }

  float draw_dots(ScreenContext& ctx, float x, float y, float width) const {
    const Metrics& m = ctx.metrics();
    const float radius = std::round(16 * m.unit);
    const float step = radius * 3.2f;
    const int shown = static_cast<int>(kMaxPinDigits);
    const float start = x + (width - step * static_cast<float>(shown - 1)) * 0.5f;
    for (int i = 0; i < shown; ++i) {
      const ImVec2 c(start + step * static_cast<float>(i), y + radius * 1.5f);
      if (i < static_cast<int>(pin_.size())) ctx.draw_list().AddCircleFilled(c, radius, colors::kText);
      else ctx.draw_list().AddCircle(c, radius, colors::kBorder, 0, std::max(2.0f, std::round(3 * m.unit)));
    }
    return y + radius * 3;
  }

  std::string status_text(ScreenContext& ctx) const {
    StaffService& staff = ctx.staff().service();
    if (staff.pin_pending()) return std::string(tr(Text::StaffPinChecking));
    const auto result = staff.pin_result();
    if (!result) return " ";
    switch (result->outcome) {
      case PinCheck::Outcome::NoPin: return std::string(tr(Text::StaffPinNoPin));
      case PinCheck::Outcome::Locked: {
        // The monotonic measure the lock itself follows: the wall clock may be set meanwhile.
        const std::int64_t seconds = (staff.pin_lock_left_ms() + 999) / 1000;
        if (seconds <= 0) return " ";
        ctx.request_frame_within(1.0);  // the countdown
        // A longer lock counts down in minutes: 3600 秒 is hard to take in at a glance.
        if (seconds > 120) return fill_text(Text::StaffPinLockedMinutesFormat, {std::to_string((seconds + 59) / 60)});
        return fill_text(Text::StaffPinLockedFormat, {std::to_string(seconds)});
      }
      case PinCheck::Outcome::Wrong:
        return result->failures == 0 ? " " : fill_text(Text::StaffPinWrongFormat, {std::to_string(kMaxPinFailures - result->failures)});
      case PinCheck::Outcome::Accepted: return " ";
    }
    return " ";
  }

  std::string pin_;
  bool asked_status_ = false;
};

}  // namespace

std::unique_ptr<Screen> make_staff_pin_screen() { return std::make_unique<StaffPinScreen>(); }

}  // namespace openday::ui
