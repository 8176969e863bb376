// Staff: `openday doctor` from the staff screen (本机自检). The checks run in core, off the UI
// thread (StaffService::run_doctor); this lists one row per check: a large tick or cross, the
// check's Chinese name, what was found, and under a failed one what to do, in Chinese first and
// then the technician's exact step. The tick and cross are drawn: the CJK face has no ✓ or ✗.
#include <algorithm>
#include <array>
#include <span>
#include <string>

#include "core/content/ui_text.h"
#include "ui/page.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"
#include "ui/touch_scroll.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

struct CheckWords {
  DoctorCheckId id;
  Text name;
  Text fix;
};
constexpr std::array kCheckWords = {
    CheckWords{DoctorCheckId::Display, Text::DoctorDisplay, Text::DoctorFixDisplay},
    CheckWords{DoctorCheckId::Touch, Text::DoctorTouch, Text::DoctorFixTouch},
    CheckWords{DoctorCheckId::Font, Text::DoctorFont, Text::DoctorFixFont},
    CheckWords{DoctorCheckId::Config, Text::DoctorConfig, Text::DoctorFixConfig},
    CheckWords{DoctorCheckId::Content, Text::DoctorContent, Text::DoctorFixContent},
    CheckWords{DoctorCheckId::QuizBank, Text::DoctorQuizBank, Text::DoctorFixQuizBank},
    CheckWords{DoctorCheckId::Database, Text::DoctorDatabase, Text::DoctorFixDatabase},
    CheckWords{DoctorCheckId::Clock, Text::DoctorClock, Text::DoctorFixClock},
    CheckWords{DoctorCheckId::Pin, Text::DoctorPin, Text::DoctorFixPin},
    CheckWords{DoctorCheckId::PrizeStock, Text::DoctorPrizeStock, Text::DoctorFixPrizeStock},
    CheckWords{DoctorCheckId::KioskId, Text::DoctorKioskId, Text::DoctorFixKioskId},
    CheckWords{DoctorCheckId::Printer, Text::DoctorPrinter, Text::DoctorFixPrinter},  // issue 30
};

const CheckWords& words_for(DoctorCheckId id) {
  const auto found = std::find_if(kCheckWords.begin(), kCheckWords.end(), [id](const CheckWords& w) { return w.id == id; });
  return found != kCheckWords.end() ? *found : kCheckWords.front();
}

// A tick (passed) or a cross (failed) in a box of side `size` at `pos`.
void draw_verdict_mark(ImDrawList& draw, ImVec2 pos, float size, bool ok) {
  const float stroke = std::max(2.0f, size * 0.14f);
  if (ok) {
    const ImVec2 points[] = {ImVec2(pos.x + size * 0.12f, pos.y + size * 0.55f), ImVec2(pos.x + size * 0.40f, pos.y + size * 0.82f),
                             ImVec2(pos.x + size * 0.90f, pos.y + size * 0.18f)};
    draw.AddPolyline(points, 3, colors::kSuccess, ImDrawFlags_None, stroke);
    return;
  }
  const float inset = size * 0.18f;
  draw.AddLine(ImVec2(pos.x + inset, pos.y + inset), ImVec2(pos.x + size - inset, pos.y + size - inset), colors::kAccent, stroke);
  draw.AddLine(ImVec2(pos.x + size - inset, pos.y + inset), ImVec2(pos.x + inset, pos.y + size - inset), colors::kAccent, stroke);
}

class StaffDoctorScreen final : public Screen {
 public:
  std::string title() const override { return std::string(tr(Text::ActionDoctor)); }

