#include "ui/text_layout.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "core/util/utf8.h"
#include "ui/wrap_cache.h"

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

// Where a clause ends: a line that ends here reads as a whole thought.
bool ends_clause(char32_t c) {
  constexpr std::u32string_view kClauseEnds = U"，。、；：？！）》」』】〕〉”…,;:!?)]";
  return is_space(c) || kClauseEnds.find(c) != std::u32string_view::npos;
}

// A break after punctuation wins over the last possible break when it is near the end of the
// line: at most this many Chinese characters back, and the line still at least this full.
constexpr float kClauseBreakCharacters = 4.0f;
constexpr float kClauseBreakFill = 0.75f;

ImWchar glyph_index(char32_t c) { return static_cast<ImWchar>(c <= 0xFFFF ? c : 0xFFFD); }

// A paragraph never ends with one character alone on its last line ("……节假日除/外）"): the
// character before it moves down too, when the break between them is allowed.
void avoid_orphan(const ImFont& font, float scale, std::vector<TextLine>& lines, float max_width) {
  if (lines.size() < 2) return;
  TextLine& previous = lines[lines.size() - 2];
  TextLine& last = lines.back();
  if (previous.text.data() + previous.text.size() != last.text.data()) return;  // a newline or a space lies between
  int characters = 0;
  for (std::size_t pos = 0; pos < last.text.size();) {
    char32_t c = 0;
    pos += std::max<std::size_t>(1, decode_code_point(last.text, pos, c));
    if (!must_not_start_line(c)) ++characters;
    if (!is_cjk(c)) return;  // Latin words and numbers have their own length
  }
  if (characters != 1) return;
  // The last two characters of the previous line: the one that moves, and the new line end.
  std::size_t moving_at = 0, pos = 0, count = 0;
  char32_t moving = 0, before = 0;
  while (pos < previous.text.size()) {
    char32_t c = 0;
    const std::size_t length = std::max<std::size_t>(1, decode_code_point(previous.text, pos, c));
    before = moving;
    moving = c;
    moving_at = pos;
    pos += length;
    ++count;
  }
  if (count < 3 || !is_cjk(moving) || must_not_start_line(moving) || must_not_end_line(before) || is_space(before)) return;
  const float advance = font.GetCharAdvance(glyph_index(moving)) * scale;
  if (last.width + advance > max_width) return;
  const std::string_view whole(previous.text.data(), previous.text.size() + last.text.size());
  previous = {whole.substr(0, moving_at), previous.width - advance};
  last = {whole.substr(moving_at), last.width + advance};
}

}  // namespace

// ImGui's font size already spans ascender to descender (about 1.45 em for CJK faces), so a
// little extra gives the 1.6 em line spacing that makes Chinese paragraphs easy to follow.
float line_height(float size) { return std::round(size * 1.12f); }

std::vector<TextLine> wrap_text(const ImFont& font, float size, std::string_view text, float max_width) {
  std::vector<TextLine> lines;
  const float scale = size / font.FontSize;
  std::size_t line_start = 0;
  float width = 0;
  constexpr std::size_t kNone = std::string_view::npos;
  std::size_t break_at = kNone;  // byte offset where the line may end
  float width_at_break = 0;
  std::size_t clause_break_at = kNone;  // the last break after punctuation or a space
  float width_at_clause_break = 0;
  std::size_t slash_break_at = kNone;  // inside a long word such as a path: after a '/'
  float width_at_slash = 0;
  char32_t previous = 0;
  std::size_t pos = 0;
  const float han = font.GetCharAdvance(0x4E00) * scale;  // one Chinese character
  const float clause_break_from = std::max(max_width * kClauseBreakFill, max_width - kClauseBreakCharacters * han);

  auto emit = [&](std::size_t end, float line_width, std::size_t next_start) {
    lines.push_back({text.substr(line_start, end - line_start), line_width});
    line_start = next_start;
    // A line never starts with spaces that were the break.
    while (line_start < text.size() && text[line_start] == ' ') ++line_start;
  };
  auto restart = [&] {
    width = 0;
    pos = line_start;
    break_at = clause_break_at = slash_break_at = kNone;
    previous = 0;
  };

  while (pos < text.size()) {
    char32_t c = 0;
    std::size_t length = decode_code_point(text, pos, c);
    if (length == 0) { c = 0xFFFD; length = 1; }
    if (c == '\n') {
      emit(pos, width, pos + 1);
      restart();
      continue;
    }
    // A break opportunity before this character.
    if (pos > line_start && previous != 0) {
      const bool cjk_boundary = (is_cjk(c) || is_cjk(previous)) && !must_not_start_line(c) && !must_not_end_line(previous);
      const bool after_space = is_space(previous) && !is_space(c) && !must_not_start_line(c);
      if (cjk_boundary || after_space) {
        break_at = pos;
        width_at_break = width;
        if (ends_clause(previous) || must_not_end_line(c)) {
          clause_break_at = pos;
          width_at_clause_break = width;
        }
      }
      if (previous == '/' && !is_space(c)) {
        slash_break_at = pos;
        width_at_slash = width;
      }
    }
    const float advance = font.GetCharAdvance(glyph_index(c)) * scale;
    if (width + advance > max_width && pos > line_start) {
      if (clause_break_at != kNone && clause_break_at > line_start && width_at_clause_break >= clause_break_from) {
        emit(clause_break_at, width_at_clause_break, clause_break_at);
      } else if (break_at != kNone && break_at > line_start) {
        emit(break_at, width_at_break, break_at);
      } else if (slash_break_at != kNone && slash_break_at > line_start) {
        emit(slash_break_at, width_at_slash, slash_break_at);  // a folder path breaks after a '/'
      } else {
        emit(pos, width, pos);  // a single word longer than the line: cut it where it overflows
      }
      restart();
      continue;
    }
    width += advance;
    previous = c;
    pos += length;
  }
  if (line_start < text.size() || lines.empty()) lines.push_back({text.substr(std::min(line_start, text.size())), width});
  avoid_orphan(font, scale, lines, max_width);
  return lines;
}

