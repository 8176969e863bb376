#pragma once
// A stack of screens with Back and Home. Navigation asked for while a screen draws is applied
// between frames, so a screen is never destroyed in the middle of drawing itself.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ui/screen.h"

namespace openday::ui {

// A screen with the route it shows: the registry's pattern filled in, so that a department
// opened without a tab reports its default tab (see shown_route in route_registry.h).
struct OpenedScreen {
  std::unique_ptr<Screen> screen;  // nullptr: the route opens nothing
  std::string route;
};

class Router {
 public:
  using Factory = std::function<OpenedScreen(const std::string& route)>;
  explicit Router(Factory factory) : factory_(std::move(factory)) {}

  // Requests, applied by apply_pending().
  void push(const std::string& route);
  void replace(const std::string& route);  // the current screen gives way to another
  void back();
  void home();
  void reset_to(const std::vector<std::string>& stack);  // e.g. {"attract"} or {"home", "quiz"}

  // The current screen now shows another route of its own pattern (a department's other tab):
  // Back, the logs and the events follow it, with no new screen.
  void show_in_place(const std::string& route) {
    if (!stack_.empty()) stack_.back().route = route;
  }

  // Applies the pending request; returns true when the current screen changed.
  bool apply_pending();

  Screen* current() const { return stack_.empty() ? nullptr : stack_.back().screen.get(); }
  std::string current_route() const { return stack_.empty() ? std::string() : stack_.back().route; }
  std::size_t depth() const { return stack_.size(); }
  bool can_go_back() const { return stack_.size() > 1; }
  // Whether the current screen has never been drawn: a new screen starts at its top, while
  // one that Back returns to keeps where the visitor left it.
  bool current_is_new() const { return !stack_.empty() && !stack_.back().drawn; }
  void mark_current_drawn() {
    if (!stack_.empty()) stack_.back().drawn = true;
  }
  // Whether a request waits for apply_pending().
  bool has_pending() const { return pending_.has_value(); }
  // The route current() will show once the pending request is applied (the current one when
  // nothing is pending), so that what it draws can be prepared before the frame that draws it.
  std::string upcoming_route() const;

 private:
  struct Request {
    enum class Kind { Push, Replace, Back, Home, Reset } kind;
    std::vector<std::string> routes;
  };
  struct Entry {
    std::unique_ptr<Screen> screen;
    std::string route;  // the route the screen shows
    bool drawn = false;
  };
  // The entry for a route; no screen when the factory opens nothing.
  Entry open(const std::string& route) const;
  Factory factory_;
  std::vector<Entry> stack_;
  std::optional<Request> pending_;
};

}  // namespace openday::ui