  void draw(ScreenContext& ctx) override {
    StaffService& staff = ctx.staff().service();
    if (ctx.first_frame()) ctx.staff().run_doctor();
    const Metrics& m = ctx.metrics();
    // 再检查一次 stays at the bottom, under however many checks (a printer, a booth hub).
    const float button_height = std::max(m.touch_min * 1.2f, line_height(ctx.font_px(FontRole::Heading)) + m.gap);
    Page page(ctx, ctx.content_rect(), button_height);
    page.primary("staff.doctor.again");
    {
      TouchScroll scroll(ctx, "staff.doctor", page.body());
      const auto [x, width, top] = centered_column(ctx, scroll.origin().x, 1500);
      float y = scroll.origin().y + m.gap;
      if (staff.doctor_running()) {
        ctx.request_frame_within(0.2);
        y += centered_text(ctx, FontRole::Heading, x, y, width, tr(Text::DoctorRunning), colors::kTextMuted);
      } else if (const auto& error = staff.doctor_error()) {
        y += centered_text(ctx, FontRole::Heading, x, y, width, fill_text(Text::DoctorErrorFormat, {*error}), colors::kAccent);
      } else if (const auto& checks = staff.doctor_checks()) {
        y = draw_checks(ctx, *checks, x, y, width);
      }
      scroll.end(y + m.gap);
    }
    const auto [x, width, top] = centered_column(ctx, ctx.content_rect().min.x, 1500);
    const float button_width = std::min(width, 600 * m.unit);
    if (big_button(ctx, {"staff.doctor.again", ImVec2(x + (width - button_width) * 0.5f, page.actions().min.y), ImVec2(button_width, button_height),
                         tr(Text::DoctorAgain), ButtonKind::Secondary}) &&
        !staff.doctor_running())
      ctx.staff().run_doctor();
  }

 private:
  static std::string summary_of(const std::vector<DoctorCheck>& checks, std::size_t failed) {
    if (failed == 0) return fill_text(Text::DoctorAllPassedFormat, {std::to_string(checks.size())});
    return fill_text(Text::DoctorSomeFailedFormat, {std::to_string(checks.size()), std::to_string(failed)});
  }

  // What was found, in Chinese where the check says it in words; names of files and devices as they are.
  static std::string found_words(const DoctorCheck& check) {
    if (check.found == Text::Count) return check.detail;
    return fill_text(check.found, std::span<const std::string>(check.found_values));
  }

  // One check: the mark, its name, what was found, and under a failed one what to do.
  static float draw_check(ScreenContext& ctx, const DoctorCheck& check, float x, float y, float width) {
    const Metrics& m = ctx.metrics();
    ImDrawList& draw = ctx.draw_list();
    const ImFont& heading = *ctx.font(FontRole::Heading);
    const ImFont& body = *ctx.font(FontRole::Body);
    const float mark = heading.FontSize * 1.1f;
    draw_verdict_mark(draw, ImVec2(x, y), mark, check.ok);
    const float text_x = x + mark + m.gap * 0.5f;
    const float text_width = width - (text_x - x);
    const CheckWords& words = words_for(check.id);
    float height = draw_wrapped_text(draw, heading, heading.FontSize, ImVec2(text_x, y), check.ok ? colors::kText : colors::kAccent,
                                     tr(words.name), text_width);
    if (!check.ok)
      height += draw_wrapped_text(draw, body, body.FontSize, ImVec2(text_x, y + height), colors::kAccent, tr(words.fix), text_width);
    height += draw_wrapped_text(draw, body, body.FontSize, ImVec2(text_x, y + height), colors::kTextMuted, found_words(check), text_width);
    if (!check.ok && !check.fix.empty())
      height += draw_wrapped_text(draw, body, body.FontSize, ImVec2(text_x, y + height), colors::kTextMuted, check.fix, text_width);
    return std::max(height, mark);
  }

  static float draw_checks(ScreenContext& ctx, const std::vector<DoctorCheck>& checks, float x, float y, float width) {
    const Metrics& m = ctx.metrics();
    const auto failed = static_cast<std::size_t>(std::count_if(checks.begin(), checks.end(), [](const DoctorCheck& c) { return !c.ok; }));
    y += centered_text(ctx, FontRole::Heading, x, y, width, summary_of(checks, failed), failed == 0 ? colors::kSuccess : colors::kAccent) +
         m.gap * 0.5f;
    // Failed checks first: they are what the clerk came for.
    std::vector<const DoctorCheck*> ordered;
    for (const DoctorCheck& check : checks) ordered.push_back(&check);
    std::stable_partition(ordered.begin(), ordered.end(), [](const DoctorCheck* c) { return !c->ok; });
    for (const DoctorCheck* check : ordered) y += draw_check(ctx, *check, x, y, width) + m.gap * 0.6f;
    return y;
  }
};

}  // namespace

std::unique_ptr<Screen> make_staff_doctor_screen() { return std::make_unique<StaffDoctorScreen>(); }

}  // namespace openday::ui
