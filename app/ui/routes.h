#pragma once
// The screens --screen can open, and how a route becomes a screen.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/content.h"
#include "ui/screen.h"

namespace openday::ui {

struct RouteInfo {
  std::string route;
  std::string description;
};

// For --help: every route with what it shows.
std::vector<RouteInfo> route_catalog();

// The navigation stack that opening route directly should produce, so that Back and Home
// behave as if the visitor had walked there; nullopt when the route is unknown.
std::optional<std::vector<std::string>> stack_for_route(std::string_view route, const Content& content);

// Makes the screen for one route; nullptr when unknown.
std::unique_ptr<Screen> make_screen(const std::string& route, const Content& content);

}  // namespace openday::ui
