// Staff: redeem a visitor's voucher on a keypad of the voucher alphabet (no look-alikes to
// confuse: no 0/O, no 1/I/L). A second redemption says when the first one was. With a printer,
// 补打凭条 reprints the looked-up code's 兑奖凭条 (issue 30), even when the kiosk printed it once.
#include <imgui.h>

#include <algorithm>
#include <optional>

#include "core/content/ui_text.h"
#include "core/print/slip_sources.h"
#include "ui/page.h"
#include "ui/print_widgets.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

class StaffRedeemScreen final : public Screen {
 public:
  std::string title() const override { return std::string(tr(Text::ActionRedeem)); }
  // A USB QR scanner is a keyboard: it types the code and Enter.
  bool wants_text_input() const override { return true; }

  void draw(ScreenContext& ctx) override {
    StaffService& staff = ctx.staff().service();
    if (!started_) {
      started_ = true;
      staff.forget_redemption();
    }
    take_typed_keys(staff);
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    const auto [x, width, top] = centered_column(ctx, area.min.x, 1500);
    float y = area.min.y + m.gap;
    y += centered_text(ctx, FontRole::Heading, x, y, width, tr(Text::RedeemHint), colors::kText);
    // The code so far, in the voucher's own grouping.
    const std::string shown = typed_.size() > 4 ? typed_.substr(0, 4) + "-" + typed_.substr(4) : typed_;
    const std::string placeholder = shown.empty() ? "____-____" : shown;
    y += centered_text(ctx, FontRole::Display, x, y, width, placeholder, shown.empty() ? colors::kTextMuted : colors::kText);
    y += centered_text(ctx, FontRole::Heading, x, y, width, result_text(staff), result_colour(staff)) + m.gap * 0.5f;
    y += draw_reprint(ctx, staff, x, y, width);

    std::vector<std::string> keys;
    for (char c : kVoucherAlphabet) keys.emplace_back(1, c);
    keys.emplace_back(tr(Text::KeyDelete));
    const int columns = m.portrait ? 6 : 8;
    const int rows = (static_cast<int>(keys.size()) + columns - 1) / columns;
    const float action_height = std::max(m.touch_min * 1.2f, line_height(ctx.font_px(FontRole::Heading)) + m.gap);
    const float room = area.max.y - y - action_height - 2 * m.gap;
    const float key_height = std::max(m.touch_min, std::min(130 * m.unit, room / static_cast<float>(rows) - m.gap * 0.5f));
    const std::string key = keypad(ctx, "staff.redeem.key.", keys, columns, ImVec2(x, y), width, key_height);
    if (key == tr(Text::KeyDelete)) {
      if (!typed_.empty()) typed_.pop_back();
    } else if (!key.empty()) {
      add_symbol(staff, key[0]);
    }
    y += static_cast<float>(rows) * (key_height + m.gap * 0.5f) + m.gap * 0.5f;
    const float button_width = std::min(width, 600 * m.unit);
    declare_primary_action(ctx, "staff.redeem.submit");  // the keypad's height leaves it room
    if (big_button(ctx, {"staff.redeem.submit", ImVec2(x + (width - button_width) * 0.5f, y), ImVec2(button_width, action_height),
                         tr(Text::ActionRedeem), ButtonKind::Primary}))
      submit(staff);
  }

 private:
  // The code whose slip 补打凭条 prints: one the desk looked up and that exists (redeemed now or before).
  static std::optional<std::string> reprintable_code(const StaffService& staff) {
    const auto result = staff.redemption();
    if (!result) return std::nullopt;
    if (result->outcome != Redemption::Outcome::Redeemed && result->outcome != Redemption::Outcome::AlreadyRedeemed) return std::nullopt;
    return result->code;
  }

