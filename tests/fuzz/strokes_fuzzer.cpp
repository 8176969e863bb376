// libFuzzer harness: the strokes `openday handwriting` reads from standard input (issue 31).
// Whatever the bytes, the reader either refuses them with a reason or returns strokes within its
// bounds.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/handwriting/strokes.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const openday::StrokesRead read = openday::read_strokes_json(text);
  if (!read.strokes) {
    if (read.error.empty()) std::abort();  // a refusal always says why
    return 0;
  }
  const auto& strokes = *read.strokes;
  if (strokes.empty() || strokes.size() > openday::kMaxStrokes) std::abort();
  for (const auto& stroke : strokes) {
    if (stroke.empty() || stroke.size() > openday::kMaxStrokePoints) std::abort();
    for (const auto point : stroke)
      if (point.x < 0 || point.y < 0 || point.x > openday::kStrokeBox || point.y > openday::kStrokeBox) std::abort();
  }
  return 0;
}
