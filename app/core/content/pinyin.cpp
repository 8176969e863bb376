#include "core/content/pinyin.h"

#include "core/util/utf8.h"

namespace openday {

char pinyin_initial(char32_t c) {
  if (c >= 'a' && c <= 'z') return static_cast<char>(c);
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
  if (c >= '0' && c <= '9') return static_cast<char>(c);
  for (std::size_t b = 0; b < pinyin_table::kBlockCount; ++b) {
    const auto& block = pinyin_table::kBlocks[b];
    if (c < block.first) return 0;  // blocks are in code point order
    const std::size_t at = c - block.first;
    if (at < block.letters.size()) return block.letters[at] == '.' ? 0 : block.letters[at];
  }
  return 0;
}

Initials pinyin_initials(std::string_view utf8) {
  Initials out;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    char32_t c = 0;
    const std::size_t length = decode_code_point(utf8, pos, c);
    if (length == 0) break;  // ill-formed text: keep what came before, never throw
    if (const char letter = pinyin_initial(c)) {
      out.letters.push_back(letter);
      out.spans.push_back({static_cast<std::uint32_t>(pos), static_cast<std::uint32_t>(length)});
    }
    pos += length;
  }
  return out;
}

std::size_t pinyin_table_size() {
  std::size_t n = 0;
  for (std::size_t b = 0; b < pinyin_table::kBlockCount; ++b)
    for (const char letter : pinyin_table::kBlocks[b].letters) n += letter != '.' ? 1 : 0;
  return n;
}

}  // namespace openday
