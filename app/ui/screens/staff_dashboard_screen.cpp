// Staff: today at a glance in large type, where visitors went, what they misunderstood, what
// needs attention, the summary paragraph for the report, and the staff actions.
#include <algorithm>
#include <initializer_list>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "core/reports/stats.h"

#include "core/content/ui_text.h"
#include "core/util/local_clock.h"
#include "ui/page.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"
#include "ui/touch_scroll.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

class StaffDashboardScreen final : public Screen {
 public:
  std::string title() const override { return std::string(tr(Text::StaffTitle)); }

  void draw(ScreenContext& ctx) override {
    StaffService& staff = ctx.staff().service();
    // Fresh numbers when the screen opens, every 30 s while it is open, and at once when the
    // booth's local day changes (midnight): today's figures are then recomputed for the new day.
    const std::string today = format_calendar_date(local_today());
    const bool day_changed = staff.dashboard() && staff.dashboard()->today.from != today;
    // (A report still computing for the old day is followed by another within a second.)
    if (ctx.now() - refreshed_at_ > (day_changed ? 1.0 : 30.0)) {
      refreshed_at_ = ctx.now();
      staff.refresh_dashboard();
    }
    ctx.request_frame_within(day_changed ? 0.25 : std::min(30.0, seconds_to_local_midnight() + 0.5));
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    // The actions stay at the bottom of the screen; the figures scroll above them.
    const int action_rows = action_rows_needed(ctx, area.width() - 2 * m.margin);
    const float button_height = action_button_height(ctx, area.width() - 2 * m.margin, action_rows);
    Page page(ctx, area, static_cast<float>(action_rows) * (button_height + m.gap) - m.gap);
    for (const Action& action : kActions) page.primary(action.id);
    {
      TouchScroll scroll(ctx, "staff.dashboard", page.body());
      const float x = scroll.origin().x + m.margin;
      const float width = area.width() - 2 * m.margin;
      float y = scroll.origin().y + m.gap;
      const auto& dashboard = staff.dashboard();
      // Yesterday's figures are never shown as today's: until the new day's report arrives
      // the dashboard says it is counting.
      if (!dashboard || dashboard->today.from != today) {
        y += centered_text(ctx, FontRole::Heading, x, y, width, staff.dashboard_error().value_or(std::string(tr(Text::Loading))),
                           colors::kTextMuted);
      } else {
        y = draw_tiles(ctx, *dashboard, x, y, width) + m.gap;
        y = draw_charts(ctx, *dashboard, x, y, width) + m.gap;
        y = draw_search_charts(ctx, *dashboard, x, y, width) + m.gap;
        y = draw_warnings(ctx, *dashboard, x, y, width) + m.gap;
        y = draw_summary(ctx, *dashboard, x, y, width) + m.gap;
      }
      y = draw_reload_status(ctx, x, y, width);
      scroll.end(y + m.margin);
    }
    draw_actions(ctx, page.actions().min.x, page.actions().min.y, page.actions().width(), action_rows, button_height);
  }

 private:
  struct Tile {
    Text label;
    std::string value;
    std::string detail;
  };

  static double seconds_to_local_midnight() {
    return static_cast<double>(24 * 3600 - local_time_now().second_of_day());
  }

  static std::string percent(std::int64_t part, std::int64_t whole) {
    return std::to_string(whole ? static_cast<int>(std::lround(100.0 * static_cast<double>(part) / static_cast<double>(whole))) : 0);
  }

  static Tile satisfaction_tile(const VoiceCounts& voice) {
    const auto rate = voice.satisfaction_rate();
    if (!rate) return {Text::TileSatisfaction, "-", std::string(tr(Text::TileNoRatings))};
    return {Text::TileSatisfaction, std::to_string(static_cast<int>(std::lround(*rate * 100))) + "%",
            fill_text(Text::TileSatisfactionFormat, {std::to_string(voice.rating_count())})};
  }

  // On a booth device the stock is the booth's, shared by every kiosk (the service puts it in the
  // dashboard as the hub last told it): the tile says so.
  static Tile stock_tile(ScreenContext& ctx, const Dashboard& d) {
    const bool booth = ctx.staff().service().booth_prizes();
    const Text unknown = booth ? Text::TileBoothStockUnknown : Text::TileStockUnknown;
    return {booth ? Text::TileBoothStock : Text::TileStock, d.today.prize_stock ? std::to_string(*d.today.prize_stock) : std::string(tr(unknown)), ""};
  }

