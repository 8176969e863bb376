#include "core/handwriting/stroke_counts.h"

#include <algorithm>

#include "core/util/utf8.h"

namespace openday {
namespace {

// The code point of a string of exactly one character; 0 otherwise.
char32_t only_code_point(std::string_view utf8_character) {
  char32_t c = 0;
  const std::size_t length = decode_code_point(utf8_character, 0, c);
  return length != 0 && length == utf8_character.size() ? c : 0;
}

}  // namespace

int stroke_count(char32_t c) {
  for (std::size_t b = 0; b < stroke_table::kBlockCount; ++b) {
    const auto& block = stroke_table::kBlocks[b];
    if (c < block.first) return 0;  // blocks are in code point order
    const std::size_t at = c - block.first;
    if (at < block.counts.size()) return block.counts[at] == '.' ? 0 : block.counts[at] - 'A';
  }
  return 0;
}

int stroke_count(std::string_view utf8_character) {
  const char32_t c = only_code_point(utf8_character);
  return c != 0 ? stroke_count(c) : 0;
}

std::size_t stroke_table_size() {
  std::size_t n = 0;
  for (std::size_t b = 0; b < stroke_table::kBlockCount; ++b)
    for (const char count : stroke_table::kBlocks[b].counts) n += count != '.' ? 1 : 0;
  return n;
}

int radical_written_last_strokes(std::string_view utf8_character) {
  const char32_t c = only_code_point(utf8_character);
  if (c == 0) return 0;
  const auto* const end = stroke_table::kRadicalsWrittenLast + stroke_table::kRadicalsWrittenLastCount;
  const auto* const found = std::lower_bound(stroke_table::kRadicalsWrittenLast, end, c,
                                             [](const stroke_table::RadicalWrittenLast& entry, char32_t code) { return entry.character < code; });
  return found != end && found->character == c ? found->radical_strokes : 0;
}

}  // namespace openday
