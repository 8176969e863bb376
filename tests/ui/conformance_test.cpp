// Elderly-friendly (适老化) conformance, measured on what the kiosk draws rather than assumed
// from the theme: on every screen of the route registry, in both orientations and both text
// sizes, every glyph's colour against the colour actually behind it (WCAG 1.4.6: 7:1 for body
// text, 4.5:1 for all other text), every touch target's size, and the type sizes and line
// spacing; plus the cues that must not be colour alone.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "screen_walk.h"
#include "support/headless_kiosk.h"
#include "core/content/ui_text.h"
#include "ui/text_layout.h"
#include "ui/theme.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

// --- Contrast as WCAG 2 defines it ---------------------------------------------------------

double channel_luminance(unsigned value) {
  const double c = value / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double relative_luminance(ImU32 color) {
  const unsigned r = (color >> IM_COL32_R_SHIFT) & 0xFF, g = (color >> IM_COL32_G_SHIFT) & 0xFF, b = (color >> IM_COL32_B_SHIFT) & 0xFF;
  return 0.2126 * channel_luminance(r) + 0.7152 * channel_luminance(g) + 0.0722 * channel_luminance(b);
}

double contrast_ratio(ImU32 a, ImU32 b) {
  const double la = relative_luminance(a), lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// top drawn over bottom, as the GPU blends ImGui's vertices (straight alpha).
ImU32 blend(ImU32 top, ImU32 bottom) {
  const unsigned alpha = (top >> IM_COL32_A_SHIFT) & 0xFF;
  const auto mix = [alpha](unsigned t, unsigned b) { return (t * alpha + b * (255 - alpha) + 127) / 255; };
  unsigned out[3];
  for (int shift = 0, i = 0; i < 3; shift += 8, ++i) out[i] = mix((top >> shift) & 0xFF, (bottom >> shift) & 0xFF);
  return IM_COL32(out[0], out[1], out[2], 255);
}

std::string hex(ImU32 color) {
  char text[8];
  std::snprintf(text, sizeof text, "#%02X%02X%02X", (color >> IM_COL32_R_SHIFT) & 0xFF, (color >> IM_COL32_G_SHIFT) & 0xFF,
                (color >> IM_COL32_B_SHIFT) & 0xFF);
  return text;
}

// --- What is drawn where ---------------------------------------------------------------------

// A solid triangle of one colour (a card, a button, a shadow, a dimming overlay), clipped.
struct Fill {
  ImVec2 a, b, c;
  ImU32 color;
  ImVec4 clip;
};

bool inside(const Fill& f, ImVec2 p) {
  if (p.x < f.clip.x || p.y < f.clip.y || p.x >= f.clip.z || p.y >= f.clip.w) return false;
  const auto side = [](ImVec2 p1, ImVec2 p2, ImVec2 q) { return (p2.x - p1.x) * (q.y - p1.y) - (p2.y - p1.y) * (q.x - p1.x); };
  const float d1 = side(f.a, f.b, p), d2 = side(f.b, f.c, p), d3 = side(f.c, f.a, p);
  const bool negative = d1 < 0 || d2 < 0 || d3 < 0, positive = d1 > 0 || d2 > 0 || d3 > 0;
  return !(negative && positive);
}

// 字's advance: a CJK ideograph fills its em square, so this is the size of one character (0 when
// the face lacks 字).
float character_px(const ImFont& font) {
  const ImFontGlyph* g = font.FindGlyphNoFallback(0x5B57);
  return g ? g->AdvanceX : 0;
}

// One glyph as drawn: its colour, the colour behind its centre, and the face it came from.
struct DrawnGlyph {
  ImU32 text;
  ImU32 behind;
  bool body;  // running text (the body face, normal or 大字)
  ImVec2 at;  // its centre on screen
  float character_px;  // a Chinese character's width at the size this glyph is drawn in
};

class DrawnTextReader {
 public:
  explicit DrawnTextReader(const ui::FontSet& fonts) {
    for (ui::FontRole role : {ui::FontRole::Body, ui::FontRole::Heading, ui::FontRole::Display, ui::FontRole::Hero})
      for (bool large : {false, true})
        for (const ImFontGlyph& g : fonts.font(role, large)->Glyphs)
          if (g.Visible) glyph_roles_[{g.U0, g.V0}] = {role, &g, character_px(*fonts.font(role, large))};
  }

  // Every glyph of the last rendered frame, with what lies behind it.
  std::vector<DrawnGlyph> read() const {
    const ImDrawData* data = ImGui::GetDrawData();
    const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
    std::vector<Fill> fills;
    std::vector<DrawnGlyph> glyphs;
    for (int l = 0; l < data->CmdListsCount; ++l) {
      const ImDrawList& list = *data->CmdLists[l];
      for (const ImDrawCmd& cmd : list.CmdBuffer) {
        if (cmd.UserCallback) continue;
        for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
          const ImDrawVert& v0 = list.VtxBuffer[static_cast<int>(cmd.VtxOffset + list.IdxBuffer[static_cast<int>(cmd.IdxOffset + i)])];
          const ImDrawVert& v1 = list.VtxBuffer[static_cast<int>(cmd.VtxOffset + list.IdxBuffer[static_cast<int>(cmd.IdxOffset + i + 1)])];
          const ImDrawVert& v2 = list.VtxBuffer[static_cast<int>(cmd.VtxOffset + list.IdxBuffer[static_cast<int>(cmd.IdxOffset + i + 2)])];
          const bool solid = v0.uv.x == white.x && v0.uv.y == white.y && v1.uv.x == white.x && v1.uv.y == white.y &&
                             v2.uv.x == white.x && v2.uv.y == white.y;
          if (solid) {
            // Anti-aliased edges fade to transparent: only the uniform inner triangles fill.
            if (v0.col == v1.col && v1.col == v2.col && ((v0.col >> IM_COL32_A_SHIFT) & 0xFF) > 0)
              fills.push_back({v0.pos, v1.pos, v2.pos, v0.col, cmd.ClipRect});
            continue;
          }
          // A glyph is a quad of two triangles, top-left, top-right, bottom-right first; its
          // top-left corner carries the glyph's own UV.
          const auto role = glyph_roles_.find({v0.uv.x, v0.uv.y});
          if (role == glyph_roles_.end()) continue;  // a line's texture, or a glyph cut by a clip rect
          if (v1.pos.y != v0.pos.y) continue;        // the quad's second triangle
          // The part inside its clip rectangle is what a visitor sees (a row half under the top bar).
          const ImVec2 seen_min(std::max(v0.pos.x, cmd.ClipRect.x), std::max(v0.pos.y, cmd.ClipRect.y));
          const ImVec2 seen_max(std::min(v2.pos.x, cmd.ClipRect.z), std::min(v2.pos.y, cmd.ClipRect.w));
          if (seen_min.x >= seen_max.x || seen_min.y >= seen_max.y) continue;
          const ImVec2 centre((seen_min.x + seen_max.x) * 0.5f, (seen_min.y + seen_max.y) * 0.5f);
          const ImU32 behind = backdrop(fills, fills.size(), centre);
          // The quad is the glyph's box scaled to the size it is drawn in.
          const ImFontGlyph& glyph = *role->second.glyph;
          const float box = glyph.Y1 - glyph.Y0;
          const float character_px = box >= 4 ? role->second.character_px * (v2.pos.y - v0.pos.y) / box : 0;
          glyphs.push_back({blend(v0.col, behind), behind, role->second.role == ui::FontRole::Body, centre, character_px});
        }
      }
    }
    return glyphs;
  }

 private:
  // The colour at p after the first `count` fills: the window background under everything.
  static ImU32 backdrop(const std::vector<Fill>& fills, std::size_t count, ImVec2 p) {
    for (std::size_t i = count; i-- > 0;) {
      if (!inside(fills[i], p)) continue;
      const ImU32 color = fills[i].color;
      if (((color >> IM_COL32_A_SHIFT) & 0xFF) == 0xFF) return color;
      return blend(color, backdrop(fills, i, p));
    }
    return ui::colors::kBackground;
  }

  struct GlyphSource {
    ui::FontRole role;
    const ImFontGlyph* glyph;
    float character_px;  // 字's advance in the glyph's font, at its baked size (0: not measured)
  };
  std::map<std::pair<float, float>, GlyphSource> glyph_roles_;
};

// A text/background pair below its minimum, once per pair and kind of text.
struct ContrastFinding {
  std::string where;
  double ratio;
  std::size_t glyphs;
};

Config walk_config() {
  Config config;
  config.idle_timeout_seconds = 24 * 3600;  // the walk takes minutes of fake time: no idle reset
  return config;
}

// --- The calculator itself -------------------------------------------------------------------

TEST(ContrastRatio, MatchesWcagReferenceValues) {
  EXPECT_NEAR(contrast_ratio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)), 21.0, 0.01);
  EXPECT_NEAR(contrast_ratio(IM_COL32(255, 255, 255, 255), IM_COL32(255, 255, 255, 255)), 1.0, 0.001);
  // #767676 on white is the classic "just passes 4.5:1" grey; #777777 just fails.
  EXPECT_GE(contrast_ratio(IM_COL32(0x76, 0x76, 0x76, 255), IM_COL32(255, 255, 255, 255)), 4.5);
  EXPECT_LT(contrast_ratio(IM_COL32(0x77, 0x77, 0x77, 255), IM_COL32(255, 255, 255, 255)), 4.5);
  EXPECT_EQ(blend(IM_COL32(0, 0, 0, 0), IM_COL32(10, 20, 30, 255)), IM_COL32(10, 20, 30, 255));
  EXPECT_EQ(blend(IM_COL32(0, 0, 0, 255), IM_COL32(10, 20, 30, 255)), IM_COL32(0, 0, 0, 255));
}

