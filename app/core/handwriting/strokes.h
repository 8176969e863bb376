#pragma once
// One handwritten character as the recognizer sees it (issue 31): strokes in writing order, each
// a list of points on a 1024 x 1024 box with y growing downwards. Read from JSON
// ([[[x, y], ...], ...]) by `openday handwriting`, which takes it from standard input, so the
// reader bounds everything it accepts.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace openday {

inline constexpr int kStrokeBox = 1024;                    // coordinates are 0 .. kStrokeBox
inline constexpr std::size_t kMaxStrokesJsonBytes = 256 * 1024;
inline constexpr std::size_t kMaxStrokes = 64;             // the most complex characters have ~36
inline constexpr std::size_t kMaxStrokePoints = 2048;      // per stroke

struct StrokePoint {
  int x = 0;
  int y = 0;
};
using Stroke = std::vector<StrokePoint>;
using Strokes = std::vector<Stroke>;

struct StrokesRead {
  std::optional<Strokes> strokes;
  std::string error;  // why it could not be read, naming the JSON path ($[2][5])
};

// Parses `[[[x, y], ...], ...]`: at least one stroke, every stroke at least one point, integer
// (or whole-number) coordinates within 0 .. kStrokeBox, and within the bounds above.
StrokesRead read_strokes_json(std::string_view text);

}  // namespace openday
