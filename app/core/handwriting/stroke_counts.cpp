#include "core/handwriting/stroke_counts.h"

#include "core/util/utf8.h"

namespace openday {

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
  char32_t c = 0;
  const std::size_t length = decode_code_point(utf8_character, 0, c);
  return length != 0 && length == utf8_character.size() ? stroke_count(c) : 0;
}

std::size_t stroke_table_size() {
  std::size_t n = 0;
  for (std::size_t b = 0; b < stroke_table::kBlockCount; ++b)
    for (const char count : stroke_table::kBlocks[b].counts) n += count != '.' ? 1 : 0;
  return n;
}

}  // namespace openday
