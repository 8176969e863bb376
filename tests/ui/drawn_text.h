#pragma once
// What the last frame drew as text, read back from Dear ImGui's draw data: the texture
// coordinates of every glyph quad name the glyph, and so its code point, in the font atlas.
// Tests use it to check what a visitor would read, in the order it was drawn.
#include <imgui.h>

#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace openday::testing {

struct DrawnGlyph {
  char32_t code_point = 0;
  ImVec2 min, max;     // on screen
  std::string window;  // the window whose draw list holds it
  int list = 0;        // its draw list's place in the draw order (later lists are on top)
};

inline std::vector<DrawnGlyph> drawn_glyphs() {
  std::map<std::pair<float, float>, std::pair<const ImFontGlyph*, char32_t>> by_uv;
  for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
    for (const ImFontGlyph& glyph : font->Glyphs)
      if (glyph.Visible) by_uv[{glyph.U0, glyph.V0}] = {&glyph, static_cast<char32_t>(glyph.Codepoint)};
  std::vector<DrawnGlyph> glyphs;
  const ImDrawData* data = ImGui::GetDrawData();
  if (!data) return glyphs;
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList& list = *data->CmdLists[l];
    const ImVector<ImDrawVert>& v = list.VtxBuffer;
    for (int i = 0; i + 3 < v.Size; ++i) {
      const auto found = by_uv.find({v[i].uv.x, v[i].uv.y});
      if (found == by_uv.end()) continue;
      const ImFontGlyph& glyph = *found->second.first;
      // A glyph quad: top-left, top-right, bottom-right, bottom-left.
      if (v[i + 1].uv.x != glyph.U1 || v[i + 1].uv.y != glyph.V0 || v[i + 2].uv.x != glyph.U1 || v[i + 2].uv.y != glyph.V1) continue;
      glyphs.push_back({found->second.second, v[i].pos, v[i + 2].pos, list._OwnerName ? list._OwnerName : "", l});
      i += 3;
    }
  }
  return glyphs;
}

inline void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Every glyph of the last frame in draw order, as UTF-8 without spaces (spaces draw nothing).
inline std::string drawn_text(const std::vector<DrawnGlyph>& glyphs) {
  std::string out;
  for (const DrawnGlyph& glyph : glyphs) append_utf8(out, glyph.code_point);
  return out;
}
inline std::string drawn_text() { return drawn_text(drawn_glyphs()); }

// text with its spaces and line breaks taken out, to compare with drawn_text().
inline std::string without_spaces(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != ' ' && c != '\n') out += c;
  return out;
}

}  // namespace openday::testing
