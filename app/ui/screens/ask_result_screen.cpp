// 我要问, last step: "这个问题已有解答" with the answer, or "您的问题已记录" sending the visitor
// to the booth's desk, with the department's (or the hotline's) phone for later.
#include <algorithm>
#include <optional>
#include <string>

#include "core/content/ask_topics.h"
#include "core/content/ui_text.h"
#include "ui/flow.h"
#include "ui/page.h"
#include "ui/screen_context.h"
#include "ui/screens/related_items.h"
#include "ui/text_layout.h"
#include "ui/touch_scroll.h"
#include "ui/widgets.h"

namespace openday::ui {

namespace {

class AskResultScreen final : public Screen {
 public:
  AskResultScreen(const Department* department, std::string topic) : department_(department), token_(std::move(topic)) {}

  std::string title() const override { return std::string(tr(Text::HomeAsk)); }
  void describe(Event& view) const override {
    if (department_) view.department = department_->id;
    view.target = token_;
  }

  void draw(ScreenContext& ctx) override {
    const auto topic = find_ask_topic(ctx.content(), department_, token_);
    if (!topic) {
      ctx.router().back();  // the content was reloaded without it
      return;
    }
    const Metrics& m = ctx.metrics();
    // 返回首页 stays at the bottom of the screen, under however long an answer.
    const float height = std::max(m.touch_min * 1.1f, line_height(ctx.font_px(FontRole::Heading)) + m.gap);
    Page page(ctx, ctx.content_rect(), height);
    page.primary("ask.home");
    {
      TouchScroll scroll(ctx, "ask.result", page.body());
      const auto [x, width, top] = centered_column(ctx, scroll.origin().x, 1600);
      float y = scroll.origin().y + m.gap;
      const bool answered = topic->answer != nullptr;
      y += centered_text(ctx, FontRole::Display, x, y, width, tr(answered ? Text::AskAnsweredTitle : Text::AskRegisteredTitle),
                         answered ? colors::kSuccess : colors::kAccent);
      y += m.gap * 0.6f;
      Flow flow(ctx, ImVec2(x, y), width, page.body());
      if (const auto asked = your_question(*topic)) flow.text(FontRole::Heading, *asked, colors::kTextMuted);
      flow.divider();
      if (answered) draw_answer(ctx, flow, *topic);
      else draw_registered(ctx, flow, *topic);
      scroll.end(flow.y() + m.gap);
    }
    const auto [x, width, top] = centered_column(ctx, ctx.content_rect().min.x, 1600);
    const float button_width = std::min(width, 640 * m.unit);
    if (big_button(ctx, {"ask.home", ImVec2(x + (width - button_width) * 0.5f, page.actions().min.y), ImVec2(button_width, height),
                         tr(Text::QuizBackHome), ButtonKind::Primary}))
      ctx.router().home();
  }

 private:
  static void draw_answer(ScreenContext& ctx, Flow& flow, const AskTopic& topic) {
    const Metrics& m = ctx.metrics();
    if (topic.answer->question != topic.label) flow.section(topic.answer->question);
    flow.text(FontRole::Body, topic.answer->answer, colors::kText);
    flow.space(m.gap);
    std::vector<std::string> related = topic.answer->related_items;
    if (topic.item && std::find(related.begin(), related.end(), topic.item->id) == related.end()) related.insert(related.begin(), topic.item->id);
    if (!related.empty()) {
      flow.section(tr(Text::FaqRelatedTitle));
      flow.space(draw_related_items(ctx, related, flow.x(), flow.y(), flow.width()) - flow.y());
    }
    flow.space(m.gap * 0.5f);
  }

  // What the visitor asked, in words that say something: a department's 其他问题 names the
  // department; 不清楚's 其他问题 is no question at all, and the title says enough.
  std::optional<std::string> your_question(const AskTopic& topic) const {
    if (topic.token != "other") return fill_text(Text::AskYourQuestionFormat, {topic.label});
    if (!department_) return std::nullopt;
    return fill_text(Text::AskYourOtherQuestionFormat, {department_->name});
  }

  // The visitor is at the booth: the answer comes from the booth's desk, never from the
  // department's window across town; the phone is for later.
  void draw_registered(ScreenContext& ctx, Flow& flow, const AskTopic& topic) const {
    const Metrics& m = ctx.metrics();
    flow.text(FontRole::Heading, fill_text(Text::AskRegisteredDeskFormat, {ctx.config().prize_desk}), colors::kText);
    flow.space(m.gap * 0.5f);
    if (department_) {
      flow.text(FontRole::Body, fill_text(Text::AskDepartmentFormat, {department_->name}), colors::kText);
      flow.text(FontRole::Body, fill_text(Text::AskPhoneFormat, {department_->phone}), colors::kText);
    } else {
      flow.text(FontRole::Body, fill_text(Text::AskPhoneFormat, {ctx.event().hotline}), colors::kText);
    }
    flow.space(m.gap * 0.5f);
    flow.text(FontRole::Body, tr(Text::AskPrivacy), colors::kTextMuted);
    flow.space(m.gap);
    if (topic.item) {  // the item's guide may help while the visitor walks to the desk
      flow.space(draw_related_items(ctx, {topic.item->id}, flow.x(), flow.y(), flow.width()) - flow.y());
      flow.space(m.gap * 0.5f);
    }
  }

  const Department* department_;
  std::string token_;
};

}  // namespace

std::unique_ptr<Screen> make_ask_result_screen(const Department* department, std::string topic) {
  return std::make_unique<AskResultScreen>(department, std::move(topic));
}

}  // namespace openday::ui
