#pragma once
// The one table of the kiosk's routes: for every screen its route pattern, the factory that
// makes it, the route Back returns to, who may open it, and its --help line. Everything that
// knows about routes reads it: make_screen, stack_for_route (--screen), route_catalog (--help),
// the router (which keeps the route a screen shows), the kiosk's staff guard and visitor counts,
// the glyph plan (which department's texts a screen draws), and the tests that walk every
// screen. A new screen is its own file, a row (with its factory's declaration) in
// route_registry.cpp, and its strings in core/content/ui_text.
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/content.h"
#include "ui/screen.h"
#include "ui/department_tab.h"
#include "ui/router.h"

namespace openday::ui {

// Whom a route's screen is for.
enum class RouteAudience {
  Idle,       // the attract screen between visitors: starts no session, its taps are not counted
  Visitor,    // a visitor's screen: opened directly it starts a session, its taps are counted
  StaffDoor,  // the staff PIN keypad: opens outside staff mode, has the staff top bar, counts nothing
  Staff,      // a staff screen: opens only in staff mode
};

// Which content texts a route's screen draws beyond those every screen may draw (the glyph plan
// bakes them while it is shown, see ui/glyph_plan.h).
enum class RouteTexts {
  Shared,         // only the shared texts: the UI table, the event, department names, the quiz
  Department,     // also the texts of the route's {department} (or of the department of its {item})
  EveryItemName,  // also every approval item's name and keywords, with its department's short name
};

// What a route's placeholders stand for, looked up in the content.
struct RouteParams {
  const Department* department = nullptr;     // {department}, or the department that holds {item}
  const ApprovalItem* item = nullptr;         // {item}
  DepartmentTab tab = DepartmentTab::Duties;  // {tab}; Duties when the optional segment is left out
  int faq = 0;                                // {faq}: a 常见问题's number in {department}, 1-based
  std::string ask_topic = {};                 // {ask_topic}: a 我要问 topic of {department} (or of 不清楚)
  const Topic* topic = nullptr;               // {topic}: a life-event topic of topics.json (issue 14)
};

struct RouteSpec {
  // Segments separated by '/': literals, or the placeholders {department} (a department id),
  // {item} (an approval item id), {tab} (duties, items, fees or faq), {faq} (a 常见问题's
  // number in the department), {ask_topic} (a 我要问 topic, see core/content/ask_topics.h) and
  // {topic} (a life-event topic id). The last segment may be
  // optional, in brackets: "department/{department}[/{tab}]".
  std::string_view pattern = {};
  // The route Back returns to, with the same placeholders; empty when the screen starts a stack.
  std::string_view parent = {};
  RouteAudience audience = RouteAudience::Visitor;
  // What --help says about it. Empty for a route the kiosk reaches by itself but --screen does
  // not open (quiz/result, pushed when a round ends): --screen opens exactly what --help lists.
  std::string_view help = {};
  RouteTexts texts = RouteTexts::Shared;
  std::unique_ptr<Screen> (*make)(const RouteParams& params) = nullptr;
};

// Every route, in the order --help lists them: visitor screens, the PIN keypad, staff screens.
std::span<const RouteSpec> route_registry();

struct RouteMatch {
  const RouteSpec* spec = nullptr;
  RouteParams params;
};
// The entry for a concrete route with its placeholders resolved in the content; nullopt when no
// pattern has the route's shape or an id or tab is unknown.
std::optional<RouteMatch> match_route(std::string_view route, const Content& content);

// Whom a concrete route is for, by its shape alone (ids are not looked up); nullopt when no
// pattern has that shape.
std::optional<RouteAudience> route_audience(std::string_view route);
bool is_staff_only_route(std::string_view route);  // opens only in staff mode
bool is_staff_route(std::string_view route);       // the PIN keypad or a staff screen
bool is_visitor_route(std::string_view route);     // a visitor's screen (not the attract screen)

// A pattern with its placeholders filled in, the optional segment included.
std::string fill_route(std::string_view pattern, const RouteParams& params);
// The route the matched screen shows (the router keeps it: the pattern filled in, so a
// department opened without a tab shows its default tab), and the route Back returns to
// (empty: none).
std::string shown_route(const RouteMatch& match);
std::string parent_route(const RouteMatch& match);

struct RouteExpansion {
  bool short_forms = false;  // also the routes with their optional segment left out
  bool first_only = false;   // only the first department and the first approval item (every tab)
};
// Every concrete route of one entry on this content: each department, approval item and tab.
std::vector<std::string> expand_route(const RouteSpec& spec, const Content& content, RouteExpansion how = {});
// The same for every route --screen opens, in the registry's order.
std::vector<std::string> every_route(const Content& content, RouteExpansion how = {});

struct RouteInfo {
  std::string route;  // the pattern as --help shows it: department/ID[/TAB]
  std::string description;
};
// For --help: every route --screen opens, with what it shows.
std::vector<RouteInfo> route_catalog();

// The navigation stack that opening route directly should produce, so that Back and Home
// behave as if the visitor had walked there: the chain of parents; an empty route is the
// attract screen. nullopt when --screen cannot open the route.
std::optional<std::vector<std::string>> stack_for_route(std::string_view route, const Content& content);

// Makes the screen for one route; nullptr when unknown.
std::unique_ptr<Screen> make_screen(const std::string& route, const Content& content);
// The same with the route it shows, for the router.
OpenedScreen open_route(const std::string& route, const Content& content);

}  // namespace openday::ui
