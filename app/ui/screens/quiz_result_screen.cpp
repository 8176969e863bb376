// The end of a round: the voucher (shown only once its commit returned), or a thank-you when no
// prize is left, or what was missed with a way to look it up and to try again.
#include <algorithm>
#include <cmath>

#include "core/visits/events.h"
#include "core/quiz/qr.h"
#include "core/content/ui_text.h"
#include "ui/print_widgets.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"
#include "ui/page.h"
#include "ui/touch_scroll.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

class QuizResultScreen final : public Screen {
 public:
  // preview: for --screen photographs, plays a round (passed or failed) first. code_only: the
  // session's prize code alone (我的兑奖码), whatever the current round is doing.
  explicit QuizResultScreen(std::optional<bool> preview, bool code_only = false) : preview_(preview), code_only_(code_only) {}

  std::string title() const override { return std::string(tr(Text::QuizTitle)); }

  void draw(ScreenContext& ctx) override {
    QuizService& quiz = ctx.quiz();
    if (preview_ && !played_) {
      played_ = true;
      quiz.play_round(ctx.session(), *preview_);
    }
    if (code_only_) {
      draw_code_only(ctx);
      return;
    }
    const QuizRound* round = quiz.round();
    if (!round || !round->finished()) {
      ctx.router().replace("quiz");  // nothing to show: back to the rules
      return;
    }
    if (quiz.voucher_state() == VoucherState::Pending) ctx.request_frame_within(0.05);
    const Metrics& m = ctx.metrics();
    // 再答一次 and 返回首页 stay at the bottom of the screen, in view on arrival whatever the
    // result above them says (a long list of missed questions, a prize code in 大字).
    Page page(ctx, ctx.content_rect(), action_height(ctx));
    page.primary("quiz.retry");
    page.primary("quiz.home");
    {
      TouchScroll scroll(ctx, "quiz.result", page.body());
      const auto [x, width, top] = centered_column(ctx, scroll.origin().x, 1500);
      float y = scroll.origin().y + m.gap * 1.5f;
      y = round->passed() ? draw_passed(ctx, *round, x, y, width) : draw_failed(ctx, *round, x, y, width);
      scroll.end(y + m.gap);
    }
    const auto [x, width, top] = centered_column(ctx, ctx.content_rect().min.x, 1500);
    draw_actions(ctx, round->passed(), x, page.actions().min.y, width);
  }

 private:
  // 我的兑奖码: the code the session won, brought back from the quiz intro or the home screen.
  void draw_code_only(ScreenContext& ctx) {
    const auto& voucher = ctx.quiz().session_voucher();
    if (!voucher) {
      ctx.router().replace("quiz");  // the session holds no code (any more)
      return;
    }
    const Metrics& m = ctx.metrics();
    // 返回首页 stays in view under the code, however tall the code's card is in 大字.
    Page page(ctx, ctx.content_rect(), action_height(ctx));
    page.primary("quiz.home");
    {
      TouchScroll scroll(ctx, "quiz.code", page.body());
      const auto [x, width, top] = centered_column(ctx, scroll.origin().x, 1500);
      // The card names the code (您的兑奖码); a heading of another name above it would say it twice.
      const float y = draw_voucher(ctx, *voucher, x, scroll.origin().y + m.gap * 1.5f, width, Text::QuizVoucherLabel);
      scroll.end(y + m.gap);
    }
    const auto [x, width, top] = centered_column(ctx, ctx.content_rect().min.x, 1500);
    const float button_width = std::min(width, 720 * m.unit);
    if (big_button(ctx, {"quiz.home", ImVec2(x + (width - button_width) * 0.5f, page.actions().min.y), ImVec2(button_width, page.actions().height()),
                         tr(Text::QuizBackHome), ButtonKind::Primary, FontRole::Display}))
      ctx.router().home();
  }

  float draw_score(ScreenContext& ctx, const QuizRound& round, float x, float y, float width) const {
    const std::string score = fill_text(Text::QuizScoreFormat, {std::to_string(round.correct_count()), std::to_string(round.answers().size())});
    return y + centered_text(ctx, FontRole::Heading, x, y, width, score, colors::kTextMuted);
  }

