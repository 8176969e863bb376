#pragma once
// Line breaking for Chinese text. ImGui 1.86 wraps at spaces only, so a run of Chinese
// characters moves to the next line as one "word"; here a line breaks between two Chinese
// words (ICU's dictionary-based word break: "从生活/中的事找", never "从生/活"), inside a word
// only when the word alone is wider than the line, keeps Latin words and numbers together, and never starts a line with
// closing punctuation (，。、；：）》 …) nor ends one with opening punctuation. When a
// punctuation mark or a space lies near the end of the line, the line ends there instead of
// cutting the last clause ("奖品有限，/发完为止", not "奖品有限，发完为/止").
#include <imgui.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace openday::ui {

struct TextLine {
  std::string_view text;
  float width = 0;
};

// Where a line may break between two Chinese characters. Words is what the kiosk uses;
// Characters (any two) is what it falls back to when ICU has no data, and what the word break
// bench compares against.
enum class ChineseBreaks { Words, Characters };

std::vector<TextLine> wrap_text(const ImFont& font, float size, std::string_view text, float max_width,
                                ChineseBreaks breaks = ChineseBreaks::Words);
// The same number of lines as wrap_text, made about equally long (what centred text uses).
std::vector<TextLine> wrap_text_balanced(const ImFont& font, float size, std::string_view text, float max_width,
                                         ChineseBreaks breaks = ChineseBreaks::Words);

enum class Align { Left, Center };

// Draws wrapped text at pos; returns the height used. Centred text is balanced: its lines are
// made about equally long ("青花瓷笔/精美礼盒", not "青花瓷笔精美/礼盒"), never more of them.
float draw_wrapped_text(ImDrawList& draw, const ImFont& font, float size, ImVec2 pos, ImU32 color,
                        std::string_view text, float max_width, Align align = Align::Left);
// One line, not wrapped; the caller made sure it fits (or recorded the box it must fit in).
void draw_text_line(ImDrawList& draw, const ImFont& font, float size, ImVec2 pos, ImU32 color, std::string_view text);
// Measured through the kiosk's wrap cache when it is set: the same lines as wrap_text.
float measure_wrapped_height(const ImFont& font, float size, std::string_view text, float max_width);
float line_height(float size);  // the distance between wrapped lines
// The widest line of text wrapped at max_width.
float widest_line(const ImFont& font, float size, std::string_view text, float max_width);
// The text cut to fit max_width with "…" at its end; the text itself when it fits.
std::string ellipsize(const ImFont& font, float size, std::string_view text, float max_width);

// What the text helpers report while a frame is drawn.
//
// Glyphs: every helper checks each character against the face it draws with. One missing is
// drawn as the fallback mark; the helper reports the text and the characters, and the kiosk
// adds them to that face's glyph set and rebuilds the atlas before the next frame (the glyph
// collector bakes what the content declares; this catches whatever the drawing code does
// differently, and the kiosk logs it once per string so a deployer sees it).
//
// Boxes (tests only): where each text landed and the box it had to stay in.
struct GlyphMiss {
  const ImFont* font = nullptr;
  std::string text;
  std::string missing;  // the characters, UTF-8, each once
};

struct TextPlacement {
  std::string text;
  ImVec2 min, max;          // the drawn lines
  ImVec2 box_min, box_max;  // where they had to stay
};

class TextAudit {
 public:
  void begin_frame() { placements_.clear(); }
  void check_glyphs(const ImFont& font, std::string_view text);
  void placed(std::string_view text, ImVec2 min, ImVec2 max, ImVec2 box_min, ImVec2 box_max);
  std::vector<GlyphMiss> take_misses() { return std::exchange(misses_, {}); }
  const std::vector<TextPlacement>& placements() const { return placements_; }
  bool record_placements = false;  // costs a string per text drawn: tests turn it on

 private:
  std::vector<GlyphMiss> misses_;
  std::vector<TextPlacement> placements_;
};

class WrapCache;

// What the text helpers use while the kiosk draws: the audit they report to, and the cache of
// wrapped lines that spares measuring every text of a long list on every frame. The helpers
// receive only an ImFont, so the kiosk (which owns both) hangs them on its ImGui context's
// IO::UserData; either may be null, and then the helpers report nothing or wrap every time.
struct TextHelpers {
  TextAudit* audit = nullptr;
  WrapCache* wraps = nullptr;
};
void set_text_helpers(TextHelpers* helpers);
TextHelpers* text_helpers();
TextAudit* text_audit();
WrapCache* wrap_cache();
// Changes whenever the kiosk rebuilt its fonts (0 without a kiosk): what was measured before
// is outdated.
std::size_t fonts_generation();

}  // namespace openday::ui
