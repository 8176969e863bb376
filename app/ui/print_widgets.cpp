#include "ui/print_widgets.h"

#include <algorithm>
#include <cmath>

#include "ui/page.h"
#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

constexpr double kStatusRefreshSeconds = 0.25;  // how soon a printing job's status is looked at again

// The status line's text and colour; empty before the first tap.
std::pair<std::string_view, ImU32> status_line(const PrintButtonState& state, print::PrintStatus status) {
  if (state.already_printed) return {tr(Text::PrintVoucherAlreadyPrinted), colors::kTextMuted};
  if (!state.ticket) return {"", colors::kText};
  switch (status) {
    case print::PrintStatus::Printing: return {tr(Text::PrintStatusPrinting), colors::kText};
    case print::PrintStatus::Done: return {tr(Text::PrintStatusDone), colors::kSuccess};
    case print::PrintStatus::Unavailable: return {tr(Text::PrintStatusUnavailable), colors::kAccent};
    case print::PrintStatus::Unknown: break;
  }
  return {"", colors::kText};
}

void on_tap(ScreenContext& ctx, PrintButtonState& state, const PrintButtonSpec& spec, print::SlipPrinter& printer) {
  // A second tap while the slip prints is harmless: it prints once.
  if (state.ticket && printer.status(*state.ticket) == print::PrintStatus::Printing) return;
  const auto ticket = spec.submit(printer);
  state.already_printed = !ticket;
  if (!ticket) return;
  state.ticket = ticket;
  state.failure_logged = false;
  ctx.log(spec.event);
}

// print_failed's target: which kind of slip did not print.
std::string failure_target(EventType tapped) {
  if (tapped == EventType::PrintVoucher) return "voucher";
  if (tapped == EventType::PrintSummary) return "summary";
  return "guide";
}

void log_failure_once(ScreenContext& ctx, PrintButtonState& state, const PrintButtonSpec& spec, print::PrintStatus status) {
  if (status != print::PrintStatus::Unavailable || state.failure_logged) return;
  state.failure_logged = true;
  Event failed = spec.event;
  failed.type = EventType::PrintFailed;
  failed.target = failure_target(spec.event.type);
  ctx.log(std::move(failed));
}

}  // namespace

float print_button_row(ScreenContext& ctx, PrintButtonState& state, const PrintButtonSpec& spec, ImVec2 pos, float width) {
  print::SlipPrinter* printer = ctx.printer();
  if (!printer) return 0;
  const Metrics& m = ctx.metrics();
  const ImFont& heading = *ctx.font(FontRole::Heading);
  const float height = std::max(m.touch_min, line_height(heading.FontSize) + m.gap);
  const std::string_view label = tr(spec.label);
  const float button_width = std::min(width, heading.CalcTextSizeA(heading.FontSize, FLT_MAX, 0, label.data(), label.data() + label.size()).x + 3 * m.gap);
  if (spec.primary) declare_primary_action(ctx, spec.id);  // taking it home on paper is what the screen offers
  if (big_button(ctx, {spec.id, pos, ImVec2(button_width, height), label, ButtonKind::Secondary})) on_tap(ctx, state, spec, *printer);

  const print::PrintStatus status = state.ticket ? printer->status(*state.ticket) : print::PrintStatus::Unknown;
  if (status == print::PrintStatus::Printing) ctx.request_frame_within(kStatusRefreshSeconds);
  log_failure_once(ctx, state, spec, status);
  const auto [text, colour] = status_line(state, status);
  if (text.empty()) return height;
  // Beside the button when it fits on one line there, else under it.
  const float beside_width = width - button_width - m.gap;
  const float text_width = heading.CalcTextSizeA(heading.FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
  ImDrawList& draw = ctx.draw_list();
  if (text_width <= beside_width) {
    draw.AddText(&heading, heading.FontSize, ImVec2(pos.x + button_width + m.gap, std::round(pos.y + (height - heading.FontSize) * 0.5f)),
                 colour, text.data(), text.data() + text.size());
    return height;
  }
  const float below = draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(pos.x, pos.y + height + m.gap * 0.3f), colour, text, width);
  return height + m.gap * 0.3f + below;
}

}  // namespace openday::ui
