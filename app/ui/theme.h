#pragma once
// Sizes and colours of the kiosk. Every size follows the screen's shorter side, so 1920x1080,
// 1080x1920, 1280x800 and 3840x2160 all get the same proportions.
#include <imgui.h>

namespace openday::ui {

struct Metrics {
  float unit = 1.0f;         // pixels per design pixel; a design pixel is 1/1080 of the shorter side
  float touch_min = 96.0f;   // smallest touch target edge
  float margin = 48.0f;      // outer margin of every screen
  float gap = 28.0f;         // space between neighbouring elements
  float corner = 20.0f;      // corner radius of cards and buttons
  float top_bar_height = 128.0f;
  // The top bar in 大字: tall enough for the large heading face on its buttons.
  float large_top_bar_height = 160.0f;
  // Font sizes are ImGui's: ascender to descender, about 1.45 times the width of one Chinese
  // character in Noto Sans CJK. Body text is 32 px per character at 1080p.
  float body_px = 46.0f;     // running text
  float heading_px = 60.0f;  // buttons, titles of sections
  float display_px = 100.0f; // the largest words on the attract and home screens
  float hero_px = 200.0f;    // the event title on the attract screen
  // 适老化 large-text mode: at least 1.4x the character size; advances round to whole pixels, so
  // the factor sits a little above 1.4 (measured in tests/ui/conformance_test.cpp).
  float large_text_factor = 1.42f;
  bool portrait = false;
};

Metrics metrics_for_display(ImVec2 display_size);

namespace colors {
inline constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b) { return IM_COL32(r, g, b, 255); }
inline constexpr ImU32 kBackground = rgb(247, 244, 238);   // warm paper white
inline constexpr ImU32 kSurface = rgb(255, 255, 255);      // cards
inline constexpr ImU32 kSurfacePressed = rgb(232, 226, 216);
inline constexpr ImU32 kBorder = rgb(196, 186, 170);
inline constexpr ImU32 kText = rgb(28, 28, 28);
inline constexpr ImU32 kTextMuted = rgb(72, 72, 72);       // still above 7:1 on the background
// One strong accent: government red, deep enough for body text at 7:1 on the background, on
// white cards, on zebra rows and on kAccentSoft (measured in tests/ui/conformance_test.cpp).
inline constexpr ImU32 kAccent = rgb(148, 25, 20);
inline constexpr ImU32 kAccentPressed = rgb(110, 18, 15);
inline constexpr ImU32 kOnAccent = rgb(255, 255, 255);
inline constexpr ImU32 kAccentSoft = rgb(250, 228, 222);
// Right and wrong in the quiz: green is for "correct" only.
inline constexpr ImU32 kSuccess = rgb(21, 90, 42);  // 7:1 on the background and on kSuccessSoft
inline constexpr ImU32 kSuccessSoft = rgb(222, 242, 226);
}  // namespace colors

// What the sizes come to on the glass, for a monitor that reports its physical size (GLFW gives
// 0 mm when it does not know). The 适老化 floors: a body-text character at least 4.8 mm tall
// (ADA 707.7) and touch targets at least 15 mm (the kiosk guidance and the MIIT rules' 60 dp).
inline constexpr float kMinBodyCharacterMm = 4.8f;
inline constexpr float kMinTouchTargetMm = 15.0f;

struct PhysicalSizes {
  float mm_per_px = 0;
  float body_character_mm = 0;        // one Chinese character of running text
  float large_body_character_mm = 0;  // the same in 大字
  float touch_target_mm = 0;          // the smallest touch target edge
  bool meets_floors() const { return body_character_mm >= kMinBodyCharacterMm && touch_target_mm >= kMinTouchTargetMm; }
};

// display: the screen in pixels; monitor_mm: its physical size (0 when unknown: nothing to say).
// body_character_px: the advance of a Chinese character in the body face, as baked.
bool physical_sizes(ImVec2 display, ImVec2 monitor_mm, const Metrics& metrics, float body_character_px, PhysicalSizes& out);

// Applies the light, high-contrast theme and the touch-sized paddings to ImGui's style.
void apply_theme(ImGuiStyle& style, const Metrics& metrics);

}  // namespace openday::ui
