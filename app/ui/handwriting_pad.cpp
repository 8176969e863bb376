#include "ui/handwriting_pad.h"

#include <algorithm>
#include <cmath>

#include "core/content/ui_text.h"
#include "ui/text_layout.h"
#include "ui/widgets.h"

namespace openday::ui {

HandwritingWorker::HandwritingWorker(const Content& content, std::filesystem::path model)
    : content_(content), recognizer_(std::move(model)), thread_([this] { run(); }) {}

HandwritingWorker::~HandwritingWorker() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void HandwritingWorker::submit(Strokes strokes, std::string query, std::uint64_t generation) {
  {
    const std::lock_guard lock(mutex_);
    request_ = Request{std::move(strokes), std::move(query), generation};
  }
  wake_.notify_all();
}

std::optional<HandwritingWorker::Result> HandwritingWorker::take() {
  const std::lock_guard lock(mutex_);
  return std::exchange(result_, std::nullopt);
}

bool HandwritingWorker::busy() const {
  const std::lock_guard lock(mutex_);
  return working_ || request_.has_value();
}

void HandwritingWorker::run() {
  // The content's characters are gathered here too, on the first request, off the UI thread.
  std::optional<ContentCharacters> characters;
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || request_.has_value(); });
    if (stopping_) return;
    Request request = std::move(*request_);
    request_.reset();
    working_ = true;
    lock.unlock();
    if (!characters) characters.emplace(content_);
    Result result{request.generation, request.strokes.empty() ? std::vector<HandwritingCandidate>()
                                                              : recognize_character(recognizer_, request.strokes, {&*characters, request.query})};
    lock.lock();
    working_ = false;
    result_ = std::move(result);
  }
}

namespace {

constexpr std::size_t kCandidateColumns = kHandwritingCandidates;

ImVec2 to_screen(StrokePoint point, ImVec2 pos, float side) {
  const float scale = side / static_cast<float>(kStrokeBox);
  return ImVec2(pos.x + static_cast<float>(point.x) * scale, pos.y + static_cast<float>(point.y) * scale);
}

StrokePoint to_box(ImVec2 screen, ImVec2 pos, float side) {
  const float scale = static_cast<float>(kStrokeBox) / side;
  const auto clamp = [](float v) { return std::clamp(static_cast<int>(std::lround(v)), 0, kStrokeBox); };
  return {clamp((screen.x - pos.x) * scale), clamp((screen.y - pos.y) * scale)};
}

}  // namespace

// 撤销一笔 in 大字 wraps in a narrow column: the row grows for it rather than spilling out.
float HandwritingPad::buttons_height(ScreenContext& ctx, float width, float key_height) {
  const float cell = (width - 2 * ctx.metrics().gap * 0.4f) / 3;
  float height = key_height;
  for (Text label : {Text::SearchHandwritingUndo, Text::SearchHandwritingClear, Text::SearchHandwritingDelete})
    height = std::max(height, button_height_for(ctx, tr(label), cell));
  return height;
}

float HandwritingPad::rows_height(ScreenContext& ctx, float width, float key_height) {
  const float gap = ctx.metrics().gap * 0.4f;
  return key_height + gap + buttons_height(ctx, width, key_height) + gap;
}

void HandwritingPad::clear() {
  strokes_.clear();
  drawing_ = false;
  candidates_.clear();
  ++generation_;
}

void HandwritingPad::recognize(const std::string& query) {
  ++generation_;
  if (strokes_.empty()) {
    candidates_.clear();
    return;
  }
  worker_.submit(strokes_, query, generation_);
}

PadAction HandwritingPad::draw(ScreenContext& ctx, ImVec2 pos, float width, float side, const std::string& query, float& height) {
  const Metrics& m = ctx.metrics();
  if (auto result = worker_.take(); result && result->generation == generation_) candidates_ = std::move(result->candidates);
  // A result on its way: look again soon (the worker never wakes the loop itself).
  if (worker_.busy()) ctx.request_frame_within(0.02);
  ImDrawList& draw = ctx.draw_list();
  const ImVec2 pad_pos(pos.x + (width - side) * 0.5f, pos.y);
  draw_grid(draw, pad_pos, side, m.unit);
  track_finger(ctx, pad_pos, side, query);
  draw_ink(draw, pad_pos, side, m.unit);
  if (strokes_.empty() && !drawing_) {
    const ImFont& body = *ctx.font(FontRole::Body);
    const float hint_height = measure_wrapped_height(body, body.FontSize, tr(Text::SearchHandwritingHint), side - 2 * m.gap);
    // A square too small for the hint (大字 in landscape) shows only its grid: the hint would
    // spill over the toggle above it.
    if (hint_height + m.gap * 1.5f <= side)
      draw_wrapped_text(draw, body, body.FontSize, ImVec2(pad_pos.x + m.gap, pad_pos.y + side - hint_height - m.gap * 0.5f),
                      colors::kTextMuted, tr(Text::SearchHandwritingHint), side - 2 * m.gap);
  }
  const float key_height = std::max(m.touch_min, line_height(ctx.font_px(FontRole::Heading)) + m.gap * 0.5f);
  float y = pos.y + side + m.gap * 0.4f;
  PadAction action = draw_candidates(ctx, ImVec2(pos.x, y), width, key_height);
  y += key_height + m.gap * 0.4f;
  const float buttons = buttons_height(ctx, width, key_height);
  const PadAction button = draw_buttons(ctx, ImVec2(pos.x, y), width, buttons, query);
  if (button.kind != PadAction::Kind::None) action = button;
  height = y + buttons - pos.y;
  if (action.kind == PadAction::Kind::Pick) clear();
  return action;
}

