#include "core/handwriting/recognizer.h"

#include <zinnia.h>

#include <cmath>

namespace openday {
namespace {

// Zinnia's features follow each stroke's corners, so a flick where the finger lands or lifts (or
// a brush's entry in stroke data) reads as one more turn. Points closer than this to either end
// of a stroke are dropped; the first and last point of what remains are kept.
constexpr double kStrokeEndTrim = 60;  // units of the 1024 box

double distance(StrokePoint a, StrokePoint b) { return std::hypot(a.x - b.x, a.y - b.y); }

}  // namespace

Stroke trim_stroke_ends(const Stroke& stroke) {
  if (stroke.size() < 3) return stroke;
  std::size_t first = 0, end = stroke.size();
  while (first + 2 < end && distance(stroke.front(), stroke[first + 1]) < kStrokeEndTrim) ++first;
  while (end - 2 > first && distance(stroke.back(), stroke[end - 2]) < kStrokeEndTrim) --end;
  return Stroke(stroke.begin() + static_cast<std::ptrdiff_t>(first), stroke.begin() + static_cast<std::ptrdiff_t>(end));
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
  std::vector<HandwritingCandidate> candidates = classify_locked(strokes, count, true);
  return candidates;
}

std::vector<HandwritingCandidate> HandwritingRecognizer::classify_locked(const Strokes& strokes, std::size_t count, bool trim) {
  zinnia_character_t* character = zinnia_->character;
  zinnia_character_clear(character);
  zinnia_character_set_width(character, kStrokeBox);
  zinnia_character_set_height(character, kStrokeBox);
  for (std::size_t s = 0; s < strokes.size(); ++s) {
    for (const StrokePoint point : trim ? trim_stroke_ends(strokes[s]) : strokes[s]) zinnia_character_add(character, s, point.x, point.y);
  }
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