// The reader finds the theme's own pairs where the screens draw them: dark text on the paper
// background and on white cards, white words on the red primary button.
TEST(ContrastRatio, TheReaderSeesTheColoursBehindTheText) {
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "department/minzheng/items");
  kiosk.frame();
  kiosk.frame();
  const std::vector<DrawnGlyph> glyphs = DrawnTextReader(kiosk.kiosk().fonts()).read();
  ASSERT_GT(glyphs.size(), 100u);
  std::set<std::pair<ImU32, ImU32>> pairs;
  bool body_seen = false;
  for (const DrawnGlyph& g : glyphs) {
    pairs.insert({g.text, g.behind});
    body_seen |= g.body;
  }
  EXPECT_TRUE(body_seen);
  EXPECT_TRUE(pairs.count({ui::colors::kOnAccent, ui::colors::kAccent})) << "the selected tab's label on its red fill";
  EXPECT_TRUE(pairs.count({ui::colors::kText, ui::colors::kSurface})) << "item names on white cards";
}

// --- Colour is never the only cue -----------------------------------------------------------

// The centres of the thin solid shapes (bars, lines) of one colour drawn in the last frame.
std::vector<ImVec2> thin_shapes_of(ImU32 color, float max_height) {
  std::vector<ImVec2> centres;
  const ImDrawData* data = ImGui::GetDrawData();
  const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList& list = *data->CmdLists[l];
    for (const ImDrawCmd& cmd : list.CmdBuffer)
      for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
        const ImDrawVert* v[3];
        for (unsigned k = 0; k < 3; ++k)
          v[k] = &list.VtxBuffer[static_cast<int>(cmd.VtxOffset + list.IdxBuffer[static_cast<int>(cmd.IdxOffset + i + k)])];
        const bool solid = std::all_of(v, v + 3, [&](const ImDrawVert* x) { return x->uv.x == white.x && x->uv.y == white.y && x->col == color; });
        // Thin shapes only: a white card is the same white as the mark on a red button.
        const float top = std::min({v[0]->pos.y, v[1]->pos.y, v[2]->pos.y}), bottom = std::max({v[0]->pos.y, v[1]->pos.y, v[2]->pos.y});
        if (solid && bottom - top <= max_height)
          centres.emplace_back((v[0]->pos.x + v[1]->pos.x + v[2]->pos.x) / 3, (v[0]->pos.y + v[1]->pos.y + v[2]->pos.y) / 3);
      }
  }
  return centres;
}

