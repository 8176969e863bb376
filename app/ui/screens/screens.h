#pragma once
// Factories of the kiosk's screens; each screen lives in its own file in this folder.
#include <memory>
#include <string>

#include "ui/screen.h"

namespace openday::ui {

std::unique_ptr<Screen> make_attract_screen();
std::unique_ptr<Screen> make_home_screen();
// A section that a later release fills: route is "disclosure" or "quiz".
std::unique_ptr<Screen> make_placeholder_screen(const std::string& route);

}  // namespace openday::ui
