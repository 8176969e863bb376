#include "screen_walk.h"

#include <gtest/gtest.h>
#include <imgui_internal.h>

#include "ui/route_registry.h"

namespace openday::testing {
namespace {

bool is_staff(const std::string& route) { return ui::is_staff_only_route(route); }

// The scrolling region the current screen drew, if it can scroll.
ImGuiWindow* scrolling_region() {
  for (ImGuiWindow* window : ImGui::GetCurrentContext()->Windows)
    if (window->Active && (window->Flags & ImGuiWindowFlags_ChildWindow) && window->ScrollMax.y > 0) return window;
  return nullptr;
}

void settle(HeadlessKiosk& kiosk) {
  kiosk.frame();
  kiosk.kiosk().quiz().wait();     // a voucher being committed
  kiosk.kiosk().service().wait();  // a report or an export running
  kiosk.frame();
  kiosk.frame();
}

// Checks the screen as opened, then each further page of its scrolling region.
void check_pages(HeadlessKiosk& kiosk, const std::string& route, const std::function<void(const std::string&)>& check) {
  check(route);
  constexpr int kMostPages = 40;
  for (int page = 1; page < kMostPages; ++page) {
    ImGuiWindow* region = scrolling_region();
    if (!region || region->Scroll.y >= region->ScrollMax.y) return;
    ImGui::SetScrollY(region, std::min(region->Scroll.y + region->Size.y * 0.8f, region->ScrollMax.y));
    kiosk.frame();
    kiosk.frame();
    check(route + " page " + std::to_string(page + 1));
  }
}

}  // namespace

std::vector<std::string> every_route(const Content& content) {
  std::vector<std::string> visitor, staff;
  for (std::string& route : ui::every_route(content)) {
    if (!ui::stack_for_route(route, content)) ADD_FAILURE() << "the registry's route " << route << " does not open";
    (is_staff(route) ? staff : visitor).push_back(std::move(route));
  }
  visitor.insert(visitor.end(), staff.begin(), staff.end());
  return visitor;
}

void walk_every_screen(HeadlessKiosk& kiosk, bool large_text, const std::function<void(const std::string& where)>& check) {
  const Content& content = kiosk.kiosk().content();
  bool staff_data_written = false;
  for (const std::string& route : every_route(content)) {
    if (large_text && route == "attract") continue;
    if (is_staff(route) && !kiosk.kiosk().staff_mode()) {
      if (!staff_data_written) kiosk.log().flush();  // the report reads what the visitor screens logged
      staff_data_written = true;
      kiosk.kiosk().enter_staff_mode();
    }
    if (route == "staff/pin") {
      // The PIN keypad closes after a minute without a touch; a long walk (a whole county)
      // touches nothing for hours of fake time, so the staff clock starts again here.
      kiosk.kiosk().enter_staff_mode();
      kiosk.kiosk().leave_staff_mode();
    }
    kiosk.kiosk().router().reset_to(*ui::stack_for_route(route, content));
    settle(kiosk);
    if (large_text && !kiosk.kiosk().large_text() && kiosk.has_target("topbar.large_text")) {
      kiosk.wait(ui::Kiosk::kTapGuardSeconds + 0.1);  // a tap right after a screen change is ignored
      kiosk.tap("topbar.large_text");
      settle(kiosk);
    }
    const std::string expected = route.rfind("quiz/result", 0) == 0 ? "quiz/result" : route;
    if (kiosk.route().substr(0, expected.size()) != expected) {
      ADD_FAILURE() << "opening " << route << " shows " << kiosk.route();
      continue;
    }
    check_pages(kiosk, route, check);
    if (route == "staff/export" && kiosk.has_target("staff.export.destination.0")) {
      // The result of a real export: the folder and the summary paragraph.
      kiosk.tap("staff.export.destination.0");
      settle(kiosk);
      check_pages(kiosk, route + " after exporting", check);
    }
  }
}

std::string fallback_glyphs_drawn(const ui::FontSet& fonts) {
  std::vector<const ImFontGlyph*> fallbacks;
  for (auto role : {ui::FontRole::Body, ui::FontRole::Heading, ui::FontRole::Display, ui::FontRole::Hero})
    for (bool large : {false, true})
      if (const ImFontGlyph* g = fonts.font(role, large)->FallbackGlyph) fallbacks.push_back(g);
  const ImDrawData* data = ImGui::GetDrawData();
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList* list = data->CmdLists[l];
    for (const ImDrawVert& v : list->VtxBuffer)
      for (const ImFontGlyph* g : fallbacks)
        if (v.uv.x >= g->U0 && v.uv.x <= g->U1 && v.uv.y >= g->V0 && v.uv.y <= g->V1 && g->U1 > g->U0)
          return "a vertex samples the fallback glyph in draw list " + std::to_string(l);
  }
  return "";
}

void PrintTo(const Walk& w, std::ostream* os) { *os << w.display.x << "x" << w.display.y << (w.large ? " large" : " normal"); }

}  // namespace openday::testing
