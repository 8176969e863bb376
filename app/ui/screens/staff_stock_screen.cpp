// Staff: adjust the prize stock with large steps; saving logs the stock before and after.
#include <algorithm>

#include "core/content/ui_text.h"
#include "ui/page.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

class StaffStockScreen final : public Screen {
 public:
  std::string title() const override { return std::string(tr(Text::ActionStock)); }

  void draw(ScreenContext& ctx) override {
    StaffService& staff = ctx.staff().service();
    if (!asked_) {
      asked_ = true;
      staff.read_stock();  // vouchers change it all day: read it afresh each time
    }
    if (!value_ && staff.stock()) value_ = *staff.stock();
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    const auto [x, width, top] = centered_column(ctx, area.min.x, 1200);
    float y = area.min.y + m.margin;
    if (!value_) {
      draw_unread(ctx, staff, x, y, width);
      return;
    }
    y = draw_title(ctx, staff, x, y, width);
    y += centered_text(ctx, FontRole::Display, x, y, width, fill_text(Text::StockCurrentFormat, {std::to_string(*value_)}), colors::kAccent);
    y += m.gap;
    const int steps[] = {-10, -1, 1, 10};
    const float key_width = (width - 3 * m.gap) / 4;
    const float key_height = std::max(m.touch_min * 1.3f, line_height(ctx.font_px(FontRole::Display)) + m.gap);
    for (int i = 0; i < 4; ++i) {
      const std::string label = (steps[i] > 0 ? "+" : "") + std::to_string(steps[i]);
      const std::string id = "staff.stock.step." + std::to_string(i);
      if (big_button(ctx, {id.c_str(), ImVec2(x + static_cast<float>(i) * (key_width + m.gap), y), ImVec2(key_width, key_height), label,
                           ButtonKind::Secondary, FontRole::Display}))
        value_ = std::max<std::int64_t>(0, *value_ + steps[i]);
    }
    y += key_height + m.gap * 1.5f;
    const float button_width = std::min(width, 600 * m.unit);
    declare_primary_action(ctx, "staff.stock.save");
    if (big_button(ctx, {"staff.stock.save", ImVec2(x + (width - button_width) * 0.5f, y), ImVec2(button_width, key_height),
                         tr(Text::StockSave), ButtonKind::Primary}) &&
        !staff.stock_pending()) {
      staff.set_stock(*value_);
      saving_ = true;
    }
    y += key_height + m.gap;
    if (saving_) draw_saved(ctx, staff, x, y, width);
  }

 private:
  // On a booth device the stock is the booth's, shared by every kiosk: staff should know that
  // a change here is a change for all of them.
  static float draw_title(ScreenContext& ctx, const StaffService& staff, float x, float y, float width) {
    if (!staff.booth_prizes()) return y + centered_text(ctx, FontRole::Heading, x, y, width, tr(Text::TileStock), colors::kTextMuted);
    y += centered_text(ctx, FontRole::Heading, x, y, width, tr(Text::StockBoothTitle), colors::kTextMuted);
    return y + centered_text(ctx, FontRole::Body, x, y, width, tr(Text::StockBoothHint), colors::kTextMuted);
  }

  // Before the stock is known: loading, or why it could not be read, with a way to try again.
  static void draw_unread(ScreenContext& ctx, StaffService& staff, float x, float y, float width) {
    const auto error = staff.stock_error();
    if (!error || staff.stock_pending()) {
      centered_text(ctx, FontRole::Heading, x, y, width, tr(Text::Loading), colors::kTextMuted);
      return;
    }
    const Metrics& m = ctx.metrics();
    y = draw_title(ctx, staff, x, y, width) + m.gap;
    y += centered_text(ctx, FontRole::Heading, x, y, width, tr(Text::StockReadFailed), colors::kAccent);
    y += centered_text(ctx, FontRole::Body, x, y, width, *error, colors::kTextMuted) + m.gap;
    const float height = std::max(m.touch_min * 1.3f, line_height(ctx.font_px(FontRole::Heading)) + m.gap);
    const float button_width = std::min(width, 600 * m.unit);
    if (big_button(ctx, {"staff.stock.retry", ImVec2(x + (width - button_width) * 0.5f, y), ImVec2(button_width, height), tr(Text::StockRetry),
                         ButtonKind::Primary}))
      staff.read_stock();
  }

  // What became of the last save: still on its way (the hub may take a few seconds), saved, or
  // not saved and why. 已保存 is said only once the store or the hub took it.
  static void draw_saved(ScreenContext& ctx, const StaffService& staff, float x, float y, float width) {
    if (staff.stock_pending()) {
      centered_text(ctx, FontRole::Heading, x, y, width, tr(Text::StockSaving), colors::kTextMuted);
      return;
    }
    if (const auto error = staff.stock_error()) {
      y += centered_text(ctx, FontRole::Heading, x, y, width, tr(Text::StockSaveFailed), colors::kAccent);
      centered_text(ctx, FontRole::Body, x, y, width, *error, colors::kTextMuted);
      return;
    }
    if (const auto stock = staff.stock())
      centered_text(ctx, FontRole::Heading, x, y, width, fill_text(Text::StockSavedFormat, {std::to_string(*stock)}), colors::kSuccess);
  }

  bool asked_ = false;
  bool saving_ = false;
  std::optional<std::int64_t> value_;
};

}  // namespace

std::unique_ptr<Screen> make_staff_stock_screen() { return std::make_unique<StaffStockScreen>(); }

}  // namespace openday::ui