// A mark centred along the bottom of the target, inside it.
bool marked(const std::vector<ImVec2>& points, const ui::TapTarget& target) {
  const ImVec2 c = target.center(), size = target.size();
  return std::any_of(points.begin(), points.end(), [&](ImVec2 p) {
    return std::abs(p.x - c.x) < size.x * 0.25f && p.y > target.min.y + size.y * 0.7f && p.y < target.max.y;
  });
}

// The chosen tab and the chosen category chip carry a bar (a shape), not only the red fill;
// the others carry none.
TEST(NotColourAlone, TheChosenTabAndChipCarryAMark) {
  for (ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920)}) {
    for (const char* route : {"department/minzheng/items", "departments"}) {
      SCOPED_TRACE(std::string(route) + " at " + std::to_string(static_cast<int>(display.x)));
      HeadlessKiosk kiosk(display, route);
      kiosk.frame();
      kiosk.frame();
      const std::vector<ImVec2> marks = thin_shapes_of(ui::colors::kOnAccent, 12.0f * std::min(display.x, display.y) / 1080.0f);
      const std::string prefix = std::string(route) == "departments" ? "departments.category." : "department.tab.";
      const std::string chosen = prefix + (std::string(route) == "departments" ? "all" : "items");
      int choices = 0;
      for (const ui::TapTarget& target : kiosk.kiosk().taps().all()) {
        if (!target.id.starts_with(prefix)) continue;
        ++choices;
        EXPECT_EQ(marked(marks, target), target.id == chosen) << target.id;
      }
      EXPECT_GE(choices, 3);
    }
  }
}