namespace {

// How many lines end inside a clause (not after punctuation or a space): each one cuts a
// phrase in two for the reader.
int clause_cuts(const std::vector<TextLine>& lines) {
  int cuts = 0;
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const std::string_view line = lines[i].text;
    char32_t last = 0;
    for (std::size_t pos = 0; pos < line.size();) {
      char32_t c = 0;
      pos += std::max<std::size_t>(1, decode_code_point(line, pos, c));
      last = c;
    }
    char32_t next = 0;
    decode_code_point(lines[i + 1].text, 0, next);
    if (!ends_clause(last) && !must_not_end_line(next)) ++cuts;
  }
  return cuts;
}

}  // namespace

// The narrowest width that keeps the same number of lines and cuts no more clauses than the
// plain wrap: centred titles and buttons then read as balanced blocks ("青花瓷笔/精美礼盒")
// instead of a full line and an orphan, but never at the price of "一份奖/品".
std::vector<TextLine> wrap_text_balanced(const ImFont& font, float size, std::string_view text, float max_width) {
  std::vector<TextLine> best = wrap_text(font, size, text, max_width);
  const std::size_t count = best.size();
  if (count < 2 || count > 4) return best;
  int best_cuts = clause_cuts(best);
  // The narrowest width that still gives count lines...
  float low = 0, high = max_width;
  for (int step = 0; step < 10 && high - low > 1.0f; ++step) {
    const float middle = (low + high) * 0.5f;
    (wrap_text(font, size, text, middle).size() == count ? high : low) = middle;
  }
  // ...then, from there up to the full width, the first that cuts as few clauses.
  constexpr int kSteps = 8;
  for (int step = 0; step < kSteps; ++step) {
    const float width = high + (max_width - high) * static_cast<float>(step) / kSteps;
    std::vector<TextLine> trial = wrap_text(font, size, text, width);
    if (trial.size() != count) continue;
    const int cuts = clause_cuts(trial);
    if (cuts <= best_cuts) {
      best = std::move(trial);
      best_cuts = cuts;
      break;
    }
  }
  return best;
}

namespace {

void check_text(const ImFont& font, std::string_view text) {
  if (TextAudit* audit = text_audit()) audit->check_glyphs(font, text);
}

std::vector<WrappedLine> as_offsets(std::string_view text, const std::vector<TextLine>& lines) {
  std::vector<WrappedLine> out;
  out.reserve(lines.size());
  for (const TextLine& line : lines)
    out.push_back({static_cast<std::uint32_t>(line.text.data() - text.data()), static_cast<std::uint32_t>(line.text.size()), line.width});
  return out;
}

std::vector<TextLine> wrap(const ImFont& font, float size, std::string_view text, float max_width, WrapCache::Mode mode) {
  return mode == WrapCache::Mode::Balanced ? wrap_text_balanced(font, size, text, max_width) : wrap_text(font, size, text, max_width);
}

// The lines of text as offsets, from the kiosk's cache when it is set (wrapping measures every
// character, and a long list would do it for every row on every frame).
template <typename Use>
auto with_wrapped_lines(const ImFont& font, float size, std::string_view text, float max_width, WrapCache::Mode mode, Use&& use) {
  if (WrapCache* cache = wrap_cache())
    return use(cache->lines(font, size, max_width, mode, text, [&] { return as_offsets(text, wrap(font, size, text, max_width, mode)); }));
  return use(as_offsets(text, wrap(font, size, text, max_width, mode)));
}

}  // namespace

