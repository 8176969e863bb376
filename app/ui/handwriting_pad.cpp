#include "ui/handwriting_pad.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <initializer_list>

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

ImVec2 to_screen(StrokePoint point, ImVec2 pos, float side) {
  const float scale = side / static_cast<float>(kStrokeBox);
  return ImVec2(pos.x + static_cast<float>(point.x) * scale, pos.y + static_cast<float>(point.y) * scale);
}

StrokePoint to_box(ImVec2 screen, ImVec2 pos, float side) {
  const float scale = static_cast<float>(kStrokeBox) / side;
  const auto clamp = [](float v) { return std::clamp(static_cast<int>(std::lround(v)), 0, kStrokeBox); };
  return {clamp((screen.x - pos.x) * scale), clamp((screen.y - pos.y) * scale)};
}

float rows_gap(const Metrics& m) { return m.gap * 0.4f; }
float candidates_gap(const Metrics& m) { return m.gap * 0.25f; }

// One row of candidates under the square; two rows of four in the column beside it.
std::size_t candidate_columns(bool beside) { return beside ? (kHandwritingCandidates + 1) / 2 : kHandwritingCandidates; }
std::size_t candidate_rows(bool beside) { return (kHandwritingCandidates + candidate_columns(beside) - 1) / candidate_columns(beside); }

float candidates_height(ScreenContext& ctx, bool beside) {
  const float rows = static_cast<float>(candidate_rows(beside));
  return rows * HandwritingPad::key_height(ctx) + (rows - 1) * candidates_gap(ctx.metrics());
}

constexpr Text kButtonLabels[] = {Text::SearchHandwritingUndo, Text::SearchHandwritingClear, Text::SearchHandwritingDelete};

// 撤销一笔, 清除 and 删除: in one row under the square, or 撤销一笔 over the other two beside it.
// A label that wraps (大字 in a narrow cell) makes its row taller rather than spilling out.
struct ButtonBoxes {
  ImVec2 pos[3];
  ImVec2 size[3];
  float height = 0;
};

ButtonBoxes button_boxes(ScreenContext& ctx, ImVec2 pos, float width, bool beside) {
  const float gap = rows_gap(ctx.metrics());
  const float key = HandwritingPad::key_height(ctx);
  const auto row_height = [&](std::initializer_list<Text> labels, float cell) {
    float height = key;
    for (Text label : labels) height = std::max(height, button_height_for(ctx, tr(label), cell));
    return height;
  };
  ButtonBoxes boxes;
  if (!beside) {
    const float cell = (width - 2 * gap) / 3;
    boxes.height = row_height({kButtonLabels[0], kButtonLabels[1], kButtonLabels[2]}, cell);
    for (int i = 0; i < 3; ++i) {
      boxes.pos[i] = ImVec2(pos.x + static_cast<float>(i) * (cell + gap), pos.y);
      boxes.size[i] = ImVec2(cell, boxes.height);
    }
    return boxes;
  }
  const float first = row_height({kButtonLabels[0]}, width);
  const float half = (width - gap) / 2;
  const float second = row_height({kButtonLabels[1], kButtonLabels[2]}, half);
  boxes.pos[0] = pos;
  boxes.size[0] = ImVec2(width, first);
  boxes.pos[1] = ImVec2(pos.x, pos.y + first + gap);
  boxes.pos[2] = ImVec2(pos.x + half + gap, pos.y + first + gap);
  boxes.size[1] = boxes.size[2] = ImVec2(half, second);
  boxes.height = first + gap + second;
  return boxes;
}

}  // namespace

float HandwritingPad::key_height(ScreenContext& ctx) {
  const Metrics& m = ctx.metrics();
  return std::max(m.touch_min, line_height(ctx.font_px(FontRole::Heading)) + m.gap * 0.5f);
}

float HandwritingPad::controls_height(ScreenContext& ctx, float width, bool beside) {
  return candidates_height(ctx, beside) + rows_gap(ctx.metrics()) + button_boxes(ctx, ImVec2(0, 0), width, beside).height;
}