// An answered question says which option was right and which was the visitor's wrong choice in
// words with a mark, on the options themselves, not only in green and red.
TEST(NotColourAlone, AnsweredOptionsSayRightAndChosenInWords) {
  for (ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920)}) {
    HeadlessKiosk kiosk(display, "quiz/question/answered");
    ui::TextAudit& audit = kiosk.kiosk().text_audit();
    audit.record_placements = true;
    kiosk.frame();
    kiosk.frame();
    int right = 0, chosen = 0;
    for (const ui::TextPlacement& p : audit.placements()) {
      right += p.text == tr(Text::QuizOptionRightMark);
      chosen += p.text == tr(Text::QuizOptionChosenMark);
    }
    EXPECT_EQ(right, 1) << "the right option, marked once";
    EXPECT_EQ(chosen, 1) << "the wrong choice (the route answers wrongly), marked once";
  }
}

// --- Type and line sizes, in pixels and on the glass -------------------------------------------

TEST(TypeSizes, BodyTextAndLineSpacingOnEveryDisplayAndTextSize) {
  for (const ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920), ImVec2(1280, 800), ImVec2(3840, 2160)}) {
    HeadlessKiosk kiosk(display, "home");
    const ui::FontSet& fonts = kiosk.kiosk().fonts();
    const float unit = std::min(display.x, display.y) / 1080.0f;
    kiosk.wait(0.5);
    const float normal = character_px(*fonts.font(ui::FontRole::Body, false));
    kiosk.tap("topbar.large_text");  // 大字 is baked when a visitor first asks for it
    kiosk.wait(0.5);
    const float large = character_px(*fonts.font(ui::FontRole::Body, true));
    const std::string at = std::to_string(static_cast<int>(display.x)) + "x" + std::to_string(static_cast<int>(display.y));
    EXPECT_GE(normal + 0.5f, 28.0f * unit) << at << ": body text " << normal << " px per character";
    EXPECT_GE(large + 0.5f, 1.4f * normal) << at << ": 大字 body text " << large << " px against " << normal << " px";
    for (ui::FontRole role : {ui::FontRole::Body, ui::FontRole::Heading})
      for (bool large_text : {false, true}) {
        const ImFont& font = *fonts.font(role, large_text);
        // Wrapped lines are line_height apart; the text is one character tall.
        EXPECT_GE(ui::line_height(font.FontSize), 1.3f * character_px(font)) << at << ": line spacing below 1.3x";
      }
    std::printf("type %s: body %.1f px per character (大字 %.1f), line spacing %.2fx\n", at.c_str(), normal, large,
                ui::line_height(fonts.font(ui::FontRole::Body, false)->FontSize) / normal);
  }
}