float draw_wrapped_text(ImDrawList& draw, const ImFont& font, float size, ImVec2 pos, ImU32 color,
                        std::string_view text, float max_width, Align align) {
  check_text(font, text);
  const float step = line_height(size);
  const WrapCache::Mode mode = align == Align::Center ? WrapCache::Mode::Balanced : WrapCache::Mode::Plain;
  float y = pos.y;
  float left = FLT_MAX, right = -FLT_MAX;
  with_wrapped_lines(font, size, text, max_width, mode, [&](const std::vector<WrappedLine>& lines) {
    for (const WrappedLine& line : lines) {
      float x = pos.x;
      if (align == Align::Center) x += std::floor((max_width - line.width) * 0.5f);
      const char* begin = text.data() + line.offset;
      draw.AddText(&font, size, ImVec2(x, y + std::floor((step - size) * 0.5f)), color, begin, begin + line.length);
      left = std::min(left, x);
      right = std::max(right, x + line.width);
      y += step;
    }
  });
  TextAudit* audit = text_audit();
  if (audit && audit->record_placements)
    audit->placed(text, ImVec2(left, pos.y), ImVec2(right, y), ImVec2(pos.x, -FLT_MAX), ImVec2(pos.x + max_width, FLT_MAX));
  return y - pos.y;
}

void draw_text_line(ImDrawList& draw, const ImFont& font, float size, ImVec2 pos, ImU32 color, std::string_view text) {
  check_text(font, text);
  draw.AddText(&font, size, pos, color, text.data(), text.data() + text.size());
}

float measure_wrapped_height(const ImFont& font, float size, std::string_view text, float max_width) {
  const std::size_t lines = with_wrapped_lines(font, size, text, max_width, WrapCache::Mode::Plain,
                                               [](const std::vector<WrappedLine>& wrapped) { return wrapped.size(); });
  return static_cast<float>(lines) * line_height(size);
}

float widest_line(const ImFont& font, float size, std::string_view text, float max_width) {
  return with_wrapped_lines(font, size, text, max_width, WrapCache::Mode::Plain, [](const std::vector<WrappedLine>& lines) {
    float widest = 0;
    for (const WrappedLine& line : lines) widest = std::max(widest, line.width);
    return widest;
  });
}

std::string ellipsize(const ImFont& font, float size, std::string_view text, float max_width) {
  const float scale = size / font.FontSize;
  float width = 0;
  for_each_code_point(text, [&](char32_t c) { width += font.GetCharAdvance(glyph_index(c)) * scale; });
  if (width <= max_width) return std::string(text);
  const std::string_view ellipsis = "…";
  float used = font.GetCharAdvance(0x2026) * scale;
  std::size_t end = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t c = 0;
    const std::size_t length = std::max<std::size_t>(1, decode_code_point(text, pos, c));
    const float advance = font.GetCharAdvance(glyph_index(c)) * scale;
    if (used + advance > max_width) break;
    used += advance;
    pos += length;
    end = pos;
  }
  return std::string(text.substr(0, end)) + std::string(ellipsis);
}

void TextAudit::check_glyphs(const ImFont& font, std::string_view text) {
  std::string missing;
  for_each_code_point(text, [&](char32_t c) {
    if (c == ' ' || c == '\n' || c == '\t') return;  // drawn as space or not at all: no glyph needed
    if (c <= 0xFFFF && font.FindGlyphNoFallback(static_cast<ImWchar>(c))) return;
    std::string utf8;
    append_utf8(utf8, c);
    if (missing.find(utf8) == std::string::npos) missing += utf8;
  });
  if (missing.empty()) return;
  for (const GlyphMiss& seen : misses_)
    if (seen.font == &font && seen.text == text) return;  // once per frame is enough
  misses_.push_back({&font, std::string(text), std::move(missing)});
}

void TextAudit::placed(std::string_view text, ImVec2 min, ImVec2 max, ImVec2 box_min, ImVec2 box_max) {
  if (record_placements) placements_.push_back({std::string(text), min, max, box_min, box_max});
}

void set_text_helpers(TextHelpers* helpers) {
  if (ImGui::GetCurrentContext()) ImGui::GetIO().UserData = helpers;
}

TextHelpers* text_helpers() {
  if (!ImGui::GetCurrentContext()) return nullptr;
  return static_cast<TextHelpers*>(ImGui::GetIO().UserData);
}

TextAudit* text_audit() {
  const TextHelpers* helpers = text_helpers();
  return helpers ? helpers->audit : nullptr;
}

WrapCache* wrap_cache() {
  const TextHelpers* helpers = text_helpers();
  return helpers ? helpers->wraps : nullptr;
}

std::size_t fonts_generation() {
  const WrapCache* cache = wrap_cache();
  return cache ? cache->generation() : 0;
}

}  // namespace openday::ui
