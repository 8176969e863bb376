// Staff at the desk: 展台总览, the booth through the hub (issue 32). The open 呼叫工作人员 calls
// and the 我要问 questions waiting for the desk, each with its one button (已处理, 已解答), then
// one row per device: online or how long silent, today's visitors, taps, quiz rounds and prizes,
// how far behind its upload is, and what needs a look (silent, low disk, other content).
#include <algorithm>
#include <string>
#include <vector>

#include "core/content/ui_text.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"
#include "ui/touch_scroll.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

std::string duration_words(std::int64_t ms) {
  const std::int64_t seconds = std::max<std::int64_t>(0, ms / 1000);
  if (seconds < 120) return std::to_string(seconds) + " 秒";
  if (seconds < 2 * 3600) return std::to_string(seconds / 60) + " 分钟";
  return std::to_string(seconds / 3600) + " 小时";
}

Text alert_words(BoardAlert alert) {
  switch (alert) {
    case BoardAlert::Silent: return Text::BoothAlertSilent;
    case BoardAlert::LowDisk: return Text::BoothAlertLowDisk;
    case BoardAlert::ContentDiffers: return Text::BoothAlertContent;
    case BoardAlert::ContentRefused: return Text::BoothAlertContentRefusedFormat;
  }
  return Text::BoothAlertSilent;
}

class StaffBoothScreen final : public Screen {
 public:
  std::string title() const override { return std::string(tr(Text::BoothTitle)); }

  void draw(ScreenContext& ctx) override {
    BoothDeskService& booth = ctx.staff().service().booth();
    if (ctx.first_frame()) booth.refresh();
    const Metrics& m = ctx.metrics();
    TouchScroll scroll(ctx, "staff.booth", ctx.content_rect());
    const auto [x, width, top] = centered_column(ctx, scroll.origin().x, 1500);
    float y = scroll.origin().y + m.gap;
    const std::optional<BoothDeskView> view = booth.view();
    if (const auto error = booth.error(); error && !view) {
      y += centered_text(ctx, FontRole::Heading, x, y, width, *error, colors::kAccent);
    } else if (view) {
      y = draw_calls(ctx, booth, *view, x, y, width);
      y = draw_double_redemptions(ctx, *view, x, y, width);
      y = draw_questions(ctx, booth, *view, x, y + m.gap, width);
      y = draw_devices(ctx, *view, x, y + m.gap, width);
    }
    scroll.end(y + m.margin);
  }

 private:
  static float heading(ScreenContext& ctx, Text text, float x, float y, float width) {
    const ImFont& font = *ctx.font(FontRole::Heading);
    return y + draw_wrapped_text(ctx.draw_list(), font, font.FontSize, ImVec2(x, y), colors::kText, tr(text), width) + ctx.metrics().gap * 0.5f;
  }

  static float muted(ScreenContext& ctx, std::string_view text, float x, float y, float width, ImU32 color = colors::kTextMuted) {
    const ImFont& font = *ctx.font(FontRole::Body);
    return y + draw_wrapped_text(ctx.draw_list(), font, font.FontSize, ImVec2(x, y), color, text, width);
  }

  struct Card {
    float bottom;
    bool tapped;
  };
  // A card with text on the left and one button on the right.
  template <typename Lines>
  static Card card_with_button(ScreenContext& ctx, const std::string& id, std::string_view button, float x, float y, float width, Lines lines) {
    const Metrics& m = ctx.metrics();
    const float button_width = std::min(width * 0.35f, std::round(300 * m.unit));
    const float text_width = width - button_width - 3 * m.gap * 0.5f;
    ImDrawList& draw = ctx.draw_list();
    const float pad = m.gap * 0.5f;
    const float text_height = lines(x + pad, y + pad, text_width, true);  // measured, to size the card before drawing on it
    const float height = std::max(text_height + 2 * pad, m.touch_min * 1.2f);
    draw.AddRectFilled(ImVec2(x, y), ImVec2(x + width, y + height), colors::kSurface, m.corner);
    lines(x + pad, y + pad, text_width, false);
    const bool tapped =
        big_button(ctx, {id.c_str(), ImVec2(x + width - button_width - pad, y + pad), ImVec2(button_width, height - 2 * pad), button, ButtonKind::Primary});
    return {y + height + m.gap * 0.5f, tapped};
  }

  float draw_calls(ScreenContext& ctx, BoothDeskService& booth, const BoothDeskView& view, float x, float y, float width) {
    y = heading(ctx, Text::BoothCallsHeading, x, y, width);
    if (view.calls.empty()) return muted(ctx, tr(Text::BoothNoCalls), x, y, width);
    for (const StaffCall& call : view.calls) {
      // The department the visitor was reading, when there was one (a route is no word for staff).
      const std::string words = fill_text(Text::BoothCallFormat, {call.kiosk_id, format_local_time(call.at_ms, "%H:%M"), call.department});
      const std::string id = "staff.booth.call." + call.id;
      const Card card = card_with_button(ctx, id, tr(Text::BoothCallHandled), x, y, width, [&](float tx, float ty, float tw, bool measure) {
        const ImFont& font = *ctx.font(FontRole::Heading);
        if (measure) return measure_wrapped_height(font, font.FontSize, words, tw);
        return draw_wrapped_text(ctx.draw_list(), font, font.FontSize, ImVec2(tx, ty), colors::kAccent, words, tw);
      });
      y = card.bottom;
      if (card.tapped) booth.handle_call(call);
    }
    return y;
  }

