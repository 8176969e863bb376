#pragma once
// Line breaking for Chinese text. ImGui 1.86 wraps at spaces only, so a run of Chinese
// characters moves to the next line as one "word"; here a line may break between any two
// CJK characters, keeps Latin words and numbers together, and never starts a line with
// closing punctuation (，。、；：）》 …) nor ends one with opening punctuation.
#include <imgui.h>

#include <string_view>
#include <vector>

namespace openday::ui {

struct TextLine {
  std::string_view text;
  float width = 0;
};

std::vector<TextLine> wrap_text(const ImFont& font, float size, std::string_view text, float max_width);

enum class Align { Left, Center };

// Draws wrapped text at pos; returns the height used.
float draw_wrapped_text(ImDrawList& draw, const ImFont& font, float size, ImVec2 pos, ImU32 color,
                        std::string_view text, float max_width, Align align = Align::Left);
float measure_wrapped_height(const ImFont& font, float size, std::string_view text, float max_width);
float line_height(float size);  // the distance between wrapped lines

}  // namespace openday::ui