TEST(TypeSizes, PhysicalSizesOnCommonKioskMonitorsMeetTheFloors) {
  struct Monitor {
    const char* name;
    ImVec2 display;
    ImVec2 mm;  // as the monitor reports it (landscape, even when the kiosk is turned)
  };
  const Monitor monitors[] = {{"15.6\" 1080p", ImVec2(1920, 1080), ImVec2(344, 194)},
                              {"21.5\" 1080p", ImVec2(1920, 1080), ImVec2(476, 268)},
                              {"21.5\" 1080p turned", ImVec2(1080, 1920), ImVec2(476, 268)},
                              {"32\" 4K", ImVec2(3840, 2160), ImVec2(698, 393)}};
  for (const Monitor& monitor : monitors) {
    HeadlessKiosk kiosk(monitor.display, "home");
    ui::PhysicalSizes sizes;
    ASSERT_TRUE(ui::physical_sizes(monitor.display, monitor.mm, kiosk.kiosk().metrics(),
                                   character_px(*kiosk.kiosk().fonts().font(ui::FontRole::Body, false)), sizes));
    EXPECT_TRUE(sizes.meets_floors()) << monitor.name << ": " << sizes.body_character_mm << " mm text, " << sizes.touch_target_mm << " mm targets";
    EXPECT_GE(sizes.large_body_character_mm, 1.4f * sizes.body_character_mm - 0.01f);
    std::printf("physical %s: body text %.1f mm per character (大字 %.1f mm), touch targets %.1f mm\n", monitor.name,
                sizes.body_character_mm, sizes.large_body_character_mm, sizes.touch_target_mm);
  }
  // A 10" tablet at 1080p is too dense: the check says so rather than passing it.
  ui::PhysicalSizes tablet;
  ASSERT_TRUE(ui::physical_sizes(ImVec2(1920, 1080), ImVec2(221, 125), ui::metrics_for_display(ImVec2(1920, 1080)), 32, tablet));
  EXPECT_FALSE(tablet.meets_floors());
  ui::PhysicalSizes unknown;
  EXPECT_FALSE(ui::physical_sizes(ImVec2(1920, 1080), ImVec2(0, 0), ui::metrics_for_display(ImVec2(1920, 1080)), 32, unknown))
      << "a monitor that reports 0 mm gives no figures";
}

// --- Every screen ----------------------------------------------------------------------------

class Conformance : public ::testing::TestWithParam<testing::Walk> {};

