// 我要问, second step: the topic, from the department's own list (its 常见问题, its approval
// items, 其他问题) or, for 不清楚, the kinds of question. Choosing one is the question asked:
// it is logged here (department, topic, whether an answer exists; nothing personal), and the
// answer or the desk's address follows.
#include <algorithm>

#include "core/content/ask_topics.h"
#include "core/content/ui_text.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"
#include "ui/touch_scroll.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

class AskTopicScreen final : public Screen {
 public:
  explicit AskTopicScreen(const Department* department) : department_(department) {}

  std::string title() const override { return std::string(tr(Text::HomeAsk)); }
  void describe(Event& view) const override {
    if (department_) view.department = department_->id;
  }

  void draw(ScreenContext& ctx) override {
    if (topics_.empty()) topics_ = ask_topics(ctx.content(), department_);
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    auto [x, width, y] = page_column(ctx);
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const std::string prompt = department_ ? fill_text(Text::AskPickTopicFormat, {department_->short_name}) : std::string(tr(Text::AskPickCategory));
    y += draw_wrapped_text(ctx.draw_list(), heading, heading.FontSize, ImVec2(x, y), colors::kText, prompt, width);
    y += m.gap * 0.6f;
    const Rect list{ImVec2(area.min.x, y), area.max};
    TouchScroll scroll(ctx, "ask.topics", list);
    float top = scroll.origin().y;
    const float inner = width - 2 * m.gap;
    for (const AskTopic& topic : topics_) {
      const float height = std::max(m.touch_min * 1.05f, measure_wrapped_height(heading, heading.FontSize, topic.label, inner) + m.gap * 1.4f);
      const std::string id = "ask.topic." + topic.token;
      const bool other = topic.token == "other";
      if (big_button(ctx, {id.c_str(), ImVec2(x, top), ImVec2(width, height), topic.label, other ? ButtonKind::Primary : ButtonKind::Secondary,
                           FontRole::Heading, {}, -1, true}))
        ask(ctx, topic);
      top += height + m.gap * 0.5f;
    }
    scroll.end(top + m.margin);
  }

 private:
  void ask(ScreenContext& ctx, const AskTopic& topic) {
    Event asked;
    asked.type = EventType::QuestionAsked;
    if (department_) asked.department = department_->id;
    asked.target = topic.token;
    asked.value = topic.answer ? 1 : 0;
    ctx.log(std::move(asked));
    ctx.router().push(ctx.router().current_route() + "/" + topic.token);
  }

  const Department* department_;
  std::vector<AskTopic> topics_;
};

}  // namespace

std::unique_ptr<Screen> make_ask_topic_screen(const Department* department) { return std::make_unique<AskTopicScreen>(department); }

}  // namespace openday::ui