  // 恭喜您，答题过关！ and 共 5 题，答对 5 题 on one line, their bottoms level, centred as one; false
  // (nothing drawn) when they do not fit side by side.
  static bool draw_title_beside_score(ScreenContext& ctx, const QuizRound& round, float x, float y, float width) {
    const Metrics& m = ctx.metrics();
    const ImFont& display = *ctx.font(FontRole::Display);
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const std::string_view title = tr(Text::QuizPassedTitle);
    const std::string score = fill_text(Text::QuizScoreFormat, {std::to_string(round.correct_count()), std::to_string(round.answers().size())});
    const float title_width = widest_line(display, display.FontSize, title, FLT_MAX);
    const float score_width = widest_line(heading, heading.FontSize, score, FLT_MAX);
    const float together = title_width + m.gap + score_width;
    if (together > width) return false;
    const float left = std::floor(x + (width - together) * 0.5f);
    const float drop = line_height(display.FontSize) - line_height(heading.FontSize);
    ImDrawList& draw = ctx.draw_list();
    draw_text_line(draw, display, display.FontSize, ImVec2(left, y), colors::kSuccess, title);
    draw_text_line(draw, heading, heading.FontSize, ImVec2(left + title_width + m.gap, y + drop), colors::kTextMuted, score);
    return true;
  }

  float draw_passed(ScreenContext& ctx, const QuizRound& round, float x, float y, float width) {
    const Metrics& m = ctx.metrics();
    QuizService& quiz = ctx.quiz();
    const auto& voucher = quiz.session_voucher();
    const bool shows_code = voucher && (quiz.voucher_state() == VoucherState::Issued || quiz.voucher_state() == VoucherState::AlreadyWon);
    // With a code to show in a landscape view, the title and the score share a line when they
    // fit: the code's card and 打印兑奖凭条 under it then stay in view in 大字 too.
    if (shows_code && !m.portrait && draw_title_beside_score(ctx, round, x, y, width)) {
      y += line_height(ctx.font_px(FontRole::Display)) + m.gap * 0.5f;
    } else {
      y += centered_text(ctx, FontRole::Display, x, y, width, tr(Text::QuizPassedTitle), colors::kSuccess);
      y = draw_score(ctx, round, x, y, width) + m.gap;
    }
    switch (quiz.voucher_state()) {
      case VoucherState::Issued:
        if (voucher) return draw_voucher(ctx, *voucher, x, y, width, Text::QuizVoucherLabel);
        break;
      case VoucherState::AlreadyWon:
        if (voucher) return draw_voucher(ctx, *voucher, x, y, width, Text::QuizAlreadyWon);
        break;
      case VoucherState::Pending:
        return y + centered_text(ctx, FontRole::Heading, x, y, width, tr(Text::QuizVoucherPending), colors::kText);
      case VoucherState::OutOfStock: {
        // On a booth device cut off from the hub the booth may still have prizes: say why none here.
        const Text words = ctx.booth_link().prizes_unavailable_here() ? Text::QuizNoStockHere : Text::QuizNoStock;
        return y + centered_text(ctx, FontRole::Heading, x, y, width, tr(words), colors::kText);
      }
      case VoucherState::Failed:
      case VoucherState::None:
        break;
    }
    return y + centered_text(ctx, FontRole::Heading, x, y, width, fill_text(Text::QuizVoucherFailed, {ctx.config().prize_desk}), colors::kAccent);
  }

