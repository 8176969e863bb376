#include "ui/routes.h"

#include "ui/screens/screens.h"

namespace openday::ui {

std::vector<RouteInfo> route_catalog() {
  return {
      {"attract", "the attract screen: event title, date, \"轻触屏幕开始\" (the default)"},
      {"home", "the home screen with the two entrances"},
      {"disclosure", "政务公开查询: department disclosures"},
      {"quiz", "网上审批有奖竞猜: the prize quiz"},
  };
}

std::optional<std::vector<std::string>> stack_for_route(std::string_view route) {
  if (route.empty() || route == "attract") return std::vector<std::string>{"attract"};
  if (route == "home") return std::vector<std::string>{"home"};
  if (route == "disclosure" || route == "quiz") return std::vector<std::string>{"home", std::string(route)};
  return std::nullopt;
}

std::unique_ptr<Screen> make_screen(const std::string& route) {
  if (route == "attract") return make_attract_screen();
  if (route == "home") return make_home_screen();
  if (route == "disclosure" || route == "quiz") return make_placeholder_screen(route);
  return nullptr;
}

}  // namespace openday::ui
