// Staff: adjust the prize stock with large steps; saving logs the stock before and after.
#include <algorithm>

#include "core/content/ui_text.h"
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
    if (!value_) {
      centered_text(ctx, FontRole::Heading, ctx.content_rect().min.x, ctx.content_rect().min.y + ctx.metrics().margin,
                    ctx.content_rect().width(), tr(Text::Loading), colors::kTextMuted);
      return;
    }
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    const auto [x, width, top] = centered_column(ctx, area.min.x, 1200);
    float y = area.min.y + m.margin;
    y += centered_text(ctx, FontRole::Heading, x, y, width, tr(Text::TileStock), colors::kTextMuted);
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
    if (big_button(ctx, {"staff.stock.save", ImVec2(x + (width - button_width) * 0.5f, y), ImVec2(button_width, key_height),
                         tr(Text::StockSave), ButtonKind::Primary})) {
      staff.set_stock(*value_);
      saved_ = *value_;
    }
    y += key_height + m.gap;
    if (saved_) centered_text(ctx, FontRole::Heading, x, y, width, fill_text(Text::StockSavedFormat, {std::to_string(*saved_)}), colors::kSuccess);
  }

 private:
  bool asked_ = false;
  std::optional<std::int64_t> value_;
  std::optional<std::int64_t> saved_;
};

}  // namespace

std::unique_ptr<Screen> make_staff_stock_screen() { return std::make_unique<StaffStockScreen>(); }

}  // namespace openday::ui
