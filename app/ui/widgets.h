#pragma once
// Touch widgets drawn with the kiosk's own look: large, high-contrast, with no hover states.
#include <imgui.h>

#include <string_view>

#include "ui/screen_context.h"

namespace openday::ui {

enum class ButtonKind {
  Primary,    // filled with the accent colour
  Secondary,  // white card with a border
};

struct ButtonSpec {
  const char* id;  // stable id: logged on tap and used by tests
  ImVec2 pos;      // top-left, in screen pixels
  ImVec2 size;
  std::string_view label;
  ButtonKind kind = ButtonKind::Secondary;
  FontRole label_role = FontRole::Heading;
  std::string_view detail = {};  // optional second line in body type
};

// Returns true once when the button was tapped (released inside after pressing inside).
bool big_button(ScreenContext& ctx, const ButtonSpec& spec);

// Draws text centred horizontally within [x, x + width]; returns the height used.
float centered_text(ScreenContext& ctx, FontRole role, float x, float y, float width, std::string_view text, ImU32 color);

}  // namespace openday::ui
