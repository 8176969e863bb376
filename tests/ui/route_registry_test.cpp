// The route registry (ui/route_registry.cpp) is the one list of screens: every route it holds,
// expanded with every department, approval item and tab of the sample content, opens in both
// orientations, its screen reports the same route back, and Back lands on the registry's parent.
#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "support/headless_kiosk.h"
#include "ui/glyph_plan.h"
#include "ui/route_registry.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

void settle(HeadlessKiosk& kiosk) {
  kiosk.frame();
  kiosk.kiosk().quiz().wait();     // a voucher being committed
  kiosk.kiosk().service().wait();  // a report running
  kiosk.frame();
  kiosk.frame();
}

// The staff mode a route needs: staff screens open only in it, visitor screens outside it.
void enter_the_mode_of(HeadlessKiosk& kiosk, const std::string& route) {
  const bool staff = ui::is_staff_only_route(route);
  if (staff && !kiosk.kiosk().staff_mode()) kiosk.kiosk().enter_staff_mode();
  if (!staff && kiosk.kiosk().staff_mode()) kiosk.kiosk().leave_staff_mode();
}

// The route the screen of a (parent) route reports.
std::string shown(const std::string& route) {
  const auto match = ui::match_route(route, *HeadlessKiosk::sample_content());
  return match ? ui::shown_route(*match) : "(no registry entry for " + route + ")";
}

class EveryRegisteredRoute : public ::testing::TestWithParam<ImVec2> {};

// One kiosk walks the registry in its order: quiz/code shows the prize code that
// quiz/result/pass (listed before it) won for the session.
TEST_P(EveryRegisteredRoute, OpensReportsItselfAndGoesBackToItsParent) {
  const Content& content = *HeadlessKiosk::sample_content();
  Config config;
  config.idle_timeout_seconds = 24 * 3600;  // the walk takes minutes of fake time: no idle reset
  HeadlessKiosk kiosk(GetParam(), "attract", config);
  const auto routes = ui::every_route(content, {.short_forms = true});
  int backs = 0;
  for (const std::string& route : routes) {
    SCOPED_TRACE(route);
    const auto match = ui::match_route(route, content);
    const auto stack = ui::stack_for_route(route, content);
    ASSERT_TRUE(match.has_value());
    ASSERT_TRUE(stack.has_value()) << "--screen would not open it";
    enter_the_mode_of(kiosk, route);
    kiosk.kiosk().router().reset_to(*stack);
    settle(kiosk);
    ASSERT_EQ(kiosk.route(), ui::shown_route(*match)) << "the screen does not report the route that opened it";

    const std::string parent = ui::parent_route(*match);
    if (parent.empty()) {
      EXPECT_FALSE(kiosk.has_target("topbar.back")) << "Back shown on a screen the registry gives no parent";
      continue;
    }
    kiosk.wait(ui::Kiosk::kTapGuardSeconds + 0.1);  // a tap right after a screen change is ignored
    kiosk.tap("topbar.back");
    settle(kiosk);
    EXPECT_EQ(kiosk.route(), shown(parent)) << "Back did not land on the registry's parent " << parent;
    ++backs;
  }
  std::printf("[ routes   ] %zu routes opened, %d times Back\n", routes.size(), backs);
  // Every department in every tab and without one, every approval item, every 常见问题, every
  // department's 我要问 and its topics (each 常见问题, each item, 其他问题), 不清楚's topics
  // (the categories, 其他问题), and the rest.
  std::size_t faqs = 0;
  for (const Department& d : content.departments) faqs += d.faq.size();
  const std::size_t general_topics = department_categories().size() + 1;
  EXPECT_EQ(routes.size(), content.departments.size() * (ui::kDepartmentTabs.size() + 1) + content.approval_item_count() + faqs +
                               content.departments.size() + (faqs + content.approval_item_count() + content.departments.size()) +
                               general_topics + content.topics.size() + ui::route_catalog().size() - 7);
}

