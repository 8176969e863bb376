// One quiz question at a time: big answer buttons, then right or wrong, the correct answer and
// why, and 下一题 (or 查看结果 after the last).
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/content/ui_text.h"
#include "ui/read_aloud_widgets.h"
#include "ui/page.h"
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
        quiz.answer((first.shown_correct() + 1) % static_cast<int>(first.order.size()));
      }
    }
    QuizRound* round = quiz.round();
    if (!round || round->finished()) return;
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    const float x = area.min.x + m.margin;
    const float width = area.width() - 2 * m.margin;
    const float top = draw_progress(ctx, *round, x, area.min.y + m.gap, width) + m.gap;
    const Rect page{ImVec2(area.min.x, top), ImVec2(area.max.x, area.max.y)};
    if (round->current().answered())
      draw_answered(ctx, *round, page, x, width);
    else
      draw_unanswered(ctx, round->current(), page, x, width);
  }

 private:
  // Before the answer: the question, then its options. In landscape, when the options would fall
  // below the screen's edge (大字, four options, long text), the question takes a column on the
  // left and the options one on the right, so that every option is in view on arrival.
  void draw_unanswered(ScreenContext& ctx, const QuizAnswer& answer, const Rect& page, float x, float width) {
    const Metrics& m = ctx.metrics();
    const bool to_top = std::exchange(scroll_to_top_, false);
    const bool fits_one_column = question_height(ctx, answer, width) + m.gap + options_height(ctx, answer, width) + m.gap <= page.height();
    if (m.portrait || fits_one_column) {
      TouchScroll scroll(ctx, "quiz.question", page, to_top);
      const float below_question = draw_question(ctx, answer, x, scroll.origin().y, width) + m.gap;
      scroll.end(draw_options(ctx, answer, x, below_question, width) + m.gap);
      return;
    }
    const float question_width = std::round((width - m.gap) * 0.42f);
    const float options_x = x + question_width + m.gap;
    const float split = options_x - m.gap * 0.5f;
    {
      TouchScroll scroll(ctx, "quiz.question", Rect{page.min, ImVec2(split, page.max.y)}, to_top);
      scroll.end(draw_question(ctx, answer, x, scroll.origin().y, question_width) + m.gap);
    }
    TouchScroll scroll(ctx, "quiz.options", Rect{ImVec2(split, page.min.y), page.max}, to_top);
    scroll.end(draw_options(ctx, answer, options_x, scroll.origin().y, x + width - options_x) + m.gap);
  }

  // After the answer: a panel with the verdict, the visitor's choice, the explanation and its
  // source opens the page, so that it is in view whole on arrival whatever came above it; the
  // question and its marked options follow below it. The actions stay in view: a row at the
  // bottom in portrait, a column on the right in landscape (the panel keeps the height).
  void draw_answered(ScreenContext& ctx, const QuizRound& round, const Rect& page, float x, float width) {
    const Metrics& m = ctx.metrics();
    const float button_height = action_button_height(ctx);
    const bool cannot_win = !ctx.quiz().round_can_still_pass();
    if (m.portrait) {
      const float buttons_top = page.max.y - button_height - m.gap;
      float body_bottom = buttons_top - m.gap;
      if (cannot_win) {
        body_bottom -= cannot_win_height(ctx, width) + m.gap;
        draw_cannot_win(ctx, x, body_bottom + m.gap, width);
      }
      draw_answered_body(ctx, round.current(), Rect{page.min, ImVec2(page.max.x, body_bottom)}, x, width);
      draw_action_row(ctx, round, x, buttons_top, width, button_height);
      return;
    }
    const float column_width = std::round(std::clamp(width * 0.3f, 460 * m.unit, 640 * m.unit));
    const float column_x = x + width - column_width;
    draw_answered_body(ctx, round.current(), Rect{page.min, ImVec2(column_x - m.gap * 0.5f, page.max.y)}, x, column_x - m.gap - x);
    draw_action_column(ctx, round, column_x, page.max.y - m.gap, column_width, button_height, cannot_win);
  }

  void draw_answered_body(ScreenContext& ctx, const QuizAnswer& answer, const Rect& region, float x, float width) {
    const Metrics& m = ctx.metrics();
    TouchScroll scroll(ctx, "quiz.question", region, std::exchange(scroll_to_top_, false));
    float cy = draw_feedback(ctx, answer, x, scroll.origin().y, width) + m.gap;
    cy = draw_question(ctx, answer, x, cy, width) + m.gap;
    scroll.end(draw_options(ctx, answer, x, cy, width) + m.gap);
  }

  static float action_button_height(const ScreenContext& ctx) {
    const Metrics& m = ctx.metrics();
    return std::max(150 * m.unit, line_height(ctx.font(FontRole::Display)->FontSize) + 2 * m.gap);
  }

  // Portrait: 下一题 centred at the bottom; 重新开始 beside it once the round cannot win.
  void draw_action_row(ScreenContext& ctx, const QuizRound& round, float x, float y, float width, float height) {
    const Metrics& m = ctx.metrics();
    if (ctx.quiz().round_can_still_pass()) {
      const float button_width = std::min(width, 640 * m.unit);
      draw_next(ctx, round, ImVec2(x + (width - button_width) * 0.5f, y), ImVec2(button_width, height));
      return;
    }
    const float button_width = std::min((width - m.gap) * 0.5f, 640 * m.unit);
    const float left = x + (width - 2 * button_width - m.gap) * 0.5f;
    if (draw_restart(ctx, ImVec2(left, y), ImVec2(button_width, height))) return;
    draw_next(ctx, round, ImVec2(left + button_width + m.gap, y), ImVec2(button_width, height));
  }

  // Landscape: from the bottom up, 下一题, then 重新开始 and the notice once the round cannot win.
  void draw_action_column(ScreenContext& ctx, const QuizRound& round, float x, float bottom, float width, float height, bool cannot_win) {
    const Metrics& m = ctx.metrics();
    const float next_y = bottom - height;
    if (cannot_win) {
      const float restart_y = next_y - m.gap - height;
      draw_cannot_win(ctx, x, restart_y - m.gap - cannot_win_height(ctx, width), width);
      if (draw_restart(ctx, ImVec2(x, restart_y), ImVec2(width, height))) return;
    }
    draw_next(ctx, round, ImVec2(x, next_y), ImVec2(width, height));
  }

  // A round that can no longer win offers a fresh one. Returns whether it was tapped.
  static bool draw_restart(ScreenContext& ctx, ImVec2 pos, ImVec2 size) {
    declare_primary_action(ctx, "quiz.restart");
    if (!big_button(ctx, {"quiz.restart", pos, size, tr(Text::QuizRestart), ButtonKind::Secondary, FontRole::Display})) return false;
    ctx.router().replace("quiz/question");
    return true;
  }

  void draw_next(ScreenContext& ctx, const QuizRound& round, ImVec2 pos, ImVec2 size) {
    const bool last = round.current_index() + 1 == round.answers().size();
    declare_primary_action(ctx, "quiz.next");
    if (!big_button(ctx, {"quiz.next", pos, size, tr(last ? Text::QuizSeeResult : Text::QuizNext), ButtonKind::Primary, FontRole::Display}))
      return;
    ctx.read_aloud().stop(ctx.now());  // the next question is on the same screen: its reading must not run on
    ctx.quiz().next();
    if (last) ctx.router().replace("quiz/result");
    scroll_to_top_ = true;
  }

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

  // 第 N 题 / 共 M 题 and one segment per question (done, current, to come), on one line.
  static float draw_progress(ScreenContext& ctx, const QuizRound& round, float x, float y, float width) {
    const Metrics& m = ctx.metrics();
    const int total = static_cast<int>(round.answers().size());
    const int current = static_cast<int>(round.current_index()) + 1;
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const std::string label = fill_text(Text::QuizProgressFormat, {std::to_string(current), std::to_string(total)});
    const float label_width = widest_line(heading, heading.FontSize, label, FLT_MAX);
    draw_text_line(ctx.draw_list(), heading, heading.FontSize, ImVec2(x, y), colors::kText, label);
    const float row_height = line_height(heading.FontSize);
    const float gap = std::round(8 * m.unit);
    const float height = std::round(14 * m.unit);
    const float bar_x = x + label_width + m.gap;
    const float bar_y = y + (row_height - height) * 0.5f;
    const float segment = (x + width - bar_x - gap * static_cast<float>(total - 1)) / static_cast<float>(total);
    for (int i = 0; i < total; ++i) {
      const float sx = bar_x + static_cast<float>(i) * (segment + gap);
      const ImU32 colour = i < current ? colors::kAccent : colors::kBorder;
      ctx.draw_list().AddRectFilled(ImVec2(sx, bar_y), ImVec2(sx + segment, bar_y + height), colour, height * 0.5f);
    }
    return y + row_height;
  }

  // The 朗读 row, the kind of question (before the answer only: then it has been followed) and
  // the question. Returns the y below it.
  float draw_question(ScreenContext& ctx, const QuizAnswer& answer, float x, float y, float width) const {
    const Metrics& m = ctx.metrics();
    float cy = y + read_aloud_row(ctx, kReadKey, ImVec2(x, y), width, [&answer] { return read_sections(answer); }) + m.gap * 0.6f;
    ImDrawList& draw = ctx.draw_list();
    const float question_top = cy;
    if (!answer.answered()) {
      const ImFont& body = *ctx.font(FontRole::Body);
      cy += draw_wrapped_text(draw, body, body.FontSize, ImVec2(x, cy), colors::kTextMuted, kind_text(answer), width);
    }
    const ImFont& heading = *ctx.font(FontRole::Heading);
    cy += draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(x, cy), colors::kText, answer.question->text, width);
    if (ctx.read_aloud().section(kReadKey) == 0) mark_section_read(ctx, ImVec2(x, question_top), ImVec2(x + width, cy));
    return cy;
  }

  static float question_height(ScreenContext& ctx, const QuizAnswer& answer, float width) {
    const Metrics& m = ctx.metrics();
    const ImFont& body = *ctx.font(FontRole::Body);
    const ImFont& heading = *ctx.font(FontRole::Heading);
    return read_aloud_row_height(ctx) + m.gap * 0.6f + measure_wrapped_height(body, body.FontSize, kind_text(answer), width) +
           measure_wrapped_height(heading, heading.FontSize, answer.question->text, width);
  }

  static std::string_view kind_text(const QuizAnswer& answer) {
    return tr(answer.question->kind == QuestionKind::TrueFalse ? Text::QuizKindTrueFalse : Text::QuizKindSingle);
  }

  // How one option is laid out: a true/false option side by side with the other, a single
  // choice across the width; once answered, the right one and a wrong choice carry a mark,
  // beside the words when both fit on the line, else under them (never a word broken into
  // one character per line to make room).
  struct OptionLayout {
    std::string label;
    float height = 0;
    bool mark_below = false;
  };

  static std::string option_label(const QuizAnswer& answer, int i) {
    const std::string& text = answer.question->options[static_cast<std::size_t>(answer.order[static_cast<std::size_t>(i)])];
    return answer.question->kind == QuestionKind::TrueFalse ? text : std::string(kLetters[i]) + "   " + text;
  }

  static int option_columns(const QuizAnswer& answer) { return answer.question->kind == QuestionKind::TrueFalse ? 2 : 1; }

  static float option_width(const ScreenContext& ctx, const QuizAnswer& answer, float width) {
    const float columns = static_cast<float>(option_columns(answer));
    return (width - (columns - 1) * ctx.metrics().gap) / columns;
  }

  static OptionLayout layout_option(const ScreenContext& ctx, const QuizAnswer& answer, int i, float width) {
    const Metrics& m = ctx.metrics();
    const ImFont& heading = *ctx.font(FontRole::Heading);
    OptionLayout out{option_label(answer, i)};
    const float inner = width - 2 * m.gap;
    float text_height = measure_wrapped_height(heading, heading.FontSize, out.label, inner);
    if (const std::string_view mark = answer_mark(answer, i); !mark.empty()) {
      const float mark_width = widest_line(heading, heading.FontSize, mark, FLT_MAX) + m.gap * 0.5f;
      const float label_width = widest_line(heading, heading.FontSize, out.label, FLT_MAX);
      out.mark_below = label_width + mark_width > inner;
      if (out.mark_below) text_height += line_height(heading.FontSize);
    }
    out.height = std::max(m.touch_min * 1.3f, text_height + 1.2f * m.gap);
    return out;
  }

  // Options of one row share its height (true/false: two to a row).
  static std::vector<OptionLayout> layout_options(const ScreenContext& ctx, const QuizAnswer& answer, float option_w) {
    std::vector<OptionLayout> layouts;
    const int count = static_cast<int>(answer.order.size());
    for (int i = 0; i < count; ++i) layouts.push_back(layout_option(ctx, answer, i, option_w));
    const int columns = option_columns(answer);
    for (int row = 0; row < count; row += columns) {
      float tallest = 0;
      for (int i = row; i < std::min(count, row + columns); ++i) tallest = std::max(tallest, layouts[static_cast<std::size_t>(i)].height);
      for (int i = row; i < std::min(count, row + columns); ++i) layouts[static_cast<std::size_t>(i)].height = tallest;
    }
    return layouts;
  }

  static float options_height(const ScreenContext& ctx, const QuizAnswer& answer, float width) {
    const std::vector<OptionLayout> layouts = layout_options(ctx, answer, option_width(ctx, answer, width));
    float height = 0;
    for (std::size_t i = 0; i < layouts.size(); i += static_cast<std::size_t>(option_columns(answer)))
      height += layouts[i].height + ctx.metrics().gap * 0.6f;
    return height;
  }

  float draw_options(ScreenContext& ctx, const QuizAnswer& answer, float x, float y, float width) {
    const Metrics& m = ctx.metrics();
    const int columns = option_columns(answer);
    const float option_w = option_width(ctx, answer, width);
    const std::vector<OptionLayout> layouts = layout_options(ctx, answer, option_w);
    const bool answered = answer.answered();
    float row_y = y;
    for (int i = 0; i < static_cast<int>(layouts.size()); ++i) {
      const OptionLayout& layout = layouts[static_cast<std::size_t>(i)];
      const int column = i % columns;
      const ImVec2 pos(x + static_cast<float>(column) * (option_w + m.gap), row_y);
      const ImVec2 size(option_w, layout.height);
      if (answered) {
        draw_answered_option(ctx, answer, i, layout, pos, size);
      } else {
        const std::string id = "quiz.option." + std::to_string(i);
        declare_primary_action(ctx, id);
        ButtonSpec spec{id.c_str(), pos, size, layout.label, ButtonKind::Secondary};
        spec.align_left = columns == 1;
        // The answer opens its panel at the top of the page.
        if (big_button(ctx, spec) && ctx.quiz().answer(i)) scroll_to_top_ = true;
      }
      if (ctx.read_aloud().section(kReadKey) == i + 1) mark_section_read(ctx, pos, ImVec2(pos.x + size.x, pos.y + size.y));
      if (column == columns - 1 || i + 1 == static_cast<int>(layouts.size())) row_y += layout.height + m.gap * 0.6f;
    }
    return row_y;
  }

  // Right and wrong are not told by green and red alone: the right option says ✓ 正确答案 and
  // a wrong choice × 您选的.
  static std::string_view answer_mark(const QuizAnswer& answer, int i) {
    if (!answer.answered()) return {};
    if (i == answer.shown_correct()) return tr(Text::QuizOptionRightMark);
    if (i == answer.chosen) return tr(Text::QuizOptionChosenMark);
    return {};
  }

  // After the answer: the right option green, a wrong choice red, the rest muted; not touchable.
  static void draw_answered_option(ScreenContext& ctx, const QuizAnswer& answer, int i, const OptionLayout& layout, ImVec2 pos, ImVec2 size) {
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
    const std::string_view mark = answer_mark(answer, i);
    const float mark_width = mark.empty() ? 0 : widest_line(heading, heading.FontSize, mark, FLT_MAX);
    const float inner = size.x - 2 * m.gap - (mark.empty() || layout.mark_below ? 0 : mark_width + m.gap * 0.5f);
    const float label_height = measure_wrapped_height(heading, heading.FontSize, layout.label, inner);
    const float block_height = label_height + (layout.mark_below ? line_height(heading.FontSize) : 0);
    const float top = pos.y + (size.y - block_height) * 0.5f;
    const Align align = option_columns(answer) == 2 ? Align::Center : Align::Left;
    draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(pos.x + m.gap, top), is_correct || is_chosen ? colors::kText : colors::kTextMuted,
                      layout.label, inner, align);
    if (mark.empty()) return;
    const ImVec2 at = layout.mark_below ? ImVec2(pos.x + (size.x - mark_width) * 0.5f, top + label_height)
                                        : ImVec2(max.x - m.gap - mark_width, pos.y + (size.y - heading.FontSize) * 0.5f);
    draw_text_line(draw, heading, heading.FontSize, at, is_correct ? colors::kSuccess : colors::kAccent, mark);
    if (TextAudit* audit = text_audit(); audit && audit->record_placements)
      audit->placed(mark, at, ImVec2(at.x + mark_width, at.y + heading.FontSize), pos, max);
  }

  // The answer's panel: the verdict (with the right answer when it was wrong), the visitor's
  // choice, the explanation and where it comes from. Returns the y below it.
  static float draw_feedback(ScreenContext& ctx, const QuizAnswer& answer, float x, float y, float width) {
    const Metrics& m = ctx.metrics();
    ImDrawList& draw = ctx.draw_list();
    const float inner = width - 2 * m.gap;
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const ImFont& display = *ctx.font(FontRole::Display);
    const ImFont& body = *ctx.font(FontRole::Body);
    const std::string verdict = answer.correct() ? std::string(tr(Text::QuizCorrect)) : fill_text(Text::QuizWrongFormat, {shown_option(answer, answer.shown_correct())});
    const ImFont& verdict_font = answer.correct() ? display : heading;
    const std::string choice = fill_text(Text::QuizYourChoiceFormat, {shown_option(answer, answer.chosen)});
    const std::string source = fill_text(Text::QuizSourceFormat, {answer.question->source});
    const float height = m.gap + measure_wrapped_height(verdict_font, verdict_font.FontSize, verdict, inner) + m.gap * 0.4f +
                         measure_wrapped_height(heading, heading.FontSize, choice, inner) + m.gap * 0.4f +
                         measure_wrapped_height(body, body.FontSize, answer.question->explanation, inner) +
                         measure_wrapped_height(body, body.FontSize, source, inner) + m.gap;
    const ImU32 edge = answer.correct() ? colors::kSuccess : colors::kAccent;
    draw.AddRectFilled(ImVec2(x, y), ImVec2(x + width, y + height), answer.correct() ? colors::kSuccessSoft : colors::kAccentSoft, m.corner);
    draw.AddRect(ImVec2(x, y), ImVec2(x + width, y + height), edge, m.corner, 0, std::max(2.0f, std::round(4 * m.unit)));
    float cy = y + m.gap;
    cy += draw_wrapped_text(draw, verdict_font, verdict_font.FontSize, ImVec2(x + m.gap, cy), edge, verdict, inner);
    cy += m.gap * 0.4f;
    cy += draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(x + m.gap, cy), colors::kText, choice, inner);
    cy += m.gap * 0.4f;
    cy += draw_wrapped_text(draw, body, body.FontSize, ImVec2(x + m.gap, cy), colors::kText, answer.question->explanation, inner);
    draw_wrapped_text(draw, body, body.FontSize, ImVec2(x + m.gap, cy), colors::kTextMuted, source, inner);
    return y + height;
  }

  // An option as the visitor saw it: with its letter for a single choice.
  static std::string shown_option(const QuizAnswer& answer, int i) {
    const std::string& text = answer.question->options[static_cast<std::size_t>(answer.order[static_cast<std::size_t>(i)])];
    return answer.question->kind == QuestionKind::TrueFalse ? text : std::string(kLetters[i]) + " " + text;
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
  bool scroll_to_top_ = false;
};

}  // namespace

std::unique_ptr<Screen> make_quiz_question_screen(bool answered_preview) {
  return std::make_unique<QuizQuestionScreen>(answered_preview);
}

}  // namespace openday::ui
