#include "ui/route_registry.h"

#include "core/content/ask_topics.h"
#include "core/reports/tally.h"

namespace openday::ui {

// The screens' factories, each defined in its screen's file under screens/, in the table's
// order. Screens that take a department, an item or a topic keep references into the content:
// they must not outlive it.
std::unique_ptr<Screen> make_attract_screen();
std::unique_ptr<Screen> make_home_screen();
std::unique_ptr<Screen> make_departments_screen();
std::unique_ptr<Screen> make_department_screen(const Department& department, DepartmentTab tab);
std::unique_ptr<Screen> make_approval_item_screen(const Department& department, const ApprovalItem& item);
std::unique_ptr<Screen> make_quiz_intro_screen();
// answered_preview: the first question arrives answered (wrongly), for photographs.
std::unique_ptr<Screen> make_quiz_question_screen(bool answered_preview);
// preview: play a whole round first (true: passed, false: failed), for photographs.
std::unique_ptr<Screen> make_quiz_result_screen(std::optional<bool> preview);
// 我的兑奖码: the prize code the session holds (back to the quiz intro when it holds none).
std::unique_ptr<Screen> make_quiz_code_screen();
std::unique_ptr<Screen> make_staff_pin_screen();
std::unique_ptr<Screen> make_staff_dashboard_screen();
std::unique_ptr<Screen> make_staff_redeem_screen();
std::unique_ptr<Screen> make_staff_stock_screen();
std::unique_ptr<Screen> make_staff_export_screen();
std::unique_ptr<Screen> make_staff_doctor_screen();
std::unique_ptr<Screen> make_staff_exit_screen();
// One 常见问题 with its answer (number is 1-based).
std::unique_ptr<Screen> make_faq_answer_screen(const Department& department, int number);
// 我要问: the department picker, the topic picker (department nullptr: 不清楚), and what the
// kiosk says once a topic is chosen (its answer, or that the question was registered).
std::unique_ptr<Screen> make_ask_department_screen();
std::unique_ptr<Screen> make_ask_topic_screen(const Department* department);
std::unique_ptr<Screen> make_ask_result_screen(const Department* department, std::string topic);
// 满意度评价: ends_session after 结束使用 (the session ends after it), else after a quiz round.
std::unique_ptr<Screen> make_rating_screen(bool ends_session);
std::unique_ptr<Screen> make_staff_tally_screen();
std::unique_ptr<Screen> make_staff_tally_pick_screen(TallyKind kind);
std::unique_ptr<Screen> make_staff_tally_facts_screen();
std::unique_ptr<Screen> make_topics_screen();
std::unique_ptr<Screen> make_topic_screen(const Topic& topic);
std::unique_ptr<Screen> make_search_screen();
std::unique_ptr<Screen> make_staff_booth_screen();

namespace {

using Audience = RouteAudience;

// Captureless lambdas: the table is constant data, built at compile time.
constexpr RouteSpec kRoutes[] = {
    {.pattern = "attract",
     .audience = Audience::Idle,
     .help = "the attract screen: event title, date, \"轻触屏幕开始\" (the default)",
     .make = [](const RouteParams&) { return make_attract_screen(); }},
    {.pattern = "home",
     .help = "the home screen with the two entrances",
     .make = [](const RouteParams&) { return make_home_screen(); }},
    {.pattern = "departments",
     .parent = "home",
     .help = "政务公开查询: every department as a card, with category filters",
     .make = [](const RouteParams&) { return make_departments_screen(); }},
    {.pattern = "department/{department}[/{tab}]",
     .parent = "departments",
     .help = "one department; TAB is duties (default), items, fees or faq (常见问题)",
     .texts = RouteTexts::Department,
     .make = [](const RouteParams& p) { return make_department_screen(*p.department, p.tab); }},
    {.pattern = "item/{item}",
     .parent = "department/{department}/items",
     .help = "one approval item, with its QR code when it can be done online",
     .texts = RouteTexts::Department,
     .make = [](const RouteParams& p) { return make_approval_item_screen(*p.department, *p.item); }},
    {.pattern = "quiz",
     .parent = "home",
     .help = "网上审批有奖竞猜: the rules, the prize and the stock left",
     .make = [](const RouteParams&) { return make_quiz_intro_screen(); }},
    {.pattern = "quiz/question",
     .parent = "quiz",
     .help = "a new round of the quiz",
     .make = [](const RouteParams&) { return make_quiz_question_screen(false); }},
    {.pattern = "quiz/question/answered",
     .parent = "quiz",
     .help = "a new round whose first question is answered (wrongly): the feedback",
     .make = [](const RouteParams&) { return make_quiz_question_screen(true); }},
    // Where a round ends: pushed by the question screen, shows the round being played.
    {.pattern = "quiz/result",
     .parent = "quiz",
     .make = [](const RouteParams&) { return make_quiz_result_screen(std::nullopt); }},
    {.pattern = "quiz/result/pass",
     .parent = "quiz",
     .help = "plays a round right and shows the result: a REAL voucher is issued into --db",
     .make = [](const RouteParams&) { return make_quiz_result_screen(true); }},
    {.pattern = "quiz/result/fail",
     .parent = "quiz",
     .help = "plays a round with one wrong answer and shows what was missed",
     .make = [](const RouteParams&) { return make_quiz_result_screen(false); }},
    {.pattern = "quiz/code",
     .parent = "quiz",
     .help = "我的兑奖码: the prize code this visitor session holds (the quiz rules when it holds none)",
     .make = [](const RouteParams&) { return make_quiz_code_screen(); }},
    {.pattern = "staff/pin",
     .audience = Audience::StaffDoor,
     .help = "the staff PIN keypad (what the hidden corner press opens)",
     .make = [](const RouteParams&) { return make_staff_pin_screen(); }},
    {.pattern = "staff/dashboard",
     .audience = Audience::Staff,
     .help = "staff: today's counts and actions (opened without a PIN: for photographs)",
     .make = [](const RouteParams&) { return make_staff_dashboard_screen(); }},
    {.pattern = "staff/redeem",
     .parent = "staff/dashboard",
     .audience = Audience::Staff,
     .help = "staff: redeem a voucher",
     .make = [](const RouteParams&) { return make_staff_redeem_screen(); }},
    {.pattern = "staff/stock",
     .parent = "staff/dashboard",
     .audience = Audience::Staff,
     .help = "staff: adjust the prize stock",
     .make = [](const RouteParams&) { return make_staff_stock_screen(); }},
    {.pattern = "staff/export",
     .parent = "staff/dashboard",
     .audience = Audience::Staff,
     .help = "staff: export counts to a USB stick",
     .make = [](const RouteParams&) { return make_staff_export_screen(); }},
    {.pattern = "staff/doctor",
     .parent = "staff/dashboard",
     .audience = Audience::Staff,
     .help = "staff: 本机自检, the checks of `openday doctor` run inside the kiosk",
     .make = [](const RouteParams&) { return make_staff_doctor_screen(); }},
    {.pattern = "staff/exit",
     .parent = "staff/dashboard",
     .audience = Audience::Staff,
     .help = "staff: leave the app",
     .make = [](const RouteParams&) { return make_staff_exit_screen(); }},
    // The citizen's voice (issue 15): 常见问题, 我要问, 满意度评价
    {.pattern = "faq/{department}/{faq}",
     .parent = "department/{department}/faq",
     .help = "one common question (常见问题) of a department with its answer; N counts from 1",
     .texts = RouteTexts::Department,
     .make = [](const RouteParams& p) { return make_faq_answer_screen(*p.department, p.faq); }},
    {.pattern = "ask",
     .parent = "home",
     .help = "我要问: which department the question is for (or 不清楚)",
     .make = [](const RouteParams&) { return make_ask_department_screen(); }},
    {.pattern = "ask/general",
     .parent = "ask",
     .help = "我要问 for 不清楚: the kinds of question",
     .make = [](const RouteParams&) { return make_ask_topic_screen(nullptr); }},
    {.pattern = "ask/general/{ask_topic}",
     .parent = "ask/general",
     .help = "我要问 for 不清楚: the question registered for the desk; TOPIC is category-N or other",
     .make = [](const RouteParams& p) { return make_ask_result_screen(nullptr, p.ask_topic); }},
    {.pattern = "ask/{department}",
     .parent = "ask",
     .help = "我要问: the department's topics (its 常见问题, its approval items, 其他问题)",
     .texts = RouteTexts::Department,
     .make = [](const RouteParams& p) { return make_ask_topic_screen(p.department); }},
    {.pattern = "ask/{department}/{ask_topic}",
     .parent = "ask/{department}",
     .help = "我要问: the answer, or the question registered for the desk; TOPIC is faq-N, item-ID or other",
     .texts = RouteTexts::Department,
     .make = [](const RouteParams& p) { return make_ask_result_screen(p.department, p.ask_topic); }},
    {.pattern = "rating",
     .help = "满意度评价 as 结束使用 asks it: the session ends after it",
     .make = [](const RouteParams&) { return make_rating_screen(true); }},
    {.pattern = "rating/quiz",
     .parent = "home",
     .help = "满意度评价 as asked after a finished quiz round: back to the home screen after it",
     .make = [](const RouteParams&) { return make_rating_screen(false); }},
    {.pattern = "staff/tally",
     .parent = "staff/dashboard",
     .audience = Audience::Staff,
     .help = "staff: 现场登记, the desk's tally with today's totals (the desk role opens here)",
     .make = [](const RouteParams&) { return make_staff_tally_screen(); }},
    {.pattern = "staff/tally/answer",
     .parent = "staff/tally",
     .audience = Audience::Staff,
     .help = "staff: the department of a policy answer, recent ones first",
     .make = [](const RouteParams&) { return make_staff_tally_pick_screen(TallyKind::Answer); }},
    {.pattern = "staff/tally/problem",
     .parent = "staff/tally",
     .audience = Audience::Staff,
     .help = "staff: the category and department of a problem",
     .make = [](const RouteParams&) { return make_staff_tally_pick_screen(TallyKind::Problem); }},
    {.pattern = "staff/tally/facts",
     .parent = "staff/tally",
     .audience = Audience::Staff,
     .help = "staff: 活动概况, the day's facts on a keypad (departments, staff, boards, leaflets printed)",
     .make = [](const RouteParams&) { return make_staff_tally_facts_screen(); }},
    {.pattern = "staff/booth",
     .parent = "staff/tally",
     .audience = Audience::Staff,
     .help = "staff: 展台总览 at the desk: open calls, 我要问 questions for the desk, each device of the booth hub",
     .make = [](const RouteParams&) { return make_staff_booth_screen(); }},
    // Find what I need (issue 14): browse by life event, search by pinyin initials.
    {.pattern = "topics",
     .parent = "home",
     .help = "按主题: the life-event topics, each with its count of approval items",
     .make = [](const RouteParams&) { return make_topics_screen(); }},
    {.pattern = "topic/{topic}",
     .parent = "topics",
     .help = "one topic's approval items, grouped by department",
     .texts = RouteTexts::EveryItemName,
     .make = [](const RouteParams& p) { return make_topic_screen(*p.topic); }},
    {.pattern = "search",
     .parent = "home",
     .help = "搜索: the letter keyboard for pinyin initials, 热门搜索 chips and ranked results",
     .texts = RouteTexts::EveryItemName,
     .make = [](const RouteParams&) { return make_search_screen(); }},
};

constexpr std::string_view kDepartment = "{department}";
constexpr std::string_view kItem = "{item}";
constexpr std::string_view kTab = "{tab}";
constexpr std::string_view kFaq = "{faq}";
constexpr std::string_view kTopic = "{topic}";
constexpr std::string_view kAskTopic = "{ask_topic}";

// Splits "a/b/c" into its parts.
std::vector<std::string_view> parts_of(std::string_view route) {
  std::vector<std::string_view> parts;
  while (true) {
    const auto slash = route.find('/');
    parts.push_back(route.substr(0, slash));
    if (slash == std::string_view::npos) return parts;
    route.remove_prefix(slash + 1);
  }
}

struct Pattern {
  std::vector<std::string_view> segments;  // the optional one last
  bool last_optional = false;
};

// "department/{department}[/{tab}]" -> {department, {department}, {tab}}, the last optional.
Pattern parse_pattern(std::string_view pattern) {
  Pattern parsed;
  const auto open = pattern.find("[/");
  if (open == std::string_view::npos || !pattern.ends_with(']')) {
    parsed.segments = parts_of(pattern);
    return parsed;
  }
  parsed.segments = parts_of(pattern.substr(0, open));
  parsed.segments.push_back(pattern.substr(open + 2, pattern.size() - open - 3));
  parsed.last_optional = true;
  return parsed;
}

bool is_placeholder(std::string_view segment) { return segment.starts_with('{') && segment.ends_with('}'); }

// Whether route has the pattern's shape; resolve(placeholder, value) binds each placeholder's
// value and says whether it is acceptable.
template <typename Resolve>
bool matches(std::string_view pattern_text, std::string_view route, Resolve&& resolve) {
  const Pattern pattern = parse_pattern(pattern_text);
  const auto segments = parts_of(route);
  const std::size_t count = pattern.segments.size();
  if (segments.size() != count && !(pattern.last_optional && segments.size() + 1 == count)) return false;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const std::string_view expected = pattern.segments[i];
    if (!is_placeholder(expected)) {
      if (segments[i] != expected) return false;
    } else if (segments[i].empty() || !resolve(expected, segments[i])) {
      return false;
    }
  }
  return true;
}

// Binds one placeholder's value, looked up in the content.
bool resolve_in(const Content& content, std::string_view placeholder, std::string_view value, RouteParams& params) {
  if (placeholder == kDepartment) {
    params.department = content.department(value);
    return params.department != nullptr;
  }
  if (placeholder == kItem) {
    const auto [department, item] = content.approval_item(value);
    params.department = department;
    params.item = item;
    return item != nullptr;
  }
  if (placeholder == kTopic) {
    params.topic = content.topic(value);
    return params.topic != nullptr;
  }
  if (placeholder == kTab) {
    const auto tab = department_tab_from_name(value);
    if (tab) params.tab = *tab;
    return tab.has_value();
  }
  if (placeholder == kFaq) {
    if (!params.department || !faq_by_number(*params.department, value)) return false;
    params.faq = std::stoi(std::string(value));
    return true;
  }
  if (placeholder == kAskTopic) {
    if (!find_ask_topic(content, params.department, value)) return false;
    params.ask_topic = std::string(value);
    return true;
  }
  return false;  // a placeholder this file does not know: a typo in the table
}

const RouteSpec* spec_by_shape(std::string_view route) {
  for (const RouteSpec& spec : kRoutes) {
    const auto shape_only = [](std::string_view placeholder, std::string_view value) {
      return placeholder != kTab || department_tab_from_name(value).has_value();
    };
    if (matches(spec.pattern, route, shape_only)) return &spec;
  }
  return nullptr;
}

std::string fill(std::string_view pattern_text, const RouteParams& params, bool with_optional) {
  const Pattern pattern = parse_pattern(pattern_text);
  std::size_t count = pattern.segments.size();
  if (pattern.last_optional && !with_optional) --count;
  std::string route;
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view segment = pattern.segments[i];
    if (i > 0) route += '/';
    if (segment == kDepartment) route += params.department ? params.department->id : std::string();
    else if (segment == kItem) route += params.item ? params.item->id : std::string();
    else if (segment == kTab) route += department_tab_name(params.tab);
    else if (segment == kFaq) route += std::to_string(params.faq);
    else if (segment == kAskTopic) route += params.ask_topic;
    else if (segment == kTopic) route += params.topic ? params.topic->id : std::string();
    else route += segment;
  }
  return route;
}

