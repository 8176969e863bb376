// 我要问, second step: the topic, from the department's own list (its 常见问题, its approval
// items, 其他问题) or, for 不清楚, the kinds of question. Choosing one is the question asked:
// it is logged here (department, topic, whether an answer exists; nothing personal), and the
// answer or the desk's address follows.
#include <algorithm>

#include "core/content/ask_topics.h"
#include "core/content/ui_text.h"
#include "ui/page.h"
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
    // 其他问题 stays at the bottom of the screen, in view however long the list above it is.
    const auto other = std::find_if(topics_.begin(), topics_.end(), [](const AskTopic& t) { return t.token == "other"; });
    Page page(ctx, area, other != topics_.end() ? topic_height(ctx, *other, width) : 0);
    page.body_starts_at(y);
    if (other != topics_.end()) {
      draw_topic(ctx, *other, x, page.actions().min.y, width, page.actions().height());
      page.primary("ask.topic." + other->token);
    }
    TouchScroll scroll(ctx, "ask.topics", page.body());
    float top = scroll.origin().y;
    for (const AskTopic& topic : topics_) {
      if (topic.token == "other") continue;
      const float height = topic_height(ctx, topic, width);
      draw_topic(ctx, topic, x, top, width, height);
      top += height + m.gap * 0.5f;
    }
    scroll.end(top + m.gap);
  }

 private:
  static float topic_height(const ScreenContext& ctx, const AskTopic& topic, float width) {
    const Metrics& m = ctx.metrics();
    const ImFont& heading = *ctx.font(FontRole::Heading);
    return std::max(m.touch_min * 1.05f, measure_wrapped_height(heading, heading.FontSize, topic.label, width - 2 * m.gap) + m.gap * 1.4f);
  }

  void draw_topic(ScreenContext& ctx, const AskTopic& topic, float x, float y, float width, float height) {
    const std::string id = "ask.topic." + topic.token;
    const ButtonKind kind = topic.token == "other" ? ButtonKind::Primary : ButtonKind::Secondary;
    if (big_button(ctx, {id.c_str(), ImVec2(x, y), ImVec2(width, height), topic.label, kind, FontRole::Heading, {}, -1, true})) ask(ctx, topic);
  }

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