INSTANTIATE_TEST_SUITE_P(Orientations, EveryRegisteredRoute, ::testing::Values(ImVec2(1920, 1080), ImVec2(1080, 1920)),
                         [](const auto& orientation) { return std::string(orientation.param.x > orientation.param.y ? "Landscape" : "Portrait"); });

// Patterns are matched in the registry's order: a concrete route must find the entry it was
// made from, not an earlier one of the same shape.
TEST(RouteRegistry, EachConcreteRouteMatchesTheEntryItCameFrom) {
  const Content& content = *HeadlessKiosk::sample_content();
  std::set<std::string_view> patterns;
  for (const ui::RouteSpec& spec : ui::route_registry()) {
    SCOPED_TRACE(spec.pattern);
    EXPECT_TRUE(patterns.insert(spec.pattern).second) << "listed twice";
    EXPECT_NE(spec.make, nullptr);
    const auto routes = ui::expand_route(spec, content, {.short_forms = true});
    ASSERT_FALSE(routes.empty());
    for (const std::string& route : routes) {
      const auto match = ui::match_route(route, content);
      ASSERT_TRUE(match.has_value()) << route;
      EXPECT_EQ(match->spec, &spec) << route << " is taken by " << match->spec->pattern;
    }
  }
}

// A parent is a screen --screen opens, for the same people: Back never leaves staff mode's
// screens for a visitor's, nor a visitor's for a staff screen.
TEST(RouteRegistry, ParentsAreOpenableAndForTheSameAudience) {
  const Content& content = *HeadlessKiosk::sample_content();
  for (const ui::RouteSpec& spec : ui::route_registry()) {
    for (const std::string& route : ui::expand_route(spec, content, {.first_only = true})) {
      SCOPED_TRACE(route);
      const auto match = ui::match_route(route, content);
      ASSERT_TRUE(match.has_value());
      const std::string parent = ui::parent_route(*match);
      if (parent.empty()) continue;
      EXPECT_TRUE(ui::stack_for_route(parent, content).has_value()) << parent;
      EXPECT_EQ(ui::route_audience(parent), spec.audience) << parent;
    }
  }
}

TEST(RouteRegistry, HelpListsWhatScreenOpensWithReadablePlaceholders) {
  const Content& content = *HeadlessKiosk::sample_content();
  const auto catalog = ui::route_catalog();
  std::size_t openable = 0;
  for (const ui::RouteSpec& spec : ui::route_registry()) {
    const auto first = ui::expand_route(spec, content, {.first_only = true}).front();
    EXPECT_EQ(ui::stack_for_route(first, content).has_value(), !spec.help.empty()) << first;
    if (!spec.help.empty()) ++openable;
  }
  EXPECT_EQ(catalog.size(), openable);
  for (const ui::RouteInfo& info : catalog) {
    EXPECT_EQ(info.route.find('{'), std::string::npos) << info.route;
    EXPECT_FALSE(info.description.empty()) << info.route;
  }
}

TEST(RouteRegistry, UnknownRoutesAndIdsDoNotOpen) {
  const Content& content = *HeadlessKiosk::sample_content();
  const std::string department = content.departments.front().id;
  const std::vector<std::string> unknown = {"nowhere", "department", "department/no-such-department", "department/" + department + "/bogus",
                                            "department/" + department + "/items/extra", "item/no-such-item", "item/", "staff/nowhere",
                                            "quiz/result", "home/"};
  for (const std::string& route : unknown) {
    EXPECT_FALSE(ui::stack_for_route(route, content).has_value()) << route;
  }
  const auto default_stack = ui::stack_for_route("", content);
  ASSERT_TRUE(default_stack.has_value());
  EXPECT_EQ(*default_stack, std::vector<std::string>{"attract"}) << "the default screen";
  EXPECT_EQ(ui::make_screen("department/no-such-department", content), nullptr);
  EXPECT_FALSE(ui::route_audience("staff/nowhere").has_value());
}