// The pattern as --help shows it: department/ID[/TAB], item/ID.
std::string help_pattern(std::string_view pattern) {
  std::string shown;
  for (std::size_t pos = 0; pos < pattern.size();) {
    if (pattern[pos] == '{') {
      const std::size_t close = pattern.find('}', pos);
      const std::string_view placeholder = pattern.substr(pos, close + 1 - pos);
      shown += placeholder == kTab ? "TAB" : placeholder == kFaq ? "N" : placeholder == kAskTopic ? "TOPIC" : "ID";
      pos = close + 1;
    } else {
      shown += pattern[pos++];
    }
  }
  return shown;
}

// Every binding of the pattern's placeholders to the content, tabs aside.
std::vector<RouteParams> bindings_of(std::string_view pattern, const Content& content) {
  std::vector<RouteParams> bindings;
  if (pattern.find(kFaq) != std::string_view::npos) {
    for (const Department& department : content.departments)
      for (std::size_t n = 1; n <= department.faq.size(); ++n) bindings.push_back({&department, nullptr, DepartmentTab::Duties, static_cast<int>(n)});
  } else if (pattern.find(kAskTopic) != std::string_view::npos) {
    const bool general = pattern.find(kDepartment) == std::string_view::npos;
    std::vector<const Department*> departments;
    if (general) departments.push_back(nullptr);
    else for (const Department& department : content.departments) departments.push_back(&department);
    for (const Department* department : departments)
      for (const AskTopic& topic : ask_topics(content, department))
        bindings.push_back({department, nullptr, DepartmentTab::Duties, 0, topic.token});
  } else if (pattern.find(kItem) != std::string_view::npos) {
    for (const Department& department : content.departments)
      for (const ApprovalItem& item : department.approval_items) bindings.push_back({&department, &item});
  } else if (pattern.find(kTopic) != std::string_view::npos) {
    for (const Topic& topic : content.topics) bindings.push_back({.topic = &topic});
  } else if (pattern.find(kDepartment) != std::string_view::npos) {
    for (const Department& department : content.departments) bindings.push_back({&department});
  } else {
    bindings.push_back({});
  }
  return bindings;
}

}  // namespace