  float draw_tiles(ScreenContext& ctx, const Dashboard& d, float x, float y, float width) const {
    const Metrics& m = ctx.metrics();
    const DailyRow& t = d.today.total;
    // A round begun before midnight and passed after it counts as passed today but was started
    // yesterday: today's attempts are at least today's passes, so the tile never reads 0 / 1.
    const std::int64_t attempts = std::max(t.quiz_attempts, t.quiz_passed);
    const std::vector<Tile> tiles = {
        {Text::TileSessions, std::to_string(t.sessions),
         t.sessions == 0 ? std::string(tr(Text::DashboardNoVisitorsToday))
                         : fill_text(Text::TileEngagedFormat, {std::to_string(t.engaged_sessions)})},
        {Text::TileInteractions, std::to_string(t.interactions), ""},
        {Text::TileQuiz, attempts == 0 ? std::string("0") : std::to_string(attempts) + " / " + std::to_string(t.quiz_passed),
         attempts == 0 ? std::string(tr(Text::DashboardNoQuizToday))
                       : fill_text(Text::TilePassRateFormat, {percent(t.quiz_passed, attempts)})},
        {Text::TileVouchers, std::to_string(t.vouchers_issued) + " / " + std::to_string(t.vouchers_redeemed), ""},
        stock_tile(ctx, d),
        // The citizen's voice (issue 15)
        {Text::TileFaqViews, std::to_string(d.today.voice.faq_views), ""},
        {Text::TileQuestions, std::to_string(d.today.voice.questions_asked),
         fill_text(Text::TileQuestionsFormat, {std::to_string(d.today.voice.questions_registered), std::to_string(d.today.voice.questions_answered)})},
        satisfaction_tile(d.today.voice),
    };
    const int columns = m.portrait ? 2 : 5;
    const float tile_width = (width - m.gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const ImFont& display = *ctx.font(FontRole::Display);
    const ImFont& body = *ctx.font(FontRole::Body);
    const float tile_height = m.gap * 1.5f + line_height(body.FontSize) * 2 + line_height(display.FontSize);
    ImDrawList& draw = ctx.draw_list();
    for (std::size_t i = 0; i < tiles.size(); ++i) {
      const float tx = x + static_cast<float>(i % static_cast<std::size_t>(columns)) * (tile_width + m.gap);
      const float ty = y + static_cast<float>(i / static_cast<std::size_t>(columns)) * (tile_height + m.gap);
      draw.AddRectFilled(ImVec2(tx, ty), ImVec2(tx + tile_width, ty + tile_height), colors::kSurface, m.corner);
      draw.AddRect(ImVec2(tx, ty), ImVec2(tx + tile_width, ty + tile_height), colors::kBorder, m.corner, 0, std::max(2.0f, std::round(2 * m.unit)));
      float cy = ty + m.gap * 0.6f;
      const std::string_view label = tr(tiles[i].label);
      draw.AddText(&body, body.FontSize, ImVec2(tx + m.gap, cy), colors::kTextMuted, label.data(), label.data() + label.size());
      cy += line_height(body.FontSize);
      draw.AddText(&display, display.FontSize, ImVec2(tx + m.gap, cy), colors::kAccent, tiles[i].value.c_str());
      cy += line_height(display.FontSize);
      draw.AddText(&body, body.FontSize, ImVec2(tx + m.gap, cy), colors::kTextMuted, tiles[i].detail.c_str());
    }
    const std::size_t rows = (tiles.size() + static_cast<std::size_t>(columns) - 1) / static_cast<std::size_t>(columns);
    return y + static_cast<float>(rows) * (tile_height + m.gap) - m.gap;
  }

  struct Chart {
    Text title;
    Text empty;  // what an empty day says instead of a row of zeros
    std::vector<std::pair<std::string, double>> bars;
    bool as_percent = false;
    bool label_above = false;  // long labels (whole questions) wrap on their own lines above the bar
  };

  // Horizontal bars: a label, a bar scaled to the largest value, the value.
  float draw_bars(ScreenContext& ctx, const Chart& chart, float x, float y, float width) const {
    const Metrics& m = ctx.metrics();
    ImDrawList& draw = ctx.draw_list();
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const ImFont& body = *ctx.font(FontRole::Body);
    y += draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(x, y), colors::kText, tr(chart.title), width) + m.gap * 0.3f;
    if (chart.bars.empty()) return y + draw_wrapped_text(draw, body, body.FontSize, ImVec2(x, y), colors::kTextMuted, tr(chart.empty), width);
    const bool as_percent = chart.as_percent;
    double largest = as_percent ? 1.0 : 0;
    for (const auto& [label, value] : chart.bars) largest = std::max(largest, value);
    const float label_width = chart.label_above ? 0 : std::round(width * 0.42f);
    const float value_width = std::round(body.FontSize * 3.2f);
    const float bar_space = width - label_width - value_width - m.gap;
    const float row = line_height(body.FontSize) + m.gap * 0.25f;
    for (const auto& [label, value] : chart.bars) {
      if (chart.label_above) {
        y += draw_wrapped_text(draw, body, body.FontSize, ImVec2(x, y), colors::kText, label, width);
      } else {
        const auto lines = wrap_text(body, body.FontSize, label, label_width - m.gap * 0.3f);
        const std::string_view first = lines.empty() ? std::string_view() : lines.front().text;
        draw.AddText(&body, body.FontSize, ImVec2(x, y), colors::kText, first.data(), first.data() + first.size());
      }
      const float length = largest > 0 ? static_cast<float>(value / largest) * bar_space : 0;
      const float bar_top = y + row * 0.18f, bar_bottom = y + row * 0.78f;
      draw.AddRectFilled(ImVec2(x + label_width, bar_top), ImVec2(x + label_width + std::max(length, 2.0f), bar_bottom), colors::kAccent,
                         std::round(4 * m.unit));
      char text[32];
      if (as_percent) std::snprintf(text, sizeof text, "%.0f%%", value * 100.0);
      else std::snprintf(text, sizeof text, "%.0f", value);
      draw.AddText(&body, body.FontSize, ImVec2(x + label_width + bar_space + m.gap, y), colors::kText, text);
      y += row + (chart.label_above ? m.gap * 0.4f : 0);
    }
    return y;
  }

