#include "ui/text_layout.h"

#include <cmath>

#include "core/utf8.h"

namespace openday::ui {
namespace {

bool is_cjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x3000 && c <= 0x303F);
}

bool must_not_start_line(char32_t c) {
  constexpr std::u32string_view kClosing = U"，。、；：？！）》」』】〕〉”’…—%,.;:!?)]}·";
  return kClosing.find(c) != std::u32string_view::npos;
}

bool must_not_end_line(char32_t c) {
  constexpr std::u32string_view kOpening = U"（《「『【〔〈“‘([{";
  return kOpening.find(c) != std::u32string_view::npos;
}

bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000; }

}  // namespace

// ImGui's font size already spans ascender to descender (about 1.45 em for CJK faces), so a
// little extra gives the 1.6 em line spacing that makes Chinese paragraphs easy to follow.
float line_height(float size) { return std::round(size * 1.12f); }

std::vector<TextLine> wrap_text(const ImFont& font, float size, std::string_view text, float max_width) {
  std::vector<TextLine> lines;
  const float scale = size / font.FontSize;
  std::size_t line_start = 0;
  float width = 0;
  std::size_t break_at = std::string_view::npos;  // byte offset where the line may end
  float width_at_break = 0;
  char32_t previous = 0;
  std::size_t pos = 0;

  auto emit = [&](std::size_t end, float line_width, std::size_t next_start) {
    lines.push_back({text.substr(line_start, end - line_start), line_width});
    line_start = next_start;
    // A line never starts with spaces that were the break.
    while (line_start < text.size() && text[line_start] == ' ') ++line_start;
  };

  while (pos < text.size()) {
    char32_t c = 0;
    std::size_t length = decode_code_point(text, pos, c);
    if (length == 0) { c = 0xFFFD; length = 1; }
    if (c == '\n') {
      emit(pos, width, pos + 1);
      pos = line_start;
      width = 0;
      break_at = std::string_view::npos;
      previous = 0;
      continue;
    }
    // A break opportunity before this character.
    if (pos > line_start && previous != 0) {
      const bool cjk_boundary = (is_cjk(c) || is_cjk(previous)) && !must_not_start_line(c) && !must_not_end_line(previous);
      const bool after_space = is_space(previous) && !is_space(c) && !must_not_start_line(c);
      if (cjk_boundary || after_space) {
        break_at = pos;
        width_at_break = width;
      }
    }
    const float advance = font.GetCharAdvance(static_cast<ImWchar>(c <= 0xFFFF ? c : 0xFFFD)) * scale;
    if (width + advance > max_width && pos > line_start) {
      if (break_at != std::string_view::npos && break_at > line_start) {
        emit(break_at, width_at_break, break_at);
        width = 0;
        pos = line_start;
      } else {
        // A single word longer than the line: cut it where it overflows.
        emit(pos, width, pos);
        width = 0;
        pos = line_start;
      }
      break_at = std::string_view::npos;
      previous = 0;
      continue;
    }
    width += advance;
    previous = c;
    pos += length;
  }
  if (line_start < text.size() || lines.empty()) lines.push_back({text.substr(std::min(line_start, text.size())), width});
  return lines;
}

float draw_wrapped_text(ImDrawList& draw, const ImFont& font, float size, ImVec2 pos, ImU32 color,
                        std::string_view text, float max_width, Align align) {
  const float step = line_height(size);
  float y = pos.y;
  for (const TextLine& line : wrap_text(font, size, text, max_width)) {
    float x = pos.x;
    if (align == Align::Center) x += std::floor((max_width - line.width) * 0.5f);
    draw.AddText(&font, size, ImVec2(x, y + std::floor((step - size) * 0.5f)), color, line.text.data(),
                 line.text.data() + line.text.size());
    y += step;
  }
  return y - pos.y;
}

float measure_wrapped_height(const ImFont& font, float size, std::string_view text, float max_width) {
  return static_cast<float>(wrap_text(font, size, text, max_width).size()) * line_height(size);
}

}  // namespace openday::ui
