#pragma once
// Touch widgets drawn with the kiosk's own look: large, high-contrast, with no hover states.
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/quiz/qr.h"
#include "ui/icons.h"
#include "ui/screen_context.h"

namespace openday::ui {

enum class ButtonKind {
  Primary,    // filled with the accent colour
  Secondary,  // white card with a border
  Selected,   // the chosen tab or chip: filled like Primary, with a bar under its label so that
              // the choice does not rest on colour alone
};

struct ButtonSpec {
  const char* id;  // stable id: logged on tap and used by tests
  ImVec2 pos;      // top-left, in screen pixels
  ImVec2 size;
  std::string_view label;
  ButtonKind kind = ButtonKind::Secondary;
  FontRole label_role = FontRole::Heading;
  std::string_view detail = {};  // optional second line in body type
  float padding = -1;            // inner padding; negative: the theme's gap
  bool align_left = false;       // for lists of answers, whose first letters should line up
  std::string_view state = {};   // a switch's state, drawn by the caller; recorded with the target
  bool caller_draws_label = false;  // the label is only recorded: the caller lays it out (with the state)
  Icon icon = Icon::None;           // drawn left of the label, never instead of it
  bool icon_above = false;          // the icon on a line of its own above the label (narrow, tall buttons)
};

// The room an icon takes left of a label in this font (its advance and a gap); 0 when the
// atlas holds no such glyph (no icon font): then nothing is drawn and nothing is reserved.
float icon_room(const ImFont& font, Icon icon);
// Draws the icon with its top-left at pos, level with a line of text at that height; draws
// nothing when the atlas lacks it (never the missing-glyph mark). Returns icon_room().
float draw_icon(ImDrawList& draw, const ImFont& font, Icon icon, ImVec2 pos, ImU32 ink);

// Records a touchable element for tests and the log: only the part that is on screen.
void register_visible_target(ScreenContext& ctx, std::string_view id, ImVec2 min, ImVec2 max, std::string_view label = {},
                             std::string_view state = {});

// Returns true once when the button was tapped (released inside after pressing inside).
bool big_button(ScreenContext& ctx, const ButtonSpec& spec);

// The height a button of this width needs for its label (and detail) at their own sizes,
// wrapped, with the padding big_button keeps: at least a comfortable touch. Buttons grow to
// what their text needs; big_button never shrinks the text.
float button_height_for(ScreenContext& ctx, std::string_view label, float width, FontRole role = FontRole::Heading,
                        std::string_view detail = {}, float padding = -1);

// The role for a row or grid of keys, all in one size: display or heading type when every
// label fits its key at that size, else body type.
FontRole key_role_for(ScreenContext& ctx, const std::vector<std::string>& labels, ImVec2 key_size, float padding = -1);

// A touchable card of any content: draws the card and returns whether it was tapped. The
// caller draws the card's content over it.
bool card_button(ScreenContext& ctx, const char* id, ImVec2 pos, ImVec2 size, bool highlighted = false);

// A QR code with its quiet zone, modules of a whole number of pixels so that it stays crisp.
// Returns the side length drawn.
float draw_qr_code(ImDrawList& draw, const QrCode& code, ImVec2 pos, float module_px);

// A grid of large keys; returns the label of the key tapped this frame, or empty. Keys are
// laid out row by row, columns per row; id_prefix + the key's index names each for tests.
std::string keypad(ScreenContext& ctx, const char* id_prefix, const std::vector<std::string>& keys, int columns, ImVec2 pos,
                   float width, float key_height);

// The search's on-screen letter keyboard (issue 14): A-Z in alphabetical order (people who
// never typed find letters faster so than on QWERTY), `columns` keys a row, then 删除 and 清空
// on a row of their own, each half its width (two characters in 大字 do not fit a letter's key).
// Ids: id_prefix + "A".."Z", id_prefix + "delete", id_prefix + "clear".
struct KeyboardTap {
  enum class Kind { None, Letter, Delete, Clear } kind = Kind::None;
  char letter = 0;  // 'A'..'Z' for a letter
};
int letter_keyboard_rows(int columns);
float letter_keyboard_height(const Metrics& metrics, int columns, float key_height);
KeyboardTap letter_keyboard(ScreenContext& ctx, const char* id_prefix, ImVec2 pos, float width, int columns, float key_height);

// Draws text centred horizontally within [x, x + width]; returns the height used.
float centered_text(ScreenContext& ctx, FontRole role, float x, float y, float width, std::string_view text, ImU32 color);
// Draws text wrapped to [x, x + width] from its left; returns the height used.
float wrapped_text(ScreenContext& ctx, FontRole role, float x, float y, float width, std::string_view text, ImU32 color);

// Where a screen's text runs: x and width across the screen, y where the next line goes.
struct TextColumn {
  float x = 0;
  float width = 0;
  float y = 0;
};
// The content area within the margins, starting a gap below its top.
TextColumn page_column(const ScreenContext& ctx);
// A column at most max_design_px wide (times Metrics::unit), centred in the content area whose
// left edge is drawn at left (a scrolling region's origin); y is left to the caller.
TextColumn centered_column(const ScreenContext& ctx, float left, float max_design_px);

}  // namespace openday::ui
