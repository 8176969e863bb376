// One quiz question at a time: big answer buttons, then right or wrong, the correct answer and
// why, and 下一题 (or 查看结果 after the last).
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <utility>

#include "core/content/ui_text.h"
#include "ui/read_aloud_widgets.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"
#include "ui/touch_scroll.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

constexpr const char* kLetters[] = {"A", "B", "C", "D", "E", "F"};

class QuizQuestionScreen final : public Screen {
 public:
  // answered_preview: for --screen photographs, the first question arrives answered wrongly.
  explicit QuizQuestionScreen(bool answered_preview) : answered_preview_(answered_preview) {}

  std::string title() const override { return std::string(tr(Text::QuizTitle)); }

  void draw(ScreenContext& ctx) override {
    QuizService& quiz = ctx.quiz();
    if (!started_) {
      started_ = true;
      quiz.start_round(ctx.session());
      if (answered_preview_) {
        const QuizAnswer& first = quiz.round()->current();
        reveal_feedback_ = quiz.answer((first.shown_correct() + 1) % static_cast<int>(first.order.size()));
      }
    }
    QuizRound* round = quiz.round();
    if (!round || round->finished()) return;
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    const float x = area.min.x + m.margin;
    const float width = area.width() - 2 * m.margin;
    float y = draw_progress(ctx, *round, x, area.min.y + m.gap, width) + m.gap;

    // 下一题 stays at the bottom of the screen, never scrolled away; the question, the answers
    // and the explanation scroll above it.
    const ImFont& display = *ctx.font(FontRole::Display);
    const float button_height = std::max(150 * m.unit, line_height(display.FontSize) + 2 * m.gap);
    const QuizAnswer& answer = round->current();
    // Once the round cannot win, a notice saying so stays in view just above the buttons.
    // In landscape it sits beside the buttons, so that the explanation keeps its room.
    const bool cannot_win = answer.answered() && !quiz.round_can_still_pass();
    const bool notice_beside = cannot_win && !m.portrait;
    const float notice_width = notice_beside ? width - 2 * std::round(480 * m.unit) - 2 * m.gap : width;
    const float notice_height = cannot_win ? cannot_win_height(ctx, notice_width) : 0;
    const float row_height = notice_beside ? std::max(button_height, notice_height) : button_height;
    const float notice_above = cannot_win && !notice_beside ? notice_height + m.gap : 0;
    const float scroll_bottom = answer.answered() ? area.max.y - row_height - 2 * m.gap - notice_above : area.max.y;
    {
      // A new question starts at its top.
      TouchScroll scroll(ctx, "quiz.question", Rect{ImVec2(area.min.x, y), ImVec2(area.max.x, scroll_bottom)}, std::exchange(scroll_to_top_, false));
      const ImVec2 origin = scroll.origin();
      float cy = origin.y;
      cy += read_aloud_row(ctx, kReadKey, ImVec2(x, cy), width, [&answer] { return read_sections(answer); }) + m.gap * 0.6f;
      ImDrawList& draw = ctx.draw_list();
      const ImFont& body = *ctx.font(FontRole::Body);
      const std::string_view kind = tr(answer.question->kind == QuestionKind::TrueFalse ? Text::QuizKindTrueFalse : Text::QuizKindSingle);
      const float question_top = cy;
      cy += draw_wrapped_text(draw, body, body.FontSize, ImVec2(x, cy), colors::kTextMuted, kind, width);
      const ImFont& heading = *ctx.font(FontRole::Heading);
      cy += draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(x, cy), colors::kText, answer.question->text, width);
      if (ctx.read_aloud().section(kReadKey) == 0) mark_section_read(ctx, ImVec2(x, question_top), ImVec2(x + width, cy));
      cy += m.gap;
      cy = draw_options(ctx, answer, x, cy, width) + m.gap;
      if (answer.answered()) {
        const float feedback_top = cy;
        cy = draw_feedback(ctx, answer, x, cy, width);
        // Bring the explanation into view once, right after the answer.
        if (std::exchange(reveal_feedback_, false) && cy > scroll_bottom)
          ImGui::SetScrollY(ImGui::GetScrollY() + std::min(feedback_top - origin.y - ImGui::GetScrollY(), cy - scroll_bottom));
      }
      scroll.end(cy + m.gap);
    }
    if (cannot_win) draw_cannot_win(ctx, x, scroll_bottom + m.gap, notice_width);
    const float buttons_x = notice_beside ? x + notice_width + m.gap : x;
    if (answer.answered()) draw_next(ctx, *round, buttons_x, area.max.y - button_height - m.gap, width - (buttons_x - x), button_height);
  }

  void draw_next(ScreenContext& ctx, const QuizRound& round, float x, float y, float width, float height) {
    const Metrics& m = ctx.metrics();
    const bool last = round.current_index() + 1 == round.answers().size();
    float button_width = std::min(width, 640 * m.unit);
    float next_x = x + (width - button_width) * 0.5f;
    // A round that can no longer win offers a fresh one beside finishing this one.
    if (!ctx.quiz().round_can_still_pass()) {
      button_width = std::min((width - m.gap) * 0.5f, 640 * m.unit);
      const float left = x + (width - 2 * button_width - m.gap) * 0.5f;
      next_x = left + button_width + m.gap;
      if (big_button(ctx, {"quiz.restart", ImVec2(left, y), ImVec2(button_width, height), tr(Text::QuizRestart), ButtonKind::Secondary,
                           FontRole::Display})) {
        ctx.router().replace("quiz/question");
        return;
      }
    }
    if (big_button(ctx, {"quiz.next", ImVec2(next_x, y), ImVec2(button_width, height),
                         tr(last ? Text::QuizSeeResult : Text::QuizNext), ButtonKind::Primary, FontRole::Display})) {
      ctx.read_aloud().stop(ctx.now());  // the next question is on the same screen: its reading must not run on
      ctx.quiz().next();
      if (last) ctx.router().replace("quiz/result");
      scroll_to_top_ = true;
    }
  }

 private:
  // What the voice reads: the question, then each option with its letter.
  static constexpr const char* kReadKey = "question";
  static std::vector<std::string> read_sections(const QuizAnswer& answer) {
    const bool true_false = answer.question->kind == QuestionKind::TrueFalse;
    std::vector<std::string> sections{answer.question->text};
    for (std::size_t i = 0; i < answer.order.size(); ++i) {
      const std::string& text = answer.question->options[static_cast<std::size_t>(answer.order[i])];
      sections.push_back(true_false ? text : std::string(kLetters[i]) + "，" + text);
    }
    return sections;
  }

  static float draw_progress(ScreenContext& ctx, const QuizRound& round, float x, float y, float width) {
    const Metrics& m = ctx.metrics();
    const int total = static_cast<int>(round.answers().size());
    const int current = static_cast<int>(round.current_index()) + 1;
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const std::string label = fill_text(Text::QuizProgressFormat, {std::to_string(current), std::to_string(total)});
    ctx.draw_list().AddText(&heading, heading.FontSize, ImVec2(x, y), colors::kText, label.c_str());
    y += line_height(heading.FontSize) + m.gap * 0.3f;
    // One segment per question: done, current, to come.
    const float gap = std::round(8 * m.unit);
    const float segment = (width - gap * static_cast<float>(total - 1)) / static_cast<float>(total);
    const float height = std::round(14 * m.unit);
    for (int i = 0; i < total; ++i) {
      const float sx = x + static_cast<float>(i) * (segment + gap);
      const ImU32 colour = i < current ? colors::kAccent : colors::kBorder;
      ctx.draw_list().AddRectFilled(ImVec2(sx, y), ImVec2(sx + segment, y + height), colour, height * 0.5f);
    }
    return y + height;
  }

  float draw_options(ScreenContext& ctx, const QuizAnswer& answer, float x, float y, float width) {
    const Metrics& m = ctx.metrics();
    const bool true_false = answer.question->kind == QuestionKind::TrueFalse;
    const int count = static_cast<int>(answer.order.size());
    const int columns = true_false ? 2 : 1;
    const float option_width = (width - static_cast<float>(columns - 1) * m.gap) / static_cast<float>(columns);
    const ImFont& heading = *ctx.font(FontRole::Heading);
    float row_y = y;
    for (int i = 0; i < count; ++i) {
      const std::string& text = answer.question->options[static_cast<std::size_t>(answer.order[static_cast<std::size_t>(i)])];
      const std::string label = true_false ? text : std::string(kLetters[i]) + "   " + text;
      const float text_height = measure_wrapped_height(heading, heading.FontSize, label, option_width - 2 * m.gap);
      const float height = std::max(m.touch_min * 1.3f, text_height + 1.2f * m.gap);
      const int column = i % columns;
      const ImVec2 pos(x + static_cast<float>(column) * (option_width + m.gap), row_y);
      const std::string id = "quiz.option." + std::to_string(i);
      if (!answer.answered()) {
        ButtonSpec spec{id.c_str(), pos, ImVec2(option_width, height), label, ButtonKind::Secondary};
        spec.align_left = !true_false;
        if (big_button(ctx, spec) && ctx.quiz().answer(i)) reveal_feedback_ = true;
      } else {
        draw_answered_option(ctx, answer, i, label, pos, ImVec2(option_width, height));
      }
      if (ctx.read_aloud().section(kReadKey) == i + 1) mark_section_read(ctx, pos, ImVec2(pos.x + option_width, pos.y + height));
      if (column == columns - 1 || i == count - 1) row_y += height + m.gap * 0.6f;
    }
    return row_y;
  }

  // After the answer: the right option green, a wrong choice red, the rest muted; not touchable.
  static void draw_answered_option(ScreenContext& ctx, const QuizAnswer& answer, int i, const std::string& label, ImVec2 pos, ImVec2 size) {
    const Metrics& m = ctx.metrics();
    const bool is_correct = i == answer.shown_correct();
    const bool is_chosen = i == answer.chosen;
    const ImU32 fill = is_correct ? colors::kSuccessSoft : is_chosen ? colors::kAccentSoft : colors::kSurface;
    const ImU32 edge = is_correct ? colors::kSuccess : is_chosen ? colors::kAccent : colors::kBorder;
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    ImDrawList& draw = ctx.draw_list();
    draw.AddRectFilled(pos, max, fill, m.corner);
    draw.AddRect(pos, max, edge, m.corner, 0, std::max(2.0f, std::round((is_correct || is_chosen ? 5 : 2) * m.unit)));
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const float mark_width = draw_answer_mark(ctx, is_correct, is_chosen, pos, size);
    const float inner = size.x - 2 * m.gap - mark_width;
    const float height = measure_wrapped_height(heading, heading.FontSize, label, inner);
    const bool true_false = answer.question->kind == QuestionKind::TrueFalse;
    draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(pos.x + m.gap, pos.y + (size.y - height) * 0.5f),
                      is_correct || is_chosen ? colors::kText : colors::kTextMuted, label, inner, true_false ? Align::Center : Align::Left);
  }

  // Right and wrong are not told by green and red alone: the right option says ✓ 正确答案 and
  // a wrong choice × 您选的, at the option's right end. Returns the width the mark takes.
  static float draw_answer_mark(ScreenContext& ctx, bool is_correct, bool is_chosen, ImVec2 pos, ImVec2 size) {
    if (!is_correct && !is_chosen) return 0;
    const Metrics& m = ctx.metrics();
    const ImFont& font = *ctx.font(FontRole::Heading);
    const std::string_view mark = tr(is_correct ? Text::QuizOptionRightMark : Text::QuizOptionChosenMark);
    const float width = font.CalcTextSizeA(font.FontSize, FLT_MAX, 0, mark.data(), mark.data() + mark.size()).x;
    const ImVec2 at(pos.x + size.x - m.gap - width, pos.y + (size.y - font.FontSize) * 0.5f);
    draw_text_line(ctx.draw_list(), font, font.FontSize, at, is_correct ? colors::kSuccess : colors::kAccent, mark);
    if (TextAudit* audit = text_audit(); audit && audit->record_placements)
      audit->placed(mark, at, ImVec2(at.x + width, at.y + font.FontSize), pos, ImVec2(pos.x + size.x, pos.y + size.y));
    return width + m.gap * 0.5f;
  }

  float draw_feedback(ScreenContext& ctx, const QuizAnswer& answer, float x, float y, float width) const {
    const Metrics& m = ctx.metrics();
    ImDrawList& draw = ctx.draw_list();
    const float inner = width - 2 * m.gap;
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const ImFont& display = *ctx.font(FontRole::Display);
    const ImFont& body = *ctx.font(FontRole::Body);
    const bool true_false = answer.question->kind == QuestionKind::TrueFalse;
    const std::string& right_text = answer.question->options[static_cast<std::size_t>(answer.question->correct)];
    const std::string right = true_false ? right_text : std::string(kLetters[answer.shown_correct()]) + " " + right_text;
    const std::string verdict = answer.correct() ? std::string(tr(Text::QuizCorrect)) : fill_text(Text::QuizWrongFormat, {right});
    const ImFont& verdict_font = answer.correct() ? display : heading;
    const std::string source = fill_text(Text::QuizSourceFormat, {answer.question->source});
    const float height = m.gap + measure_wrapped_height(verdict_font, verdict_font.FontSize, verdict, inner) + m.gap * 0.4f +
                         measure_wrapped_height(body, body.FontSize, answer.question->explanation, inner) +
                         measure_wrapped_height(body, body.FontSize, source, inner) + m.gap;
    draw.AddRectFilled(ImVec2(x, y), ImVec2(x + width, y + height), answer.correct() ? colors::kSuccessSoft : colors::kAccentSoft, m.corner);
    float cy = y + m.gap;
    cy += draw_wrapped_text(draw, verdict_font, verdict_font.FontSize, ImVec2(x + m.gap, cy),
                            answer.correct() ? colors::kSuccess : colors::kAccent, verdict, inner);
    cy += m.gap * 0.4f;
    cy += draw_wrapped_text(draw, body, body.FontSize, ImVec2(x + m.gap, cy), colors::kText, answer.question->explanation, inner);
    draw_wrapped_text(draw, body, body.FontSize, ImVec2(x + m.gap, cy), colors::kTextMuted, source, inner);
    return y + height;
  }

  static float cannot_win_height(ScreenContext& ctx, float width) {
    const Metrics& m = ctx.metrics();
    const float inner = width - 2 * m.gap;
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const ImFont& body = *ctx.font(FontRole::Body);
    return m.gap * 0.6f + measure_wrapped_height(heading, heading.FontSize, tr(Text::QuizCannotWin), inner) +
           measure_wrapped_height(body, body.FontSize, tr(Text::QuizCannotWinHint), inner) + m.gap * 0.6f;
  }

  // Says plainly that this round cannot win any more, and what the visitor can do.
  static float draw_cannot_win(ScreenContext& ctx, float x, float y, float width) {
    const Metrics& m = ctx.metrics();
    ImDrawList& draw = ctx.draw_list();
    const float inner = width - 2 * m.gap;
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const ImFont& body = *ctx.font(FontRole::Body);
    const std::string_view title = tr(Text::QuizCannotWin);
    const std::string_view hint = tr(Text::QuizCannotWinHint);
    const float height = cannot_win_height(ctx, width);
    draw.AddRectFilled(ImVec2(x, y), ImVec2(x + width, y + height), colors::kSurface, m.corner);
    draw.AddRect(ImVec2(x, y), ImVec2(x + width, y + height), colors::kAccent, m.corner, 0, std::max(2.0f, std::round(3 * m.unit)));
    float cy = y + m.gap * 0.6f;
    cy += draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(x + m.gap, cy), colors::kAccent, title, inner);
    draw_wrapped_text(draw, body, body.FontSize, ImVec2(x + m.gap, cy), colors::kText, hint, inner);
    return y + height;
  }

  bool answered_preview_;
  bool started_ = false;
  bool reveal_feedback_ = false;
  bool scroll_to_top_ = false;
};

}  // namespace

std::unique_ptr<Screen> make_quiz_question_screen(bool answered_preview) {
  return std::make_unique<QuizQuestionScreen>(answered_preview);
}

}  // namespace openday::ui
