// 网上审批有奖竞猜: the rules, the prize, how many are left, and one big button to begin.
#include <algorithm>
#include <cmath>

#include "core/content/ui_text.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

class QuizIntroScreen final : public Screen {
 public:
  std::string title() const override { return std::string(tr(Text::QuizTitle)); }

  void draw(ScreenContext& ctx) override {
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    const auto [x, width, top] = centered_column(ctx, area.min.x, 1400);
    ImDrawList& draw = ctx.draw_list();
    float y = area.min.y + m.gap * 1.5f;
    y += centered_text(ctx, FontRole::Display, x, y, width, tr(Text::QuizTitle), colors::kAccent) + m.gap;

    QuizService& quiz = ctx.quiz();
    const std::string rules = fill_text(Text::QuizRulesFormat, {std::to_string(quiz.questions_per_round()), std::to_string(quiz.pass_mark())});
    y += centered_text(ctx, FontRole::Heading, x, y, width, rules, colors::kText) + m.gap * 0.4f;
    y += centered_text(ctx, FontRole::Body, x, y, width, tr(Text::QuizRuleFeedback), colors::kTextMuted);
    y += centered_text(ctx, FontRole::Body, x, y, width, tr(Text::QuizRuleOnePrize), colors::kTextMuted) + m.gap;

    y = draw_prize_card(ctx, draw, x, y, width) + m.gap * 1.5f;
    const float button_height = std::max(170 * m.unit, line_height(ctx.font_px(FontRole::Display)) + 2 * m.gap);
    // A visitor who won this session finds the code again here (Back from the result, a new round).
    if (quiz.session_voucher()) {
      const ImVec2 button((width - m.gap) * 0.5f, button_height);
      if (big_button(ctx, {"quiz.my_code", ImVec2(x, y), button, tr(Text::QuizMyCode), ButtonKind::Primary, FontRole::Display}))
        ctx.router().push("quiz/code");
      if (big_button(ctx, {"quiz.start", ImVec2(x + button.x + m.gap, y), button, tr(Text::QuizStart), ButtonKind::Secondary,
                           FontRole::Display}))
        ctx.router().push("quiz/question");
      return;
    }
    const ImVec2 button(std::min(width, 720 * m.unit), button_height);
    if (big_button(ctx, {"quiz.start", ImVec2(x + (width - button.x) * 0.5f, y), button, tr(Text::QuizStart), ButtonKind::Primary,
                         FontRole::Display}))
      ctx.router().push("quiz/question");
  }

 private:
  // The prize, and what a visitor may expect of it: how many are left, or, on a booth device
  // with nothing left here and no hub to ask, that no prize can be given now (said before anyone
  // plays, not after a round won for nothing).
  static float draw_prize_card(ScreenContext& ctx, ImDrawList& draw, float x, float y, float width) {
    const Metrics& m = ctx.metrics();
    const float inner = width - 2 * m.gap;
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const ImFont& body = *ctx.font(FontRole::Body);
    const bool unavailable = ctx.booth_link().prizes_unavailable_here();
    const auto stock = ctx.prize_stock();
    const std::string stock_text = unavailable ? std::string(tr(Text::QuizPrizesUnavailableTitle))
                                   : !stock    ? std::string(tr(Text::QuizStockUnknown))
                                   : *stock > 0 ? fill_text(Text::QuizStockFormat, {std::to_string(*stock)})
                                                : std::string(tr(Text::QuizStockEmpty));
    const std::string_view detail = unavailable ? tr(Text::QuizPrizesUnavailableDetail) : std::string_view();
    const float height = m.gap + line_height(body.FontSize) + measure_wrapped_height(heading, heading.FontSize, ctx.config().prize_name, inner) +
                         measure_wrapped_height(body, body.FontSize, ctx.config().prize_description, inner) + m.gap * 0.5f +
                         measure_wrapped_height(heading, heading.FontSize, stock_text, inner) +
                         (detail.empty() ? 0 : measure_wrapped_height(body, body.FontSize, detail, inner)) + m.gap;
    draw.AddRectFilled(ImVec2(x, y), ImVec2(x + width, y + height), colors::kSurface, m.corner);
    draw.AddRect(ImVec2(x, y), ImVec2(x + width, y + height), colors::kAccent, m.corner, 0, std::max(2.0f, std::round(3 * m.unit)));
    float cy = y + m.gap;
    cy += draw_wrapped_text(draw, body, body.FontSize, ImVec2(x + m.gap, cy), colors::kTextMuted, tr(Text::QuizPrizeLabel), inner, Align::Center);
    cy += draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(x + m.gap, cy), colors::kText, ctx.config().prize_name, inner, Align::Center);
    cy += draw_wrapped_text(draw, body, body.FontSize, ImVec2(x + m.gap, cy), colors::kTextMuted, ctx.config().prize_description, inner, Align::Center);
    cy += m.gap * 0.5f;
    const ImU32 stock_colour = unavailable || (stock && *stock > 0) ? colors::kAccent : colors::kTextMuted;
    cy += draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(x + m.gap, cy), stock_colour, stock_text, inner, Align::Center);
    if (!detail.empty()) draw_wrapped_text(draw, body, body.FontSize, ImVec2(x + m.gap, cy), colors::kText, detail, inner, Align::Center);
    return y + height;
  }
};

}  // namespace

std::unique_ptr<Screen> make_quiz_intro_screen() { return std::make_unique<QuizIntroScreen>(); }

}  // namespace openday::ui
