// 满意度评价: "您对本次政务公开日活动满意吗？" with the five levels of the 好差评 scale as large
// buttons, each with its words, a face and a star count (never colour alone); 不满意 and 非常
// 不满意 then ask for a reason. 跳过 is always there. A rating is thanked for a moment. After
// 结束使用 the session ends either way (返回 goes back to the page, for a tap made by mistake);
// after a quiz round the visitor goes on to the home screen. A visitor who walks away is
// not waited for longer than the countdown shown (shorter than the idle timeout).
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <numbers>

#include "core/content/ui_text.h"
#include "core/visits/satisfaction.h"
#include "ui/page.h"
#include "ui/screen_context.h"
#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace openday::ui {
namespace {

constexpr double kCountdownSeconds = 30;

// A face: happy for the high levels, straight for 基本满意, sad for the low ones.
void draw_face(ImDrawList& draw, ImVec2 center, float radius, int value, ImU32 ink, float thickness) {
  draw.AddCircle(center, radius, ink, 48, thickness);
  const float eye = radius * 0.11f;
  draw.AddCircleFilled(ImVec2(center.x - radius * 0.35f, center.y - radius * 0.25f), eye, ink, 16);
  draw.AddCircleFilled(ImVec2(center.x + radius * 0.35f, center.y - radius * 0.25f), eye, ink, 16);
  const float curve = static_cast<float>(value - 3) * 0.16f;  // + smiles, - frowns
  const float mouth_y = center.y + radius * 0.35f;
  ImVec2 points[9];
  for (int i = 0; i < 9; ++i) {
    const float t = static_cast<float>(i) / 8.0f * 2.0f - 1.0f;  // -1 .. 1
    points[i] = ImVec2(center.x + t * radius * 0.5f, mouth_y + (1.0f - t * t) * curve * radius - curve * radius * 0.5f);
  }
  draw.AddPolyline(points, 9, ink, 0, thickness);
}

void draw_star(ImDrawList& draw, ImVec2 center, float radius, bool filled, ImU32 ink, float thickness) {
  ImVec2 points[10];
  for (int i = 0; i < 10; ++i) {
    const float r = i % 2 == 0 ? radius : radius * 0.45f;
    const float angle = static_cast<float>(-std::numbers::pi / 2 + i * std::numbers::pi / 5);
    points[i] = ImVec2(center.x + r * std::cos(angle), center.y + r * std::sin(angle));
  }
  if (filled) {  // 1.86 fills convex shapes only: the inner pentagon, then each point
    const ImVec2 inner[5] = {points[1], points[3], points[5], points[7], points[9]};
    draw.AddConvexPolyFilled(inner, 5, ink);
    for (int i = 0; i < 10; i += 2) draw.AddTriangleFilled(points[(i + 9) % 10], points[i], points[i + 1], ink);
  }
  draw.AddPolyline(points, 10, ink, ImDrawFlags_Closed, thickness);
}

class RatingScreen final : public Screen {
 public:
  explicit RatingScreen(bool ends_session) : ends_session_(ends_session) {}

  std::string title() const override { return std::string(tr(Text::RatingTitle)); }
  double animation_interval_seconds() const override { return 1.0; }  // the countdown

  void draw(ScreenContext& ctx) override {
    if (opened_at_ < 0) opened_at_ = ctx.now();
    if (rated_at_ >= 0) {
      draw_thanks(ctx);
      return;
    }
    const double seconds_left = deadline(ctx) - ctx.now();
    if (seconds_left <= 0) {
      finish(ctx, ctx.last_touch_at());  // nobody is there: the session ends, its dwell up to the last touch
      return;
    }
    ctx.request_frame_within(std::min(1.0, seconds_left));
    const Rect area = ctx.content_rect();
    const Metrics& m = ctx.metrics();
    auto [x, width, y] = page_column(ctx);
    y += centered_text(ctx, FontRole::Display, x, y, width, tr(rated_ ? Text::RatingReasonQuestion : Text::RatingQuestion), colors::kText);
    y += m.gap * 0.2f;
    // Only what ends the session counts down to its end; after a quiz round the visitor goes on.
    if (ends_session_) {
      const std::string countdown = fill_text(Text::RatingCountdownFormat, {std::to_string(static_cast<int>(std::ceil(seconds_left)))});
      y += centered_text(ctx, FontRole::Body, x, y, width, countdown, colors::kTextMuted);
    }
    y += m.gap * 0.6f;
    const float skip_height = std::max(m.touch_min, line_height(ctx.font_px(FontRole::Heading)) + m.gap * 0.6f);
    const float note_height = measure_wrapped_height(*ctx.font(FontRole::Body), ctx.font_px(FontRole::Body), tr(Text::RatingNotOfficial), width);
    const float bottom = area.max.y - m.margin - skip_height - m.gap * 0.6f - note_height - m.gap * 0.4f;
    if (rated_) draw_reasons(ctx, x, y, width, bottom - y);
    else draw_levels(ctx, x, y, width, bottom - y);
    float below = bottom + m.gap * 0.4f;
    below += centered_text(ctx, FontRole::Body, x, below, width, tr(Text::RatingNotOfficial), colors::kTextMuted) + m.gap * 0.6f;
    const float skip_width = std::min(width, 480 * m.unit);
    declare_primary_action(ctx, "rating.skip");
    if (big_button(ctx, {"rating.skip", ImVec2(x + (width - skip_width) * 0.5f, below), ImVec2(skip_width, skip_height), tr(Text::RatingSkip)}))
      finish(ctx, ctx.now());
  }

