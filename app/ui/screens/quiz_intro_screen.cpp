// 网上审批有奖竞猜: the rules, the prize, how many are left, and one big button to begin.
#include <algorithm>
#include <cmath>

#include "core/content/ui_text.h"
#include "ui/page.h"
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
    const TextColumn column = centered_column(ctx, area.min.x, 1400);
    QuizService& quiz = ctx.quiz();
    const std::string rules = fill_text(Text::QuizRulesFormat, {std::to_string(quiz.questions_per_round()), std::to_string(quiz.pass_mark())});
    const float button_height = std::max(170 * m.unit, line_height(ctx.font_px(FontRole::Display)) + 2 * m.gap);
    // Stacked (title, rules, prize, button) unless that would push the button off the screen
    // (大字 on a landscape screen): then the title goes (the top bar says it) and the button
    // stands beside the prize card, so that it is always in view without scrolling.
    const float stacked = m.gap * 1.5f + text_height(ctx, FontRole::Display, tr(Text::QuizTitle), column.width) + m.gap +
                          rules_height(ctx, rules, column.width) + m.gap + card_height(ctx, column.width) + m.gap * 1.5f + button_height;
    const bool compact = area.min.y + stacked > area.max.y && !m.portrait;
    // Side by side, the card takes the landscape screen's width so that its words wrap no more.
    const auto [x, width, top] = compact ? centered_column(ctx, area.min.x, 1760) : column;
    ImDrawList& draw = ctx.draw_list();
    float y = area.min.y + m.gap * 1.5f;
    if (!compact) y += centered_text(ctx, FontRole::Display, x, y, width, tr(Text::QuizTitle), colors::kAccent) + m.gap;
    y = draw_rules(ctx, rules, x, y, width) + m.gap;
    if (compact) {
      const float buttons_width = std::min(width * 0.3f, 480 * m.unit);
      const float card_width = width - buttons_width - m.gap;
      const float card_bottom = draw_prize_card(ctx, draw, x, y, card_width);
      draw_buttons_beside(ctx, x + card_width + m.gap, y, buttons_width, card_bottom - y);
      return;
    }
    y = draw_prize_card(ctx, draw, x, y, width) + m.gap * 1.5f;
    // A visitor who won this session finds the code again here (Back from the result, a new round).
    if (quiz.session_voucher()) {
      const ImVec2 button((width - m.gap) * 0.5f, button_height);
      my_code_button(ctx, ImVec2(x, y), button);
      start_button(ctx, ImVec2(x + button.x + m.gap, y), button, ButtonKind::Secondary);
      return;
    }
    const ImVec2 button(std::min(width, 720 * m.unit), button_height);
    start_button(ctx, ImVec2(x + (width - button.x) * 0.5f, y), button, ButtonKind::Primary);
  }

 private:
  static float text_height(const ScreenContext& ctx, FontRole role, std::string_view text, float width) {
    if (text.empty()) return 0;
    const ImFont& font = *ctx.font(role);
    return measure_wrapped_height(font, font.FontSize, text, width);
  }

  static float rules_height(ScreenContext& ctx, const std::string& rules, float width) {
    return text_height(ctx, FontRole::Heading, rules, width) + ctx.metrics().gap * 0.4f + text_height(ctx, FontRole::Body, tr(Text::QuizRuleFeedback), width) +
           text_height(ctx, FontRole::Body, tr(Text::QuizRuleOnePrize), width);
  }

  static float draw_rules(ScreenContext& ctx, const std::string& rules, float x, float y, float width) {
    y += centered_text(ctx, FontRole::Heading, x, y, width, rules, colors::kText) + ctx.metrics().gap * 0.4f;
    y += centered_text(ctx, FontRole::Body, x, y, width, tr(Text::QuizRuleFeedback), colors::kTextMuted);
    return y + centered_text(ctx, FontRole::Body, x, y, width, tr(Text::QuizRuleOnePrize), colors::kTextMuted);
  }

  static void start_button(ScreenContext& ctx, ImVec2 at, ImVec2 size, ButtonKind kind) {
    declare_primary_action(ctx, "quiz.start");
    if (big_button(ctx, {"quiz.start", at, size, tr(Text::QuizStart), kind, FontRole::Display})) ctx.router().push("quiz/question");
  }

  static void my_code_button(ScreenContext& ctx, ImVec2 at, ImVec2 size) {
    declare_primary_action(ctx, "quiz.my_code");
    if (big_button(ctx, {"quiz.my_code", at, size, tr(Text::QuizMyCode), ButtonKind::Primary, FontRole::Display})) ctx.router().push("quiz/code");
  }

  // The compact layout's buttons in a column beside the prize card, as tall as it (at most).
  static void draw_buttons_beside(ScreenContext& ctx, float x, float y, float width, float height) {
    const Metrics& m = ctx.metrics();
    const float least = std::max(m.touch_min * 1.2f, line_height(ctx.font_px(FontRole::Display)) + m.gap);
    if (!ctx.quiz().session_voucher()) {
      const float button = std::max(least, std::min(height, 170 * m.unit));
      start_button(ctx, ImVec2(x, y + std::max(0.0f, (height - button) * 0.5f)), ImVec2(width, button), ButtonKind::Primary);
      return;
    }
    const float button = std::max(least, (height - m.gap) * 0.5f);
    my_code_button(ctx, ImVec2(x, y), ImVec2(width, button));
    start_button(ctx, ImVec2(x, y + button + m.gap), ImVec2(width, button), ButtonKind::Secondary);
  }

  // The prize, and what a visitor may expect of it: how many are left, or, on a booth device
  // with nothing left here and no hub to ask, that no prize can be given now (said before anyone
  // plays, not after a round won for nothing). The honest words take the place of the prize's
  // description, so that the card grows little.
  struct PrizeWords {
    std::string stock;
    std::string_view description, detail;
    ImU32 stock_colour;
  };
  static PrizeWords prize_words(const ScreenContext& ctx) {
    if (ctx.booth_link().prizes_unavailable_here())
      return {std::string(tr(Text::QuizPrizesUnavailableTitle)), {}, tr(Text::QuizPrizesUnavailableDetail), colors::kAccent};
    const auto stock = ctx.prize_stock();
    const std::string_view description = ctx.config().prize_description;
    if (!stock) return {std::string(tr(Text::QuizStockUnknown)), description, {}, colors::kTextMuted};
    if (*stock <= 0) return {std::string(tr(Text::QuizStockEmpty)), description, {}, colors::kTextMuted};
    return {fill_text(Text::QuizStockFormat, {std::to_string(*stock)}), description, {}, colors::kAccent};
  }

  static float card_height(ScreenContext& ctx, float width) {
    const Metrics& m = ctx.metrics();
    const float inner = width - 2 * m.gap;
    const PrizeWords words = prize_words(ctx);
    return m.gap + text_height(ctx, FontRole::Body, tr(Text::QuizPrizeLabel), inner) + text_height(ctx, FontRole::Heading, ctx.config().prize_name, inner) +
           text_height(ctx, FontRole::Body, words.description, inner) + m.gap * 0.5f + text_height(ctx, FontRole::Heading, words.stock, inner) +
           text_height(ctx, FontRole::Body, words.detail, inner) + m.gap;
  }

  static float draw_prize_card(ScreenContext& ctx, ImDrawList& draw, float x, float y, float width) {
    const Metrics& m = ctx.metrics();
    const float inner = width - 2 * m.gap;
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const ImFont& body = *ctx.font(FontRole::Body);
    const PrizeWords words = prize_words(ctx);
    const float height = card_height(ctx, width);
    draw.AddRectFilled(ImVec2(x, y), ImVec2(x + width, y + height), colors::kSurface, m.corner);
    draw.AddRect(ImVec2(x, y), ImVec2(x + width, y + height), colors::kAccent, m.corner, 0, std::max(2.0f, std::round(3 * m.unit)));
    float cy = y + m.gap;
    cy += draw_wrapped_text(draw, body, body.FontSize, ImVec2(x + m.gap, cy), colors::kTextMuted, tr(Text::QuizPrizeLabel), inner, Align::Center);
    cy += draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(x + m.gap, cy), colors::kText, ctx.config().prize_name, inner, Align::Center);
    if (!words.description.empty())
      cy += draw_wrapped_text(draw, body, body.FontSize, ImVec2(x + m.gap, cy), colors::kTextMuted, words.description, inner, Align::Center);
    cy += m.gap * 0.5f;
    cy += draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(x + m.gap, cy), words.stock_colour, words.stock, inner, Align::Center);
    if (!words.detail.empty()) draw_wrapped_text(draw, body, body.FontSize, ImVec2(x + m.gap, cy), colors::kText, words.detail, inner, Align::Center);
    return y + height;
  }
};

}  // namespace

std::unique_ptr<Screen> make_quiz_intro_screen() { return std::make_unique<QuizIntroScreen>(); }

}  // namespace openday::ui
