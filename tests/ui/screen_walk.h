#pragma once
// Every screen the kiosk can show, generated from the route registry (ui/route_registry.cpp) and
// the content: each department in each tab, each approval item, the quiz screens, and the staff
// screens on the data the visitor screens just produced (views, quiz rounds, a voucher, a
// computed report, a finished export). Long screens are paged through, so that text below
// the fold is drawn too.
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "core/content/content.h"
#include "support/headless_kiosk.h"
#include "ui/fonts.h"

namespace openday::testing {

// The registry's routes with every department, item and tab filled in from the content;
// visitor screens first, then the staff PIN keypad, then the staff screens.
std::vector<std::string> every_route(const Content& content);

// Opens every route in one kiosk, in normal or large text, and calls check(where) after each
// page of each screen has been drawn (where names the route and the page). Large text skips
// the attract screen, which always resets it.
void walk_every_screen(HeadlessKiosk& kiosk, bool large_text, const std::function<void(const std::string& where)>& check);

// Whether any vertex drawn this frame samples the fallback glyph (U+FFFD) of any font: that is
// a character some screen draws in a size whose bake does not have it. Empty when none does.
std::string fallback_glyphs_drawn(const ui::FontSet& fonts);

// One walk's display and text size (the tests' parameter).
struct Walk {
  ImVec2 display;
  bool large;
};
void PrintTo(const Walk& w, std::ostream* os);

}  // namespace openday::testing