 private:
  static constexpr double kThanksSeconds = 2.5;

  // 感谢您的评价！ for a moment after the choice, then on as the choice said; nothing to tap.
  void draw_thanks(ScreenContext& ctx) {
    const double left = rated_at_ + kThanksSeconds - ctx.now();
    if (left <= 0) {
      finish(ctx, rated_at_);
      return;
    }
    ctx.request_frame_within(left);
    const Rect area = ctx.content_rect();
    auto [x, width, y] = page_column(ctx);
    const float height = measure_wrapped_height(*ctx.font(FontRole::Display), ctx.font_px(FontRole::Display), tr(Text::RatingThanks), width);
    centered_text(ctx, FontRole::Display, x, std::max(y, (area.min.y + area.max.y - height) * 0.5f), width, tr(Text::RatingThanks),
                  colors::kSuccess);
  }

  double deadline(const ScreenContext& ctx) const {
    const double countdown = std::min(kCountdownSeconds, static_cast<double>(ctx.config().idle_timeout_seconds) - 1.0);
    return std::max(opened_at_, ctx.last_touch_at()) + std::max(1.0, countdown);
  }

  // Landscape: five columns; portrait: five rows. Each: a face, the words, the stars.
  void draw_levels(ScreenContext& ctx, float x, float y, float width, float height) {
    const Metrics& m = ctx.metrics();
    const float gap = m.gap * 0.5f;
    const int count = static_cast<int>(kSatisfactionLevels.size());
    const bool rows = m.portrait;
    const ImVec2 size = rows ? ImVec2(width, (height - gap * static_cast<float>(count - 1)) / static_cast<float>(count))
                             : ImVec2((width - gap * static_cast<float>(count - 1)) / static_cast<float>(count), height);
    for (int i = 0; i < count; ++i) {
      const SatisfactionLevel& level = kSatisfactionLevels[static_cast<std::size_t>(i)];
      const ImVec2 pos = rows ? ImVec2(x, y + static_cast<float>(i) * (size.y + gap)) : ImVec2(x + static_cast<float>(i) * (size.x + gap), y);
      const std::string id = "rating.level." + std::string(level.key);
      declare_primary_action(ctx, id);
      ButtonSpec spec{id.c_str(), pos, size, tr(level.words), ButtonKind::Secondary};
      spec.caller_draws_label = true;
      const bool tapped = big_button(ctx, spec);
      draw_level(ctx, level, pos, size, rows);
      if (tapped) rate(ctx, level.value);
    }
  }

