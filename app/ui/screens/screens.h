#pragma once
// Factories of the kiosk's screens; each screen lives in its own file in this folder, and
// ui/route_registry.cpp says which route makes which.
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/content/content.h"
#include "core/reports/tally.h"
#include "ui/screen.h"

namespace openday::ui {

class ScreenContext;

enum class DepartmentTab { Duties, Items, Fees, Faq };
inline constexpr std::array<DepartmentTab, 4> kDepartmentTabs = {DepartmentTab::Duties, DepartmentTab::Items, DepartmentTab::Fees,
                                                                 DepartmentTab::Faq};
std::string_view department_tab_name(DepartmentTab tab);  // duties | items | fees | faq
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
// The citizen's voice (issue 15). One 常见问题 with its answer (number is 1-based).
std::unique_ptr<Screen> make_faq_answer_screen(const Department& department, int number);
// 我要问: the department picker, the topic picker (department nullptr: 不清楚), and what the
// kiosk says once a topic is chosen (its answer, or that the question was registered).
std::unique_ptr<Screen> make_ask_department_screen();
std::unique_ptr<Screen> make_ask_topic_screen(const Department* department);
std::unique_ptr<Screen> make_ask_result_screen(const Department* department, std::string topic);
// 满意度评价: ends_session after 结束使用 (the session ends after it), else after a quiz round
// (back to the home screen after it).
std::unique_ptr<Screen> make_rating_screen(bool ends_session);
// The approval items a 常见问题 links to, as full-width buttons opening each 办事指南 (shared
// by the 常见问题 answer and the 我要问 answer); returns the y below them.
float draw_related_items(ScreenContext& ctx, const std::vector<std::string>& ids, float x, float y, float width);
// The staff desk tally (issue 12): 现场登记, its department picker (answer | problem), 活动概况.
std::unique_ptr<Screen> make_staff_tally_screen();
std::unique_ptr<Screen> make_staff_tally_pick_screen(TallyKind kind);
std::unique_ptr<Screen> make_staff_tally_facts_screen();
// Find what I need (issue 14). The topic screen keeps a reference into the content.
std::unique_ptr<Screen> make_topics_screen();
std::unique_ptr<Screen> make_topic_screen(const Topic& topic);
std::unique_ptr<Screen> make_search_screen();

}  // namespace openday::ui