  float draw_reprint(ScreenContext& ctx, StaffService& staff, float x, float y, float width) {
    const auto code = reprintable_code(staff);
    if (!ctx.printer() || !code) return 0;
    if (*code != reprint_code_) {  // another code: its own button, no status of the last one
      reprint_ = {};
      reprint_code_ = *code;
    }
    Event tapped;
    tapped.type = EventType::PrintVoucher;
    tapped.screen = ctx.router().current_route();
    tapped.item = *code;
    tapped.target = "staff";
    const PrintButtonSpec spec{"staff.redeem.reprint", Text::PrintReprintButton,
                               [&ctx, &staff, code = *code](print::SlipPrinter& printer) -> std::optional<std::uint64_t> {
                                 return printer.reprint_voucher(ctx.event(), print::desk_voucher_facts(staff.paths().database, code, ctx.config()));
                               },
                               std::move(tapped)};
    const float button_width = std::min(width, 600 * ctx.metrics().unit);
    return print_button_row(ctx, reprint_, spec, ImVec2(x + (width - button_width) * 0.5f, y), width - (width - button_width) * 0.5f) +
           ctx.metrics().gap * 0.5f;
  }

  void submit(StaffService& staff) {
    if (typed_.size() != kVoucherLength) return;
    staff.redeem(typed_);
    typed_.clear();
  }

  // One symbol of the code, from a key or the keyboard; anything outside the voucher alphabet
  // (the dash, spaces, a scanner's stray characters) is left out, lower case counts as upper.
  void add_symbol(StaffService& staff, char c) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (kVoucherAlphabet.find(c) == std::string_view::npos || typed_.size() >= kVoucherLength) return;
    typed_ += c;
    staff.forget_redemption();
  }

  // What the keyboard typed this frame (the platform passes it on only to screens that ask).
  void take_typed_keys(StaffService& staff) {
    const ImGuiIO& io = ImGui::GetIO();
    for (ImWchar c : io.InputQueueCharacters)
      if (c < 0x80) add_symbol(staff, static_cast<char>(c));
    if (key_pressed(ImGuiKey_Backspace) && !typed_.empty()) typed_.pop_back();
    if (key_pressed(ImGuiKey_Enter) || key_pressed(ImGuiKey_KeyPadEnter)) submit(staff);
  }

  static bool key_pressed(ImGuiKey key) {
    const int index = ImGui::GetKeyIndex(key);
    return index >= 0 && ImGui::IsKeyPressed(index, false);
  }

  std::string result_text(StaffService& staff) const {
    if (const auto error = staff.redemption_error()) return fill_text(Text::RedeemFailedFormat, {*error});
    const auto result = staff.redemption();
    if (!result) return " ";
    switch (result->outcome) {
      case Redemption::Outcome::Redeemed: return fill_text(Text::RedeemOkFormat, {result->code});
      case Redemption::Outcome::AlreadyRedeemed: {
        const std::string when = format_local_time(result->redeemed_at_ms, "%Y-%m-%d %H:%M");
        if (!result->redeemed_by.empty()) return fill_text(Text::RedeemAlreadyWhereFormat, {result->code, when, result->redeemed_by});
        return fill_text(Text::RedeemAlreadyFormat, {result->code, when});
      }
      case Redemption::Outcome::HubUnreachable: return fill_text(Text::RedeemHubUnreachableFormat, {result->code});
      // On a booth device the hub answered for every device's codes, not only this one's.
      case Redemption::Outcome::Unknown:
        return fill_text(staff.booth_prizes() ? Text::RedeemUnknownBoothFormat : Text::RedeemUnknownFormat, {result->code});
      case Redemption::Outcome::Invalid: return std::string(tr(Text::RedeemInvalid));
    }
    return " ";
  }

  static ImU32 result_colour(StaffService& staff) {
    const auto result = staff.redemption();
    return result && result->outcome == Redemption::Outcome::Redeemed ? colors::kSuccess : colors::kAccent;
  }

  std::string typed_;
  bool started_ = false;
  PrintButtonState reprint_;
  std::string reprint_code_;
};

}  // namespace

std::unique_ptr<Screen> make_staff_redeem_screen() { return std::make_unique<StaffRedeemScreen>(); }

}  // namespace openday::ui
