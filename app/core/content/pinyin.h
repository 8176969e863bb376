#pragma once
// Pinyin initials of Chinese text, for the search keyboard's 26 letters (typing DB finds 低保).
// Each Han character gives the first letter of the Mandarin reading the Unicode Han database
// (Unihan kMandarin) lists first; polyphonic surprises (重庆 read chong) are the content's
// `keywords`' job. The table is generated at build time by assets/deploy/pinyin_initials.py.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace openday {

namespace pinyin_table {
struct InitialsBlock {
  char32_t first;            // the code point of letters[0]
  std::string_view letters;  // one lowercase letter per code point, '.' where there is no reading
};
extern const InitialsBlock kBlocks[];
extern const std::size_t kBlockCount;
}  // namespace pinyin_table

// The lowercase initial of a code point: its pinyin initial for a Han character with a
// reading, the letter itself for ASCII letters and digits, 0 for anything else.
char pinyin_initial(char32_t c);

// A text's initials, each with the byte range of the character it came from, so that a match
// on the letters can be highlighted in the text. Characters without an initial are skipped.
struct Initials {
  std::string letters;
  struct Span {
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
  };
  std::vector<Span> spans;  // one per letter
};
Initials pinyin_initials(std::string_view utf8);

// How many Han characters the table holds: a sanity figure for tests and `--version` style output.
std::size_t pinyin_table_size();

}  // namespace openday