TEST_P(Conformance, ContrastAndTouchTargetsOnEveryScreen) {
  HeadlessKiosk kiosk(GetParam().display, "attract", walk_config());
  const ImVec2 display = GetParam().display;
  const float target_minimum = 80.0f * std::min(display.x, display.y) / 1080.0f;
  std::map<std::string, ContrastFinding> low_contrast;  // by colour pair and kind of text
  std::set<std::string> small_targets;
  std::size_t glyphs_measured = 0, targets_measured = 0;
  double lowest_body = 21, lowest_other = 21;
  // Body text at least 28 px per character at 1080p (scaled with the shorter side), 1.4x in 大字.
  // The staff screens end a visitor's 大字 (they have no switch for it): there the normal floor.
  const float normal_minimum = 28.0f * std::min(display.x, display.y) / 1080.0f;
  const float body_minimum = normal_minimum * (GetParam().large ? 1.4f : 1.0f);
  float smallest_body = 1e9f, smallest_staff_body = 1e9f;
  std::string smallest_body_at, smallest_staff_body_at;
  testing::walk_every_screen(kiosk, GetParam().large, [&](const std::string& where) {
    // Fresh per page: the atlas may have been rebuilt for another department.
    const DrawnTextReader reader(kiosk.kiosk().fonts());
    const bool staff = kiosk.route().starts_with("staff/");
    float& smallest = staff ? smallest_staff_body : smallest_body;
    std::string& smallest_at = staff ? smallest_staff_body_at : smallest_body_at;
    for (const DrawnGlyph& g : reader.read()) {
      ++glyphs_measured;
      if (g.body && g.character_px > 0 && g.character_px < smallest) {
        smallest = g.character_px;
        smallest_at = where;
      }
      const double ratio = contrast_ratio(g.text, g.behind);
      (g.body ? lowest_body : lowest_other) = std::min(g.body ? lowest_body : lowest_other, ratio);
      if (ratio >= (g.body ? 7.0 : 4.5)) continue;
      const std::string key = hex(g.text) + " on " + hex(g.behind) + (g.body ? " (body text)" : " (other text)");
      const std::string at = where + " at (" + std::to_string(static_cast<int>(g.at.x)) + ", " + std::to_string(static_cast<int>(g.at.y)) + ")";
      auto [found, fresh] = low_contrast.try_emplace(key, ContrastFinding{at, ratio, 0});
      ++found->second.glyphs;
    }
    for (const ui::TapTarget& target : kiosk.kiosk().taps().all()) {
      if (target.clipped) continue;  // a card half scrolled out of view is smaller on screen, by design
      ++targets_measured;
      if (target.size().x + 0.5f < target_minimum || target.size().y + 0.5f < target_minimum)
        small_targets.insert(where + ": " + target.id + " is " + std::to_string(static_cast<int>(target.size().x)) + "x" +
                             std::to_string(static_cast<int>(target.size().y)) + " px");
    }
  });
  for (const auto& [pair, finding] : low_contrast)
    ADD_FAILURE() << pair << " = " << finding.ratio << ":1, " << finding.glyphs << " glyphs, first on " << finding.where;
  for (const std::string& small : small_targets) ADD_FAILURE() << small << ", below " << target_minimum << " px";
  EXPECT_FALSE(smallest_body_at.empty()) << "no body text was measured";
  EXPECT_GE(smallest_body + 0.5f, body_minimum) << "body text drawn at " << smallest_body << " px per character on " << smallest_body_at;
  EXPECT_FALSE(smallest_staff_body_at.empty()) << "no staff screen's body text was measured";
  EXPECT_GE(smallest_staff_body + 0.5f, normal_minimum)
      << "body text drawn at " << smallest_staff_body << " px per character on " << smallest_staff_body_at;
  EXPECT_GT(glyphs_measured, 50000u);
  EXPECT_GT(targets_measured, 1000u);
  std::printf("conformance %s: %zu glyphs, lowest contrast %.2f:1 body text, %.2f:1 other text; smallest body text %.1f px "
              "per character (floor %.1f); %zu touch targets\n",
              ::testing::PrintToString(GetParam()).c_str(), glyphs_measured, lowest_body, lowest_other, smallest_body, body_minimum,
              targets_measured);
}

INSTANTIATE_TEST_SUITE_P(Displays, Conformance,
                         ::testing::Values(testing::Walk{ImVec2(1920, 1080), false}, testing::Walk{ImVec2(1920, 1080), true},
                                           testing::Walk{ImVec2(1080, 1920), false}, testing::Walk{ImVec2(1080, 1920), true}),
                         [](const auto& walk) {
                           return std::to_string(static_cast<int>(walk.param.display.x)) + "x" +
                                  std::to_string(static_cast<int>(walk.param.display.y)) + (walk.param.large ? "_large" : "_normal");
                         });

}  // namespace
}  // namespace openday