// The staff guard reads the registry: outside staff mode a staff screen does not open, while
// the PIN keypad (the way in) does.
TEST(RouteRegistry, StaffScreensOpenOnlyInStaffMode) {
  const Content& content = *HeadlessKiosk::sample_content();
  int staff_routes = 0;
  for (const std::string& route : ui::every_route(content, {.first_only = true})) {
    if (!ui::is_staff_route(route)) continue;
    SCOPED_TRACE(route);
    HeadlessKiosk kiosk(ImVec2(1920, 1080), "home");
    kiosk.frame();
    ASSERT_FALSE(kiosk.kiosk().staff_mode());
    kiosk.kiosk().router().push(route);
    kiosk.frame();
    EXPECT_EQ(kiosk.route(), ui::is_staff_only_route(route) ? "home" : route);
    ++staff_routes;
  }
  EXPECT_GE(staff_routes, 2);
}

// A row is complete when its factory makes a screen for every route of it, and the texts its
// screen draws are baked: a character drawn that the glyph plan did not plan for is logged as
// "fallback glyph" (Kiosk::fallback_texts), so a row that forgets `.texts` fails here by name.
TEST(RouteRegistry, EveryRowOpensItsScreenAndDrawsOnlyPlannedGlyphs) {
  const Content& content = *HeadlessKiosk::sample_content();
  Config config;
  config.idle_timeout_seconds = 24 * 3600;  // the walk takes minutes of fake time: no idle reset
  HeadlessKiosk kiosk(ImVec2(1920, 1080), "attract", config);
  std::size_t walked = 0;
  for (const ui::RouteSpec& spec : ui::route_registry()) {
    for (const std::string& route : ui::expand_route(spec, content)) {
      SCOPED_TRACE(route);
      EXPECT_NE(ui::make_screen(route, content), nullptr) << "the row's factory made no screen";
      const auto stack = ui::stack_for_route(route, content);
      if (!stack) continue;  // a route the kiosk reaches by itself (quiz/result): its screen is walked from quiz/result/pass
      enter_the_mode_of(kiosk, route);
      kiosk.kiosk().router().reset_to(*stack);
      settle(kiosk);
      ASSERT_EQ(kiosk.route(), ui::shown_route(*ui::match_route(route, content)));
      for (const auto& [text, logged] : kiosk.kiosk().fallback_texts()) ADD_FAILURE() << "row " << spec.pattern << ": " << logged;
      if (!kiosk.kiosk().fallback_texts().empty()) return;  // one row's failure, not every route after it
      ++walked;
    }
  }
  EXPECT_EQ(walked, ui::every_route(content).size());
}

// Which department's texts a route needs is its row's business: every row whose route names a
// department or an approval item declares the department's texts, and the glyph plan finds that
// department from the route.
TEST(RouteRegistry, RowsThatNameADepartmentDeclareItsTexts) {
  const Content& content = *HeadlessKiosk::sample_content();
  int declared = 0;
  for (const ui::RouteSpec& spec : ui::route_registry()) {
    SCOPED_TRACE(spec.pattern);
    const bool names_department = spec.pattern.find("{department}") != std::string_view::npos || spec.pattern.find("{item}") != std::string_view::npos;
    EXPECT_EQ(spec.texts == ui::RouteTexts::Department, names_department);
    for (const std::string& route : ui::expand_route(spec, content, {.first_only = true})) {
      const ui::GlyphFocus focus = ui::glyph_focus_of(route, content);
      EXPECT_EQ(focus.texts, spec.texts) << route;
      if (spec.texts != ui::RouteTexts::Department) continue;
      EXPECT_EQ(focus.department, ui::match_route(route, content)->params.department->id) << route;
      ++declared;
    }
  }
  EXPECT_GE(declared, 5);
}

}  // namespace
}  // namespace openday