void HandwritingPad::draw_grid(ImDrawList& draw, ImVec2 pos, float side, float unit) const {
  const ImVec2 max(pos.x + side, pos.y + side);
  draw.AddRectFilled(pos, max, colors::kSurface, 8 * unit);
  draw.AddRect(pos, max, colors::kAccent, 8 * unit, 0, std::max(2.0f, 4 * unit));
  // The 米字格 of a copybook: the middle lines and the diagonals, light, dashed.
  const ImU32 line = colors::kBorder;
  const float thickness = std::max(1.0f, 2 * unit);
  const float dash = 18 * unit;
  const auto dashed = [&](ImVec2 a, ImVec2 b) {
    const float length = std::hypot(b.x - a.x, b.y - a.y);
    const int pieces = std::max(1, static_cast<int>(length / dash));
    for (int i = 0; i < pieces; i += 2) {
      const float t0 = static_cast<float>(i) / static_cast<float>(pieces), t1 = static_cast<float>(i + 1) / static_cast<float>(pieces);
      draw.AddLine(ImVec2(a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0), ImVec2(a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1), line, thickness);
    }
  };
  dashed(ImVec2(pos.x + side * 0.5f, pos.y), ImVec2(pos.x + side * 0.5f, max.y));
  dashed(ImVec2(pos.x, pos.y + side * 0.5f), ImVec2(max.x, pos.y + side * 0.5f));
  dashed(pos, max);
  dashed(ImVec2(max.x, pos.y), ImVec2(pos.x, max.y));
}

// The finger on the pad: a stroke starts where it lands, grows every frame it moves (the ink
// follows it) and ends where it lifts, which asks the worker for candidates.
void HandwritingPad::track_finger(ScreenContext& ctx, ImVec2 pos, float side, const std::string& query) {
  ImGui::SetCursorScreenPos(pos);
  ImGui::InvisibleButton("search.hw.pad", ImVec2(side, side));
  register_visible_target(ctx, "search.hw.pad", pos, ImVec2(pos.x + side, pos.y + side), tr(Text::SearchModeHandwriting));
  const bool active = ImGui::IsItemActive();
  if (active && strokes_.size() < kMaxStrokes) {
    const StrokePoint point = to_box(ImGui::GetIO().MousePos, pos, side);
    if (!drawing_) {
      strokes_.emplace_back();
      drawing_ = true;
    }
    Stroke& stroke = strokes_.back();
    if (stroke.size() < kMaxStrokePoints && (stroke.empty() || stroke.back().x != point.x || stroke.back().y != point.y))
      stroke.push_back(point);
    return;
  }
  if (drawing_) {
    drawing_ = false;
    recognize(query);
  }
}

void HandwritingPad::draw_ink(ImDrawList& draw, ImVec2 pos, float side, float unit) const {
  const float thickness = std::max(4.0f, 14 * unit);
  for (const Stroke& stroke : strokes_) {
    if (stroke.size() == 1) {
      draw.AddCircleFilled(to_screen(stroke.front(), pos, side), thickness * 0.5f, colors::kText);
      continue;
    }
    std::vector<ImVec2> points;
    points.reserve(stroke.size());
    for (const StrokePoint point : stroke) points.push_back(to_screen(point, pos, side));
    draw.AddPolyline(points.data(), static_cast<int>(points.size()), colors::kText, 0, thickness);
    for (const ImVec2 end : {points.front(), points.back()}) draw.AddCircleFilled(end, thickness * 0.5f, colors::kText);
  }
}

PadAction HandwritingPad::draw_candidates(ScreenContext& ctx, ImVec2 pos, float width, float key_height) {
  const Metrics& m = ctx.metrics();
  const float gap = m.gap * 0.25f;
  const float cell = (width - gap * static_cast<float>(kCandidateColumns - 1)) / static_cast<float>(kCandidateColumns);
  PadAction action;
  for (std::size_t i = 0; i < candidates_.size() && i < kCandidateColumns; ++i) {
    const std::string id = "search.hw.candidate." + std::to_string(i);
    const ImVec2 at(pos.x + static_cast<float>(i) * (cell + gap), pos.y);
    // In the heading face, large enough to tell look-alikes apart; on the search screen it holds
    // every character of the content (glyph_plan), the ones ranked first.
    if (big_button(ctx, {id.c_str(), at, ImVec2(cell, key_height), candidates_[i].character, i == 0 ? ButtonKind::Primary : ButtonKind::Secondary,
                         FontRole::Heading, {}, 0}))
      action = {PadAction::Kind::Pick, candidates_[i].character};
  }
  return action;
}

PadAction HandwritingPad::draw_buttons(ScreenContext& ctx, ImVec2 pos, float width, float key_height, const std::string& query) {
  const Metrics& m = ctx.metrics();
  const float gap = m.gap * 0.4f;
  const float cell = (width - 2 * gap) / 3;
  PadAction action;
  if (big_button(ctx, {"search.hw.undo", pos, ImVec2(cell, key_height), tr(Text::SearchHandwritingUndo), ButtonKind::Secondary}) &&
      !strokes_.empty()) {
    strokes_.pop_back();
    recognize(query);
  }
  if (big_button(ctx, {"search.hw.clear", ImVec2(pos.x + cell + gap, pos.y), ImVec2(cell, key_height), tr(Text::SearchHandwritingClear),
                       ButtonKind::Secondary})) {
    clear();
  }
  if (big_button(ctx, {"search.hw.delete", ImVec2(pos.x + 2 * (cell + gap), pos.y), ImVec2(cell, key_height),
                       tr(Text::SearchHandwritingDelete), ButtonKind::Secondary}))
    action.kind = PadAction::Kind::Delete;
  return action;
}

}  // namespace openday::ui
