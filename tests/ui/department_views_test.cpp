// Issue 28: picking another tab of a department page is the same visit of that department: the
// report counts one department view for it, however many tabs the visitor looks at, and one more
// when the visitor comes back to it from the list.
#include <gtest/gtest.h>

#include "core/reports/report.h"
#include "support/headless_kiosk.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

int views_of(const Report& report, const std::string& department) {
  for (const DepartmentRow& row : report.departments)
    if (row.id == department) return row.views;
  return 0;
}

void tap_after_guard(HeadlessKiosk& kiosk, const std::string& target) {
  kiosk.wait(0.5);
  kiosk.tap(target);
  kiosk.run_until_idle();
}

TEST(DepartmentViews, EveryDepartmentCountsOneViewPerVisitWhateverTheTabs) {
  const Content& content = *HeadlessKiosk::sample_content();
  HeadlessKiosk kiosk(ImVec2(1080, 1920), "home");
  tap_after_guard(kiosk, "home.disclosure");
  int visited = 0;
  for (const Department& department : content.departments) {
    const std::string card = "departments.card." + department.id;
    const ui::TapTarget* target = kiosk.kiosk().taps().find(card);
    if (!target || target->clipped) continue;
    tap_after_guard(kiosk, card);
    ASSERT_EQ(kiosk.route(), "department/" + department.id + "/duties");
    for (const char* tab : {"items", "fees", "faq", "duties"}) tap_after_guard(kiosk, std::string("department.tab.") + tab);
    tap_after_guard(kiosk, "topbar.back");
    ++visited;
  }
  ASSERT_GE(visited, 3);
  // The first department once more: a second visit.
  const std::string again = content.departments.front().id;
  tap_after_guard(kiosk, "departments.card." + again);
  tap_after_guard(kiosk, "department.tab.items");

  kiosk.log().flush();
  ReportRequest request;
  request.databases = {kiosk.db_path()};
  const Report report = build_report(request);
  int checked = 0;
  for (const Department& department : content.departments) {
    const int views = views_of(report, department.id);
    if (views == 0) continue;  // not in view on the list: not visited
    EXPECT_EQ(views, department.id == again ? 2 : 1) << department.id;
    ++checked;
  }
  EXPECT_EQ(checked, visited);
}

}  // namespace
}  // namespace openday
