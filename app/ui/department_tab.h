#pragma once
// The four tabs of a department's page, named as routes name them (department/ID/TAB).
#include <array>
#include <optional>
#include <string_view>

namespace openday::ui {

enum class DepartmentTab { Duties, Items, Fees, Faq };
inline constexpr std::array<DepartmentTab, 4> kDepartmentTabs = {DepartmentTab::Duties, DepartmentTab::Items, DepartmentTab::Fees,
                                                                 DepartmentTab::Faq};
std::string_view department_tab_name(DepartmentTab tab);  // duties | items | fees | faq
std::optional<DepartmentTab> department_tab_from_name(std::string_view name);

}  // namespace openday::ui
