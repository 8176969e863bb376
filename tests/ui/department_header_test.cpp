// Every department and tab of the shipped content, in both orientations and both text sizes: the tab's
// scrolling body keeps at least half of the page (in 大字 the header keeps the name and its
// contact facts open the body instead), and the facts are on the page either way.
#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "support/headless_kiosk.h"
#include "ui/drawn_text.h"

namespace openday {
namespace {

using testing::HeadlessKiosk;

struct Shape {
  ImVec2 display;
  bool large_text;
};

void PrintTo(const Shape& s, std::ostream* os) { *os << s.display.x << "x" << s.display.y << (s.large_text ? " large" : " normal"); }

std::string shape_name(const ::testing::TestParamInfo<Shape>& info) {
  return std::to_string(static_cast<int>(info.param.display.x)) + "x" + std::to_string(static_cast<int>(info.param.display.y)) +
         (info.param.large_text ? "_large" : "_normal");
}

class DepartmentHeader : public ::testing::TestWithParam<Shape> {};

TEST_P(DepartmentHeader, TheTabKeepsAtLeastHalfThePageAndTheFactsAreShown) {
  const Shape shape = GetParam();
  HeadlessKiosk kiosk(shape.display, "home");
  kiosk.wait(0.5);
  if (shape.large_text) {
    kiosk.tap("topbar.large_text");
    kiosk.wait(0.5);
  }
  ASSERT_EQ(kiosk.kiosk().large_text(), shape.large_text);
  const float page_height = shape.display.y - kiosk.kiosk().metrics().top_bar_height;
  for (const Department& department : HeadlessKiosk::sample_content()->departments)
    for (const char* tab : {"duties", "items", "fees", "faq"}) {
      const std::string route = "department/" + department.id + "/" + tab;
      SCOPED_TRACE(route);
      kiosk.kiosk().router().reset_to({"home", route});
      kiosk.wait(0.5);
      ASSERT_EQ(kiosk.route(), route);
      const ImRect body = kiosk.rect_of("department.body");
      EXPECT_GE(body.GetHeight(), page_height * 0.5f) << "the header leaves the tab too little";
      const std::string drawn = testing::drawn_text();
      EXPECT_NE(drawn.find(testing::without_spaces(department.name)), std::string::npos);
      EXPECT_NE(drawn.find(testing::without_spaces(department.phone)), std::string::npos) << "the contact facts are on the page";
    }
}

INSTANTIATE_TEST_SUITE_P(Shapes, DepartmentHeader,
                         ::testing::Values(Shape{ImVec2(1920, 1080), false}, Shape{ImVec2(1920, 1080), true}, Shape{ImVec2(1080, 1920), false},
                                           Shape{ImVec2(1080, 1920), true}),
                         shape_name);

}  // namespace
}  // namespace openday