  static void draw_level(ScreenContext& ctx, const SatisfactionLevel& level, ImVec2 pos, ImVec2 size, bool row) {
    const Metrics& m = ctx.metrics();
    ImDrawList& draw = ctx.draw_list();
    const ImFont& words = *ctx.font(FontRole::Heading);
    const std::string_view label = tr(level.words);
    const float thickness = std::max(2.0f, std::round(5 * m.unit));
    const ImU32 face_ink = rating_is_satisfied(level.value) ? colors::kSuccess : colors::kAccent;
    const float label_width = words.CalcTextSizeA(words.FontSize, FLT_MAX, 0, label.data(), label.data() + label.size()).x;
    if (row) {
      const float radius = std::min(size.y * 0.32f, 70 * m.unit);
      const ImVec2 face(pos.x + m.gap + radius, pos.y + size.y * 0.5f);
      draw_face(draw, face, radius, level.value, face_ink, thickness);
      draw_text_line(draw, words, words.FontSize, ImVec2(face.x + radius + m.gap, std::floor(face.y - words.FontSize * 0.5f)), colors::kText, label);
      const float star = std::min(radius * 0.45f, 30 * m.unit);
      for (int s = 0; s < 5; ++s)
        draw_star(draw, ImVec2(pos.x + size.x - m.gap - star - static_cast<float>(4 - s) * star * 2.3f, face.y), star, s < level.value,
                  colors::kText, std::max(1.5f, thickness * 0.5f));
      return;
    }
    const float label_px = std::min(words.FontSize, words.FontSize * (size.x - m.gap) / std::max(1.0f, label_width));
    const float star = std::min(size.x / 13.0f, 24 * m.unit);
    // The face takes what the words and the stars leave (a short screen in 大字 leaves little).
    const float rest = line_height(label_px) + m.gap * 1.3f + 2 * star + m.gap;
    const float radius = std::max(0.0f, std::min(size.x * 0.28f, (size.y - rest) * 0.5f));
    // Face, words and stars as one block, centred in the button.
    const float block = 2 * radius + m.gap * 0.8f + line_height(label_px) + m.gap * 0.5f + 2 * star;
    const ImVec2 face(pos.x + size.x * 0.5f, pos.y + std::max(m.gap, (size.y - block) * 0.5f) + radius);
    if (radius >= 12 * m.unit) draw_face(draw, face, radius, level.value, face_ink, thickness);
    const float label_y = face.y + radius + m.gap * 0.8f;
    const float shown_width = label_width * label_px / words.FontSize;
    draw_text_line(draw, words, label_px, ImVec2(std::floor(pos.x + (size.x - shown_width) * 0.5f), label_y), colors::kText, label);
    const float stars_y = label_y + line_height(label_px) + m.gap * 0.5f + star;
    for (int s = 0; s < 5; ++s)
      draw_star(draw, ImVec2(pos.x + size.x * 0.5f + static_cast<float>(s - 2) * star * 2.3f, stars_y), star, s < level.value, colors::kText,
                std::max(1.5f, thickness * 0.5f));
  }

  void draw_reasons(ScreenContext& ctx, float x, float y, float width, float height) {
    const Metrics& m = ctx.metrics();
    const float gap = m.gap * 0.5f;
    const int count = static_cast<int>(kSatisfactionReasons.size());
    const float button_height = std::min((height - gap * static_cast<float>(count - 1)) / static_cast<float>(count), 200 * m.unit);
    const float button_width = std::min(width, 1100 * m.unit);
    for (int i = 0; i < count; ++i) {
      const SatisfactionReason& reason = kSatisfactionReasons[static_cast<std::size_t>(i)];
      const std::string id = "rating.reason." + std::string(reason.key);
      declare_primary_action(ctx, id);
      if (big_button(ctx, {id.c_str(), ImVec2(x + (width - button_width) * 0.5f, y + static_cast<float>(i) * (button_height + gap)),
                           ImVec2(button_width, button_height), tr(reason.words)}))
        give_reason(ctx, reason.key);
    }
  }

  void rate(ScreenContext& ctx, int value) {
    Event rated;
    rated.type = EventType::SatisfactionRated;
    rated.value = value;
    rated.target = ends_session_ ? "end" : "quiz";
    ctx.log(std::move(rated));
    if (rating_asks_reason(value)) {
      rated_ = value;
      return;
    }
    rated_at_ = ctx.now();
  }

  void give_reason(ScreenContext& ctx, std::string_view key) {
    Event reason;
    reason.type = EventType::SatisfactionReason;
    reason.value = rated_;
    reason.target = std::string(key);
    ctx.log(std::move(reason));
    rated_at_ = ctx.now();
  }

  void finish(ScreenContext& ctx, double at) {
    if (ends_session_) ctx.end_session(at);
    else ctx.router().home();
  }

  bool ends_session_;
  double opened_at_ = -1;
  int rated_ = 0;  // the level rated, while its reason is asked
  double rated_at_ = -1;  // when the rating (and its reason) was given: thanks are shown
};

}  // namespace

std::unique_ptr<Screen> make_rating_screen(bool ends_session) { return std::make_unique<RatingScreen>(ends_session); }

}  // namespace openday::ui