  // 重复兑奖: each code redeemed more than once, with every redemption's time and device, so
  // that staff can find out where the prize went twice. Only when there is one.
  static float draw_double_redemptions(ScreenContext& ctx, const BoothDeskView& view, float x, float y, float width) {
    if (view.double_redemptions.empty()) return y;
    const Metrics& m = ctx.metrics();
    y = heading(ctx, Text::BoothDoublesHeading, x, y + m.gap, width);
    ImDrawList& draw = ctx.draw_list();
    const ImFont& head = *ctx.font(FontRole::Heading);
    const ImFont& body = *ctx.font(FontRole::Body);
    const float pad = m.gap * 0.5f;
    const float inner = width - 2 * pad;
    const std::size_t shown = std::min(view.double_redemptions.size(), kMaxOpenListed);
    for (std::size_t i = 0; i < shown; ++i) {
      const DoubleRedemption& code = view.double_redemptions[i];
      const std::string title = fill_text(Text::BoothDoubleCodeFormat, {code.code, std::to_string(code.redemptions.size())});
      std::vector<std::string> lines;
      for (std::size_t n = 0; n < code.redemptions.size(); ++n) {
        const DoubleRedemption::Where& where = code.redemptions[n];
        lines.push_back(fill_text(Text::BoothDoubleRedemptionFormat, {std::to_string(n + 1), format_local_time(where.at_ms, "%m-%d %H:%M:%S"), where.kiosk_id}));
      }
      float height = 2 * pad + measure_wrapped_height(head, head.FontSize, title, inner);
      for (const std::string& line : lines) height += measure_wrapped_height(body, body.FontSize, line, inner);
      draw.AddRectFilled(ImVec2(x, y), ImVec2(x + width, y + height), colors::kAccentSoft, m.corner);
      float cy = y + pad;
      cy += draw_wrapped_text(draw, head, head.FontSize, ImVec2(x + pad, cy), colors::kAccent, title, inner);
      for (const std::string& line : lines) cy += draw_wrapped_text(draw, body, body.FontSize, ImVec2(x + pad, cy), colors::kText, line, inner);
      y += height + m.gap * 0.5f;
    }
    if (view.double_redemptions.size() > shown)
      y = muted(ctx, fill_text(Text::BoothDoublesMoreFormat, {std::to_string(view.double_redemptions.size() - shown)}), x, y, width);
    return y;
  }

  float draw_questions(ScreenContext& ctx, BoothDeskService& booth, const BoothDeskView& view, float x, float y, float width) {
    y = heading(ctx, Text::BoothQuestionsHeading, x, y, width);
    if (view.questions.empty()) return muted(ctx, tr(Text::BoothNoQuestions), x, y, width);
    for (const DeskQuestion& question : view.questions) {
      const std::string what = fill_text(Text::BoothQuestionFormat, {question.department, question.topic_label});
      const std::string when = fill_text(Text::BoothQuestionWhenFormat, {question.kiosk_id, format_local_time(question.at_ms, "%H:%M")});
      const std::string id = "staff.booth.question." + question.id;
      const Card card = card_with_button(ctx, id, tr(Text::BoothQuestionAnswered), x, y, width, [&](float tx, float ty, float tw, bool measure) {
        const ImFont& head = *ctx.font(FontRole::Heading);
        const ImFont& body = *ctx.font(FontRole::Body);
        if (measure) return measure_wrapped_height(head, head.FontSize, what, tw) + measure_wrapped_height(body, body.FontSize, when, tw);
        const float h = draw_wrapped_text(ctx.draw_list(), head, head.FontSize, ImVec2(tx, ty), colors::kText, what, tw);
        return h + draw_wrapped_text(ctx.draw_list(), body, body.FontSize, ImVec2(tx, ty + h), colors::kTextMuted, when, tw);
      });
      y = card.bottom;
      if (card.tapped) booth.answer_question(question);
    }
    return y;
  }

  static float draw_devices(ScreenContext& ctx, const BoothDeskView& view, float x, float y, float width) {
    const Metrics& m = ctx.metrics();
    y = heading(ctx, Text::BoothDevicesHeading, x, y, width);
    if (view.devices.empty()) return muted(ctx, tr(Text::BoothNoDevices), x, y, width);
    for (const BoothDeviceRow& device : view.devices) {
      const ImFont& head = *ctx.font(FontRole::Heading);
      const BoardRow& board = device.board;
      const std::string state = board.online ? std::string(tr(Text::BoothDeviceOnline)) : fill_text(Text::BoothDeviceSilentFormat, {duration_words(board.silent_ms)});
      y += draw_wrapped_text(ctx.draw_list(), head, head.FontSize, ImVec2(x, y), board.online ? colors::kSuccess : colors::kAccent,
                             board.device + "　" + state, width);
      y = muted(ctx,
                fill_text(Text::BoothDeviceCountsFormat, {std::to_string(device.sessions_today), std::to_string(device.taps_today),
                                                          std::to_string(device.quiz_rounds_today), std::to_string(device.vouchers_today)}),
                x, y, width, colors::kText);
      y = muted(ctx,
                board.pending > 0 ? fill_text(Text::BoothDeviceLagFormat, {std::to_string(board.pending), duration_words(board.upload_lag_ms)})
                                  : std::string(tr(Text::BoothDeviceUpToDate)),
                x, y, width);
      const std::string last = device.last_event_at_ms > 0 ? format_local_time(device.last_event_at_ms, "%H:%M:%S") : "—";
      y = muted(ctx, fill_text(Text::BoothDeviceLastFormat, {last, board.content_version.empty() ? "—" : board.content_version}), x, y, width);
      for (BoardAlert alert : board.alerts)
        y = muted(ctx, fill_text(alert_words(alert), {board.content_refused}), x, y, width, colors::kAccent);
      y += m.gap * 0.5f;
    }
    return y;
  }
};

}  // namespace

std::unique_ptr<Screen> make_staff_booth_screen() { return std::make_unique<StaffBoothScreen>(); }

}  // namespace openday::ui
