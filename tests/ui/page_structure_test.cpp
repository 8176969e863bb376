// Issue 28: one page structure for every screen. A walk of every route generated from the
// route registry and the content (every department in every tab, every item, the quiz, the
// 我要问 screens, the staff screens), in both orientations and both text sizes, asserts:
//  - each primary action a screen declares (ui/page.h) is whole and inside the visible area on
//    arrival, and not under another pinned bar;
//  - no text of a scrolling body shows under a pinned action bar, on any page of the screen;
//  - no glyph is drawn smaller (or larger) than the size its face was baked at: text is never
//    shrunk to fit, it wraps and its box grows.
// The screens that must declare primary actions are listed, so a screen that stops declaring
// them fails too.
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "support/headless_kiosk.h"
#include "support/ui_shapes.h"
#include "ui/route_registry.h"
#include "ui/screen_walk.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

struct GlyphQuad {
  const ImFontGlyph* glyph = nullptr;
  ImVec2 min, max;  // the quad on screen
  ImVec4 clip;      // its draw command's clip rectangle
  bool in_body = false;  // drawn by a child window: a scrolling region
};

// Every glyph quad of the last frame, with its clip rectangle (read back from the draw data:
// the texture coordinates of a quad's corners name the glyph).
std::vector<GlyphQuad> glyph_quads() {
  std::map<std::pair<float, float>, const ImFontGlyph*> by_uv;
  for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
    for (const ImFontGlyph& glyph : font->Glyphs)
      if (glyph.Visible) by_uv[{glyph.U0, glyph.V0}] = &glyph;
  std::vector<GlyphQuad> quads;
  const ImDrawData* data = ImGui::GetDrawData();
  if (!data) return quads;
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList& list = *data->CmdLists[l];
    const bool in_body = list._OwnerName && std::string_view(list._OwnerName).find('/') != std::string_view::npos;
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      if (cmd.UserCallback || cmd.ElemCount == 0) continue;
      unsigned first = ~0u, last = 0;
      for (unsigned i = cmd.IdxOffset; i < cmd.IdxOffset + cmd.ElemCount; ++i) {
        const unsigned v = cmd.VtxOffset + list.IdxBuffer[static_cast<int>(i)];
        first = std::min(first, v);
        last = std::max(last, v);
      }
      const ImVector<ImDrawVert>& v = list.VtxBuffer;
      for (unsigned i = first; i + 3 <= last; ++i) {
        const auto found = by_uv.find({v[static_cast<int>(i)].uv.x, v[static_cast<int>(i)].uv.y});
        if (found == by_uv.end()) continue;
        const ImFontGlyph& glyph = *found->second;
        const ImDrawVert& right = v[static_cast<int>(i + 2)];
        if (v[static_cast<int>(i + 1)].uv.x != glyph.U1 || right.uv.x != glyph.U1 || right.uv.y != glyph.V1) continue;
        quads.push_back({&glyph, v[static_cast<int>(i)].pos, right.pos, cmd.ClipRect, in_body});
        i += 3;
      }
    }
  }
  return quads;
}

bool overlaps(ImVec2 a_min, ImVec2 a_max, ImVec2 b_min, ImVec2 b_max) {
  return a_min.x < b_max.x && b_min.x < a_max.x && a_min.y < b_max.y && b_min.y < a_max.y;
}

std::string describe(ImVec2 min, ImVec2 max) {
  char text[96];
  std::snprintf(text, sizeof text, "(%.0f, %.0f)-(%.0f, %.0f)", min.x, min.y, max.x, max.y);
  return text;
}

// The route's pattern in the registry, which names a screen whatever its ids.
std::string pattern_of(const std::string& route) {
  const auto match = ui::match_route(route, *HeadlessKiosk::sample_content());
  return match ? std::string(match->spec->pattern) : route;
}

class PageStructure : public ::testing::TestWithParam<testing::Shape> {};