std::span<const RouteSpec> route_registry() { return kRoutes; }

std::optional<RouteMatch> match_route(std::string_view route, const Content& content) {
  for (const RouteSpec& spec : kRoutes) {
    RouteParams params;
    const auto resolve = [&](std::string_view placeholder, std::string_view value) { return resolve_in(content, placeholder, value, params); };
    if (matches(spec.pattern, route, resolve)) return RouteMatch{&spec, params};
  }
  return std::nullopt;
}

std::optional<RouteAudience> route_audience(std::string_view route) {
  const RouteSpec* spec = spec_by_shape(route);
  if (!spec) return std::nullopt;
  return spec->audience;
}

bool is_staff_only_route(std::string_view route) { return route_audience(route) == RouteAudience::Staff; }

bool is_staff_route(std::string_view route) {
  const auto audience = route_audience(route);
  return audience == RouteAudience::Staff || audience == RouteAudience::StaffDoor;
}

bool is_visitor_route(std::string_view route) { return route_audience(route) == RouteAudience::Visitor; }

std::string fill_route(std::string_view pattern, const RouteParams& params) { return fill(pattern, params, true); }

std::string shown_route(const RouteMatch& match) { return fill_route(match.spec->pattern, match.params); }

std::string parent_route(const RouteMatch& match) { return fill_route(match.spec->parent, match.params); }

