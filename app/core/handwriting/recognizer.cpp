#include "core/handwriting/recognizer.h"

#include <zinnia.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "core/handwriting/stroke_counts.h"

namespace openday {
namespace {

// Zinnia's features follow each stroke's corners, so a flick where the finger lands or lifts (or
// a brush's entry in stroke data) reads as one more turn. Points closer than this to either end
// of a stroke are dropped; the first and last point of what remains are kept.
constexpr double kStrokeEndTrim = 60;  // units of the 1024 box

double distance(StrokePoint a, StrokePoint b) { return std::hypot(a.x - b.x, a.y - b.y); }

// The radicals the standard order writes last: 辶 (点, 横折折撇, 平捺) and 廴 (横折折撇, 平捺).
constexpr std::size_t kWalkStrokes = 3;
constexpr std::size_t kLongStrideStrokes = 2;

// What makes the last strokes a 辶 or 廴, as fractions of the character's width and height: the
// last (平捺) runs along the bottom across most of the width and ends on the right; the ones
// before it stay on the left.
constexpr double kSweepMinWidth = 0.6;
constexpr double kSweepReachesBelow = 0.75;
constexpr double kSweepEndsRightOf = 0.6;
constexpr double kRadicalLeftOf = 0.45;

struct Box {
  double left = 0, top = 0, right = -1, bottom = -1;
  double width() const { return right - left; }
  double height() const { return bottom - top; }
  void add(StrokePoint p) {
    if (right < left) {
      left = right = p.x;
      top = bottom = p.y;
      return;
    }
    left = std::min(left, static_cast<double>(p.x));
    right = std::max(right, static_cast<double>(p.x));
    top = std::min(top, static_cast<double>(p.y));
    bottom = std::max(bottom, static_cast<double>(p.y));
  }
};

Box box_of(const Strokes& strokes, std::size_t first, std::size_t end) {
  Box box;
  for (std::size_t s = first; s < end; ++s)
    for (const StrokePoint p : strokes[s]) box.add(p);
  return box;
}

// The same strokes with the last `radical_strokes` moved to the front, in their own order.
Strokes radical_first(const Strokes& strokes, std::size_t radical_strokes) {
  const auto split = strokes.end() - static_cast<std::ptrdiff_t>(radical_strokes);
  Strokes reordered(split, strokes.end());
  reordered.insert(reordered.end(), strokes.begin(), split);
  return reordered;
}

// Zinnia's Simplified Chinese model learned the characters of 辶 and 廴 with the radical written
// first; visitors taught the standard order write it last, and 通 so written is not among
// Zinnia's first thousand guesses. The strokes read radical-first speak only for the characters
// of that radical, and a character's better score of the two readings stands.
void merge_radical_first_reading(std::vector<HandwritingCandidate>& candidates, const std::vector<HandwritingCandidate>& radical_first,
                                 std::size_t radical_strokes) {
  std::unordered_map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < candidates.size(); ++i) at.emplace(candidates[i].character, i);
  for (const HandwritingCandidate& guess : radical_first) {
    if (radical_written_last_strokes(guess.character) != static_cast<int>(radical_strokes)) continue;
    const auto found = at.find(guess.character);
    if (found == at.end()) {
      at.emplace(guess.character, candidates.size());
      candidates.push_back(guess);
    } else {
      candidates[found->second].score = std::max(candidates[found->second].score, guess.score);
    }
  }
}

}  // namespace

bool last_strokes_wrap_bottom_left(const Strokes& strokes, std::size_t radical_strokes) {
  if (radical_strokes == 0 || strokes.size() <= radical_strokes) return false;
  const Box whole = box_of(strokes, 0, strokes.size());
  if (whole.width() < 1 || whole.height() < 1) return false;
  const Stroke& sweep = strokes.back();
  const Box swept = box_of(strokes, strokes.size() - 1, strokes.size());
  if (sweep.empty() || swept.width() < kSweepMinWidth * whole.width()) return false;
  if (swept.bottom < whole.top + kSweepReachesBelow * whole.height()) return false;
  if (sweep.back().x < whole.left + kSweepEndsRightOf * whole.width()) return false;
  const Box radical = box_of(strokes, strokes.size() - radical_strokes, strokes.size() - 1);
  return radical.right <= whole.left + kRadicalLeftOf * whole.width();
}

