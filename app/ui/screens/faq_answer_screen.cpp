// One 常见问题 of a department: the question, its answer, the approval items it relates to
// (each opens its 办事指南), and 我要问 for a visitor whose question is still open.
#include <algorithm>
#include <string>

#include "core/content/ask_topics.h"
#include "core/content/ui_text.h"
#include "ui/flow.h"
#include "ui/read_aloud_widgets.h"
#include "ui/page.h"
#include "ui/screen_context.h"
#include "ui/screens/related_items.h"
#include "ui/text_layout.h"
#include "ui/touch_scroll.h"
#include "ui/widgets.h"

namespace openday::ui {

// Shared with the 我要问 answer: the related items as buttons; returns the y below them.
float draw_related_items(ScreenContext& ctx, const std::vector<std::string>& ids, float x, float y, float width) {
  const Metrics& m = ctx.metrics();
  for (const std::string& id : ids) {
    const auto [department, item] = ctx.content().approval_item(id);
    if (!item) continue;  // the validator links only real items; content may have been reloaded
    const std::string target = "faq.related." + id;
    // A long name wraps in 大字: the button grows with it.
    const float height = std::max(m.touch_min * 1.05f, button_height_for(ctx, item->name, width));
    if (big_button(ctx, {target.c_str(), ImVec2(x, y), ImVec2(width, height), item->name, ButtonKind::Secondary, FontRole::Heading, {},
                         -1, true}))
      ctx.router().push("item/" + id);
    y += height + m.gap * 0.5f;
  }
  return y;
}

namespace {

class FaqAnswerScreen final : public Screen {
 public:
  FaqAnswerScreen(const Department& department, int number)
      : department_(department), number_(number), faq_(department.faq.at(static_cast<std::size_t>(number - 1))) {}

  std::string title() const override { return department_.short_name + " · " + std::string(tr(Text::TabFaq)); }
  void describe(Event& view) const override {
    view.department = department_.id;
    view.target = "faq";
  }

  void draw(ScreenContext& ctx) override {
    log_opened(ctx);
    const Metrics& m = ctx.metrics();
    // 我要问 stays at the bottom of the screen, under however long an answer.
    const float height = std::max(m.touch_min * 1.1f, line_height(ctx.font_px(FontRole::Heading)) + m.gap);
    Page page(ctx, ctx.content_rect(), height);
    page.primary("faq.ask");
    {
      TouchScroll scroll(ctx, "faq.answer", page.body());
      const auto [x, width, top] = centered_column(ctx, scroll.origin().x, 1600);
      Flow flow(ctx, ImVec2(x, scroll.origin().y + m.gap), width, page.body());
      draw_question_and_answer(ctx, flow);
      flow.space(m.gap);
      if (!faq_.related_items.empty()) {
        flow.section(tr(Text::FaqRelatedTitle));
        flow.space(draw_related_items(ctx, faq_.related_items, flow.x(), flow.y(), flow.width()) - flow.y());
      }
      scroll.end(flow.y() + m.gap);
    }
    const auto [x, width, top] = centered_column(ctx, ctx.content_rect().min.x, 1600);
    const float button_width = std::min(width, 760 * m.unit);
    if (big_button(ctx, {"faq.ask", ImVec2(x, page.actions().min.y), ImVec2(button_width, height), tr(Text::FaqAskMore), ButtonKind::Primary}))
      ctx.router().push("ask/" + department_.id);
  }

 private:
  // 朗读 reads the question, then the answer; the one being read is marked.
  void draw_question_and_answer(ScreenContext& ctx, Flow& flow) const {
    flow.space(read_aloud_row(ctx, "faq", ImVec2(flow.x(), flow.y()), flow.width(),
                              [this] { return std::vector<std::string>{faq_.question, faq_.answer}; }));
    flow.space(ctx.metrics().gap * 0.6f);
    const int read = ctx.read_aloud().section("faq");
    float top = flow.y();
    flow.section(faq_.question);
    if (read == 0) mark_section_read(ctx, ImVec2(flow.x(), top), ImVec2(flow.x() + flow.width(), flow.y()));
    top = flow.y();
    flow.text(FontRole::Body, faq_.answer, colors::kText);
    if (read == 1) mark_section_read(ctx, ImVec2(flow.x(), top), ImVec2(flow.x() + flow.width(), flow.y()));
  }

  // Each opening counts once (Back returning to the answer is not a new one).
  void log_opened(ScreenContext& ctx) {
    if (logged_) return;
    logged_ = true;
    Event opened;
    opened.type = EventType::FaqOpened;
    opened.department = department_.id;
    opened.item = std::to_string(number_);
    ctx.log(std::move(opened));
  }

  const Department& department_;
  int number_;
  const Faq& faq_;
  bool logged_ = false;
};

}  // namespace

std::unique_ptr<Screen> make_faq_answer_screen(const Department& department, int number) {
  return std::make_unique<FaqAnswerScreen>(department, number);
}

}  // namespace openday::ui