std::vector<std::string> expand_route(const RouteSpec& spec, const Content& content, RouteExpansion how) {
  std::vector<RouteParams> bindings = bindings_of(spec.pattern, content);
  if (how.first_only && bindings.size() > 1) bindings.resize(1);
  const bool has_tab = spec.pattern.find(kTab) != std::string_view::npos;
  const bool has_optional = parse_pattern(spec.pattern).last_optional;
  std::vector<std::string> routes;
  for (RouteParams params : bindings) {
    if (has_tab) {
      for (DepartmentTab tab : kDepartmentTabs) {
        params.tab = tab;
        routes.push_back(fill_route(spec.pattern, params));
      }
    } else {
      routes.push_back(fill_route(spec.pattern, params));
    }
    if (how.short_forms && has_optional) routes.push_back(fill(spec.pattern, params, false));
  }
  return routes;
}

std::vector<std::string> every_route(const Content& content, RouteExpansion how) {
  std::vector<std::string> routes;
  for (const RouteSpec& spec : kRoutes) {
    if (spec.help.empty()) continue;  // not opened by --screen
    for (std::string& route : expand_route(spec, content, how)) routes.push_back(std::move(route));
  }
  return routes;
}

std::vector<RouteInfo> route_catalog() {
  std::vector<RouteInfo> catalog;
  for (const RouteSpec& spec : kRoutes)
    if (!spec.help.empty()) catalog.push_back({help_pattern(spec.pattern), std::string(spec.help)});
  return catalog;
}

std::optional<std::vector<std::string>> stack_for_route(std::string_view route, const Content& content) {
  if (route.empty()) route = "attract";
  const auto match = match_route(route, content);
  if (!match || match->spec->help.empty()) return std::nullopt;
  std::vector<std::string> stack;
  if (!match->spec->parent.empty()) {
    auto below = stack_for_route(parent_route(*match), content);
    if (!below) return std::nullopt;  // a parent the table cannot open: the registry test says which
    stack = std::move(*below);
  }
  stack.emplace_back(route);
  return stack;
}

std::unique_ptr<Screen> make_screen(const std::string& route, const Content& content) { return open_route(route, content).screen; }

OpenedScreen open_route(const std::string& route, const Content& content) {
  const auto match = match_route(route, content);
  if (!match) return {};
  return {match->spec->make(match->params), shown_route(*match)};
}

}  // namespace openday::ui
