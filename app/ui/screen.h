#pragma once
// A screen is a small object that draws one page of the kiosk. Screens live on the router's
// stack and reach the rest of the kiosk only through the ScreenContext they are given. A screen
// does not know its route: the router keeps the route the registry matched (route_registry.cpp).
#include <string>

#include "core/visits/events.h"

namespace openday::ui {

class ScreenContext;

class Screen {
 public:
  virtual ~Screen() = default;
  // Draws the screen's content into ctx.content_rect().
  virtual void draw(ScreenContext& ctx) = 0;
  // The title shown in the top bar.
  virtual std::string title() const { return {}; }
  // Whether the shared top bar (Back, Home, large text) is shown above the content.
  virtual bool has_top_bar() const { return true; }
  // Fills in what a screen_view event records beyond the route (department, item, tab).
  virtual void describe(Event& view) const { (void)view; }
  // Whether typed characters (a USB QR scanner is a keyboard) are meant for this screen.
  virtual bool wants_text_input() const { return false; }
  // Seconds between frames while the screen animates on its own; 0 when it is static.
  virtual double animation_interval_seconds() const { return 0; }
};

}  // namespace openday::ui