TEST_P(PageStructure, PrimaryActionsInViewAndNoBodyTextUnderAPinnedBarOnEveryScreen) {
  Config config;
  config.idle_timeout_seconds = 24 * 3600;  // the walk takes minutes of fake time
  config.printer_name = "kiosk-receipt";     // the print buttons are primary actions too (never tapped here)
  const ImVec2 display = GetParam().display;
  HeadlessKiosk kiosk(display, "attract", config);
  std::map<std::string, std::set<std::string>> declared;  // route pattern -> primary actions seen
  int screens = 0, actions = 0, body_glyphs = 0, glyphs = 0;
  testing::walk_every_screen(kiosk, GetParam().large_text, [&](const std::string& where) {
    const ui::TapTargets& taps = kiosk.kiosk().taps();
    const bool arrival = where.find(" page ") == std::string::npos;
    if (arrival) {
      ++screens;
      for (const std::string& id : taps.primary()) {
        ++actions;
        declared[pattern_of(kiosk.route())].insert(id);
        const ui::TapTarget* target = taps.find(id);
        if (!target) {
          ADD_FAILURE() << where << ": the primary action " << id << " is declared but not on screen";
          continue;
        }
        EXPECT_FALSE(target->clipped) << where << ": the primary action " << id << " is cut by the edge of its region, "
                                      << describe(target->min, target->max);
        EXPECT_TRUE(target->min.x >= 0 && target->min.y >= 0 && target->max.x <= display.x && target->max.y <= display.y)
            << where << ": the primary action " << id << " leaves the screen, " << describe(target->min, target->max);
        for (const ui::TapTargets::Bar& bar : taps.pinned_bars()) {
          const bool inside_bar = target->min.x >= bar.min.x - 1 && target->max.x <= bar.max.x + 1 && target->min.y >= bar.min.y - 1 &&
                                  target->max.y <= bar.max.y + 1;
          EXPECT_TRUE(inside_bar || !overlaps(target->min, target->max, bar.min, bar.max))
              << where << ": the primary action " << id << " lies partly under the pinned bar " << describe(bar.min, bar.max);
        }
      }
    }
    for (const GlyphQuad& quad : glyph_quads()) {
      ++glyphs;
      const float baked_height = quad.glyph->Y1 - quad.glyph->Y0;
      const float drawn_height = quad.max.y - quad.min.y;
      EXPECT_NEAR(drawn_height, baked_height, 0.05f) << where << ": U+" << std::hex << quad.glyph->Codepoint << std::dec
                                                      << " is drawn at another size than its face was baked at";
      if (!quad.in_body) continue;
      const ImVec2 visible_min(std::max(quad.min.x, quad.clip.x), std::max(quad.min.y, quad.clip.y));
      const ImVec2 visible_max(std::min(quad.max.x, quad.clip.z), std::min(quad.max.y, quad.clip.w));
      if (visible_min.x >= visible_max.x || visible_min.y >= visible_max.y) continue;
      ++body_glyphs;
      for (const ui::TapTargets::Bar& bar : taps.pinned_bars())
        EXPECT_FALSE(overlaps(visible_min, visible_max, bar.min, bar.max))
            << where << ": body text U+" << std::hex << quad.glyph->Codepoint << std::dec << " at " << describe(visible_min, visible_max)
            << " shows under the pinned bar " << describe(bar.min, bar.max);
    }
  });
  std::printf("[ page     ] %d screens, %d primary actions checked on arrival; %d glyphs, %d of them in scrolling bodies\n", screens,
              actions, glyphs, body_glyphs);

  // The screens whose main actions a visitor (or staff) must find without scrolling.
  const std::map<std::string, std::vector<std::string>> required = {
      {"home", {"home.disclosure", "home.topics", "home.search", "home.quiz", "home.ask"}},
      {"department/{department}[/{tab}]", {"department.tab.duties", "department.tab.items", "department.tab.fees", "department.tab.faq"}},
      {"faq/{department}/{faq}", {"faq.ask"}},
      {"quiz", {"quiz.start"}},
      {"quiz/question", {"quiz.option.0", "quiz.option.1", "quiz.next"}},
      {"item/{item}", {"print.guide"}},
      {"quiz/result", {"quiz.retry", "quiz.home"}},
      {"quiz/code", {"quiz.home", "print.voucher"}},
      {"rating", {"rating.skip", "rating.level.very_satisfied"}},
      {"ask", {"ask.department.general"}},
      {"ask/{department}", {"ask.topic.other"}},
      {"ask/general/{ask_topic}", {"ask.home"}},
      {"ask/{department}/{ask_topic}", {"ask.home"}},
      {"search", {"search.key.A", "search.key.clear", "search.mode.handwriting"}},
      {"staff/dashboard", {"staff.redeem", "staff.export", "staff.back_to_kiosk"}},
      {"staff/pin", {"staff.pin.key.11"}},
      {"staff/redeem", {"staff.redeem.submit"}},
      {"staff/stock", {"staff.stock.save"}},
      {"staff/export", {"staff.export.destination.0"}},
      {"staff/doctor", {"staff.doctor.again"}},
      {"staff/exit", {"staff.exit.cancel", "staff.exit.confirm"}},
      {"staff/tally", {"staff.tally.consultation", "staff.tally.undo", "staff.tally.facts"}},
      {"staff/tally/facts", {"staff.facts.key.11"}},
  };
  // 打印兑奖凭条 under the code, in every shape and text size.
  const auto result = declared.find("quiz/result/pass");
  EXPECT_TRUE(result != declared.end() && result->second.contains("print.voucher")) << "quiz/result/pass does not declare print.voucher";
  for (const auto& [pattern, ids] : required) {
    // The pattern's own screen and its variants (quiz/result/pass, quiz/question/answered).
    std::set<std::string> seen;
    for (const auto& [declared_pattern, declared_ids] : declared)
      if (declared_pattern == pattern || declared_pattern.starts_with(pattern + "/")) seen.insert(declared_ids.begin(), declared_ids.end());
    for (const std::string& id : ids) EXPECT_TRUE(seen.contains(id)) << pattern << " does not declare " << id << " (or was not reached)";
  }
  EXPECT_GT(screens, 100);
  EXPECT_GT(body_glyphs, 10000);
}

INSTANTIATE_TEST_SUITE_P(Shapes, PageStructure, testing::every_shape(), testing::shape_name);

}  // namespace
}  // namespace openday
