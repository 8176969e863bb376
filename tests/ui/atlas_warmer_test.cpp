// The atlas warmer (issue 29): while the kiosk waits for a visitor it bakes every screen's
// font atlas, in both text sizes, into the cache, one at a time and never while someone is at
// the kiosk; after it, no tap waits for a bake.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "core/util/paths.h"
#include "platform/font_lookup.h"
#include "support/headless_kiosk.h"
#include "support/temp_dir.h"
#include "atlas_fixture.h"
#include "ui/atlas_warmer.h"
#include "ui/route_registry.h"

namespace openday {
namespace {

using namespace std::chrono_literals;

// The sample with only its first departments: each bake at full size takes a while.
std::shared_ptr<const Content> few_departments(std::size_t count) {
  Content content = *testing::HeadlessKiosk::sample_content();
  content.departments.resize(count);
  return std::make_shared<const Content>(std::move(content));
}

using testing::kiosk_fonts;
using testing::small_metrics;

std::size_t cache_files(const std::filesystem::path& folder) {
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    if (entry.path().filename().string().rfind("atlas-", 0) == 0) ++files;
  return files;
}

ui::AtlasWarmPlan warm_plan(std::shared_ptr<const Content> content) {
  const Config config;
  ui::GlyphPlan plan;
  plan.collect({*content, *testing::HeadlessKiosk::sample_quiz(), config, content->event});
  return {plan, std::move(content), kiosk_fonts(), small_metrics(), 4096};
}

TEST(AtlasWarmer, FillsTheCacheWithOneFilePerFocusAndTextSize) {
  ImGuiContext* context = ImGui::CreateContext();  // as in the kiosk: the UI thread's context exists
  testing::TempDir folder;
  const auto content = few_departments(2);
  {
    ui::AtlasWarmer warmer{ui::AtlasCache(folder.path()), 0ms};
    warmer.warm(warm_plan(content));
    ASSERT_TRUE(warmer.wait_until_done(120s));
    // shared, search, and each department; normal and 大字
    const std::size_t expected = 2 * (2 + content->departments.size());
    EXPECT_EQ(cache_files(folder.path()), expected);
    EXPECT_EQ(warmer.progress().baked, static_cast<int>(expected));
    EXPECT_EQ(warmer.progress().failed, 0);

    // A second round (the kiosk started again) finds everything there and bakes nothing.
    warmer.warm(warm_plan(content));
    ASSERT_TRUE(warmer.wait_until_done(60s));
    EXPECT_EQ(warmer.progress().baked, 0);
    EXPECT_EQ(warmer.progress().already_cached, static_cast<int>(expected));
  }
  ImGui::DestroyContext(context);
}

TEST(AtlasWarmer, StartsNoBakeWhilePaused) {
  testing::TempDir folder;
  ui::AtlasWarmer warmer{ui::AtlasCache(folder.path()), 0ms};
  warmer.pause();
  warmer.warm(warm_plan(few_departments(1)));
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(cache_files(folder.path()), 0u);
  EXPECT_EQ(warmer.progress().baked, 0);
  EXPECT_EQ(warmer.progress().queued, 6u);
  EXPECT_FALSE(warmer.done());
  warmer.resume();
  ASSERT_TRUE(warmer.wait_until_done(120s));
  EXPECT_EQ(cache_files(folder.path()), 6u);
}

Config all_day() {
  Config config;
  config.idle_timeout_seconds = 24 * 3600;  // the walk must not end in the idle reset
  return config;
}

void go_to(testing::HeadlessKiosk& kiosk, const std::string& route) {
  const auto stack = ui::stack_for_route(route, kiosk.kiosk().content());
  ASSERT_TRUE(stack) << route;
  kiosk.kiosk().router().reset_to(*stack);
  kiosk.frame();
  kiosk.run_until_idle();
  ASSERT_EQ(kiosk.route(), route);
}

TEST(AtlasWarming, AVisitorAtTheKioskStopsItBeforeTheNextBake) {
  testing::TempDir folder;
  testing::HeadlessKiosk kiosk(ImVec2(1920, 1080), "attract", all_day(), few_departments(2), folder.path());
  const ui::AtlasWarmer* warmer = kiosk.kiosk().atlas_warmer();
  ASSERT_NE(warmer, nullptr);
  kiosk.run_until_idle();  // the attract screen settles: warming is queued
  EXPECT_GT(warmer->progress().queued, 0u);
  kiosk.tap("attract.start");
  ASSERT_NE(kiosk.route(), "attract");
  EXPECT_TRUE(warmer->progress().paused);
  // The bake that was under way when the finger landed may end; no other starts.
  for (int i = 0; i < 200 && warmer->progress().baking; ++i) std::this_thread::sleep_for(50ms);
  const auto before = warmer->progress();
  std::this_thread::sleep_for(600ms);
  const auto after = warmer->progress();
  EXPECT_FALSE(after.baking);
  EXPECT_EQ(after.baked, before.baked);
  EXPECT_EQ(after.queued, before.queued);
  EXPECT_GT(after.queued, 0u);
  // Back on the attract screen it carries on.
  go_to(kiosk, "attract");
  EXPECT_FALSE(warmer->progress().paused);
  EXPECT_TRUE(warmer->wait_until_done(300s));
}

TEST(AtlasWarming, AfterItEveryDepartmentInBothTextSizesComesFromTheCache) {
  testing::TempDir folder;
  const auto content = few_departments(3);
  testing::HeadlessKiosk kiosk(ImVec2(1920, 1080), "attract", all_day(), content, folder.path());
  ASSERT_NE(kiosk.kiosk().atlas_warmer(), nullptr);
  kiosk.run_until_idle();  // the attract screen settles: warming is queued
  ASSERT_FALSE(kiosk.kiosk().atlas_warmer()->done());
  ASSERT_TRUE(kiosk.kiosk().atlas_warmer()->wait_until_done(300s));
  EXPECT_EQ(kiosk.kiosk().atlas_warmer()->progress().failed, 0);
  go_to(kiosk, "home");
  for (const bool large : {false, true}) {
    if (large) {
      kiosk.wait(0.5);  // the new screen's tap guard
      kiosk.tap("topbar.large_text");
      kiosk.run_until_idle();
      ASSERT_TRUE(kiosk.kiosk().large_text());
      EXPECT_TRUE(kiosk.kiosk().fonts().has_large_text());
      EXPECT_TRUE(kiosk.kiosk().fonts().stats().from_cache) << "大字 on";
    }
    for (const Department& department : content->departments) {
      go_to(kiosk, "department/" + department.id + "/items");
      EXPECT_EQ(kiosk.kiosk().fonts().has_large_text(), large);
      EXPECT_TRUE(kiosk.kiosk().fonts().stats().from_cache) << department.id << (large ? " 大字" : "");
    }
    go_to(kiosk, "search");
    EXPECT_TRUE(kiosk.kiosk().fonts().stats().from_cache) << "search" << (large ? " 大字" : "");
    go_to(kiosk, "home");
    EXPECT_TRUE(kiosk.kiosk().fonts().stats().from_cache) << "home" << (large ? " 大字" : "");
  }
}

}  // namespace
}  // namespace openday
