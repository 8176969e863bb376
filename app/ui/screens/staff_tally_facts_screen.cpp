// Staff: 活动概况, the day's facts that are not taps (issue 12): departments taking part, staff
// on duty, boards put up, leaflets printed. Choose one, type the number on the keypad, save; a
// wrong figure is corrected by saving it again (the latest entry counts in every report).
#include <array>
#include <algorithm>

#include "core/content/ui_text.h"
#include "ui/page.h"
#include "ui/screen_context.h"
#include "ui/tally_words.h"
#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

constexpr std::size_t kMaxDigits = 7;  // kMaxEventFact has eight: 9,999,999 is plenty for a booth

class StaffTallyFactsScreen final : public Screen {
 public:
  std::string title() const override { return std::string(tr(Text::FactsTitle)); }

  void draw(ScreenContext& ctx) override {
    TallyService& tally = ctx.staff().service().tally();
    if (!asked_) {
      asked_ = true;
      tally.refresh();
    }
    collect_saved(tally);
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    const float x = area.min.x + m.margin;
    const float width = area.width() - 2 * m.margin;
    float y = area.min.y + m.gap * 0.5f;
    y += centered_text(ctx, FontRole::Body, x, y, width, tr(Text::FactsHint), colors::kTextMuted) + m.gap * 0.5f;

    // The four facts: two columns, each a button with its current value.
    const float fact_width = (width - m.gap) / 2;
    std::array<std::string, kEventFactKinds> shown;
    float fact_height = m.touch_min * 1.2f;  // as tall as the tallest label needs (大字 wraps them)
    for (std::size_t i = 0; i < kEventFactKinds; ++i) {
      const auto fact = static_cast<EventFactKind>(i);
      const auto value = tally.today() ? tally.today()->totals.fact(fact) : std::nullopt;
      shown[i] = value ? std::to_string(*value) : std::string(tr(Text::FactUnset));
      fact_height = std::max(fact_height, button_height_for(ctx, event_fact_words(fact), fact_width, FontRole::Heading, shown[i]));
    }
    for (std::size_t i = 0; i < kEventFactKinds; ++i) {
      const auto fact = static_cast<EventFactKind>(i);
      const ImVec2 pos(x + static_cast<float>(i % 2) * (fact_width + m.gap), y + static_cast<float>(i / 2) * (fact_height + m.gap * 0.5f));
      const std::string id = "staff.facts." + std::string(event_fact_name(fact));
      ButtonSpec spec{id.c_str(), pos, ImVec2(fact_width, fact_height), event_fact_words(fact),
                      fact == chosen_ ? ButtonKind::Primary : ButtonKind::Secondary};
      spec.detail = shown[i];
      spec.state = fact == chosen_ ? "chosen" : "";
      if (big_button(ctx, spec)) {
        chosen_ = fact;
        typed_.clear();
      }
    }
    y += 2 * (fact_height + m.gap * 0.5f) + m.gap * 0.5f;

    // What is being typed, then the keypad.
    const std::string typed = std::string(event_fact_words(chosen_)) + "：" + (typed_.empty() ? std::string("_") : typed_);
    y += centered_text(ctx, FontRole::Heading, x, y, width, typed, colors::kText) + m.gap * 0.5f;
    const std::string saved = saved_line();
    const float status_height = line_height(ctx.font_px(FontRole::Heading)) + m.gap * 0.5f;
    const float keypad_width = std::min(width, 900 * m.unit);
    const float key_height = std::max(m.touch_min, std::min(130 * m.unit, (area.max.y - y - status_height - m.gap) / 4.0f - m.gap * 0.5f));
    const std::vector<std::string> keys = {"1", "2", "3", "4", "5", "6", "7", "8", "9",
                                           std::string(tr(Text::KeyDelete)), "0", std::string(tr(Text::FactSave))};
    declare_primary_action(ctx, "staff.facts.key.11");  // 保存, the keypad's last key: the whole keypad is in view
    const std::string key = keypad(ctx, "staff.facts.key.", keys, 3, ImVec2(x + (width - keypad_width) * 0.5f, y), keypad_width, key_height);
    y += 4 * (key_height + m.gap * 0.5f);
    centered_text(ctx, FontRole::Heading, x, y, width, saved, colors::kSuccess);
    if (key.empty()) return;
    if (key == tr(Text::KeyDelete)) {
      if (!typed_.empty()) typed_.pop_back();
    } else if (key == tr(Text::FactSave)) {
      save(tally);
    } else if (typed_.size() < kMaxDigits && !(typed_ == "0")) {
      typed_ += key;
    } else if (typed_ == "0") {
      typed_ = key;  // no leading zeros
    }
  }

 private:
  void save(TallyService& tally) {
    if (typed_.empty()) return;
    const std::int64_t value = std::stoll(typed_);
    if (!tally.set_fact(chosen_, value, utc_now_ms())) return;  // the previous save is still running: tap again
    saving_ = std::pair{chosen_, value};
    typed_.clear();
  }

  void collect_saved(const TallyService& tally) {
    if (!saving_ || tally.saving()) return;
    if (!tally.save_error()) saved_ = saving_;
    saving_.reset();
  }

  std::string saved_line() const {
    if (!saved_) return " ";
    return fill_text(Text::FactSavedFormat, {event_fact_words(saved_->first), std::to_string(saved_->second)});
  }

  bool asked_ = false;
  EventFactKind chosen_ = EventFactKind::Departments;
  std::string typed_;
  std::optional<std::pair<EventFactKind, std::int64_t>> saving_;
  std::optional<std::pair<EventFactKind, std::int64_t>> saved_;
};

}  // namespace

std::unique_ptr<Screen> make_staff_tally_facts_screen() { return std::make_unique<StaffTallyFactsScreen>(); }

}  // namespace openday::ui
