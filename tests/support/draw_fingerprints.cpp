// Prints one line per page of every route, in both orientations and both text sizes: the route,
// the walk and a hash of everything ImGui was asked to draw (vertices with their positions,
// atlas coordinates and colours, indices, clip rectangles, textures). Two builds that print the
// same lines draw the same pixels; a refactor that must not change what the kiosk shows is
// checked by running this before and after and comparing the outputs (README, "Tests").
// Not part of ctest: it walks every screen four times and is run by hand.
#include <gtest/gtest.h>
#include <imgui.h>

#include <cstdio>
#include <set>
#include <string>

#include "support/headless_kiosk.h"
#include "ui/frame_settle.h"
#include "ui/screen_walk.h"

namespace openday::testing {
namespace {

// What the last frame drew (ui::draw_data_signature, the hash the kiosk settles frames by) and
// the size of the atlas its texture coordinates refer to.
std::string frame_fingerprint() {
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  char line[64];
  std::snprintf(line, sizeof line, "%016llx\t%dx%d", static_cast<unsigned long long>(ui::draw_data_signature(*ImGui::GetDrawData())),
                atlas->TexWidth, atlas->TexHeight);
  return line;
}

class DrawFingerprints : public ::testing::TestWithParam<Walk> {};

TEST_P(DrawFingerprints, EveryPageOfEveryRoute) {
  const Walk walk = GetParam();
  HeadlessKiosk kiosk(walk.display);
  const std::string name = std::to_string(static_cast<int>(walk.display.x)) + "x" +
                           std::to_string(static_cast<int>(walk.display.y)) + (walk.large ? " large" : " normal");
  std::set<std::string> seen;
  walk_every_screen(kiosk, walk.large, [&](const std::string& where) {
    EXPECT_TRUE(seen.insert(where).second) << where << " was fingerprinted twice";
    std::printf("%s\t%s\t%s\n", name.c_str(), where.c_str(), frame_fingerprint().c_str());
  });
  EXPECT_GT(seen.size(), 100u) << "the walk reached too few pages to prove anything";
}

INSTANTIATE_TEST_SUITE_P(Displays, DrawFingerprints,
                         ::testing::Values(Walk{ImVec2(1920, 1080), false}, Walk{ImVec2(1920, 1080), true},
                                           Walk{ImVec2(1080, 1920), false}, Walk{ImVec2(1080, 1920), true}));

}  // namespace
}  // namespace openday::testing
