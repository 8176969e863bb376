// The whole generated county (issue 18): every department in every tab, every approval item,
// both orientations and both text sizes, with the atlas held to a 4096 px texture, draws no
// fallback glyph. The atlas holds what the screen shows, not the county, so it stays small.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <ostream>

#include "core/content/content.h"
#include "core/util/paths.h"
#include "screen_walk.h"
#include "support/county_generator.h"
#include "support/headless_kiosk.h"
#include "support/temp_dir.h"

namespace openday {
namespace {

// The county: the sample's departments plus 60 generated ones, 3,000 items more.
struct County {
  County() {
    const auto dir = folder / "content";
    testing::generate_county({60, 3000, 1, default_content_dir()}, dir);
    ContentLoad loaded = load_content(dir);
    if (!loaded.content) throw std::runtime_error("the generated county does not load: " + loaded.problems.front().to_string());
    content = std::make_shared<const Content>(std::move(*loaded.content));
  }
  testing::TempDir folder;
  testing::TempDir atlas_cache;  // shared by the walks: each bake is made once
  std::shared_ptr<const Content> content;
};

County& county() {
  static County made;
  return made;
}

class CountyWithoutFallbackGlyphs : public ::testing::TestWithParam<testing::Walk> {};

TEST_P(CountyWithoutFallbackGlyphs, OnEveryScreen) {
  const auto started = std::chrono::steady_clock::now();
  Config config;
  config.idle_timeout_seconds = 24 * 3600;  // the walk takes hours of fake time: no idle reset
  testing::HeadlessKiosk kiosk(GetParam().display, "attract", config, county().content, county().atlas_cache.path());
  int screens = 0, tallest = 0, most_glyphs = 0;
  float smallest_scale = 1;
  testing::walk_every_screen(kiosk, GetParam().large, [&](const std::string& where) {
    ++screens;
    const ui::FontAtlasStats& stats = kiosk.kiosk().fonts().stats();
    tallest = std::max(tallest, stats.height);
    most_glyphs = std::max(most_glyphs, stats.glyphs);
    smallest_scale = std::min(smallest_scale, stats.downscale);
    ASSERT_LE(stats.width, testing::HeadlessKiosk::kMaxTextureSize) << where;
    ASSERT_LE(stats.height, testing::HeadlessKiosk::kMaxTextureSize) << where;
    EXPECT_EQ(testing::fallback_glyphs_drawn(kiosk.kiosk().fonts()), "") << where;
  });
  for (const auto& [text, logged] : kiosk.kiosk().fallback_texts()) ADD_FAILURE() << logged;
  EXPECT_GT(screens, static_cast<int>(county().content->approval_item_count()));
  std::printf("county walk: %d screens, tallest atlas 4096x%d, at most %d glyphs, smallest raster scale %.2f, %.0f s\n", screens,
              tallest, most_glyphs, smallest_scale,
              std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
}

INSTANTIATE_TEST_SUITE_P(Displays, CountyWithoutFallbackGlyphs,
                         ::testing::Values(testing::Walk{ImVec2(1920, 1080), false}, testing::Walk{ImVec2(1920, 1080), true},
                                           testing::Walk{ImVec2(1080, 1920), false}, testing::Walk{ImVec2(1080, 1920), true}),
                         [](const auto& walk) {
                           return std::to_string(static_cast<int>(walk.param.display.x)) + "x" +
                                  std::to_string(static_cast<int>(walk.param.display.y)) + (walk.param.large ? "_large" : "_normal");
                         });

}  // namespace
}  // namespace openday
