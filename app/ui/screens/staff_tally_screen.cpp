// Staff: 现场登记, the desk's tally (issue 12). One large button per kind of work with today's
// running total on it: people received and policy answers (+1; answers choose the department on
// the next screen, recent ones first), problems (department and category), handbooks and
// leaflets (+1, +10, +100). 撤销上一次 takes the last tap back within a minute and says which
// tap and how long it still can; a double tap counts once (TallyService); every tap is counted
// only once its commit returned.
#include <algorithm>
#include <array>

#include "core/content/ui_text.h"
#include "ui/page.h"
#include "ui/screen_context.h"
#include "ui/tally_words.h"
#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

class StaffTallyScreen final : public Screen {
 public:
  std::string title() const override { return std::string(tr(Text::TallyTitle)); }

  void draw(ScreenContext& ctx) override {
    TallyService& tally = ctx.staff().service().tally();
    if (!asked_) {
      asked_ = true;
      tally.refresh();  // the day's totals may have grown on another desk or from the command line
    }
    const TallyTotals totals = tally.today() ? tally.today()->totals : TallyTotals{};
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    const float x = area.min.x + m.margin;
    const float width = area.width() - 2 * m.margin;
    const float heading = line_height(ctx.font_px(FontRole::Heading));
    const float body = line_height(ctx.font_px(FontRole::Body));
    const float card_height = std::max(m.touch_min * 1.6f, heading * 2 + body + m.gap * 1.5f);
    float y = area.min.y + m.gap;

    // People received, answers, problems: one row in landscape, one under the other in portrait.
    const int columns = m.portrait ? 1 : 3;
    const float column_width = (width - m.gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    const std::array<TallyKind, 3> singles = {TallyKind::Consultation, TallyKind::Answer, TallyKind::Problem};
    for (std::size_t i = 0; i < singles.size(); ++i) {
      const float cx = x + static_cast<float>(static_cast<int>(i) % columns) * (column_width + m.gap);
      const float cy = y + static_cast<float>(static_cast<int>(i) / columns) * (card_height + m.gap);
      draw_single(ctx, tally, totals, singles[i], ImVec2(cx, cy), ImVec2(column_width, card_height));
    }
    y += static_cast<float>((singles.size() + static_cast<std::size_t>(columns) - 1) / static_cast<std::size_t>(columns)) *
         (card_height + m.gap);

    // Handbooks and leaflets: a label with the total, then +1, +10, +100.
    const int bundle_columns = m.portrait ? 1 : 2;
    const float bundle_width = (width - m.gap * static_cast<float>(bundle_columns - 1)) / static_cast<float>(bundle_columns);
    const float bundle_height = heading + m.gap * 0.5f + std::max(m.touch_min * 1.2f, line_height(ctx.font_px(FontRole::Display)));
    const std::array<TallyKind, 2> bundles = {TallyKind::Handbook, TallyKind::Leaflet};
    for (std::size_t i = 0; i < bundles.size(); ++i) {
      const float bx = x + static_cast<float>(static_cast<int>(i) % bundle_columns) * (bundle_width + m.gap);
      const float by = y + static_cast<float>(static_cast<int>(i) / bundle_columns) * (bundle_height + m.gap);
      draw_bundles(ctx, tally, totals, bundles[i], ImVec2(bx, by), ImVec2(bundle_width, bundle_height));
    }
    y += static_cast<float>(bundles.size() / static_cast<std::size_t>(bundle_columns)) * (bundle_height + m.gap);

    // 撤销上一次 and 活动概况, then what the last tap did.
    const float action_height = std::max(m.touch_min * 1.2f, heading + body + m.gap);
    const float facts_width = m.portrait ? width : std::min(width * 0.3f, 520 * m.unit);
    const float undo_width = m.portrait ? width : width - facts_width - m.gap;
    // The desk's taps, first to last: all of them in view, whatever the shape and the text size.
    for (const std::string_view id : {"staff.tally.consultation", "staff.tally.undo", "staff.tally.facts"}) declare_primary_action(ctx, id);
    draw_undo(ctx, tally, ImVec2(x, y), ImVec2(undo_width, action_height));
    const ImVec2 facts_pos = m.portrait ? ImVec2(x, y + action_height + m.gap) : ImVec2(x + undo_width + m.gap, y);
    if (big_button(ctx, {"staff.tally.facts", facts_pos, ImVec2(facts_width, action_height), tr(Text::TallyFacts), ButtonKind::Secondary}))
      ctx.router().push("staff/tally/facts");
    y = (m.portrait ? facts_pos.y : y) + action_height + m.gap;
    // A desk linked to the booth hub: the booth at a glance, one tap away.
    if (ctx.config().hub_url) {
      if (big_button(ctx, {"staff.tally.booth", ImVec2(x, y), ImVec2(width, action_height), tr(Text::ActionBooth), ButtonKind::Secondary}))
        ctx.router().push("staff/booth");
      y += action_height + m.gap;
    }
    centered_text(ctx, FontRole::Heading, x, y, width, status_line(ctx, tally), status_color(tally));
  }

 private:
  void draw_single(ScreenContext& ctx, TallyService& tally, const TallyTotals& totals, TallyKind kind, ImVec2 pos, ImVec2 size) {
    const std::string id = "staff.tally." + std::string(tally_kind_name(kind));
    const std::string total = tally_total_words(kind, totals[kind]);
    std::string detail = total;
    if (kind == TallyKind::Answer) detail = std::string(tr(Text::TallyChooseDepartment)) + "\n" + total;
    if (kind == TallyKind::Problem) detail = std::string(tr(Text::TallyChooseProblem)) + "\n" + total;
    const std::string label = kind == TallyKind::Consultation ? std::string(tr(Text::TallyConsultation)) + "  +1" : std::string(tally_kind_words(kind));
    ButtonSpec spec{id.c_str(), pos, size, label, kind == TallyKind::Consultation ? ButtonKind::Primary : ButtonKind::Secondary};
    spec.detail = detail;
    if (!big_button(ctx, spec)) return;
    if (kind == TallyKind::Answer) ctx.router().push("staff/tally/answer");
    else if (kind == TallyKind::Problem) ctx.router().push("staff/tally/problem");
    else last_outcome_ = tally.tap(TallyTap{kind, "", "", 1}, id, utc_now_ms(), static_cast<std::int64_t>(ctx.now() * 1000));
  }

  void draw_bundles(ScreenContext& ctx, TallyService& tally, const TallyTotals& totals, TallyKind kind, ImVec2 pos, ImVec2 size) {
    const Metrics& m = ctx.metrics();
    ImDrawList& draw = ctx.draw_list();
    draw.AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), colors::kSurface, m.corner);
    const float heading = line_height(ctx.font_px(FontRole::Heading));
    const std::string title = fill_text(Text::TallyBundleTitleFormat, {tally_kind_words(kind), tally_total_words(kind, totals[kind])});
    const float pad = m.gap * 0.5f;
    draw.AddText(ctx.font(FontRole::Heading), ctx.font_px(FontRole::Heading), ImVec2(pos.x + pad, pos.y + pad * 0.5f), colors::kText,
                 title.c_str());
    const std::array<std::int64_t, 3> steps = {1, 10, 100};
    const float key_y = pos.y + heading + pad;
    const float key_width = (size.x - 2 * pad - 2 * m.gap * 0.5f) / 3;
    const float key_height = pos.y + size.y - key_y - pad * 0.5f;
    std::vector<std::string> labels;
    for (std::int64_t step : steps) labels.push_back("+" + std::to_string(step));
    const FontRole role = key_role_for(ctx, labels, ImVec2(key_width, key_height));
    for (std::size_t i = 0; i < steps.size(); ++i) {
      const std::string id = "staff.tally." + std::string(tally_kind_name(kind)) + "." + std::to_string(steps[i]);
      const ImVec2 key_pos(pos.x + pad + static_cast<float>(i) * (key_width + m.gap * 0.5f), key_y);
      if (big_button(ctx, {id.c_str(), key_pos, ImVec2(key_width, key_height), labels[i], ButtonKind::Primary, role}))
        last_outcome_ = tally.tap(TallyTap{kind, "", "", steps[i]}, id, utc_now_ms(), static_cast<std::int64_t>(ctx.now() * 1000));
    }
  }

  void draw_undo(ScreenContext& ctx, TallyService& tally, ImVec2 pos, ImVec2 size) {
    const auto undoable = tally.undoable(utc_now_ms());
    std::string detail(tr(Text::TallyUndoNothing));
    if (undoable) {
      const std::int64_t left_ms = kTallyUndoWindowMs - (utc_now_ms() - undoable->at_ms);
      const std::int64_t seconds = std::max<std::int64_t>(1, (left_ms + 999) / 1000);
      detail = fill_text(Text::TallyUndoDetailFormat, {tap_words(ctx.content(), undoable->tap), std::to_string(seconds)});
      ctx.request_frame_within(std::min(1.0, static_cast<double>(left_ms % 1000 + 1) / 1000.0));  // the countdown, and the end
    }
    ButtonSpec spec{"staff.tally.undo", pos, size, tr(Text::TallyUndo), undoable ? ButtonKind::Primary : ButtonKind::Secondary};
    spec.detail = detail;
    if (big_button(ctx, spec) && undoable) {
      tally.undo(utc_now_ms());
      last_outcome_.reset();
    }
  }

  // What the last tap did: saving, saved (which tap), undone, refused as a double tap.
  std::string status_line(ScreenContext& ctx, const TallyService& tally) const {
    if (tally.saving()) return std::string(tr(Text::TallySaving));
    if (const auto error = tally.save_error()) return fill_text(Text::TallySaveFailedFormat, {*error});
    if (last_outcome_ == TallyTapOutcome::DoubleTap) return std::string(tr(Text::TallyDoubleTap));
    if (last_outcome_ == TallyTapOutcome::Busy) return std::string(tr(Text::TallyBusy));
    if (const auto& undone = tally.last_undone()) return fill_text(Text::TallyUndoneFormat, {tap_words(ctx.content(), *undone)});
    if (const auto& saved = tally.last_saved()) return fill_text(Text::TallySavedFormat, {tap_words(ctx.content(), *saved)});
    return " ";
  }

  ImU32 status_color(const TallyService& tally) const { return tally.save_error() ? colors::kAccent : colors::kTextMuted; }

  bool asked_ = false;
  std::optional<TallyTapOutcome> last_outcome_;
};

}  // namespace

std::unique_ptr<Screen> make_staff_tally_screen() { return std::make_unique<StaffTallyScreen>(); }

}  // namespace openday::ui
