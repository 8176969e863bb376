// Prints one line per page of every route, in both orientations and both text sizes: the route,
// the walk and a hash of everything ImGui was asked to draw (vertices with their positions,
// atlas coordinates and colours, indices, clip rectangles, textures). Two builds that print the
// same lines draw the same pixels; a refactor that must not change what the kiosk shows is
// checked by running this before and after and comparing the outputs (README, "Tests").
// Not part of ctest: it walks every screen four times and is run by hand.
#include <gtest/gtest.h>
#include <imgui.h>

#include <cstdint>
#include <cstdio>
#include <set>
#include <string>

#include "support/headless_kiosk.h"
#include "ui/screen_walk.h"

namespace openday::testing {
namespace {

class Fnv1a {
 public:
  void add(const void* data, std::size_t size) {
    const auto* bytes = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < size; ++i) hash_ = (hash_ ^ bytes[i]) * 0x100000001b3ULL;
  }
  template <typename T>
  void add_value(const T& value) {
    add(&value, sizeof value);
  }
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

// The hash of the last frame's draw data and of the atlas size its coordinates refer to.
std::uint64_t frame_fingerprint() {
  Fnv1a hash;
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  hash.add_value(atlas->TexWidth);
  hash.add_value(atlas->TexHeight);
  const ImDrawData* data = ImGui::GetDrawData();
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList* list = data->CmdLists[l];
    for (const ImDrawVert& v : list->VtxBuffer) {
      hash.add_value(v.pos);
      hash.add_value(v.uv);
      hash.add_value(v.col);
    }
    hash.add(list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      hash.add_value(cmd.ClipRect);
      hash.add_value(cmd.TextureId);
      hash.add_value(cmd.VtxOffset);
      hash.add_value(cmd.IdxOffset);
      hash.add_value(cmd.ElemCount);
    }
  }
  return hash.value();
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
    std::printf("%s\t%s\t%016llx\n", name.c_str(), where.c_str(), static_cast<unsigned long long>(frame_fingerprint()));
  });
  EXPECT_GT(seen.size(), 100u) << "the walk reached too few pages to prove anything";
}

INSTANTIATE_TEST_SUITE_P(Displays, DrawFingerprints,
                         ::testing::Values(Walk{ImVec2(1920, 1080), false}, Walk{ImVec2(1920, 1080), true},
                                           Walk{ImVec2(1080, 1920), false}, Walk{ImVec2(1080, 1920), true}));

}  // namespace
}  // namespace openday::testing