  // Only what happened today: hours, departments and questions with no visitor are left out,
  // and a chart with nothing in it says so.
  float draw_charts(ScreenContext& ctx, const Dashboard& d, float x, float y, float width) const {
    Chart hours{Text::ChartHours, Text::DashboardNoVisitorsToday, {}, false, false};
    Chart departments{Text::ChartDepartments, Text::DashboardNoViewsToday, {}, false, false};
    Chart questions{Text::ChartQuestions, Text::DashboardNoAnswersToday, {}, true, true};
    for (const HourRow& h : d.today.hours) {
      if (h.sessions <= 0) continue;
      char label[16];
      std::snprintf(label, sizeof label, "%02d:00", h.hour);
      hours.bars.emplace_back(label, static_cast<double>(h.sessions));
    }
    for (const DepartmentRow& row : d.today.departments)
      if (row.views > 0 && departments.bars.size() < 8) departments.bars.emplace_back(row.short_name, static_cast<double>(row.views));
    for (const QuestionRow& row : d.today.questions)
      if (row.answers > 0 && questions.bars.size() < 8) questions.bars.emplace_back(row.text, row.accuracy());
    return draw_chart_grid(ctx, {&hours, &departments, &questions}, x, y, width);
  }

  // What visitors looked for today (issue 14): 热门主题, 热门搜索 and 无结果搜索, the last
  // telling staff what citizens could not find.
  float draw_search_charts(ScreenContext& ctx, const Dashboard& d, float x, float y, float width) const {
    Chart topics{Text::ReportTopTopics, Text::ReportNoneYet, {}, false, false};
    Chart searches{Text::ReportTopSearches, Text::ReportNoneYet, {}, false, false};
    Chart failed{Text::ReportFailedSearches, Text::ReportNoneYet, {}, false, false};
    for (const TopicRow& row : d.today.topics)
      if (topics.bars.size() < 8) topics.bars.emplace_back(row.name, static_cast<double>(row.views));
    for (const SearchRow& row : d.today.searches)
      if (searches.bars.size() < 8) searches.bars.emplace_back(row.query, static_cast<double>(row.searches));
    for (const SearchRow& row : d.today.failed_searches)
      if (failed.bars.size() < 8) failed.bars.emplace_back(row.query, static_cast<double>(row.searches));
    return draw_chart_grid(ctx, {&topics, &searches, &failed}, x, y, width);
  }

