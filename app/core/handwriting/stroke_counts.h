#pragma once
// How many strokes a Han character is written with (issue 31): the handwriting pad knows how many
// strokes the visitor wrote, and a candidate whose usual count is far from that is less likely.
// The counts are Unihan's kTotalStrokes (the Simplified Chinese one), turned into a table at
// build time by assets/deploy/stroke_counts.py from Debian's unicode-data.
#include <cstddef>
#include <string_view>

namespace openday {

namespace stroke_table {
struct StrokeCountBlock {
  char32_t first;           // the code point of counts[0]
  std::string_view counts;  // one byte per code point: 'A' + its stroke count, '.' where there is none
};
extern const StrokeCountBlock kBlocks[];
extern const std::size_t kBlockCount;

struct RadicalWrittenLast {
  char32_t character;
  int radical_strokes;  // 3 for 辶, 2 for 廴
};
extern const RadicalWrittenLast kRadicalsWrittenLast[];  // in code point order
extern const std::size_t kRadicalsWrittenLastCount;
}  // namespace stroke_table

// The usual number of strokes of a code point; 0 when it is not a Han character Unihan counts.
int stroke_count(char32_t c);

// The same for one UTF-8 character (a candidate's); 0 when it is not exactly one counted character.
int stroke_count(std::string_view utf8_character);

// How many Han characters the table counts: a sanity figure for tests.
std::size_t stroke_table_size();

// For a character whose radical the standard stroke order writes last, round the bottom-left of
// the rest (通: 甬, then 辶; 建: 聿, then 廴), how many strokes that radical takes: 3 for 辶, 2 for
// 廴. 0 for any other character, or for what is not exactly one character. From Unihan's
// kRSUnicode, by the same generator.
int radical_written_last_strokes(std::string_view utf8_character);

}  // namespace openday
