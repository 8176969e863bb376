#pragma once
// Factories of the kiosk's screens; each screen lives in its own file in this folder, and
// ui/route_registry.cpp says which route makes which.
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/content/content.h"
#include "ui/screen.h"

namespace openday::ui {

enum class DepartmentTab { Duties, Items, Fees };
inline constexpr std::array<DepartmentTab, 3> kDepartmentTabs = {DepartmentTab::Duties, DepartmentTab::Items, DepartmentTab::Fees};
std::string_view department_tab_name(DepartmentTab tab);  // duties | items | fees
std::optional<DepartmentTab> department_tab_from_name(std::string_view name);

std::unique_ptr<Screen> make_attract_screen();
std::unique_ptr<Screen> make_home_screen();
std::unique_ptr<Screen> make_departments_screen();
// The screens below keep references into the content: they must not outlive it.
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
// Find what I need (issue 14). The topic screen keeps a reference into the content.
std::unique_ptr<Screen> make_topics_screen();
std::unique_ptr<Screen> make_topic_screen(const Topic& topic);
std::unique_ptr<Screen> make_search_screen();

}  // namespace openday::ui