  // Three charts side by side (one above the other in portrait); returns the y below them.
  float draw_chart_grid(ScreenContext& ctx, std::initializer_list<const Chart*> charts, float x, float y, float width) const {
    const Metrics& m = ctx.metrics();
    const int columns = m.portrait ? 1 : 3;
    const float column_width = (width - m.gap * 2 * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    float bottom = y;
    float cx = x, cy = y;
    int column = 0;
    for (const Chart* chart : charts) {
      bottom = std::max(bottom, draw_bars(ctx, *chart, cx, cy, column_width));
      if (++column < columns) {
        cx += column_width + m.gap * 2;
      } else {
        column = 0;
        cx = x;
        cy = bottom + m.gap;
      }
    }
    return bottom;
  }

  float draw_warnings(ScreenContext& ctx, const Dashboard& d, float x, float y, float width) const {
    ImDrawList& draw = ctx.draw_list();
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const ImFont& body = *ctx.font(FontRole::Body);
    y += draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(x, y), colors::kText, tr(Text::WarningsTitle), width);
    if (d.warnings.empty())
      return y + draw_wrapped_text(draw, body, body.FontSize, ImVec2(x, y), colors::kSuccess, tr(Text::NoWarnings), width);
    for (const auto& [warning, detail] : d.warnings) {
      Text text = Text::WarningDatabase;
      switch (warning) {
        case StaffWarning::DatabaseUnavailable: text = Text::WarningDatabase; break;
        case StaffWarning::DatabaseRecovered: text = Text::WarningRecovered; break;
        case StaffWarning::EventsDropped: text = Text::WarningDropped; break;
        case StaffWarning::LowStock: text = Text::WarningLowStock; break;
        case StaffWarning::LowDisk: text = Text::WarningLowDisk; break;
        case StaffWarning::DatabaseReplaced: text = Text::WarningReplaced; break;
      }
      y += draw_wrapped_text(draw, body, body.FontSize, ImVec2(x, y), colors::kAccent, fill_text(text, {detail}), width);
    }
    return y;
  }

