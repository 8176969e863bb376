#include "ui/text_layout.h"

#include <unicode/brkiter.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <memory>

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

// ICU's word iterator for Chinese. Creating one reads its rules (and the first Han text it
// meets loads the dictionary), so each thread that wraps (only the UI thread does) keeps one
// and reuses it; ICU iterators must not be shared between threads. Null when ICU has no data:
// then every break between two Chinese characters is allowed, as before word breaking.
icu::BreakIterator* word_iterator() {
  thread_local const std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
    if (U_FAILURE(status)) made.reset();
    return made;
  }();
  return iterator.get();
}

// ICU's dictionary splits a noun from the one character that makes it a document, a fee or a
// person ("身份|证", "公积|金", "申请|人", "兑|奖|码"), which reads as a broken word when the
// line ends between them: such a character stays with the Chinese word before it.
bool is_bound_suffix(std::string_view word) {
  constexpr std::string_view kSuffixes[] = {"证", "卡", "码", "金", "本", "费", "表", "单", "者", "人",
                                            "员", "日", "台", "处", "室", "局", "站", "厅", "号", "目"};
  return std::find(std::begin(kSuffixes), std::end(kSuffixes), word) != std::end(kSuffixes);
}

// Phrases the booth names itself by, which the dictionary splits into two words.
constexpr std::string_view kWholePhrases[] = {"政务公开", "首字母"};

// Where a line may break between two Chinese characters: at the end of a word. Unknown (every
// break allowed) without ICU data or when asked for ChineseBreaks::Characters.
class WordBreaks {
 public:
  static WordBreaks find(std::string_view text, ChineseBreaks breaks);
  bool allows(std::size_t pos) const { return !known_ || (pos < allowed_.size() && allowed_[pos]); }

 private:
  bool known_ = false;
  std::vector<bool> allowed_;  // per byte offset
};

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

WordBreaks WordBreaks::find(std::string_view text, ChineseBreaks breaks) {
  if (breaks == ChineseBreaks::Characters || is_ascii(text)) return {};
  icu::BreakIterator* iterator = word_iterator();
  if (!iterator) return {};
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUTF8(&utext, text.data(), static_cast<std::int64_t>(text.size()), &status);
  iterator->setText(&utext, status);
  if (U_FAILURE(status)) {
    utext_close(&utext);
    return {};
  }
  WordBreaks found;
  found.known_ = true;
  found.allowed_.assign(text.size() + 1, false);
  // Boundaries are UTF-8 byte offsets: the UText is over the UTF-8 text itself.
  std::size_t word_start = static_cast<std::size_t>(iterator->first());
  bool previous_ideographic = false;
  for (std::int32_t end = iterator->next(); end != icu::BreakIterator::DONE; end = iterator->next()) {
    const std::size_t word_end = std::min(static_cast<std::size_t>(end), text.size());
    const std::int32_t rule = iterator->getRuleStatus();
    const bool ideographic = rule >= UBRK_WORD_IDEO && rule < UBRK_WORD_IDEO_LIMIT;
    const bool bound = ideographic && previous_ideographic && is_bound_suffix(text.substr(word_start, word_end - word_start));
    if (!bound) found.allowed_[word_start] = true;
    previous_ideographic = ideographic;
    word_start = word_end;
  }
  utext_close(&utext);
  for (std::string_view phrase : kWholePhrases) {
    for (std::size_t at = text.find(phrase); at != std::string_view::npos; at = text.find(phrase, at + 1))
      std::fill(found.allowed_.begin() + static_cast<std::ptrdiff_t>(at + 1), found.allowed_.begin() + static_cast<std::ptrdiff_t>(at + phrase.size()), false);
  }
  return found;
}

// A paragraph never ends with one character alone on its last line ("……节假日除/外）"): the
// character before it moves down too, when the break between them is allowed.
void avoid_orphan(const ImFont& font, float scale, std::string_view text, const WordBreaks& words, std::vector<TextLine>& lines,
                  float max_width) {
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
  if (is_cjk(before) && !words.allows(static_cast<std::size_t>(previous.text.data() - text.data()) + moving_at)) return;  // inside a word
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

namespace {

std::vector<TextLine> wrap_lines(const ImFont& font, float size, std::string_view text, float max_width, const WordBreaks& words) {
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
  std::size_t inner_break_at = kNone;  // inside a Chinese word, for a word wider than the line
  float width_at_inner = 0;
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
    break_at = clause_break_at = slash_break_at = inner_break_at = kNone;
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
      const bool inside_word = cjk_boundary && is_cjk(c) && is_cjk(previous) && !words.allows(pos);
      if (inside_word) {
        inner_break_at = pos;
        width_at_inner = width;
      } else if (cjk_boundary || after_space) {
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
      } else if (inner_break_at != kNone && inner_break_at > line_start) {
        emit(inner_break_at, width_at_inner, inner_break_at);  // a Chinese word wider than the line
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
  avoid_orphan(font, scale, text, words, lines, max_width);
  return lines;
}

}  // namespace

namespace {

// Titles, names and labels mostly fit on their line: then no word needs finding (what ICU costs
// is most of a wrap). Sums the advances as wrap_lines does.
bool fits_one_line(const ImFont& font, float size, std::string_view text, float max_width) {
  if (text.find('\n') != std::string_view::npos) return false;
  const float scale = size / font.FontSize;
  float width = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t c = 0;
    std::size_t length = decode_code_point(text, pos, c);
    if (length == 0) { c = 0xFFFD; length = 1; }
    width += font.GetCharAdvance(glyph_index(c)) * scale;
    if (width > max_width) return false;
    pos += length;
  }
  return true;
}

WordBreaks words_to_wrap(const ImFont& font, float size, std::string_view text, float max_width, ChineseBreaks breaks) {
  if (fits_one_line(font, size, text, max_width)) return {};
  return WordBreaks::find(text, breaks);
}

}  // namespace

std::vector<TextLine> wrap_text(const ImFont& font, float size, std::string_view text, float max_width, ChineseBreaks breaks) {
  return wrap_lines(font, size, text, max_width, words_to_wrap(font, size, text, max_width, breaks));
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
std::vector<TextLine> wrap_text_balanced(const ImFont& font, float size, std::string_view text, float max_width,
                                         ChineseBreaks breaks) {
  const WordBreaks words = words_to_wrap(font, size, text, max_width, breaks);  // once for all the trial widths
  std::vector<TextLine> best = wrap_lines(font, size, text, max_width, words);
  const std::size_t count = best.size();
  if (count < 2 || count > 4) return best;
  int best_cuts = clause_cuts(best);
  // The narrowest width that still gives count lines...
  float low = 0, high = max_width;
  for (int step = 0; step < 10 && high - low > 1.0f; ++step) {
    const float middle = (low + high) * 0.5f;
    (wrap_lines(font, size, text, middle, words).size() == count ? high : low) = middle;
  }
  // ...then, from there up to the full width, the first that cuts as few clauses.
  constexpr int kSteps = 8;
  for (int step = 0; step < kSteps; ++step) {
    const float width = high + (max_width - high) * static_cast<float>(step) / kSteps;
    std::vector<TextLine> trial = wrap_lines(font, size, text, width, words);
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
