#include "ui/routes.h"

#include "ui/screens/screens.h"

namespace openday::ui {
namespace {

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

}  // namespace

std::vector<RouteInfo> route_catalog() {
  return {
      {"attract", "the attract screen: event title, date, \"轻触屏幕开始\" (the default)"},
      {"home", "the home screen with the two entrances"},
      {"departments", "政务公开查询: every department as a card, with category filters"},
      {"department/ID[/TAB]", "one department; TAB is duties (default), items or fees"},
      {"item/ID", "one approval item, with its QR code when it can be done online"},
      {"quiz", "网上审批有奖竞猜: the rules, the prize and the stock left"},
      {"quiz/question", "a new round of the quiz"},
      {"quiz/question/answered", "a new round whose first question is answered (wrongly): the feedback"},
      {"quiz/result/pass", "plays a round right and shows the result: a REAL voucher is issued into --db"},
      {"quiz/result/fail", "plays a round with one wrong answer and shows what was missed"},
      {"quiz/code", "我的兑奖码: the prize code this visitor session holds (the quiz rules when it holds none)"},
      {"staff/pin", "the staff PIN keypad (what the hidden corner press opens)"},
      {"staff/dashboard", "staff: today's counts and actions (opened without a PIN: for photographs)"},
      {"staff/redeem", "staff: redeem a voucher"},
      {"staff/stock", "staff: adjust the prize stock"},
      {"staff/export", "staff: export counts to a USB stick"},
      {"staff/exit", "staff: leave the app"},
  };
}

std::optional<std::vector<std::string>> stack_for_route(std::string_view route, const Content& content) {
  const auto parts = parts_of(route);
  if (route.empty() || route == "attract") return std::vector<std::string>{"attract"};
  if (route == "home") return std::vector<std::string>{"home"};
  if (route == "departments" || route == "quiz") return std::vector<std::string>{"home", std::string(route)};
  if (route == "quiz/question" || route == "quiz/question/answered" || route == "quiz/result/pass" || route == "quiz/result/fail" ||
      route == "quiz/code")
    return std::vector<std::string>{"home", "quiz", std::string(route)};
  if (route == "staff/pin" || route == "staff/dashboard") return std::vector<std::string>{std::string(route)};
  if (route == "staff/redeem" || route == "staff/stock" || route == "staff/export" || route == "staff/exit")
    return std::vector<std::string>{"staff/dashboard", std::string(route)};
  if (parts[0] == "department" && (parts.size() == 2 || parts.size() == 3)) {
    if (!content.department(parts[1])) return std::nullopt;
    if (parts.size() == 3 && !department_tab_from_name(parts[2])) return std::nullopt;
    return std::vector<std::string>{"home", "departments", std::string(route)};
  }
  if (parts[0] == "item" && parts.size() == 2) {
    const auto [department, item] = content.approval_item(parts[1]);
    if (!item) return std::nullopt;
    return std::vector<std::string>{"home", "departments", "department/" + department->id + "/items", std::string(route)};
  }
  return std::nullopt;
}

std::unique_ptr<Screen> make_screen(const std::string& route, const Content& content) {
  const auto parts = parts_of(route);
  if (route == "attract") return make_attract_screen();
  if (route == "home") return make_home_screen();
  if (route == "departments") return make_departments_screen();
  if (route == "quiz") return make_quiz_intro_screen();
  if (route == "quiz/question") return make_quiz_question_screen(false);
  if (route == "quiz/question/answered") return make_quiz_question_screen(true);
  if (route == "quiz/result") return make_quiz_result_screen(std::nullopt);
  if (route == "quiz/result/pass") return make_quiz_result_screen(true);
  if (route == "quiz/result/fail") return make_quiz_result_screen(false);
  if (route == "quiz/code") return make_quiz_code_screen();
  if (route == "staff/pin") return make_staff_pin_screen();
  if (route == "staff/dashboard") return make_staff_dashboard_screen();
  if (route == "staff/redeem") return make_staff_redeem_screen();
  if (route == "staff/stock") return make_staff_stock_screen();
  if (route == "staff/export") return make_staff_export_screen();
  if (route == "staff/exit") return make_staff_exit_screen();
  if (parts[0] == "department" && parts.size() >= 2) {
    const Department* department = content.department(parts[1]);
    const auto tab = parts.size() == 3 ? department_tab_from_name(parts[2]) : DepartmentTab::Duties;
    if (department && tab) return make_department_screen(*department, *tab);
  }
  if (parts[0] == "item" && parts.size() == 2) {
    const auto [department, item] = content.approval_item(parts[1]);
    if (item) return make_approval_item_screen(*department, *item);
  }
  return nullptr;
}

}  // namespace openday::ui