  // The code in the largest type, its QR code, when it was issued, and where to collect the prize.
  float draw_voucher(ScreenContext& ctx, const SessionVoucher& voucher, float x, float y, float width, Text label) {
    const std::string& code = voucher.code;
    const Metrics& m = ctx.metrics();
    ImDrawList& draw = ctx.draw_list();
    if (qr_code_text_ != code) {
      qr_ = make_qr_code(code);
      qr_code_text_ = code;
    }
    const float module = std::max(4.0f, std::round(8 * m.unit));
    const float qr_side = qr_.empty() ? 0 : static_cast<float>(qr_.size + 8) * module;
    const ImFont& display = *ctx.font(FontRole::Display);
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const float code_width = display.CalcTextSizeA(display.FontSize, FLT_MAX, 0, code.c_str()).x;
    const bool side_by_side = width >= code_width + qr_side + 5 * m.gap;
    const float block_height = side_by_side ? std::max(qr_side, line_height(heading.FontSize) + line_height(display.FontSize) * 1.4f)
                                            : line_height(heading.FontSize) + line_height(display.FontSize) * 1.4f + m.gap + qr_side;
    const float height = block_height + 2 * m.gap;
    draw.AddRectFilled(ImVec2(x, y), ImVec2(x + width, y + height), colors::kSurface, m.corner);
    draw.AddRect(ImVec2(x, y), ImVec2(x + width, y + height), colors::kSuccess, m.corner, 0, std::max(3.0f, std::round(5 * m.unit)));
    const float text_width = side_by_side ? width - qr_side - 3 * m.gap : width - 2 * m.gap;
    float cy = y + m.gap + (side_by_side ? (block_height - line_height(heading.FontSize) - line_height(display.FontSize) * 1.4f) * 0.5f : 0);
    cy += draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(x + m.gap, cy), colors::kTextMuted, tr(label), text_width, Align::Center);
    // The code sits on a tinted band so that it reads as one thing to copy.
    const float band = line_height(display.FontSize) * 1.4f;
    draw.AddRectFilled(ImVec2(x + m.gap, cy), ImVec2(x + m.gap + text_width, cy + band), colors::kSuccessSoft, m.corner * 0.5f);
    draw.AddText(&display, display.FontSize, ImVec2(std::floor(x + m.gap + (text_width - code_width) * 0.5f), cy + (band - display.FontSize) * 0.5f),
                 colors::kText, code.c_str());
    cy += band + m.gap;
    if (!qr_.empty()) {
      const ImVec2 qr_pos = side_by_side ? ImVec2(x + width - m.gap - qr_side, y + m.gap + (block_height - qr_side) * 0.5f)
                                         : ImVec2(x + (width - qr_side) * 0.5f, cy);
      draw_qr_code(draw, qr_, qr_pos, module);
    }
    y += height + m.gap;
    // Right under the code: printing it is the other way to take it home (and in view on arrival).
    y += draw_print_row(ctx, voucher, x, y - m.gap * 0.5f, width) + (ctx.printer() ? m.gap * 0.5f : 0);
    y += centered_text(ctx, FontRole::Heading, x, y, width, tr(Text::QuizVoucherPhotoHint), colors::kText) + m.gap * 0.3f;
    const std::string collect = fill_text(Text::QuizVoucherCollectAtFormat, {ctx.config().prize_desk, ctx.config().prize_name});
    y += centered_text(ctx, FontRole::Heading, x, y, width, collect, colors::kAccent) + m.gap * 0.3f;
    const std::string issued = fill_text(Text::QuizVoucherIssuedAtFormat, {format_local_time(voucher.issued_at_ms, "%m-%d %H:%M")});
    y += centered_text(ctx, FontRole::Body, x, y, width, issued, colors::kTextMuted);
    return y + draw_booth_stock(ctx, x, y, width);
  }

  // On a booth device, the booth's stock (the code is collected at the one desk of the booth),
  // never this device's share of it; nothing without a hub or before the hub was read.
  static float draw_booth_stock(ScreenContext& ctx, float x, float y, float width) {
    const BoothLinkState& booth = ctx.booth_link();
    if (!booth.configured || !booth.booth_prizes) return 0;
    const std::string left = fill_text(Text::QuizBoothStockLeftFormat, {std::to_string(*booth.booth_prizes)});
    return centered_text(ctx, FontRole::Body, x, y, width, left, colors::kTextMuted);
  }

  float draw_failed(ScreenContext& ctx, const QuizRound& round, float x, float y, float width) {
    const Metrics& m = ctx.metrics();
    // 差一点 only when it really was one answer short; further off, a plain statement.
    const bool one_short = round.correct_count() + 1 == round.pass_mark();
    y += centered_text(ctx, FontRole::Display, x, y, width, tr(one_short ? Text::QuizFailedTitle : Text::QuizFailedTitleFar), colors::kText);
    y = draw_score(ctx, round, x, y, width) + m.gap;
    y += centered_text(ctx, FontRole::Heading, x, y, width, tr(Text::QuizMissedTitle), colors::kText) + m.gap * 0.5f;
    ImDrawList& draw = ctx.draw_list();
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const ImFont& body = *ctx.font(FontRole::Body);
    for (const QuizAnswer& answer : round.answers()) {
      if (answer.correct()) continue;
      const QuizQuestion& q = *answer.question;
      const float inner = width - 2 * m.gap;
      const std::string right = fill_text(Text::QuizCorrectAnswerFormat, {q.options[static_cast<std::size_t>(q.correct)]});
      const float text_height = measure_wrapped_height(heading, heading.FontSize, q.text, inner) +
                                measure_wrapped_height(body, body.FontSize, right, inner) +
                                measure_wrapped_height(body, body.FontSize, q.explanation, inner);
      const float height = text_height + 2 * m.gap;
      draw.AddRectFilled(ImVec2(x, y), ImVec2(x + width, y + height), colors::kSurface, m.corner);
      draw.AddRect(ImVec2(x, y), ImVec2(x + width, y + height), colors::kBorder, m.corner, 0, std::max(2.0f, std::round(2 * m.unit)));
      float cy = y + m.gap;
      cy += draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(x + m.gap, cy), colors::kText, q.text, inner);
      cy += draw_wrapped_text(draw, body, body.FontSize, ImVec2(x + m.gap, cy), colors::kSuccess, right, inner);
      draw_wrapped_text(draw, body, body.FontSize, ImVec2(x + m.gap, cy), colors::kTextMuted, q.explanation, inner);
      y += height + m.gap * 0.5f;
      if (const Department* department = q.department.empty() ? nullptr : ctx.content().department(q.department)) {
        // An invitation to read what the department published about it.
        const std::string id = "quiz.look_up." + q.id;
        const std::string label = fill_text(Text::QuizLookUpFormat, {department->short_name});
        const float button_width = std::min(width, 760 * m.unit);
        const ImVec2 size(button_width, button_height_for(ctx, label, button_width));
        if (big_button(ctx, {id.c_str(), ImVec2(x, y), size, label, ButtonKind::Secondary}))
          ctx.router().push("department/" + department->id + "/items");
        y += size.y + m.gap;
      }
    }
    return y;
  }

  static float action_height(const ScreenContext& ctx) {
    const Metrics& m = ctx.metrics();
    return std::max(150 * m.unit, line_height(ctx.font_px(FontRole::Display)) + 2 * m.gap);
  }

  float draw_actions(ScreenContext& ctx, bool passed, float x, float y, float width) {
    const Metrics& m = ctx.metrics();
    const float height = action_height(ctx);
    const float button_width = (width - m.gap) * 0.5f;
    // A retry is always possible; it cannot win a second voucher in the same session.
    if (big_button(ctx, {"quiz.retry", ImVec2(x, y), ImVec2(button_width, height), tr(Text::QuizRetry),
                         passed ? ButtonKind::Secondary : ButtonKind::Primary, FontRole::Display}))
      ctx.router().replace("quiz/question");
    if (big_button(ctx, {"quiz.home", ImVec2(x + button_width + m.gap, y), ImVec2(button_width, height), tr(Text::QuizBackHome),
                         passed ? ButtonKind::Primary : ButtonKind::Secondary, FontRole::Display}))
      {
      // 满意度评价 (issue 15): asked once per session, after a finished round.
      if (ctx.take_rating_turn()) ctx.router().reset_to({"home", "rating/quiz"});
      else ctx.router().home();
    }
    return y + height;
  }

  // 打印兑奖凭条 (issue 30): once per code from the kiosk; staff reprint at the desk.
  float draw_print_row(ScreenContext& ctx, const SessionVoucher& voucher, float x, float y, float width) {
    if (!ctx.printer()) return 0;
    const Metrics& m = ctx.metrics();
    Event tapped;
    tapped.type = EventType::PrintVoucher;
    tapped.screen = ctx.router().current_route();
    tapped.item = voucher.code;
    const print::VoucherFacts facts{.code = voucher.code,
                                    .prize = ctx.config().prize_name,
                                    .collect_at = ctx.config().prize_desk,
                                    .issued_at = format_local_time(voucher.issued_at_ms, "%Y-%m-%d %H:%M")};
    // Under the code, in view on arrival in every shape and text size.
    const PrintButtonSpec spec{"print.voucher", Text::PrintVoucherButton,
                               [&ctx, facts](print::SlipPrinter& printer) { return printer.print_voucher_once(ctx.event(), facts); },
                               std::move(tapped)};
    return m.gap * 0.5f + print_button_row(ctx, print_, spec, ImVec2(x, y + m.gap * 0.5f), width);
  }

  PrintButtonState print_;
  std::optional<bool> preview_;
  bool code_only_ = false;
  bool played_ = false;
  QrCode qr_;
  std::string qr_code_text_;
};

}  // namespace

std::unique_ptr<Screen> make_quiz_result_screen(std::optional<bool> preview) {
  return std::make_unique<QuizResultScreen>(preview);
}

std::unique_ptr<Screen> make_quiz_code_screen() { return std::make_unique<QuizResultScreen>(std::nullopt, true); }

}  // namespace openday::ui