float HandwritingPad::controls_width_beside(ScreenContext& ctx) {
  const Metrics& m = ctx.metrics();
  const ImFont& heading = *ctx.font(FontRole::Heading);
  const auto label_width = [&](Text label) {
    const std::string_view text = tr(label);
    return heading.CalcTextSizeA(heading.FontSize, FLT_MAX, 0, text.data(), text.data() + text.size()).x + 2 * m.gap + 2;
  };
  const float columns = static_cast<float>(candidate_columns(true));
  const float candidates = columns * key_height(ctx) + (columns - 1) * candidates_gap(m);
  const float halves = 2 * std::max(label_width(kButtonLabels[1]), label_width(kButtonLabels[2])) + rows_gap(m);
  return std::ceil(std::max({candidates, label_width(kButtonLabels[0]), halves}));
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

PadAction HandwritingPad::draw(ScreenContext& ctx, const PadLayout& layout, const std::string& query) {
  const Metrics& m = ctx.metrics();
  if (auto result = worker_.take(); result && result->generation == generation_) candidates_ = std::move(result->candidates);
  // A result on its way: look again soon (the worker never wakes the loop itself).
  if (worker_.busy()) ctx.request_frame_within(0.02);
  ImDrawList& draw = ctx.draw_list();
  draw_grid(draw, layout.pad, layout.side, m.unit);
  track_finger(ctx, layout.pad, layout.side, query);
  draw_ink(draw, layout.pad, layout.side, m.unit);
  if (strokes_.empty() && !drawing_)
    draw_hint(ctx, layout.pad, layout.side, tr(layout.beside ? Text::SearchHandwritingHintBeside : Text::SearchHandwritingHint));
  PadAction action = draw_candidates(ctx, layout.controls, layout.controls_width, candidate_columns(layout.beside));
  const ImVec2 buttons(layout.controls.x, layout.controls.y + candidates_height(ctx, layout.beside) + rows_gap(m));
  const PadAction button = draw_buttons(ctx, buttons, layout.controls_width, layout.beside, query);
  if (button.kind != PadAction::Kind::None) action = button;
  if (action.kind == PadAction::Kind::Pick) clear();
  return action;
}

// A square too small for the hint (大字 in landscape) shows only its grid: the hint would spill
// over what lies above it.
void HandwritingPad::draw_hint(ScreenContext& ctx, ImVec2 pos, float side, std::string_view hint) const {
  const Metrics& m = ctx.metrics();
  const ImFont& body = *ctx.font(FontRole::Body);
  const float hint_height = measure_wrapped_height(body, body.FontSize, hint, side - 2 * m.gap);
  if (hint_height + m.gap * 1.5f > side) return;
  draw_wrapped_text(ctx.draw_list(), body, body.FontSize, ImVec2(pos.x + m.gap, pos.y + side - hint_height - m.gap * 0.5f),
                    colors::kTextMuted, hint, side - 2 * m.gap);
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
  ctx.taps().mark_surface("search.hw.pad");
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

PadAction HandwritingPad::draw_candidates(ScreenContext& ctx, ImVec2 pos, float width, std::size_t columns) {
  const float gap = candidates_gap(ctx.metrics());
  const float key = key_height(ctx);
  const float cell = (width - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
  PadAction action;
  for (std::size_t i = 0; i < candidates_.size() && i < kHandwritingCandidates; ++i) {
    const std::string id = "search.hw.candidate." + std::to_string(i);
    ctx.taps().allow_quick_tap(id);
    const ImVec2 at(pos.x + static_cast<float>(i % columns) * (cell + gap), pos.y + static_cast<float>(i / columns) * (key + gap));
    // In the heading face, large enough to tell look-alikes apart; on the search screen it holds
    // every character of the content (glyph_plan), the ones ranked first.
    if (big_button(ctx, {id.c_str(), at, ImVec2(cell, key), candidates_[i].character, i == 0 ? ButtonKind::Primary : ButtonKind::Secondary,
                         FontRole::Heading, {}, 0}))
      action = {PadAction::Kind::Pick, candidates_[i].character};
  }
  return action;
}

void HandwritingPad::undo(const std::string& query) {
  if (strokes_.empty()) return;
  strokes_.pop_back();
  recognize(query);
}

PadAction HandwritingPad::draw_buttons(ScreenContext& ctx, ImVec2 pos, float width, bool beside, const std::string& query) {
  const ButtonBoxes boxes = button_boxes(ctx, pos, width, beside);
  const char* ids[] = {"search.hw.undo", "search.hw.clear", "search.hw.delete"};
  PadAction action;
  for (int i = 0; i < 3; ++i) {
    ctx.taps().allow_quick_tap(ids[i]);
    if (!big_button(ctx, {ids[i], boxes.pos[i], boxes.size[i], tr(kButtonLabels[i]), ButtonKind::Secondary})) continue;
    if (i == 0) undo(query);
    if (i == 1) clear();
    if (i == 2) action.kind = PadAction::Kind::Delete;
  }
  return action;
}

}  // namespace openday::ui
