// A section that is not open yet: says so plainly and offers the way back.
#include "core/ui_text.h"
#include "ui/screens/screens.h"
#include "ui/screen_context.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

class PlaceholderScreen final : public Screen {
 public:
  explicit PlaceholderScreen(std::string route) : route_(std::move(route)) {}
  std::string route() const override { return route_; }
  std::string title() const override {
    return std::string(tr(Text::HomeQuiz));
  }

  void draw(ScreenContext& ctx) override {
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    const float width = area.width() - 2 * m.margin;
    const float x = area.min.x + m.margin;
    float y = area.min.y + area.height() * 0.22f;
    y += centered_text(ctx, FontRole::Display, x, y, width, tr(Text::PlaceholderTitle), colors::kText);
    y += m.gap;
    y += centered_text(ctx, FontRole::Body, x, y, width, tr(Text::PlaceholderDetail), colors::kTextMuted);
    y += m.gap * 2;
    const ImVec2 size(std::min(width, 560 * m.unit), 140 * m.unit);
    if (big_button(ctx, {"placeholder.home", ImVec2(x + (width - size.x) * 0.5f, y), size, tr(Text::PlaceholderGoHome),
                         ButtonKind::Primary}))
      ctx.router().home();
  }

 private:
  std::string route_;
};

}  // namespace

std::unique_ptr<Screen> make_placeholder_screen(const std::string& route) {
  return std::make_unique<PlaceholderScreen>(route);
}

}  // namespace openday::ui