  float draw_summary(ScreenContext& ctx, const Dashboard& d, float x, float y, float width) const {
    const Metrics& m = ctx.metrics();
    ImDrawList& draw = ctx.draw_list();
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const ImFont& body = *ctx.font(FontRole::Body);
    y += draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(x, y), colors::kText, tr(Text::SummaryTitle), width) + m.gap * 0.2f;
    const std::string summary = summary_text(d.today, ctx.event().county);
    const float height = measure_wrapped_height(body, body.FontSize, summary, width - 2 * m.gap) + 2 * m.gap * 0.6f;
    draw.AddRectFilled(ImVec2(x, y), ImVec2(x + width, y + height), colors::kSurface, m.corner * 0.5f);
    draw_wrapped_text(draw, body, body.FontSize, ImVec2(x + m.gap, y + m.gap * 0.6f), colors::kText, summary, width - 2 * m.gap);
    return y + height;
  }

  float draw_reload_status(ScreenContext& ctx, float x, float y, float width) const {
    StaffService& staff = ctx.staff().service();
    if (staff.reloading()) y += centered_text(ctx, FontRole::Heading, x, y, width, tr(Text::ReloadRunning), colors::kTextMuted);
    if (const auto problems = staff.reload_problems()) {
      y += centered_text(ctx, FontRole::Heading, x, y, width, tr(Text::ReloadRejected), colors::kAccent);
      y += draw_wrapped_text(ctx.draw_list(), *ctx.font(FontRole::Body), ctx.font_px(FontRole::Body), ImVec2(x, y), colors::kAccent,
                             *problems, width);
    }
    return y;
  }

  struct Action {
    const char* id;
    Text label;
    ButtonKind kind;
  };
  static constexpr Action kActions[] = {{"staff.redeem", Text::ActionRedeem, ButtonKind::Primary},
                                        {"staff.tally", Text::ActionTally, ButtonKind::Primary},
                                        {"staff.stock", Text::ActionStock, ButtonKind::Secondary},
                                        {"staff.export", Text::ActionExport, ButtonKind::Primary},
                                        {"staff.reload", Text::ActionReload, ButtonKind::Secondary},
                                        {"staff.doctor", Text::ActionDoctor, ButtonKind::Secondary},
                                        {"staff.back_to_kiosk", Text::ActionBackToKiosk, ButtonKind::Secondary},
                                        {"staff.exit", Text::ActionExit, ButtonKind::Secondary}};

  // Columns for the actions in this many rows; the last row may hold fewer.
  static int action_columns(int rows) { return (static_cast<int>(std::size(kActions)) + rows - 1) / rows; }

  static float action_button_width(const Metrics& m, float width, int rows) {
    const int columns = action_columns(rows);
    return (width - m.gap * 0.5f * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  }

  // As few rows as let every action's name stand on one line at full size: one row on a wide
  // screen, more in portrait or in large text, rather than "重新载入内/容" spilling out.
  static int action_rows_needed(const ScreenContext& ctx, float width) {
    const Metrics& m = ctx.metrics();
    const ImFont& font = *ctx.font(FontRole::Heading);
    for (int rows : {1, 2, 3}) {
      const float inner = action_button_width(m, width, rows) - 2 * m.gap * 0.4f;
      bool all_fit = true;
      for (const Action& action : kActions) all_fit = all_fit && wrap_text(font, font.FontSize, tr(action.label), inner).size() == 1;
      if (all_fit) return rows;
    }
    return 3;
  }

  // One line each where the rows allow it; where even three rows do not (大字 in portrait), the
  // buttons grow for the wrapped name instead of shrinking it.
  static float action_button_height(ScreenContext& ctx, float width, int rows) {
    const Metrics& m = ctx.metrics();
    const float button_width = action_button_width(m, width, rows);
    float height = std::max(m.touch_min * 1.1f, line_height(ctx.font_px(FontRole::Heading)) + m.gap);
    for (const Action& action : kActions) height = std::max(height, button_height_for(ctx, tr(action.label), button_width, FontRole::Heading, {}, m.gap * 0.4f));
    return height;
  }

  void draw_actions(ScreenContext& ctx, float x, float y, float width, int rows, float button_height) {
    const Metrics& m = ctx.metrics();
    StaffService& staff = ctx.staff().service();
    ctx.draw_list().AddRectFilled(ImVec2(x - m.margin, y - m.gap * 0.5f), ImVec2(x + width + m.margin, ctx.content_rect().max.y),
                                  colors::kBackground);
    const auto& actions = kActions;
    const int columns = action_columns(rows);
    const float button_width = action_button_width(m, width, rows);
    for (std::size_t i = 0; i < std::size(actions); ++i) {
      const ImVec2 pos(x + static_cast<float>(i % static_cast<std::size_t>(columns)) * (button_width + m.gap * 0.5f),
                       y + static_cast<float>(i / static_cast<std::size_t>(columns)) * (button_height + m.gap));
      ButtonSpec spec{actions[i].id, pos, ImVec2(button_width, button_height), tr(actions[i].label), actions[i].kind};
      spec.padding = m.gap * 0.4f;
      if (!big_button(ctx, spec)) continue;
      const std::string id = actions[i].id;
      if (id == "staff.redeem") ctx.router().push("staff/redeem");
      else if (id == "staff.stock") ctx.router().push("staff/stock");
      else if (id == "staff.tally") ctx.router().push("staff/tally");
      else if (id == "staff.export") ctx.router().push("staff/export");
      else if (id == "staff.reload") staff.reload_content();
      else if (id == "staff.doctor") ctx.router().push("staff/doctor");
      else if (id == "staff.back_to_kiosk") ctx.staff().leave_staff_mode();
      else if (id == "staff.exit") ctx.router().push("staff/exit");
    }
  }

  double refreshed_at_ = -1e9;
};

}  // namespace

std::unique_ptr<Screen> make_staff_dashboard_screen() { return std::make_unique<StaffDashboardScreen>(); }

}  // namespace openday::ui
