#include "core/handwriting/strokes.h"

#include <cmath>

#include "core/content/json_reader.h"

namespace openday {
namespace {

std::string at(std::size_t stroke) { return "$[" + std::to_string(stroke) + "]"; }
std::string at(std::size_t stroke, std::size_t point) { return at(stroke) + "[" + std::to_string(point) + "]"; }

std::optional<int> coordinate(const nlohmann::json& value) {
  if (!value.is_number()) return std::nullopt;
  const double number = value.get<double>();
  if (!std::isfinite(number) || number != std::floor(number) || number < 0 || number > kStrokeBox) return std::nullopt;
  return static_cast<int>(number);
}

std::string read_point(const nlohmann::json& value, StrokePoint& point) {
  if (!value.is_array() || value.size() != 2) return "is not a point [x, y]";
  const auto x = coordinate(value[0]);
  const auto y = coordinate(value[1]);
  if (!x || !y) return "needs whole-number coordinates from 0 to " + std::to_string(kStrokeBox);
  point = {*x, *y};
  return "";
}

std::string read_stroke(const nlohmann::json& value, std::size_t index, Stroke& stroke) {
  if (!value.is_array() || value.empty()) return at(index) + ": a stroke is a non-empty array of points";
  if (value.size() > kMaxStrokePoints) return at(index) + ": more than " + std::to_string(kMaxStrokePoints) + " points in a stroke";
  stroke.resize(value.size());
  for (std::size_t p = 0; p < value.size(); ++p) {
    if (auto problem = read_point(value[p], stroke[p]); !problem.empty()) return at(index, p) + ": " + problem;
  }
  return "";
}

}  // namespace

StrokesRead read_strokes_json(std::string_view text) {
  StrokesRead read;
  if (text.size() > kMaxStrokesJsonBytes) {
    read.error = "the strokes are larger than " + std::to_string(kMaxStrokesJsonBytes / 1024) + " kB";
    return read;
  }
  JsonProblems problems;
  const auto json = parse_json_text(text, "strokes", problems, JsonLimits{kMaxStrokesJsonBytes, 4});
  if (!json) {
    read.error = problems.empty() ? "the strokes are not JSON" : problems.front().to_string();
    return read;
  }
  if (!json->is_array() || json->empty()) {
    read.error = "$: the strokes are a non-empty array of strokes [[[x, y], ...], ...]";
    return read;
  }
  if (json->size() > kMaxStrokes) {
    read.error = "$: more than " + std::to_string(kMaxStrokes) + " strokes";
    return read;
  }
  Strokes strokes(json->size());
  for (std::size_t s = 0; s < json->size(); ++s) {
    if (auto problem = read_stroke((*json)[s], s, strokes[s]); !problem.empty()) {
      read.error = std::move(problem);
      return read;
    }
  }
  read.strokes = std::move(strokes);
  return read;
}

}  // namespace openday
