#include "ui/page.h"

namespace openday::ui {

Page::Page(ScreenContext& ctx, const Rect& area, float actions_height) : ctx_(ctx), body_(area), actions_{} {
  if (actions_height <= 0) return;
  const Metrics& m = ctx.metrics();
  const float actions_top = area.max.y - m.gap - actions_height;
  actions_ = Rect{ImVec2(area.min.x + m.margin, actions_top), ImVec2(area.max.x - m.margin, actions_top + actions_height)};
  body_.max.y = actions_top - m.gap * 0.5f;
  ctx.taps().add_pinned_bar(actions_.min, actions_.max);
}

void Page::primary(std::string_view id) { declare_primary_action(ctx_, id); }

void declare_primary_action(ScreenContext& ctx, std::string_view id) { ctx.taps().add_primary(id); }

}  // namespace openday::ui
