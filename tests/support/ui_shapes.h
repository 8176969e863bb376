#pragma once
// The four shapes a visitor meets a screen in (landscape and portrait, 大字 off and on), for
// tests parameterised over them, and turning 大字 on the way a visitor does.
#include <gtest/gtest.h>
#include <imgui.h>

#include <ostream>
#include <string>

#include "support/headless_kiosk.h"

namespace openday::testing {

struct Shape {
  ImVec2 display;
  bool large_text = false;
};

inline void PrintTo(const Shape& s, std::ostream* os) { *os << s.display.x << "x" << s.display.y << (s.large_text ? " large" : " normal"); }

inline std::string shape_name(const ::testing::TestParamInfo<Shape>& info) {
  return std::to_string(static_cast<int>(info.param.display.x)) + "x" + std::to_string(static_cast<int>(info.param.display.y)) +
         (info.param.large_text ? "_large" : "_normal");
}

inline auto every_shape() {
  return ::testing::Values(Shape{ImVec2(1920, 1080), false}, Shape{ImVec2(1920, 1080), true}, Shape{ImVec2(1080, 1920), false},
                           Shape{ImVec2(1080, 1920), true});
}

// Lets the screen settle, then taps 大字 when the shape asks for it.
inline void set_text_size(HeadlessKiosk& kiosk, bool large) {
  kiosk.wait(0.5);
  if (!large) return;
  kiosk.tap("topbar.large_text");
  kiosk.wait(0.5);
}

}  // namespace openday::testing
