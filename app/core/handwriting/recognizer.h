#pragma once
// The handwriting recognizer (issue 31): Zinnia's C API behind a small class. The model (26 MB,
// mapped) is opened on the first classify(), not when the object is made, so a kiosk can create
// it at start and let its worker thread pay for the load. classify() may be called from any one
// thread at a time; a mutex keeps concurrent callers apart.
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/handwriting/strokes.h"

namespace openday {

// Debian's tegaki-zinnia-simplified-chinese.
inline const std::filesystem::path kDefaultHandwritingModel = "/usr/share/tegaki/models/zinnia/handwriting-zh_CN.model";

struct HandwritingCandidate {
  std::string character;  // one character, UTF-8
  float score = 0;        // Zinnia's: higher is better
  bool in_content = false;
};

// The stroke without the short flicks at its ends that Zinnia would read as turns (at least two
// points remain of a stroke that had them).
Stroke trim_stroke_ends(const Stroke& stroke);
// Every stroke so trimmed: what classify() reads.
Strokes trim_stroke_ends(const Strokes& strokes);

// Whether the last `radical_strokes` strokes wrap the others from the bottom-left as 辶 (3) and 廴
// (2) do: the last one runs along the bottom across most of the width, the ones before it stay on
// the left. Then classify() also reads the strokes with those moved to the front.
bool last_strokes_wrap_bottom_left(const Strokes& strokes, std::size_t radical_strokes);

class HandwritingRecognizer {
 public:
  explicit HandwritingRecognizer(std::filesystem::path model = kDefaultHandwritingModel);
  ~HandwritingRecognizer();
  HandwritingRecognizer(const HandwritingRecognizer&) = delete;
  HandwritingRecognizer& operator=(const HandwritingRecognizer&) = delete;

  // Opens the model if it is not open yet; false (see error()) when it cannot be.
  bool load();
  bool loaded() const;
  std::string error() const;
  const std::filesystem::path& model() const { return model_; }

  // Zinnia's best `count` guesses for the strokes, best first; empty when nothing was drawn or
  // the model cannot be opened. Strokes that end in a 辶 or 廴 are read a second time with the
  // radical first, as the model learned them (see recognizer.cpp).
  std::vector<HandwritingCandidate> classify(const Strokes& strokes, std::size_t count);

 private:
  struct Zinnia;
  bool load_locked();
  // Zinnia's guesses for the strokes in the order given.
  std::vector<HandwritingCandidate> read_locked(const Strokes& strokes, std::size_t count);
  std::filesystem::path model_;
  mutable std::mutex mutex_;
  std::unique_ptr<Zinnia> zinnia_;
  std::string error_;
};

}  // namespace openday
