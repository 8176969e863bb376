#pragma once
// The one structure of every screen (issue 28): a title area the screen draws at the top, a
// body that scrolls, and a pinned action area at the bottom that holds the screen's primary
// actions. The page gives the rectangles (the body ends a gap above the actions, so no body text
// is ever cut by the action bar), records the bar and the actions the screen declares primary,
// and a test walks every route asserting those actions are whole and in view on arrival, in
// both orientations and text sizes.
#include <string_view>

#include "ui/screen_context.h"

namespace openday::ui {

class Page {
 public:
  // Splits area (from its top down to its bottom): the body above, and pinned actions of
  // actions_height at the bottom, a gap above the area's bottom edge. No actions: 0.
  Page(ScreenContext& ctx, const Rect& area, float actions_height);

  // Where the body goes: starts at the area's top (a screen draws its title there, or in the body).
  const Rect& body() const { return body_; }
  // The pinned action area, the screen's width within the margins; zero height when none.
  const Rect& actions() const { return actions_; }
  // The body starting lower (below a title that stays put).
  void body_starts_at(float y) { body_.min.y = y; }

  // Declares a button (by its id) one of the screen's primary actions: it must be in view on
  // arrival, whatever the orientation, the text size and the content.
  void primary(std::string_view id);

 private:
  ScreenContext& ctx_;
  Rect body_;
  Rect actions_;
};

// For screens whose primary actions are not in a pinned bar (the home screen's entrances, a
// quiz question's options): the same declaration.
void declare_primary_action(ScreenContext& ctx, std::string_view id);

}  // namespace openday::ui
