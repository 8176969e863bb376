#pragma once
// Factories of the kiosk's screens; each screen lives in its own file in this folder.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/content.h"
#include "ui/screen.h"

namespace openday::ui {

enum class DepartmentTab { Duties, Items, Fees };
std::string_view department_tab_name(DepartmentTab tab);  // duties | items | fees
std::optional<DepartmentTab> department_tab_from_name(std::string_view name);

std::unique_ptr<Screen> make_attract_screen();
std::unique_ptr<Screen> make_home_screen();
std::unique_ptr<Screen> make_departments_screen();
// The screens below keep references into the content: they must not outlive it.
std::unique_ptr<Screen> make_department_screen(const Department& department, DepartmentTab tab);
std::unique_ptr<Screen> make_approval_item_screen(const Department& department, const ApprovalItem& item);
// A section that a later release fills (the quiz).
std::unique_ptr<Screen> make_placeholder_screen(const std::string& route);

}  // namespace openday::ui
