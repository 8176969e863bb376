// Staff: leaving the app, the only way out of kiosk mode, asked once more.
#include <algorithm>

#include "core/content/ui_text.h"
#include "ui/page.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

class StaffExitScreen final : public Screen {
 public:
  std::string title() const override { return std::string(tr(Text::ActionExit)); }

  void draw(ScreenContext& ctx) override {
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    const auto [x, width, top] = centered_column(ctx, area.min.x, 1200);
    float y = area.min.y + area.height() * 0.2f;
    y += centered_text(ctx, FontRole::Heading, x, y, width, tr(Text::ExitConfirm), colors::kText) + m.gap * 2;
    const float button_width = (width - m.gap) * 0.5f;
    const float height = std::max(m.touch_min * 1.3f, line_height(ctx.font_px(FontRole::Heading)) + m.gap);
    declare_primary_action(ctx, "staff.exit.cancel");
    declare_primary_action(ctx, "staff.exit.confirm");
    if (big_button(ctx, {"staff.exit.cancel", ImVec2(x, y), ImVec2(button_width, height), tr(Text::Cancel), ButtonKind::Primary}))
      ctx.router().back();
    if (big_button(ctx, {"staff.exit.confirm", ImVec2(x + button_width + m.gap, y), ImVec2(button_width, height), tr(Text::ExitYes),
                         ButtonKind::Secondary}))
      ctx.staff().request_quit();
  }
};

}  // namespace

std::unique_ptr<Screen> make_staff_exit_screen() { return std::make_unique<StaffExitScreen>(); }

}  // namespace openday::ui
