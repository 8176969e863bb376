#pragma once
// UTF-8 helpers shared by the config, content validation, the font glyph builder, the text
// layout, the speech text and the workbook reader.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace openday {

// Byte offset of the first byte that is not part of a well-formed UTF-8 sequence
// (overlong forms, surrogates and code points above U+10FFFF are ill-formed), or nullopt.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);
inline bool is_valid_utf8(std::string_view text) { return !first_invalid_utf8(text).has_value(); }

// Number of code points in valid UTF-8 text.
std::size_t count_code_points(std::string_view text);

// Calls visit(code_point) for each code point of valid UTF-8 text.
template <typename Visit>
void for_each_code_point(std::string_view text, Visit&& visit);

// Decodes one code point at text[pos]; returns its length in bytes (0 when ill-formed).
std::size_t decode_code_point(std::string_view text, std::size_t pos, char32_t& out);

// Appends the code point as UTF-8 (1 to 4 bytes). The caller passes a code point below U+110000.
void append_utf8(std::string& out, char32_t code_point);

template <typename Visit>
void for_each_code_point(std::string_view text, Visit&& visit) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = 0;
    const std::size_t length = decode_code_point(text, pos, cp);
    if (length == 0) return;
    visit(cp);
    pos += length;
  }
}

}  // namespace openday
