// Staff: export the counts (CSV, XLSX and the summary paragraph) to a USB stick, offered first,
// or to the fallback folder. A pulled stick or a full one is a clear message, never a half file.
// With a printer, 打印当日概况 prints the dashboard's figures of today on a slip (issue 30).
#include <algorithm>
#include <optional>

#include "core/content/ui_text.h"
#include "core/reports/report.h"
#include "core/util/local_clock.h"
#include "ui/page.h"
#include "ui/print_widgets.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"
#include "ui/touch_scroll.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

class StaffExportScreen final : public Screen {
 public:
  std::string title() const override { return std::string(tr(Text::ActionExport)); }

  void draw(ScreenContext& ctx) override {
    StaffService& staff = ctx.staff().service();
    if (ctx.printer() && !asked_for_figures_) {  // today's figures for 打印当日概况, fresh as the screen opens
      asked_for_figures_ = true;
      staff.refresh_dashboard();
    }
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    // Sticks come and go: look again every few seconds.
    if (ctx.now() - listed_at_ > 3.0) {
      listed_at_ = ctx.now();
      destinations_ = export_destinations(staff.paths().export_fallback);
      if (!started_) {
        started_ = true;
        staff.forget_export();
      }
    }
    ctx.request_frame_within(3.0);
    TouchScroll scroll(ctx, "staff.export", area);
    const auto [x, width, top] = centered_column(ctx, scroll.origin().x, 1500);
    float y = scroll.origin().y + m.gap;
    y += centered_text(ctx, FontRole::Heading, x, y, width, tr(Text::ExportHint), colors::kText) + m.gap * 0.5f;
    const ImFont& heading = *ctx.font(FontRole::Heading);
    for (std::size_t i = 0; i < destinations_.size(); ++i) {
      const ExportDestination& d = destinations_[i];
      const std::string label = fill_text(d.removable ? Text::ExportRemovableFormat : Text::ExportLocalFormat, {d.folder.string()});
      const std::string id = "staff.export.destination." + std::to_string(i);
      if (i == 0) declare_primary_action(ctx, id);  // the first place to export to: under the hint, in view
      // A long folder path wraps (after its slashes) inside a button grown to hold it.
      const float height = std::max(m.touch_min * 1.2f, measure_wrapped_height(heading, heading.FontSize, label, width - 2 * m.gap) + m.gap);
      if (big_button(ctx, {id.c_str(), ImVec2(x, y), ImVec2(width, height), label, d.removable ? ButtonKind::Primary : ButtonKind::Secondary}) &&
          !staff.exporting())
        staff.export_to(d.folder);
      y += height + m.gap * 0.5f;
    }
    y = draw_print_summary(ctx, staff, x, y, width);
    y += m.gap * 0.5f;
    ImDrawList& draw = ctx.draw_list();
    const ImFont& body = *ctx.font(FontRole::Body);
    if (staff.exporting()) {
      y += centered_text(ctx, FontRole::Heading, x, y, width, tr(Text::ExportRunning), colors::kTextMuted);
    } else if (const auto error = staff.export_error()) {
      y += centered_text(ctx, FontRole::Heading, x, y, width, fill_text(Text::ExportFailedFormat, {*error}), colors::kAccent);
    } else if (const auto result = staff.export_result()) {
      const std::string folder = result->files.empty() ? "" : result->files.front().parent_path().string();
      y += centered_text(ctx, FontRole::Heading, x, y, width,
                         fill_text(Text::ExportDoneFormat, {std::to_string(result->files.size()), folder}), colors::kSuccess);
      y += draw_wrapped_text(draw, body, body.FontSize, ImVec2(x, y + m.gap * 0.5f), colors::kText, result->summary, width) + m.gap;
    }
    scroll.end(y + m.margin);
  }

 private:
  // 打印当日概况: once today's report is there (never yesterday's figures as today's).
  float draw_print_summary(ScreenContext& ctx, StaffService& staff, float x, float y, float width) {
    const auto& dashboard = staff.dashboard();
    if (!ctx.printer() || !dashboard || dashboard->today.from != format_calendar_date(local_today())) return y;
    Event tapped;
    tapped.type = EventType::PrintSummary;
    tapped.screen = ctx.router().current_route();
    tapped.item = dashboard->today.from;
    const PrintButtonSpec spec{"staff.export.print_summary", Text::PrintSummaryButton,
                               [&ctx, &staff](print::SlipPrinter& printer) -> std::optional<std::uint64_t> {
                                 return printer.print_day_summary(ctx.event(), day_summary_facts(staff.dashboard()->today));
                               },
                               std::move(tapped)};
    return y + ctx.metrics().gap * 0.5f + print_button_row(ctx, print_, spec, ImVec2(x, y + ctx.metrics().gap * 0.5f), width);
  }

  PrintButtonState print_;
  bool asked_for_figures_ = false;
  std::vector<ExportDestination> destinations_;
  double listed_at_ = -1e9;
  bool started_ = false;
};

}  // namespace

std::unique_ptr<Screen> make_staff_export_screen() { return std::make_unique<StaffExportScreen>(); }

}  // namespace openday::ui
