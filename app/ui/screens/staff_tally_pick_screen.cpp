// Staff: the department (and, for a problem, the category) of a tally tap (issue 12). The
// departments today's taps named come first, most recent first, then the rest in content order;
// tapping a department counts at once and goes back to the tally, so a department is always
// two taps away. A problem's category is chosen first: the departments appear once it is (a
// silent default would count every problem as 其他问题). Recent departments come first in the
// same look as the rest: the chosen-red says "chosen", which they are not.
#include <algorithm>
#include <set>

#include "core/content/ui_text.h"
#include "ui/screen_context.h"
#include "ui/tally_words.h"
#include "ui/text_layout.h"
#include "ui/touch_scroll.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

class StaffTallyPickScreen final : public Screen {
 public:
  explicit StaffTallyPickScreen(TallyKind kind) : kind_(kind) {}

  std::string title() const override {
    return std::string(tr(kind_ == TallyKind::Problem ? Text::TallyPickProblemTitle : Text::TallyPickAnswerTitle));
  }

  void draw(ScreenContext& ctx) override {
    TallyService& tally = ctx.staff().service().tally();
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    const float x = area.min.x + m.margin;
    const float width = area.width() - 2 * m.margin;
    const float button_height = std::max(m.touch_min * 1.1f, line_height(ctx.font_px(FontRole::Heading)) + m.gap);
    float y = area.min.y + m.gap;
    if (kind_ == TallyKind::Problem) {
      y = draw_categories(ctx, x, y, width, button_height);
      if (category_.empty()) return;
    }
    y += centered_text(ctx, FontRole::Heading, x, y, width, tr(Text::TallyPickDepartment), colors::kTextMuted) + m.gap * 0.5f;

    TouchScroll scroll(ctx, "staff.tally.pick", Rect{ImVec2(area.min.x, y), area.max});
    const int columns = m.portrait ? 2 : 4;
    const float cell_width = (width - m.gap * 0.5f * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const auto choices = department_choices(ctx.content(), tally);
    float cy = scroll.origin().y;
    for (std::size_t i = 0; i < choices.size(); ++i) {
      const Choice& choice = choices[i];
      const float cx = x + static_cast<float>(i % static_cast<std::size_t>(columns)) * (cell_width + m.gap * 0.5f);
      cy = scroll.origin().y + static_cast<float>(i / static_cast<std::size_t>(columns)) * (button_height + m.gap * 0.5f);
      const std::string id = "staff.tally.pick." + (choice.id.empty() ? std::string("none") : choice.id);
      ButtonSpec spec{id.c_str(), ImVec2(cx, cy), ImVec2(cell_width, button_height), choice.name, ButtonKind::Secondary};
      spec.padding = m.gap * 0.4f;
      if (!big_button(ctx, spec)) continue;
      const TallyTap tap{kind_, choice.id, kind_ == TallyKind::Problem ? category_ : std::string(), 1};
      tally.tap(tap, "staff.tally." + std::string(tally_kind_name(kind_)), utc_now_ms(), static_cast<std::int64_t>(ctx.now() * 1000));
      ctx.router().back();
    }
    scroll.end(cy + button_height + m.margin);
  }

 private:
  struct Choice {
    std::string id;  // empty: no department
    std::string name;
  };

  // Recent departments first (most recent first), then every other in content order, then none.
  static std::vector<Choice> department_choices(const Content& content, const TallyService& tally) {
    std::vector<Choice> choices;
    std::set<std::string> listed;
    if (tally.today()) {
      for (const std::string& id : tally.today()->recent_departments) {
        const Department* department = content.department(id);
        if (!department || !listed.insert(id).second) continue;  // a department since removed from the content
        choices.push_back({id, department->short_name});
      }
    }
    for (const Department& department : content.departments)
      if (listed.insert(department.id).second) choices.push_back({department.id, department.short_name});
    choices.push_back({"", std::string(tr(Text::TallyNoDepartment))});
    return choices;
  }

  float draw_categories(ScreenContext& ctx, float x, float y, float width, float button_height) {
    const Metrics& m = ctx.metrics();
    y += centered_text(ctx, FontRole::Heading, x, y, width, tr(Text::TallyPickCategory), colors::kTextMuted) + m.gap * 0.5f;
    const auto categories = problem_categories();
    const int columns = m.portrait ? 3 : static_cast<int>(categories.size());
    const float cell_width = (width - m.gap * 0.5f * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    float bottom = y;
    for (std::size_t i = 0; i < categories.size(); ++i) {
      const std::string id = "staff.tally.category." + std::string(categories[i].id);
      const float cx = x + static_cast<float>(i % static_cast<std::size_t>(columns)) * (cell_width + m.gap * 0.5f);
      const float cy = y + static_cast<float>(i / static_cast<std::size_t>(columns)) * (button_height + m.gap * 0.5f);
      const bool chosen = category_ == categories[i].id;
      ButtonSpec spec{id.c_str(), ImVec2(cx, cy), ImVec2(cell_width, button_height), problem_category_words(categories[i].id),
                      chosen ? ButtonKind::Primary : ButtonKind::Secondary};
      spec.state = chosen ? "chosen" : "";
      spec.padding = m.gap * 0.4f;
      if (big_button(ctx, spec)) category_ = std::string(categories[i].id);
      bottom = cy + button_height;
    }
    return bottom + m.gap;
  }

  TallyKind kind_;
  std::string category_;  // a problem's category; empty until staff choose one
};

}  // namespace

std::unique_ptr<Screen> make_staff_tally_pick_screen(TallyKind kind) { return std::make_unique<StaffTallyPickScreen>(kind); }

}  // namespace openday::ui