Stroke trim_stroke_ends(const Stroke& stroke) {
  if (stroke.size() < 3) return stroke;
  std::size_t first = 0, end = stroke.size();
  while (first + 2 < end && distance(stroke.front(), stroke[first + 1]) < kStrokeEndTrim) ++first;
  while (end - 2 > first && distance(stroke.back(), stroke[end - 2]) < kStrokeEndTrim) --end;
  return Stroke(stroke.begin() + static_cast<std::ptrdiff_t>(first), stroke.begin() + static_cast<std::ptrdiff_t>(end));
}

Strokes trim_stroke_ends(const Strokes& strokes) {
  Strokes trimmed;
  trimmed.reserve(strokes.size());
  for (const Stroke& stroke : strokes) trimmed.push_back(trim_stroke_ends(stroke));
  return trimmed;
}

struct HandwritingRecognizer::Zinnia {
  zinnia_recognizer_t* recognizer = zinnia_recognizer_new();
  zinnia_character_t* character = zinnia_character_new();
  Zinnia() = default;
  Zinnia(const Zinnia&) = delete;
  Zinnia& operator=(const Zinnia&) = delete;
  ~Zinnia() {
    zinnia_character_destroy(character);
    zinnia_recognizer_destroy(recognizer);
  }
};

HandwritingRecognizer::HandwritingRecognizer(std::filesystem::path model) : model_(std::move(model)) {}
HandwritingRecognizer::~HandwritingRecognizer() = default;

bool HandwritingRecognizer::load() {
  const std::lock_guard lock(mutex_);
  return load_locked();
}

bool HandwritingRecognizer::loaded() const {
  const std::lock_guard lock(mutex_);
  return zinnia_ != nullptr;
}

std::string HandwritingRecognizer::error() const {
  const std::lock_guard lock(mutex_);
  return error_;
}

bool HandwritingRecognizer::load_locked() {
  if (zinnia_) return true;
  if (!error_.empty()) return false;  // a missing model stays missing; do not retry every stroke
  std::error_code ec;
  if (!std::filesystem::is_regular_file(model_, ec)) {
    error_ = "the handwriting model " + model_.string() + " is not installed (Debian package tegaki-zinnia-simplified-chinese)";
    return false;
  }
  auto zinnia = std::make_unique<Zinnia>();
  if (!zinnia->recognizer || !zinnia->character || !zinnia_recognizer_open(zinnia->recognizer, model_.c_str())) {
    error_ = "the handwriting model " + model_.string() + " cannot be opened: " +
             (zinnia->recognizer ? zinnia_recognizer_strerror(zinnia->recognizer) : "out of memory");
    return false;
  }
  zinnia_ = std::move(zinnia);
  return true;
}

std::vector<HandwritingCandidate> HandwritingRecognizer::classify(const Strokes& strokes, std::size_t count) {
  const std::lock_guard lock(mutex_);
  if (strokes.empty() || count == 0 || !load_locked()) return {};
  const Strokes trimmed = trim_stroke_ends(strokes);
  std::vector<HandwritingCandidate> candidates = read_locked(trimmed, count);
  for (const std::size_t radical_strokes : {kWalkStrokes, kLongStrideStrokes}) {
    if (!last_strokes_wrap_bottom_left(trimmed, radical_strokes)) continue;
    merge_radical_first_reading(candidates, read_locked(radical_first(trimmed, radical_strokes), count), radical_strokes);
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) { return a.score > b.score; });
  if (candidates.size() > count) candidates.resize(count);
  return candidates;
}

std::vector<HandwritingCandidate> HandwritingRecognizer::read_locked(const Strokes& strokes, std::size_t count) {
  zinnia_character_t* character = zinnia_->character;
  zinnia_character_clear(character);
  zinnia_character_set_width(character, kStrokeBox);
  zinnia_character_set_height(character, kStrokeBox);
  for (std::size_t s = 0; s < strokes.size(); ++s)
    for (const StrokePoint point : strokes[s]) zinnia_character_add(character, s, point.x, point.y);
  zinnia_result_t* result = zinnia_recognizer_classify(zinnia_->recognizer, character, count);
  if (!result) return {};
  std::vector<HandwritingCandidate> candidates;
  candidates.reserve(zinnia_result_size(result));
  for (std::size_t i = 0; i < zinnia_result_size(result); ++i)
    candidates.push_back({zinnia_result_value(result, i), zinnia_result_score(result, i), false});
  zinnia_result_destroy(result);
  return candidates;
}

}  // namespace openday
